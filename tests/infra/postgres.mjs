// A real PostgreSQL server for the integration tests: Debian's server package (installed with apt-get when
// missing), a cluster of its own under .cache/postgres, listening on 127.0.0.1 only, with a `vwu` role and
// a `vwu_test` database. Run as the `postgres` system user when this script runs as root.
//   node tests/infra/postgres.mjs ensure|start|stop|restart|reset|status|install
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { isMain, runCli } from './lib/cli.mjs';
import { withLock } from './lib/lock.mjs';
import { cacheDir, portFromEnv } from './lib/paths.mjs';
import {
  isOurProcess,
  isPortOpen,
  processState,
  tail,
  terminate,
  waitFor,
  waitForZombie,
} from './lib/proc.mjs';
import { asDbUser, configuredPort, prepareCluster, provision } from './postgres/cluster.mjs';
import { findServer, installPostgres } from './postgres/install.mjs';

export { installPostgres };

/**
 * @typedef {'stopped' | 'running'} PostgresState
 * @typedef {object} PostgresInfo
 * @property {PostgresState} state
 * @property {string} url           `postgres://vwu:…@127.0.0.1:54329/vwu_test`
 * @property {string} host
 * @property {number} port
 * @property {string} user
 * @property {string} password
 * @property {string} database
 * @property {string} socketDir     unix socket folder (the superuser `postgres` connects there, no password)
 * @property {string} version       server version, e.g. `15.20`
 * @property {number | undefined} pid postmaster pid
 * @property {boolean} startedNow   true when this call started the server (a globalSetup stops only those)
 * @property {string} logFile
 */

const names = { role: 'vwu', database: 'vwu_test' };
const readyTimeoutMs = 60_000;

/** Paths, port and password, computed on each call so that env changes (PG_PORT) are seen. */
function layout() {
  const home = cacheDir('postgres');
  return {
    home,
    dataDir: path.join(home, 'data'),
    socketDir: cacheDir('postgres', 'run'),
    logsDir: cacheDir('postgres', 'logs'),
    logFile: path.join(home, 'logs', 'postgres.log'),
    port: portFromEnv('PG_PORT', 54329),
    password: process.env.PG_PASSWORD || 'vwu',
  };
}

/**
 * Installs if needed, creates the cluster on first use, starts the server if it is not running, makes sure
 * the role and database exist, and waits until it answers. Fast when it already runs.
 * @returns {Promise<PostgresInfo>}
 * @example const { url } = await ensurePostgres(); const client = new pg.Client({ connectionString: url });
 */
export async function ensurePostgres() {
  const server = await installPostgres();
  return withLock('postgres', () => startUnlocked(server));
}

/** Same as {@link ensurePostgres}. @returns {Promise<PostgresInfo>} */
export const startPostgres = ensurePostgres;

/**
 * Stops the server (`pg_ctl stop -m fast`, then immediate, then SIGKILL). Data is kept.
 * @returns {Promise<PostgresInfo>}
 */
export async function stopPostgres() {
  const server = await installPostgres();
  return withLock('postgres', () => stopUnlocked(server));
}

/** Stops and starts the server, keeping its data. @returns {Promise<PostgresInfo>} */
export async function restartPostgres() {
  const server = await installPostgres();
  return withLock('postgres', async () => {
    await stopUnlocked(server);
    return startUnlocked(server);
  });
}

/**
 * Stops the server and deletes the cluster; starts a fresh one unless `start: false`.
 * @param {{ start?: boolean }} [options]
 * @returns {Promise<PostgresInfo>}
 */
export async function resetPostgres({ start = true } = {}) {
  const server = await installPostgres();
  return withLock('postgres', async () => {
    const stopped = await stopUnlocked(server);
    rmSync(layout().dataDir, { recursive: true, force: true });
    return start ? startUnlocked(server) : stopped;
  });
}

/** Whether the server runs and answers. @returns {Promise<PostgresInfo>} */
export async function postgresStatus() {
  const l = layout();
  const pid = postmasterPid(l);
  const at = pid === undefined ? l : { ...l, port: configuredPort(l) };
  const state = pid !== undefined && (await answers(at)) ? 'running' : 'stopped';
  return info(at, state, pid, (await findServer())?.version ?? 'not installed', false);
}

/**
 * @param {ReturnType<typeof layout>} l
 * @param {PostgresState} state
 * @param {number | undefined} pid
 * @param {string} version
 * @param {boolean} startedNow
 * @returns {PostgresInfo}
 */
