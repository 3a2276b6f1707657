// `npm start` — the README's first command. On a fresh clone it installs and builds what is needed, prepares
// the demo data on first run (medium scale by default; `npm start -- --scale small|national`), sets up the
// embedded store, starts the API serving the console, deploys the three modules' built bundles through the
// API when they are not deployed yet, runs the pipeline service over the demo events, and prints the URL and
// the demo accounts. A second start reuses the data, the builds and the deployments.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_DEPLOYER, deployModule, listDeployments, signIn } from '../shell/scripts/deploy.mjs';
import { ROOT, ensureDependencies } from './ensure-deps.mjs';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'medium' },
    seed: { type: 'string', default: '2025' },
    port: { type: 'string', default: process.env.API_PORT ?? '8080' },
  },
});
const demoDir = join(ROOT, 'var', `demo-${values.scale}`);
const origin = `http://127.0.0.1:${values.port}`;
const MODULES = ['mfe-members', 'mfe-kpi', 'mfe-contests'];
const PIPELINE_CLI = join(ROOT, 'pipeline', 'dist', 'service', 'cli.js');
/** @type {import('node:child_process').ChildProcess[]} */
const children = [];

function step(label, command, args, env = process.env) {
  console.log(`[start] ${label}`);
  execFileSync(command, args, { cwd: ROOT, stdio: 'inherit', env });
}

function demoIsReady() {
  const manifest = join(demoDir, 'demo-manifest.json');
  if (!existsSync(manifest)) return false;
  const m = JSON.parse(readFileSync(manifest, 'utf8'));
  return m.scale === values.scale && String(m.seed) === values.seed;
}

/** Environment of the API and the pipeline: the console served, the API under /api. */
const serviceEnv = {
  ...process.env,
  API_PORT: values.port,
  SERVE_CONSOLE: process.env.SERVE_CONSOLE ?? 'true',
  // Plain http on this machine: a Secure cookie would not come back over http://127.0.0.1 in every browser.
  COOKIE_SECURE: process.env.COOKIE_SECURE ?? 'false',
  // One event log and one analytics tree per demo scale, so that two scales never mix.
  EVENT_LOG_DIR: process.env.EVENT_LOG_DIR ?? join(demoDir, 'event-log'),
  ANALYTICS_DIR: process.env.ANALYTICS_DIR ?? join(demoDir, 'analytics'),
  PIPELINE_STATE_DIR: process.env.PIPELINE_STATE_DIR ?? join(demoDir, 'pipeline-state'),
  // The pipeline's /metrics, read below to say how far it has landed the demo history.
  PIPELINE_METRICS_PORT: process.env.PIPELINE_METRICS_PORT ?? String(Number(values.port) + 1),
};

function run(name, command, args) {
  // Own process group: a Ctrl+C in the terminal reaches this script only, which stops each child once.
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: serviceEnv, detached: true });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[start] ${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
    stop(code ?? 1);
  });
  return child;
}

let stopping = false;
function stop(code) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  // The pipeline lands its open files and commits before it leaves: give it time (a second Ctrl+C forces).
  setTimeout(() => process.exit(code), 120_000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(
    () => process.exit(code),
  );
}

