/**
 * One `load` request: make a set of files resident. Up to {@link FETCH_CONCURRENCY} files are fetched (or
 * read from the cache) at once while the ones already here are decoded and inserted in manifest order;
 * progress goes out as bytes arrive, at most every {@link PROGRESS_INTERVAL_MS}.
 */
import type { LoadFile, LoadProgress, LoadSummary } from '../protocol.js';
import { readFileBytes, type FileBytes } from './file-source.js';
import type { ResidentFiles } from './resident-files.js';

/** Files in flight at once (HTTP/1.1 allows six connections per host; leave some for the page). */
export const FETCH_CONCURRENCY = 4;
/** Least time between two progress events. */
export const PROGRESS_INTERVAL_MS = 50;

/** What a load needs from the worker. */
export interface LoadContext {
  resident: ResidentFiles;
  cache: Cache | null;
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
 * @throws the first fetch, integrity or insert error; an AbortError when cancelled (files already
 * inserted stay resident).
 */
export async function loadFiles(files: readonly LoadFile[], ctx: LoadContext): Promise<LoadSummary> {
  const started = ctx.now();
  const wanted = unique(files);
  const todo = wanted.filter((f) => !ctx.resident.has(f.sha256));
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

  const read = (file: LoadFile): Promise<FileBytes> =>
    readFileBytes(file, {
      cache: ctx.cache,
      origin: ctx.origin,
      headers: ctx.headers,
      signal: ctx.signal,
      onBytes: (count) => {
        progress.bytes.done += count;
        summary.bytesFetched += count;
        report(false);
      },
    });

  const pending: Promise<FileBytes>[] = [];
  let next = 0;
  const topUp = () => {
    while (next < todo.length && pending.length < FETCH_CONCURRENCY) pending.push(read(todo[next++]!));
  };
  topUp();
  // Unawaited reads that fail after an earlier failure must not surface as unhandled rejections.
  const settleQuietly = () => pending.forEach((p) => p.catch(() => undefined));
  try {
    for (const file of todo) {
      const waitStart = ctx.now();
      const got = await pending.shift()!;
      summary.ms.fetch += ctx.now() - waitStart;
      ctx.signal.throwIfAborted();
      topUp();
      if (got.fromCache) {
        progress.cached += 1;
        progress.bytes.done += got.bytes.byteLength;
        summary.cached += 1;
        summary.bytesFromCache += got.bytes.byteLength;
      }
      progress.phase = 'inserting';
      const timing = ctx.resident.insert(file, got.bytes);
      summary.rows += timing.rows;
      summary.ms.decode += timing.decodeMs;
      summary.ms.insert += timing.insertMs;
      progress.files.done += 1;
      progress.phase = progress.files.done === todo.length ? 'done' : 'fetching';
      report(true);
    }
  } catch (error) {
    settleQuietly();
    throw error;
  }
  if (todo.length === 0) {
    progress.phase = 'done';
    report(true);
  }
  summary.ms.total = ctx.now() - started;
  return summary;
}
