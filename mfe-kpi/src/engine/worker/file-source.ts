/**
 * Getting one data file's bytes: from Cache Storage when a previous visit kept it (keyed by the file's
 * SHA-256, so an unchanged file is never fetched twice and a replaced one never served stale), else from
 * the network with progress, checked against the manifest's SHA-256 before it is cached or used.
 */
import type { LoadFile } from '../protocol.js';

/** Cache Storage name (bump the suffix if the stored form ever changes). */
export const CACHE_NAME = 'vwu-analytics-files-v1';

/** The bytes of a file did not match the manifest's SHA-256. */
export class IntegrityError extends Error {
  override readonly name = 'IntegrityError';
}

/** The server answered a file request with an error status. */
export class FileFetchError extends Error {
  override readonly name = 'FileFetchError';

  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** A file's bytes and where they came from. */
export interface FileBytes {
  bytes: Uint8Array;
  fromCache: boolean;
  /** False when the bytes could not be stored (quota, no Cache Storage): the next visit fetches again. */
  stored: boolean;
}

/** What reading a file needs. */
export interface ReadOptions {
  /** Null where Cache Storage is unavailable (an insecure context). */
  cache: Cache | null;
  /** Origin the cache keys live under (the keys are never fetched). */
  origin: string;
  headers?: Record<string, string>;
  signal: AbortSignal;
  /** Called as bytes arrive from the network (not for cached files). */
  onBytes(count: number): void;
}

/** Opens the file cache, or `null` where Cache Storage is unavailable. */
export async function openFileCache(): Promise<Cache | null> {
  if (typeof caches === 'undefined') return null;
  try {
    return await caches.open(CACHE_NAME);
  } catch (error) {
    // Storage can be refused (private mode, policy): the engine then simply fetches every time.
    if (error instanceof DOMException) return null;
    throw error;
  }
}

/** The cache key of a file: content-addressed. */
function cacheKey(origin: string, sha256: string): string {
  return `${origin}/__vwu/analytics-cache/${sha256}`;
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Hex SHA-256, or `null` where WebCrypto is unavailable (an insecure context). */
async function sha256Of(bytes: Uint8Array): Promise<string | null> {
  if (typeof crypto === 'undefined' || crypto.subtle === undefined) return null;
  return hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

async function readBody(response: Response, expected: number, onBytes: (n: number) => void) {
  if (response.body === null) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
    onBytes(value.byteLength);
  }
  const bytes = new Uint8Array(Math.max(length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  if (expected > 0 && length !== expected) {
    throw new IntegrityError(`${response.url}: ${length} bytes received, the manifest says ${expected}`);
  }
  return bytes;
}

/**
 * The bytes of a file: cached, or fetched, checked and cached.
 *
 * @throws FileFetchError for an error status, IntegrityError for bytes that do not match the manifest,
 * the fetch's AbortError when cancelled.
 * @example const { bytes, fromCache } = await readFileBytes(file, { cache, origin, signal, onBytes });
 */
export async function readFileBytes(file: LoadFile, options: ReadOptions): Promise<FileBytes> {
  const key = cacheKey(options.origin, file.sha256);
  const hit = options.cache === null ? undefined : await options.cache.match(key);
  if (hit !== undefined)
    return { bytes: new Uint8Array(await hit.arrayBuffer()), fromCache: true, stored: true };

  const response = await fetch(file.url, {
    headers: options.headers ?? {},
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (!response.ok) {
    throw new FileFetchError(`${file.url}: HTTP ${response.status} ${response.statusText}`, response.status);
  }
  const bytes = await readBody(response, file.bytes, options.onBytes);
  const digest = await sha256Of(bytes);
  if (digest !== null && digest !== file.sha256) {
    throw new IntegrityError(`${file.url}: SHA-256 ${digest}, the manifest says ${file.sha256}`);
  }
  if (options.cache === null || digest === null) return { bytes, fromCache: false, stored: false };
  try {
    await options.cache.put(
      key,
      new Response(bytes as Uint8Array<ArrayBuffer>, {
        headers: { 'content-type': 'application/vnd.apache.parquet' },
      }),
    );
    return { bytes, fromCache: false, stored: true };
  } catch (error) {
    // A full quota must not fail the dashboard: the file is used now and fetched again next visit.
    if (error instanceof DOMException) return { bytes, fromCache: false, stored: false };
    throw error;
  }
}

/**
 * Deletes every cached file; returns how many there were.
 *
 * @example await clearFileCache() // 42
 */
export async function clearFileCache(): Promise<number> {
  if (typeof caches === 'undefined') return 0;
  const cache = await caches.open(CACHE_NAME);
  const keys = await cache.keys();
  await caches.delete(CACHE_NAME);
  return keys.length;
}
