/**
 * One `load` request: make a set of files resident. Files are fetched (or read from the cache) up to
 * {@link FETCH_CONCURRENCY} at a time and decoded as they arrive — all while DuckDB may still be starting —
 * then each event type's files go into the database in one insert. Progress goes out as bytes arrive, at
 * most every {@link PROGRESS_INTERVAL_MS}.
 */
import type { DuckDBBindings } from 'duckdb-wasm-blocking';
import type { LoadFile, LoadProgress, LoadSummary } from '../protocol.js';
import { isEventType, type EventType } from '../tables.js';
import { decodeParquet } from './decode.js';
import { readFileBytes, type FileBytes } from './file-source.js';
import type { PendingFile, ResidentFiles } from './resident-files.js';

/** Files in flight at once (HTTP/1.1 allows six connections per host; leave some for the page). */
export const FETCH_CONCURRENCY = 4;
/** Least time between two progress events. */
export const PROGRESS_INTERVAL_MS = 50;
/** Decoded bytes held before inserting what is there (bounds memory on large loads). */
export const FLUSH_BYTES = 128 * 1024 * 1024;

/** A file whose event type has no table here (a newer pipeline than this module). */
export class UnknownEventTypeError extends Error {
  override readonly name = 'UnknownEventTypeError';
}

/** What a load needs from the worker. */
export interface LoadContext {
  resident: ResidentFiles;
  /** The database, once started (the load fetches and decodes before it is). */
  database: () => Promise<DuckDBBindings>;
  /** parquet-wasm, once started. */
  parquet: Promise<unknown>;
  cache: Promise<Cache | null>;
  origin: string;
  headers?: Record<string, string>;
  signal: AbortSignal;
  onProgress(progress: LoadProgress): void;
  /** Clock for timings (performance.now in the worker). */
  now(): number;
}

function unique(files: readonly LoadFile[]): LoadFile[] {
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(f.sha256) && seen.add(f.sha256));
}

/**
 * Makes `files` resident; resolves with what it did.
 *
 * @throws the first fetch, integrity, decode or insert error; an AbortError when cancelled (types already
 * inserted stay resident).
 */
export async function loadFiles(files: readonly LoadFile[], ctx: LoadContext): Promise<LoadSummary> {
  const started = ctx.now();
  const wanted = unique(files);
  const todo = wanted.filter((f) => !ctx.resident.has(f.sha256));
  const unknown = todo.find((f) => !isEventType(f.eventType));
  if (unknown !== undefined) {
    throw new UnknownEventTypeError(`${unknown.url}: event type "${unknown.eventType}" has no table`);
  }
  const progress: LoadProgress = {
    phase: 'fetching',
    files: { done: 0, total: todo.length },
    bytes: { done: 0, total: todo.reduce((sum, f) => sum + f.bytes, 0) },
    cached: 0,
  };
  const summary: LoadSummary = {
    files: wanted.length,
    resident: wanted.length - todo.length,
    cached: 0,
    bytesFetched: 0,
    bytesFromCache: 0,
    rows: 0,
    ms: { total: 0, fetch: 0, decode: 0, insert: 0 },
  };
  let lastSent = -Infinity;
  const report = (force: boolean) => {
    const now = ctx.now();
    if (!force && now - lastSent < PROGRESS_INTERVAL_MS) return;
    lastSent = now;
    ctx.onProgress(structuredClone(progress));
  };
  report(true);

  const cache = await ctx.cache;
  const read = (file: LoadFile): Promise<FileBytes> =>
    readFileBytes(file, {
      cache,
      origin: ctx.origin,
      headers: ctx.headers,
      signal: ctx.signal,
      onBytes: (count) => {
        progress.bytes.done += count;
        summary.bytesFetched += count;
        report(false);
      },
    });

  const groups = new Map<EventType, PendingFile[]>();
  let held = 0;
  const flush = async () => {
    if (groups.size === 0) return;
    const db = await ctx.database();
    ctx.signal.throwIfAborted();
    progress.phase = 'inserting';
    report(true);
    for (const [type, pending] of groups) {
      const timing = ctx.resident.insert(db, type, pending);
      summary.rows += timing.rows;
      summary.ms.decode += timing.combineMs;
      summary.ms.insert += timing.insertMs;
    }
    groups.clear();
    held = 0;
  };

  const inFlight: Promise<FileBytes>[] = [];
  let next = 0;
  const topUp = () => {
    while (next < todo.length && inFlight.length < FETCH_CONCURRENCY) inFlight.push(read(todo[next++]!));
  };
  topUp();
  try {
    for (const file of todo) {
      const waitStart = ctx.now();
      const got = await inFlight.shift()!;
      summary.ms.fetch += ctx.now() - waitStart;
      ctx.signal.throwIfAborted();
      topUp();
      if (got.fromCache) {
        progress.cached += 1;
        progress.bytes.done += got.bytes.byteLength;
        summary.cached += 1;
        summary.bytesFromCache += got.bytes.byteLength;
      }
      await ctx.parquet;
      const decodeStart = ctx.now();
      const type = file.eventType as EventType;
      const ipc = decodeParquet(got.bytes, type);
      summary.ms.decode += ctx.now() - decodeStart;
      const group = groups.get(type) ?? [];
      group.push({
        sha256: file.sha256,
        rows: file.rows,
        fileNo: ctx.resident.nextNumber(),
        month: file.month,
        ipc,
      });
      groups.set(type, group);
      held += ipc.byteLength;
      progress.files.done += 1;
      report(true);
      if (held >= FLUSH_BYTES) await flush();
    }
    await flush();
  } catch (error) {
    // Reads still in flight after a failure have nobody to report to; the first error is the answer.
    inFlight.forEach((p) => p.catch(() => undefined));
    throw error;
  }
  progress.phase = 'done';
  report(true);
  summary.ms.total = ctx.now() - started;
  return summary;
}
