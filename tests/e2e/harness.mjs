// @ts-check
// The console as `npm start` runs it, on a scratch store: the built API (PGlite in a temp folder, units and
// demo accounts from the demo set-up), serving the built shell, with the built modules deployed through the
// API by the same deploy script developers use. Needs `npm run build` first.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEMO_DEPLOYER, deployModule, signIn } from '../../shell/scripts/deploy.mjs';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The modules the console shows, in navigation order. */
export const MODULES = ['mfe-members', 'mfe-kpi', 'mfe-contests'];
/** Password of every demo account. */
export const DEMO_PASSWORD = DEMO_DEPLOYER.password;

const run = promisify(execFile);

/**
 * A running console.
 * @typedef {object} ConsoleUnderTest
 * @property {string} origin
 * @property {string[]} deployed      modules deployed at start (the built ones)
 * @property {string} deployerToken   a module deployer's access token
 * @property {() => Promise<void>} stop
 */

/** @returns {Promise<number>} */
async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/**
 * @param {string} url
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} timeoutMs
 */
async function waitFor(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode} before answering`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * Starts the console on a free port with its own store and deployments folder.
 *
 * @param {{ modules?: string[] }} [options] modules to deploy (default: every built one)
 * @returns {Promise<ConsoleUnderTest>}
 * @example const console = await startConsole(); … await console.stop();
 */
export async function startConsole(options = {}) {
  for (const built of ['api/dist/server.js', 'shell/dist/deploy.json', 'mfe-members/dist/deploy.json']) {
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run "npm run build" first`);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'vwu-e2e-'));
  const port = await freePort();
  const analytics = join(ROOT, 'var', 'analytics');
  const env = {
    ...process.env,
    PGLITE_DIR: join(scratch, 'pglite'),
    DEPLOY_DIR: join(scratch, 'deployments'),
    EVENT_LOG_DIR: join(scratch, 'event-log'),
    ANALYTICS_DIR: existsSync(analytics) ? analytics : join(scratch, 'analytics'),
    SERVE_CONSOLE: 'true',
    COOKIE_SECURE: 'false',
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOGIN_RATE_PER_IP: '10000',
    LOGIN_RATE_PER_USER: '10000',
    LOG_LEVEL: 'warn',
  };
  await run('node', [join(ROOT, 'api/dist/demo/cli.js')], { cwd: ROOT, env, maxBuffer: 1 << 24 });
  const api = spawn('node', [join(ROOT, 'api/dist/server.js')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((resolve) => api.once('exit', resolve));
    }
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    await waitFor(`${origin}/health`, api, 180_000);
    const target = { api: origin, ...DEMO_DEPLOYER };
    const deployerToken = await signIn(target);
    /** @type {string[]} */
    const deployed = [];
    for (const app of options.modules ?? MODULES) {
      if (!existsSync(join(ROOT, app, 'dist', 'deploy.json'))) continue;
      await deployModule({ ...target, token: deployerToken, dir: join(ROOT, app) });
      deployed.push(app);
    }
    return { origin, deployed, deployerToken, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
