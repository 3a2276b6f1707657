/**
 * The analytics worker's protocol: a closed union of requests (main thread → worker) and of events
 * (worker → main thread), each keyed by `type` and carrying the `id` of the request it belongs to. Errors
 * cross the boundary as plain `{ name, message, stack }`.
 */

/** A Parquet file of the manifest, as the worker needs it to fetch, check, decode and place it. */
export interface LoadFile {
  /** Absolute URL (the main thread resolves manifest paths against the data base URL). */
  url: string;
  /** Hex SHA-256 of the file: the cache key and the integrity check. */
  sha256: string;
  bytes: number;
  rows: number;
  /** Event type, e.g. 'meeting.held': decides the table. */
  eventType: string;
  /** Current province key, e.g. '2025:80'. */
  province: string;
  /** Vietnam calendar month 'YYYY-MM' (the partition), stored in the table's `month` column. */
  month: string;
}

/** A value bound to a `?` placeholder of a prepared statement. */
export type QueryParam = string | number | boolean | null;

/** One cell of a result row, as plain data (BIGINT → number, timestamps → ISO text, lists → arrays). */
export type Cell = string | number | boolean | null | Cell[];

/** Requests, each answered by exactly one event with the same `id` (`cancel` is answered through its target). */
export type EngineRequest =
  /** Starts DuckDB (once; later starts answer at once). `bundle` overrides the default (for measuring). */
  | { type: 'start'; id: number; bundle?: DuckDBBundleName }
  /** Makes these files resident: each fetched (or read from the cache), checked, decoded and inserted once. */
  | { type: 'load'; id: number; files: LoadFile[]; headers?: Record<string, string> }
  /** Drops every resident file whose SHA-256 is not listed (the manifest moved on: compaction replaced it). */
  | { type: 'retain'; id: number; sha256: string[] }
  /**
   * Runs one SQL statement; `params` fill its `?` placeholders through a prepared statement. `readOnly`
   * (the analyst's editor): refused unless one SELECT/WITH/EXPLAIN/DESCRIBE, run in a rolled-back transaction.
   */
  | { type: 'query'; id: number; sql: string; params: QueryParam[]; maxRows?: number; readOnly?: boolean }
  /** Cancels request `target` (a queued or running load): it answers with an AbortError. */
  | { type: 'cancel'; id: number; target: number }
  /** Deletes every cached file (sign-out on a shared computer). */
  | { type: 'clear-cache'; id: number };

/** Which bundle of DuckDB-WASM runs. */
export type DuckDBBundleName = 'eh' | 'mvp';

/** What started, and how long it took (milliseconds). */
export interface EngineInfo {
  bundle: DuckDBBundleName;
  duckdbVersion: string;
  /**
   * Milliseconds: `total` of the start; `instantiate` = compile to open, split into `compile` (fetch and
   * streaming compile of the wasm), `init` (instantiation and the runtime's initialisation) and `open`
   * (the database's); parquet-wasm's start.
   */
  ms: {
    total: number;
    instantiate: number;
    parquet: number;
    compile?: number;
    init?: number;
    open?: number;
  };
}

/** Where a load is. `bytes.total` is the manifest's size of the files still to make resident. */
export interface LoadProgress {
  phase: 'fetching' | 'inserting' | 'done';
  files: { done: number; total: number };
  bytes: { done: number; total: number };
  /** Files read from the cache so far (no network). */
  cached: number;
}

/** What a load did. */
export interface LoadSummary {
  /** Files asked for. */
  files: number;
  /** Of them, already resident before this load. */
  resident: number;
  /** Of them, read from the cache. */
  cached: number;
  /** Bytes read from the network (0 when every file was cached or resident). */
  bytesFetched: number;
  bytesFromCache: number;
  /** Rows inserted by this load. */
  rows: number;
  ms: { total: number; fetch: number; decode: number; insert: number };
}

/** A column of a result. */
export interface ResultColumn {
  name: string;
  /** Arrow type as text, e.g. 'Float64', 'Utf8'. */
  type: string;
}

/** A query's answer. */
export interface QueryResult {
  columns: ResultColumn[];
  rows: Record<string, Cell>[];
  /** Rows the query produced (more than `rows.length` when cut at `maxRows`). */
  rowCount: number;
  ms: number;
}

