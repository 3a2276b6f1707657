/**
 * Durable file primitives for the embedded log and the pipeline's state: atomic replacement
 * (temp + fsync + rename + directory fsync) and a single-owner lock file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Flushes a directory entry (a create, rename or delete) to disk. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `path` with `data` so that a crash leaves either the old or the new content, never a mix.
 *
 * @example await writeFileAtomic('var/event-log/groups/pipeline.json', JSON.stringify(offsets));
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDir(dir);
}

/** A held lock file; `release` removes it. */
export interface FileLock {
  readonly path: string;
  release(): Promise<void>;
}

/** Thrown when a lock is held by another live process (or by this one). */
export class LockHeldError extends Error {
  override readonly name = 'LockHeldError';
  constructor(
    readonly path: string,
    readonly ownerPid: number,
  ) {
    super(`${path} is held by process ${ownerPid}; only one may own it (stop that process, or wait for it)`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function ownerOf(path: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(path, 'utf8'), 10);
    return Number.isSafeInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function ageMs(path: string): Promise<number> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * Takes an exclusive lock file holding this process's id. A lock left by a process that no longer runs is
 * taken over; a live owner makes it wait up to `timeoutMs` (default 0), then throw {@link LockHeldError}.
 */
export async function acquireLock(path: string, timeoutMs = 0): Promise<FileLock> {
  await mkdir(dirname(path), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(String(process.pid));
        await handle.sync();
      } finally {
        await handle.close();
      }
      let released = false;
      return {
        path,
        release: async () => {
          if (released) return;
          released = true;
          await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await ownerOf(path);
    // An unreadable lock younger than a second may be one another process is still writing.
    if (
      (owner === undefined && (await ageMs(path)) > 1_000) ||
      (owner !== undefined && owner !== process.pid && !isAlive(owner))
    ) {
      await rm(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline) throw new LockHeldError(path, owner ?? -1);
    await sleep(50);
  }
}
