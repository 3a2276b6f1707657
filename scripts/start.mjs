// `npm start` — the README's first command. On a fresh clone it installs and builds what is needed,
// prepares the demo data on first run (medium scale by default; `npm start -- --scale small|national`),
// and starts every part of the console that exists so far. A second start reuses the data and builds.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, ensureDependencies } from './ensure-deps.mjs';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: 'medium' }, seed: { type: 'string', default: '2025' } },
});
const demoDir = join(ROOT, 'var', `demo-${values.scale}`);

function step(label, command, args) {
  console.log(`[start] ${label}`);
  execFileSync(command, args, { cwd: ROOT, stdio: 'inherit' });
}

function demoIsReady() {
  const manifest = join(demoDir, 'demo-manifest.json');
  if (!existsSync(manifest)) return false;
  const m = JSON.parse(readFileSync(manifest, 'utf8'));
  return m.scale === values.scale && String(m.seed) === values.seed;
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

const apiEntry = join(ROOT, 'api', 'dist', 'server.js');
if (!existsSync(apiEntry)) {
  console.log(
    '[start] the API, the pipeline service and the console screens are not built yet — see README "Status".',
  );
  process.exit(0);
}
console.log('[start] starting the API on embedded PGlite…');
const api = spawnSync('node', [apiEntry], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, DEMO_DIR: demoDir },
});
process.exit(api.status ?? 0);
