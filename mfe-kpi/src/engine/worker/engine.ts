/**
 * The worker side of the engine: takes requests one after another (a query sent after a load sees the
 * load's rows), answers each with exactly one event, and turns every failure into an `error` event with
 * `{ name, message, stack }`. `cancel` is handled at once: it aborts a queued or running load.
 */
import type { DuckDBBindings } from 'duckdb-wasm-blocking';
import {
  isEngineRequest,
  serializeError,
  type DuckDBBundleName,
  type EngineEvent,
  type EngineInfo,
  type EngineRequest,
  type LoadSummary,
  type QueryParam,
  type QueryResult,
} from '../protocol.js';
import { clearFileCache, openFileCache } from './file-source.js';
import { loadFiles } from './load-files.js';
import { startParquet } from './decode.js';
import { assertReadOnly } from '../read-only.js';
import { ResidentFiles } from './resident-files.js';
import { toQueryResult, type ArrowLike } from './results.js';
import { compileDuckDB, startDuckDB } from './start-duckdb.js';

/** Where the worker posts its events (the worker's global scope, or a fake in tests). */
export interface EventPort {
  postMessage(event: EngineEvent): void;
}

/** Rows a query returns when the request does not say (a dashboard needs far fewer). */
export const DEFAULT_MAX_ROWS = 10_000;

/** A malformed request. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

interface Started {
  db: DuckDBBindings;
  info: EngineInfo;
}

/** What the worker needs from its environment. */
export interface EngineOptions {
  port: EventPort;
  /** The page's origin (cache keys, DuckDB's extension repository that serves nothing). */
  origin: string;
  /** Bundle used when a `start` request does not name one: EH, the faster one measured here. */
  defaultBundle?: DuckDBBundleName;
}

/** Handles the requests of one worker. */
export class WorkerEngine {
  private started: Promise<Started> | undefined;
  private compiling: ReturnType<typeof compileDuckDB> | undefined;
  private parquet: Promise<number> | undefined;
  private cache: Promise<Cache | null> | undefined;
  private readonly resident = new ResidentFiles();
  private queue: Promise<void> = Promise.resolve();
  private readonly controllers = new Map<number, AbortController>();
  /**
   * Loads still fetching and decoding. DuckDB's instantiation and open are synchronous and hold this
   * thread for seconds: they wait for these, so the files are fetched and decoded while the 34 MB compile
   * runs on the browser's background threads instead of after the database is open.
   */
  private readonly decoding = new Set<Promise<void>>();

  constructor(private readonly options: EngineOptions) {}

  /** Takes one message from the main thread. */
  receive(message: unknown): void {
    if (!isEngineRequest(message)) {
      const id = (message as { id?: unknown } | null)?.id;
      this.post({
        type: 'error',
        id: Number.isInteger(id) ? (id as number) : -1,
        error: serializeError(
          new ProtocolError(`not a request of the analytics protocol: ${JSON.stringify(message)}`),
        ),
      });
      return;
    }
    if (message.type === 'cancel') {
      this.controllers.get(message.target)?.abort();
      return;
    }
    // DuckDB's 34 MB compile begins with the first request that needs the database (the page sends `start`
    // and `load` together; either may arrive first), and runs while files are fetched and decoded.
    if (message.type !== 'clear-cache') {
      this.compiling ??= compileDuckDB(
        (message.type === 'start' ? message.bundle : undefined) ?? this.options.defaultBundle ?? 'eh',
      );
      this.compiling.catch(() => undefined);
    }
    if (message.type === 'start') {
      // Not queued: a load sent at the same time fetches and decodes while DuckDB starts.
      void this.run(message, new AbortController().signal);
      return;
    }
    const controller = new AbortController();
    this.controllers.set(message.id, controller);
    this.queue = this.queue.then(() => this.run(message, controller.signal));
  }

  private post(event: EngineEvent): void {
    this.options.port.postMessage(event);
  }

  private async run(request: Exclude<EngineRequest, { type: 'cancel' }>, signal: AbortSignal): Promise<void> {
    try {
      signal.throwIfAborted();
      this.post(await this.answer(request, signal));
    } catch (error) {
      this.post({ type: 'error', id: request.id, error: serializeError(error) });
    } finally {
      this.controllers.delete(request.id);
    }
  }

