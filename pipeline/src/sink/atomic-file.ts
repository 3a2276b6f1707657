/**
 * Durable, atomic file landing: write under a temporary name in the target directory, fsync the file, rename
 * it over the final name, fsync the directory. A reader sees the old state or the whole new file, never a
 * part; after a crash only `*.tmp-*` leftovers remain, which {@link removeTempFiles} deletes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/** Marker between a final name and the random suffix of its temporary file. */
export const TEMP_MARKER = '.tmp-';

/** Makes the random suffix of temporary names; injected so tests can pin it. */
export type RandomSuffix = () => string;

/** Twelve hex characters from the operating system's random source. */
export const randomSuffix: RandomSuffix = () => randomBytes(6).toString('hex');

/** Test seam: called after the temporary file is durable and before the rename. */
export type BeforeRename = (tempPath: string, finalPath: string) => void | Promise<void>;

/** What landed. */
export interface LandedFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** Options of {@link landFile}. */
export interface LandOptions {
  random?: RandomSuffix;
  beforeRename?: BeforeRename;
  /** The target directory already exists durably: skip creating it (one `mkdir` less per file). */
  directoryReady?: boolean;
}

/** Fsyncs a file or directory by path. */
export async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Creates a directory and its missing parents, fsyncing the parent of every directory it created so the new
 * entries survive a crash.
 */
export async function ensureDirectory(dir: string): Promise<void> {
  const first = await mkdir(dir, { recursive: true });
  if (first === undefined) return;
  const created = relative(first, dir)
    .split(sep)
    .filter((part) => part !== '');
  let current = first;
  await fsyncPath(dirname(first));
  for (const part of created) {
    await fsyncPath(current);
    current = join(current, part);
  }
}

/** The SHA-256 of a file, hex, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Lands a file atomically. `content` is either the bytes, or a function that writes the file at the
 * temporary path it is given (DuckDB's `COPY … TO`). The final name may depend on the content: pass a
 * function of the landed file's hash.
 *
 * @throws whatever writing throws; the temporary file is removed and the final name untouched.
 * @example
 * const landed = await landFile('/data/events/type=x/p0-o1-9.parquet', bytes);
 */
export async function landFile(
  finalPath: string | ((sha256: string) => string),
  content: Uint8Array | ((tempPath: string) => Promise<void>),
  options: LandOptions = {},
): Promise<LandedFile> {
  const provisional = typeof finalPath === 'string' ? finalPath : finalPath('pending');
  const dir = dirname(provisional);
  if (options.directoryReady !== true) await ensureDirectory(dir);
  const tempPath = `${provisional}${TEMP_MARKER}${(options.random ?? randomSuffix)()}`;
  try {
    let sha256: string;
    let bytes: number;
    if (content instanceof Uint8Array) {
      const handle = await open(tempPath, 'wx');
      try {
        for (let at = 0; at < content.byteLength;)
          at += (await handle.write(content, at, content.byteLength - at, at)).bytesWritten;
        await handle.sync();
      } finally {
        await handle.close();
      }
      sha256 = createHash('sha256').update(content).digest('hex');
      bytes = content.byteLength;
    } else {
      await content(tempPath);
      await fsyncPath(tempPath);
      sha256 = await sha256File(tempPath);
      const handle = await open(tempPath, 'r');
      try {
        bytes = (await handle.stat()).size;
      } finally {
        await handle.close();
      }
    }
    const path = typeof finalPath === 'string' ? finalPath : finalPath(sha256);
    await options.beforeRename?.(tempPath, path);
    await rename(tempPath, path);
    await fsyncPath(dir);
    return { path, bytes, sha256 };
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}

/** Writes a small text file (the manifest) atomically. */
export async function landText(path: string, text: string, options: LandOptions = {}): Promise<LandedFile> {
  return landFile(path, new TextEncoder().encode(text), options);
}

/**
 * Deletes every `*.tmp-*` file under `root` (leftovers of writes a crash interrupted) and returns their paths.
 */
export async function removeTempFiles(root: string): Promise<string[]> {
  const removed: string[] = [];
  let entries;
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return removed;
    throw error;
  }
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.includes(TEMP_MARKER)) continue;
    const path = join(entry.parentPath, entry.name);
    await rm(path, { force: true });
    removed.push(path);
  }
  return removed;
}
