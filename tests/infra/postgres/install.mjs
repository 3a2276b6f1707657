// Debian's PostgreSQL server binaries (/usr/lib/postgresql/<major>/bin), installed with apt-get when missing.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ensurePackages, isInstalled } from '../lib/apt.mjs';
import { withLock } from '../lib/lock.mjs';
import { run } from '../lib/proc.mjs';

/**
 * @typedef {object} PostgresServer
 * @property {string} binDir  e.g. /usr/lib/postgresql/15/bin
 * @property {string} major   e.g. `15`
 * @property {string} version e.g. `15.20`
 */

/**
 * Finds the newest server of an installed Debian package `postgresql-<major>`, installing the `postgresql`
 * package (Debian 12: PostgreSQL 15) when there is none. Binaries elsewhere (on PATH, /usr/local/bin) are
 * not used.
 * @returns {Promise<PostgresServer & { installedNow: boolean }>}
 * @example const { binDir } = await installPostgres();
 */
export async function installPostgres() {
  return withLock('postgres-install', async () => {
    const found = await findServer();
    if (found !== undefined) return { ...found, installedNow: false };
    console.error('postgres: installing Debian package postgresql with apt-get');
    await ensurePackages(['postgresql'], { log: (line) => console.error(`postgres: ${line}`) });
    const installed = await findServer();
    if (installed === undefined) {
      throw new Error(
        'postgres: apt-get installed postgresql but there is no /usr/lib/postgresql/*/bin/initdb',
      );
    }
    return { ...installed, installedNow: true };
  });
}

/**
 * The newest /usr/lib/postgresql/<major>/bin with initdb, pg_ctl and a postgres that prints its version.
 * @returns {Promise<PostgresServer | undefined>}
 */
export async function findServer() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const binDir = path.join(root, major, 'bin');
    if (!['initdb', 'pg_ctl', 'postgres'].every((tool) => existsSync(path.join(binDir, tool)))) continue;
    if (!(await isInstalled(`postgresql-${major}`))) continue;
    const { stdout } = await run(path.join(binDir, 'postgres'), ['--version']).catch(() => ({ stdout: '' }));
    const version = /^postgres \(PostgreSQL\) (\S+)/.exec(stdout)?.[1];
    if (version !== undefined) return { binDir, major, version };
  }
  return undefined;
}