function info(l, state, pid, version, startedNow) {
  const { role: user, database } = names;
  const url = `postgres://${user}:${encodeURIComponent(l.password)}@127.0.0.1:${l.port}/${database}`;
  const { socketDir, logFile, port, password } = l;
  return {
    state,
    url,
    host: '127.0.0.1',
    port,
    user,
    password,
    database,
    socketDir,
    version,
    pid,
    startedNow,
    logFile,
  };
}

/**
 * @param {import('./postgres/install.mjs').PostgresServer} server
 * @returns {Promise<PostgresInfo>}
 */
async function startUnlocked(server) {
  const l = layout();
  const running = postmasterPid(l);
  if (running !== undefined) {
    const port = configuredPort(l);
    if (port !== l.port) {
      throw new Error(
        `postgres: the server (pid ${running}) already runs on port ${port}, not ${l.port}; ` +
          'stop it first: node tests/infra/postgres.mjs stop',
      );
    }
    await waitReady(l);
    await provision(l, names);
    return info(l, 'running', running, server.version, false);
  }
  await clearStaleLockFile(l);
  if (await isPortOpen(l.port)) {
    throw new Error(`postgres: port ${l.port} on 127.0.0.1 is taken by another process; set PG_PORT`);
  }
  await prepareCluster(l, server);
  const timeout = String(readyTimeoutMs / 1000);
  const start = ['start', '-D', l.dataDir, '-l', l.logFile, '-w', '-t', timeout, '-s'];
  await asDbUser(l, path.join(server.binDir, 'pg_ctl'), start).catch((error) => {
    throw new Error(`${error.message}\n--- ${l.logFile} (last lines) ---\n${tail(l.logFile, 30)}`);
  });
  await waitReady(l);
  await provision(l, names);
  return info(l, 'running', postmasterPid(l), server.version, true);
}

/**
 * @param {import('./postgres/install.mjs').PostgresServer} server
 * @returns {Promise<PostgresInfo>}
 */
async function stopUnlocked(server) {
  const l = layout();
  const pid = postmasterPid(l);
  if (pid !== undefined) {
    const pgCtl = path.join(server.binDir, 'pg_ctl');
    const stop = (/** @type {string} */ mode, /** @type {string} */ seconds) =>
      asDbUser(l, pgCtl, ['stop', '-D', l.dataDir, '-m', mode, '-w', '-t', seconds, '-s']);
    await stop('fast', '30')
      .catch(() => stop('immediate', '10'))
      .catch(() => undefined);
    await terminate(pid, { marker: l.dataDir, graceMs: 5_000 });
  }
  return info(l, 'stopped', undefined, server.version, false);
}

/** @param {ReturnType<typeof layout>} l */
async function waitReady(l) {
  await waitFor(async () => ((await answers(l)) ? true : undefined), {
    timeoutMs: readyTimeoutMs,
    describeFailure: (lastError) =>
      `postgres: no answer on port ${l.port} within ${readyTimeoutMs / 1000} s` +
      (lastError instanceof Error ? ` (${lastError.message})` : '') +
      `\n--- ${l.logFile} (last lines) ---\n${tail(l.logFile, 30)}`,
  });
}

/**
 * True when the superuser can run a query through the server's unix socket.
 * @param {ReturnType<typeof layout>} l
 * @returns {Promise<boolean>}
 */
async function answers(l) {
  const client = new pg.Client({
    host: l.socketDir,
    port: l.port,
    user: 'postgres',
    database: 'postgres',
    connectionTimeoutMillis: 2_000,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The live postmaster of our cluster, from data/postmaster.pid (a stale file after a crash is ignored).
 * @param {ReturnType<typeof layout>} l
 * @returns {number | undefined}
 */
function postmasterPid(l) {
  const file = path.join(l.dataDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  return isOurProcess(pid, l.dataDir) ? pid : undefined;
}

/**
 * After a crash or a kill -9, data/postmaster.pid names a process that is not our postmaster: wait until a
 * zombie postmaster is reaped, and delete the lock file when its pid now belongs to another process.
 * @param {ReturnType<typeof layout>} l
 */
async function clearStaleLockFile(l) {
  const file = path.join(l.dataDir, 'postmaster.pid');
  if (!existsSync(file)) return;
  const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return;
  if (!(await waitForZombie(pid)))
    throw new Error(`postgres: old postmaster ${pid} is still a zombie after 30 s`);
  if (processState(pid) !== undefined) rmSync(file, { force: true });
}

if (isMain(import.meta.url)) {
  await runCli('postgres.mjs', {
    install: installPostgres,
    ensure: ensurePostgres,
    start: startPostgres,
    stop: stopPostgres,
    restart: restartPostgres,
    reset: () => resetPostgres(),
    status: postgresStatus,
  });
}
