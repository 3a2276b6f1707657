// A cross-process lock (a directory under .cache/) so that two test runs starting the same server at once
// do not install or start it twice. A lock whose owner process has died is taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cacheDir } from './paths.mjs';

/**
 * Runs `fn` while holding the named lock.
 * @template T
 * @param {string} name e.g. `kafka`
 * @param {() => Promise<T>} fn
 * @param {{ timeoutMs?: number }} [options] how long to wait for another holder (default 15 min: a cold install)
 * @returns {Promise<T>}
 * @example await withLock('kafka', () => startBroker());
 */
export async function withLock(name, fn, { timeoutMs = 15 * 60_000 } = {}) {
  const dir = path.join(cacheDir('locks'), `${name}.lock`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'owner'), `${process.pid}\n`);
      break;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
      if (ownerIsGone(dir)) {
        rmSync(dir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the ${name} lock (${dir})`);
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * @param {string} dir
 * @returns {boolean}
 */
function ownerIsGone(dir) {
  let pid;
  try {
    pid = Number.parseInt(readFileSync(path.join(dir, 'owner'), 'utf8'), 10);
  } catch {
    // The owner has made the directory but not yet written its pid: treat as alive for now.
    return false;
  }
  if (!Number.isInteger(pid)) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'ESRCH';
  }
}
