// Where the test servers keep their state: everything under <repo>/.cache, computed from this file's location.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (three levels above tests/infra/lib/). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The git-ignored folder that holds every server's binaries, data, logs and pid files. */
export const cacheRoot = path.join(repoRoot, '.cache');

/**
 * Path of a folder inside `.cache/`, created when missing.
 * @param {...string} parts path segments below `.cache/`
 * @returns {string} absolute path
 * @example cacheDir('kafka', 'logs') // → <repo>/.cache/kafka/logs
 */
export function cacheDir(...parts) {
  const dir = path.join(cacheRoot, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * A port from an environment variable, or the default.
 * @param {string} name variable name, e.g. `KAFKA_PORT`
 * @param {number} fallback default port
 * @returns {number}
 */
export function portFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name}=${raw} is not a TCP port (1–65535)`);
  }
  return port;
}