  private async answer(
    request: Exclude<EngineRequest, { type: 'cancel' }>,
    signal: AbortSignal,
  ): Promise<EngineEvent> {
    const { id } = request;
    switch (request.type) {
      case 'start':
        return { type: 'started', id, info: (await this.start(request.bundle)).info };
      case 'load': {
        let decoded!: () => void;
        const gate = new Promise<void>((resolve) => (decoded = resolve));
        this.decoding.add(gate);
        const done = () => {
          this.decoding.delete(gate);
          decoded();
        };
        try {
          return { type: 'loaded', id, summary: await this.load(request, signal, done) };
        } finally {
          done();
        }
      }
      case 'retain': {
        const { db } = await this.start();
        return { type: 'retained', id, dropped: this.resident.retain(db, new Set(request.sha256)) };
      }
      case 'query': {
        const { db } = await this.start();
        if (request.readOnly === true) {
          return { type: 'result', id, result: readOnlyQuery(db, request.sql, request.maxRows) };
        }
        return { type: 'result', id, result: query(db, request.sql, request.params, request.maxRows) };
      }
      case 'clear-cache':
        return { type: 'cache-cleared', id, entries: await clearFileCache() };
    }
  }

  /** Runs a load; `decoded` is called once its files are decoded, before the database is first needed. */
  private load(
    request: Extract<EngineRequest, { type: 'load' }>,
    signal: AbortSignal,
    decoded: () => void,
  ): Promise<LoadSummary> {
    return loadFiles(request.files, {
      resident: this.resident,
      database: async () => {
        decoded();
        return (await this.start()).db;
      },
      parquet: this.parquetReady(),
      cache: (this.cache ??= openFileCache()),
      origin: this.options.origin,
      headers: request.headers,
      signal,
      onProgress: (progress) => this.post({ type: 'progress', id: request.id, progress }),
      now: () => performance.now(),
    });
  }

  /** Resolves once the compile is done and no load is fetching or decoding. */
  private async quiet(compiling: ReturnType<typeof compileDuckDB>): Promise<void> {
    await (await compiling).module;
    while (this.decoding.size > 0) await Promise.all([...this.decoding]);
  }

  private parquetReady(): Promise<number> {
    this.parquet ??= startParquet();
    return this.parquet;
  }

  /**
   * Starts DuckDB once (parquet-wasm alongside); later calls get the same database. A failed start is not
   * remembered: the next request tries again.
   */
  private start(bundle?: DuckDBBundleName): Promise<Started> {
    this.started ??= (async () => {
      const began = performance.now();
      this.compiling ??= compileDuckDB(bundle ?? this.options.defaultBundle ?? 'eh');
      const compiling = this.compiling;
      const [duck, parquetMs] = await Promise.all([
        this.quiet(compiling).then(() => startDuckDB(compiling, this.options.origin)),
        this.parquetReady(),
      ]);
      const { compile, instantiate, open } = duck.phases;
      const info: EngineInfo = {
        bundle: duck.bundle,
        duckdbVersion: duck.version,
        ms: {
          total: performance.now() - began,
          instantiate: duck.instantiateMs,
          parquet: parquetMs,
          compile,
          init: instantiate,
          open,
        },
      };
      return { db: duck.db, info };
    })();
    this.started.catch(() => {
      this.started = undefined;
      this.compiling = undefined;
    });
    return this.started;
  }
}
/**
 * Runs one statement on a fresh connection (closed in `finally`): prepared when it has parameters, as a
 * script otherwise (an analyst's `SELECT` without values).
 */
function query(
  db: DuckDBBindings,
  sql: string,
  params: QueryParam[],
  maxRows = DEFAULT_MAX_ROWS,
): QueryResult {
  const started = performance.now();
  const conn = db.connect();
  try {
    if (params.length === 0) {
      const table = conn.query(sql) as unknown as ArrowLike;
      return toQueryResult(table, maxRows, performance.now() - started);
    }
    const statement = conn.prepare(sql);
    try {
      const table = statement.query(...params) as unknown as ArrowLike;
      return toQueryResult(table, maxRows, performance.now() - started);
    } finally {
      statement.close();
    }
  } finally {
    conn.close();
  }
}

/**
 * Runs an analyst's statement: checked to be one read-only statement, then run inside a transaction that
 * is always rolled back, so not even a statement the check let through can change the resident tables.
 */
function readOnlyQuery(db: DuckDBBindings, sql: string, maxRows = DEFAULT_MAX_ROWS): QueryResult {
  assertReadOnly(sql);
  const started = performance.now();
  const conn = db.connect();
  try {
    conn.query('BEGIN TRANSACTION');
    try {
      const table = conn.query(sql) as unknown as ArrowLike;
      return toQueryResult(table, maxRows, performance.now() - started);
    } finally {
      conn.query('ROLLBACK');
    }
  } finally {
    conn.close();
  }
}
