// The test cluster under .cache/postgres: created with initdb as the `postgres` system user (PostgreSQL
// refuses to run as root), its settings, and the `vwu` role and `vwu_test` database.
import { appendFileSync, chownSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { run } from '../lib/proc.mjs';

/** The system user that owns the cluster when the scripts run as root. */
export const osUser = 'postgres';

/**
 * @typedef {object} ClusterLayout
 * @property {string} home      .cache/postgres (cwd of the server tools)
 * @property {string} dataDir
 * @property {string} socketDir
 * @property {string} logsDir
 * @property {number} port
 * @property {string} password  of the `vwu` role
 */

/**
 * Runs a server tool as the `postgres` system user when we are root, else as ourselves.
 * @param {ClusterLayout} l
 * @param {string} cmd
 * @param {string[]} args
 */
export function asDbUser(l, cmd, args) {
  if (process.getuid?.() === 0) return run('runuser', ['-u', osUser, '--', cmd, ...args], { cwd: l.home });
  return run(cmd, args, { cwd: l.home });
}

/**
 * Creates the cluster with initdb unless it exists (then checks its major version), and (re)writes
 * vwu-test.conf, which postgresql.conf includes.
 * @param {ClusterLayout} l
 * @param {import('./install.mjs').PostgresServer} server
 */
export async function prepareCluster(l, server) {
  if (process.getuid?.() === 0) {
    const { uid, gid } = systemUser();
    for (const dir of [l.home, l.socketDir, l.logsDir]) chownSync(dir, uid, gid);
  }
  await asDbUser(l, 'test', ['-w', l.home]).catch(() => {
    throw new Error(
      `postgres: user ${osUser} cannot write ${l.home}; a parent folder is not searchable (chmod o+x)`,
    );
  });
  const versionFile = path.join(l.dataDir, 'PG_VERSION');
  if (!existsSync(versionFile)) {
    rmSync(l.dataDir, { recursive: true, force: true });
    const locale = ['-E', 'UTF8', '--locale=C.UTF-8'];
    const auth = ['-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256'];
    await asDbUser(l, path.join(server.binDir, 'initdb'), ['-D', l.dataDir, ...auth, ...locale, '--no-sync']);
    appendFileSync(path.join(l.dataDir, 'postgresql.conf'), "\ninclude = 'vwu-test.conf'\n");
  } else if (readFileSync(versionFile, 'utf8').trim() !== server.major) {
    throw new Error(
      `postgres: ${l.dataDir} was made by PostgreSQL ${readFileSync(versionFile, 'utf8').trim()}, ` +
        `the server is ${server.major}; run: node tests/infra/postgres.mjs reset`,
    );
  }
  writeFileSync(path.join(l.dataDir, 'vwu-test.conf'), settings(l));
}

/**
 * The port the cluster was last started with (from vwu-test.conf).
 * @param {ClusterLayout} l
 * @returns {number}
 */
export function configuredPort(l) {
  return Number(/^port = (\d+)$/m.exec(readFileSync(path.join(l.dataDir, 'vwu-test.conf'), 'utf8'))?.[1]);
}

/**
 * Creates the `vwu` role (LOGIN CREATEDB, its password kept in step with PG_PASSWORD) and the `vwu_test`
 * database it owns, through the unix socket as the superuser.
 * @param {ClusterLayout} l
 * @param {{ role: string, database: string }} names
 */
export async function provision(l, { role, database }) {
  const admin = new pg.Client({ host: l.socketDir, port: l.port, user: 'postgres', database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const verb = exists.rowCount === 0 ? 'CREATE' : 'ALTER';
    const name = admin.escapeIdentifier(role);
    await admin.query(`${verb} ROLE ${name} LOGIN CREATEDB PASSWORD ${admin.escapeLiteral(l.password)}`);
    const db = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (db.rowCount === 0)
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)} OWNER ${name}`);
  } finally {
    await admin.end();
  }
}

/**
 * Settings for a small, fast test server; rewritten on every start (the port may change).
 * @param {ClusterLayout} l
 */
function settings(l) {
  const quote = (/** @type {string} */ value) => `'${value.replace(/'/g, "''")}'`;
  return [
    '# Written by tests/infra/postgres.mjs on every start; edit that script, not this file.',
    "listen_addresses = '127.0.0.1'",
    `port = ${l.port}`,
    `unix_socket_directories = ${quote(l.socketDir)}`,
    'max_connections = 100',
    'shared_buffers = 128MB',
    'work_mem = 8MB',
    'maintenance_work_mem = 64MB',
    'max_wal_size = 1GB',
    'jit = off',
    "timezone = 'UTC'",
    "lc_messages = 'C'",
    "log_line_prefix = '%m [%p] %q%u@%d '",
    'log_min_duration_statement = 1000',
    '',
  ].join('\n');
}

/** @returns {{ uid: number, gid: number }} */
function systemUser() {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${osUser}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) {
    throw new Error(`postgres: no system user '${osUser}' (the Debian postgresql package creates it)`);
  }
  return { uid: Number(uid), gid: Number(gid) };
}
