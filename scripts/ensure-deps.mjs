// Installs the workspace's npm dependencies when node_modules is missing or older than package-lock.json.
// Used by `npm start` and `npm test` so that a fresh clone needs no other set-up command.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Installs the locked dependency tree if it is missing or stale. `npm install` rather than `npm ci`: the
 * lock file (written on Linux) lacks some other platforms' optional packages (turbo's), which `npm ci`
 * refuses; `npm install` keeps every locked version and only fills those in.
 */
export function ensureDependencies() {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('[setup] installing npm dependencies (npm install from package-lock.json)…');
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
}
