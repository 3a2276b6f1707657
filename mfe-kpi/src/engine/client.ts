/**
 * The main thread's side of the analytics engine: typed promises over the worker's message protocol. Every
 * request gets an id; its answer (or error) settles the promise; progress events go to the caller's
 * listener. An aborted signal cancels a load in the worker and rejects at once with an AbortError.
 */
import {
  deserializeError,
  EngineError,
  isEngineEvent,
  type AnsweredRequest,
  type Answers,
  type DuckDBBundleName,
  type EngineEvent,
  type EngineRequest,
  type LoadFile,
  type LoadProgress,
  type QueryParam,
} from './protocol.js';

/** What the client needs of a worker (a real `Worker`, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: EngineRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent | Event) => void): void;
  terminate(): void;
}

/** Distributes a request of type K without its `id`. */
type RequestBody<K extends EngineRequest['type']> = Omit<Extract<EngineRequest, { type: K }>, 'id'>;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (progress: LoadProgress) => void;
}

/** Options of {@link AnalyticsEngine.load}. */
export interface LoadOptions {
  onProgress?: (progress: LoadProgress) => void;
  signal?: AbortSignal;
  /** Headers for the file requests (e.g. an authorization the API asks for). */
  headers?: Record<string, string>;
}

const ANSWER_OF: Record<string, AnsweredRequest> = {
  started: 'start',
  loaded: 'load',
  retained: 'retain',
  result: 'query',
  'cache-cleared': 'clear-cache',
};

function answerOf(event: EngineEvent): unknown {
  switch (event.type) {
    case 'started':
      return event.info;
    case 'loaded':
      return event.summary;
    case 'retained':
      return event.dropped;
    case 'result':
      return event.result;
    case 'cache-cleared':
      return event.entries;
    default:
      return undefined;
  }
}

function abortError(): DOMException {
  return new DOMException('The load was cancelled.', 'AbortError');
}

/**
 * The analytics engine as the main thread sees it.
 *
 * @example
 * const engine = new AnalyticsEngine(spawnAnalyticsWorker());
 * await engine.load(files, { onProgress: (p) => show(p) });
 * const { rows } = await engine.query('SELECT count(*) AS n FROM meeting_held WHERE month = ?', ['2025-10']);
 */
export class AnalyticsEngine {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private failure: Error | undefined;

  constructor(private readonly worker: WorkerLike) {
    worker.addEventListener('message', (event) => this.receive(event.data));
    worker.addEventListener('error', (event) => {
      const message =
        event instanceof ErrorEvent && event.message !== '' ? event.message : 'the worker failed';
      this.fail(new EngineError({ name: 'WorkerError', message: `Analytics worker: ${message}` }));
    });
  }

  /** Starts DuckDB-WASM (the first request would anyway; calling it early overlaps the start with other work). */
  start(bundle?: DuckDBBundleName): Promise<Answers['start']> {
    return this.send('start', bundle === undefined ? {} : { bundle });
  }

  /** Makes files resident (fetched or cached, checked, decoded, inserted). */
  load(files: LoadFile[], options: LoadOptions = {}): Promise<Answers['load']> {
    const body: Omit<RequestBody<'load'>, 'type'> = options.headers === undefined
      ? { files }
      : { files, headers: options.headers };
    return this.send('load', body, options);
  }

  /** Drops resident files not listed; resolves with how many were dropped. */
  retain(sha256: string[]): Promise<Answers['retain']> {
    return this.send('retain', { sha256 });
  }

  /** Runs one SQL statement with `?` parameters. */
  query(sql: string, params: QueryParam[] = [], maxRows?: number): Promise<Answers['query']> {
    return this.send('query', maxRows === undefined ? { sql, params } : { sql, params, maxRows });
  }

  /** Runs an analyst's statement: refused by the worker unless read-only, and rolled back whatever it did. */
  queryReadOnly(sql: string, maxRows: number): Promise<Answers['query']> {
    return this.send('query', { sql, params: [], maxRows, readOnly: true });
  }

  /** Empties the file cache; resolves with the number of files it held. */
  clearCache(): Promise<Answers['clear-cache']> {
    return this.send('clear-cache', {});
  }

  /** Stops the worker; everything pending rejects. The engine cannot be used afterwards. */
  terminate(): void {
    this.worker.terminate();
    this.fail(new EngineError({ name: 'TerminatedError', message: 'The analytics engine was stopped.' }));
  }

  private send<K extends AnsweredRequest>(
    type: K,
    body: Omit<RequestBody<K>, 'type'>,
    options: { onProgress?: (p: LoadProgress) => void; signal?: AbortSignal } = {},
  ): Promise<Answers[K]> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (options.signal?.aborted) return Promise.reject(abortError());
    const id = this.nextId++;
    return new Promise<Answers[K]>((resolve, reject) => {
      const entry: Pending = { resolve: resolve as (v: unknown) => void, reject };
      if (options.onProgress !== undefined) entry.onProgress = options.onProgress;
      this.pending.set(id, entry);
      options.signal?.addEventListener(
        'abort',
        () => {
          if (!this.pending.delete(id)) return;
          this.worker.postMessage({ type: 'cancel', id: this.nextId++, target: id });
          reject(abortError());
        },
        { once: true },
      );
      this.worker.postMessage({ ...body, type, id } as unknown as EngineRequest);
    });
  }

  private receive(data: unknown): void {
    if (!isEngineEvent(data)) return;
    const entry = this.pending.get(data.id);
    if (entry === undefined) return;
    if (data.type === 'progress') {
      entry.onProgress?.(data.progress);
      return;
    }
    this.pending.delete(data.id);
    if (data.type === 'error') entry.reject(deserializeError(data.error));
    else if (ANSWER_OF[data.type] !== undefined) entry.resolve(answerOf(data));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
  }
}
