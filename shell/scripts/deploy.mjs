// @ts-check
// Deploys one micro-frontend through the API, or rolls it back. Run from a module's workspace:
//   npm run deploy -w @vwu/mfe-members [-- --no-build --version 0.1.1-hotfix.1 --api http://host:8080]
//   npm run rollback -w @vwu/mfe-members [-- 0.1.0]      (no version: the one served before the current)
// Signs in as a module deployer (VWU_DEPLOY_USER / VWU_DEPLOY_PASSWORD, or --user / --password; default the
// demo deployer), builds the module (vite build), packs its dist/ as tar.gz, uploads it (the API verifies and
// stores it) and publishes that version to the import map. The console serves it on the next reload.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The demo deployer of `npm start` (demo data only). */
export const DEMO_DEPLOYER = { user: 'deployer.central', password: 'VwuDemo-2025!' };
export const DEFAULT_API = 'http://127.0.0.1:8080';

/**
 * @typedef {object} Target
 * @property {string} api       origin of the console/API, e.g. http://127.0.0.1:8080
 * @property {string} user
 * @property {string} password
 */

/**
 * Calls the API; throws with the API's own message on an error answer.
 * @param {string} url
 * @param {RequestInit} init
 */
async function call(url, init) {
  const response = await fetch(url, init);
  const text = await response.text();
  const body = text === '' ? undefined : JSON.parse(text);
  if (!response.ok) {
    const error = body?.error;
    throw new Error(
      `${init.method ?? 'GET'} ${new URL(url).pathname} → ${response.status} ${error?.code ?? ''}: ${error?.message ?? text}`,
    );
  }
  return body;
}

/**
 * Signs in as a deployer; returns the access token.
 * @param {Target} target
 * @returns {Promise<string>}
 */
export async function signIn(target) {
  const body = await call(`${target.api}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: target.user, password: target.password }),
  });
  return body.accessToken;
}

/**
 * A module's app name ('mfe-members') from its package.json name ('@vwu/mfe-members').
 * @param {string} dir
 */
export function appName(dir) {
  const { name } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return String(name).replace(/^@vwu\//, '');
}

/**
 * dist/ packed as tar.gz, with deploy.json's version replaced when `version` is given.
 * @param {string} dist
 * @param {string | undefined} version
 * @returns {Buffer}
 */
export function packDist(dist, version) {
  if (!existsSync(join(dist, 'deploy.json')))
    throw new Error(`${dist} has no deploy.json: build the module first`);
  let source = dist;
  const scratch = version === undefined ? undefined : mkdtempSync(join(tmpdir(), 'vwu-deploy-'));
  try {
    if (scratch !== undefined) {
      source = join(scratch, 'dist');
      cpSync(dist, source, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(source, 'deploy.json'), 'utf8'));
      writeFileSync(join(source, 'deploy.json'), `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);
    }
    return execFileSync('tar', ['-czf', '-', '-C', source, '.'], { maxBuffer: 1 << 30 });
  } finally {
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Uploads and publishes a module's built dist/.
 * @param {Target & { dir: string, version?: string, token?: string }} options
 * @returns {Promise<{ app: string, version: string, entry: string, previousVersion: string | null, created: boolean }>}
 */
export async function deployModule(options) {
  const app = appName(options.dir);
  const archive = packDist(join(options.dir, 'dist'), options.version);
  const token = options.token ?? (await signIn(options));
  const auth = { authorization: `Bearer ${token}` };
  const uploaded = await call(`${options.api}/api/deployments/${app}/versions`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/gzip' },
    body: new Uint8Array(archive),
  });
  const published = await call(`${options.api}/api/deployments/${app}/publish`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ version: uploaded.bundle.version }),
  });
  return { ...published, created: uploaded.created };
}

/**
 * Rolls a module back to `version`, or to the version served before the current one.
 * @param {Target & { app: string, version?: string, token?: string }} options
 */
export async function rollbackModule(options) {
  const token = options.token ?? (await signIn(options));
  return call(`${options.api}/api/deployments/${options.app}/rollback`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(options.version === undefined ? {} : { version: options.version }),
  });
}

/**
 * The modules and the version each serves.
 * @param {Target & { token?: string }} target
 * @returns {Promise<Array<{ app: string, version: string, entry: string }>>}
 */
export async function listDeployments(target) {
  const token = target.token ?? (await signIn(target));
  const body = await call(`${target.api}/api/deployments`, { headers: { authorization: `Bearer ${token}` } });
  return body.modules;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      api: { type: 'string', default: process.env.VWU_API_URL ?? DEFAULT_API },
      user: { type: 'string', default: process.env.VWU_DEPLOY_USER ?? DEMO_DEPLOYER.user },
      password: { type: 'string', default: process.env.VWU_DEPLOY_PASSWORD ?? DEMO_DEPLOYER.password },
      version: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const dir = process.cwd();
  const target = { api: values.api.replace(/\/$/, ''), user: values.user, password: values.password };
  const [command = 'deploy', version] = positionals;
  if (command === 'rollback') {
    const result = await rollbackModule({ ...target, app: appName(dir), version });
    console.log(`[rollback] ${result.app}: now ${result.version} (was ${result.previousVersion ?? 'none'})`);
    return;
  }
  if (command !== 'deploy') throw new Error(`unknown command "${command}": deploy or rollback`);
  if (!values['no-build']) {
    console.log(`[deploy] building ${basename(dir)}…`);
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: dir, stdio: 'inherit' });
  }
  const result = await deployModule({ ...target, dir, version: values.version });
  console.log(
    `[deploy] ${result.app} ${result.version} ${result.created ? 'uploaded' : 'already stored'} and published` +
      ` (was ${result.previousVersion ?? 'none'}): ${target.api}${result.entry}`,
  );
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`[deploy] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