/** An error as it crosses the worker boundary. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

/** Events from the worker. */
export type EngineEvent =
  | { type: 'started'; id: number; info: EngineInfo }
  | { type: 'progress'; id: number; progress: LoadProgress }
  | { type: 'loaded'; id: number; summary: LoadSummary }
  | { type: 'retained'; id: number; dropped: number }
  | { type: 'result'; id: number; result: QueryResult }
  | { type: 'cache-cleared'; id: number; entries: number }
  | { type: 'error'; id: number; error: SerializedError };

/** The answer of each request type (what the client's promise resolves with). */
export interface Answers {
  start: EngineInfo;
  load: LoadSummary;
  retain: number;
  query: QueryResult;
  'clear-cache': number;
}

/** Request types that have an answer. */
export type AnsweredRequest = keyof Answers;

/** Names of the request types, for checking what arrives. */
export const REQUEST_TYPES = ['start', 'load', 'retain', 'query', 'cancel', 'clear-cache'] as const;

/** Names of the event types. */
export const EVENT_TYPES = [
  'started',
  'progress',
  'loaded',
  'retained',
  'result',
  'cache-cleared',
  'error',
] as const;

/**
 * An error as plain data for `postMessage`: its name, message and stack (a non-Error becomes an `Error`
 * named by its type).
 *
 * @example serializeError(new RangeError('bad month')) // { name: 'RangeError', message: 'bad month', stack: '…' }
 */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error || (error instanceof DOMException && typeof error.name === 'string')) {
    const out: SerializedError = { name: error.name, message: error.message };
    if (typeof error.stack === 'string') out.stack = error.stack;
    return out;
  }
  return {
    name: 'Error',
    message: typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error)),
  };
}

/** An error that came from the worker, with the worker's name and stack. */
export class EngineError extends Error {
  /** The worker-side stack. */
  readonly workerStack: string | undefined;

  constructor(serialized: SerializedError) {
    super(serialized.message);
    this.name = serialized.name;
    this.workerStack = serialized.stack;
  }
}

/**
 * Back to an Error on the receiving side (`name` and worker stack kept).
 *
 * @example throw deserializeError(event.error) // EngineError { name: 'IntegrityError', … }
 */
export function deserializeError(error: SerializedError): EngineError {
  return new EngineError(error);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isLoadFile(value: unknown): value is LoadFile {
  return (
    isObject(value) &&
    typeof value.url === 'string' &&
    typeof value.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(value.sha256) &&
    typeof value.bytes === 'number' &&
    typeof value.rows === 'number' &&
    typeof value.eventType === 'string' &&
    typeof value.province === 'string' &&
    typeof value.month === 'string' &&
    /^\d{4}-\d{2}$/.test(value.month)
  );
}

function isParam(value: unknown): value is QueryParam {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function isHeaders(value: unknown): value is Record<string, string> {
  return isObject(value) && Object.values(value).every((v) => typeof v === 'string');
}

/**
 * Whether a message is a well-formed request: the worker answers anything else with an error instead of
 * guessing.
 *
 * @example isEngineRequest({ type: 'query', id: 3, sql: 'SELECT 1', params: [] }) // true
 */
export function isEngineRequest(value: unknown): value is EngineRequest {
  if (!isObject(value) || typeof value.type !== 'string' || !Number.isInteger(value.id)) return false;
  switch (value.type) {
    case 'start':
      return value.bundle === undefined || value.bundle === 'eh' || value.bundle === 'mvp';
    case 'clear-cache':
      return true;
    case 'load':
      return (
        Array.isArray(value.files) &&
        value.files.every(isLoadFile) &&
        (value.headers === undefined || isHeaders(value.headers))
      );
    case 'retain':
      return Array.isArray(value.sha256) && value.sha256.every((s) => typeof s === 'string');
    case 'query':
      return (
        typeof value.sql === 'string' &&
        Array.isArray(value.params) &&
        value.params.every(isParam) &&
        (value.maxRows === undefined || (Number.isInteger(value.maxRows) && (value.maxRows as number) >= 0)) &&
        (value.readOnly === undefined || typeof value.readOnly === 'boolean')
      );
    case 'cancel':
      return Number.isInteger(value.target);
    default:
      return false;
  }
}

/** Whether a message is an event of this protocol (the client ignores anything else). */
export function isEngineEvent(value: unknown): value is EngineEvent {
  return (
    isObject(value) &&
    Number.isInteger(value.id) &&
    typeof value.type === 'string' &&
    (EVENT_TYPES as readonly string[]).includes(value.type)
  );
}