async function waitForApi(timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the API did not answer on ${origin}/health within ${timeoutMs / 1000} s`);
}

/** Deploys each built module the API does not serve yet, or whose built version it has never stored. */
async function deployModules() {
  const target = { api: origin, ...DEMO_DEPLOYER };
  const token = await signIn(target);
  const current = new Map((await listDeployments({ ...target, token })).map((m) => [m.app, m.version]));
  for (const app of MODULES) {
    const dir = join(ROOT, app);
    const manifest = join(dir, 'dist', 'deploy.json');
    if (!existsSync(manifest)) {
      console.log(`[start] ${app}: not built, not deployed (its slot shows an error panel)`);
      continue;
    }
    const built = JSON.parse(readFileSync(manifest, 'utf8')).version;
    if (current.get(app) === built) {
      console.log(`[start] ${app} ${built} already deployed`);
      continue;
    }
    console.log(`[start] deploying ${app} ${built} through the API (first run only)…`);
    try {
      const result = await deployModule({ ...target, token, dir });
      console.log(`[start] ${app} ${result.version} published`);
    } catch (error) {
      console.error(`[start] ${app}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** The pipeline service in embedded mode over the demo events (loaded into the embedded log once). */
function startPipeline() {
  // STEP: pipeline — wired to `vwu-pipeline` (pipeline/src/service). Until its build exists, say so.
  if (!existsSync(PIPELINE_CLI)) {
    console.log(
      '[start] pipeline service not built yet (pipeline/dist/service/cli.js): analytics files not refreshed',
    );
    return;
  }
  step(
    'loading the demo events into the embedded event log (once; quick afterwards)…',
    'node',
    [PIPELINE_CLI, 'load', '--file', join(demoDir, 'events.ndjson')],
    serviceEnv,
  );
  console.log('[start] pipeline service (embedded log → Parquet, rollups, manifest) starting');
  run('pipeline', 'node', [PIPELINE_CLI, 'run']);
  void reportCatchUp();
}

/** A figure of the pipeline's Prometheus text, or undefined. */
function metric(text, name) {
  const found = new RegExp(`^vwu_pipeline_${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  return found ? Number(found[1]) : undefined;
}

/**
 * On a first run the pipeline lands years of demo history before dashboards show every month: say how far it
 * is (the rows its manifest lists, from its /metrics) every 20 s until all are listed, so that nobody takes
 * "no data yet" for a bug. Quiet on later starts, when the history is already landed.
 */
async function reportCatchUp() {
  const url = `http://127.0.0.1:${serviceEnv.PIPELINE_METRICS_PORT}/metrics`;
  const total = manifest.events.lines;
  let said = false;
  let before = -1;
  while (!stopping) {
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    const text = await fetch(url).then(
      (r) => r.text(),
      () => '',
    );
    const listed = metric(text, 'manifest_rows');
    if (listed === undefined) continue;
    // Everything listed, or nothing moves and nothing waits (events the pipeline refused are in its dead letters).
    const idle = listed === before && metric(text, 'buffered_rows') === 0;
    before = listed;
    if (listed >= total || idle) {
      if (said) console.log('[start] analytics: the whole demo history is landed; dashboards are complete');
      return;
    }
    said = true;
    console.log(
      `[start] analytics: ${listed.toLocaleString('en')} of ${total.toLocaleString('en')} demo events landed (${Math.floor((100 * listed) / total)} %); dashboards fill in month by month meanwhile`,
    );
  }
}

ensureDependencies();
step('building (turbo, cached after the first run)…', 'npx', [
  'turbo',
  'run',
  'build',
  '--output-logs=errors-only',
]);
if (demoIsReady()) {
  console.log(`[start] demo data (${values.scale}) already prepared in ${demoDir}`);
} else {
  step(`preparing ${values.scale} demo data in ${demoDir} (first run only)…`, 'node', [
    join(ROOT, 'pipeline', 'dist', 'demo', 'cli.js'),
    'all',
    '--scale',
    values.scale,
    '--seed',
    values.seed,
    '--out',
    demoDir,
  ]);
}
const manifest = JSON.parse(readFileSync(join(demoDir, 'demo-manifest.json'), 'utf8'));
console.log(
  `[start] demo data: ${manifest.members.lines.toLocaleString('en')} members, ${manifest.events.lines.toLocaleString('en')} events (${manifest.from} → ${manifest.to})`,
);
step(
  'preparing the operational store (embedded PGlite: migrations, 180,515 units, demo accounts, demo members; quick after the first run)…',
  'node',
  [
    join(ROOT, 'api', 'dist', 'demo', 'cli.js'),
    '--scale',
    values.scale,
    '--seed',
    values.seed,
    '--to',
    manifest.to,
  ],
);

function onSignal() {
  if (!stopping) return stop(0);
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  process.exit(130);
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
console.log(`[start] API and console starting on ${origin}…`);
run('api', 'node', [join(ROOT, 'api', 'dist', 'server.js')]);
try {
  await waitForApi();
  await deployModules();
  startPipeline();
} catch (error) {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  stop(1);
}
if (!stopping) {
  console.log(`
[start] ─────────────────────────────────────────────────────────────────────────
[start] The console: ${origin}/          API: ${origin}/api/…   docs: ${origin}/docs
[start] Demo accounts (password ${DEMO_DEPLOYER.password}), see api/README.md:
[start]   analyst.central (central analyst)     leader.tayninh / leader.hanoi (province leaders)
[start]   officer.tanninh (commune officer)     organiser.central, judge.central (contests)
[start]   deployer.central (module deployer)    admin (administrator)
[start] Deploy one module: npm run deploy -w @vwu/mfe-members · roll back: npm run rollback -w @vwu/mfe-members
[start] Ctrl+C stops everything.
[start] ─────────────────────────────────────────────────────────────────────────`);
}
