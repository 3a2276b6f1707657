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

step(
  'preparing the operational store (embedded PGlite: migrations, 180,515 units, demo accounts; quick after the first run)…',
  'node',
  [join(ROOT, 'api', 'dist', 'demo', 'cli.js')],
);
console.log(`[start] demo accounts (password VwuDemo-2025!): analyst.central, leader.tayninh, leader.hanoi,
        officer.tanninh, organiser.central, judge.central, deployer.central, admin — see api/README.md`);
console.log(
  '[start] API on http://127.0.0.1:8080 (docs: /docs). The console screens are not served yet — see README "Status".',
);
const api = spawnSync('node', [join(ROOT, 'api', 'dist', 'server.js')], { cwd: ROOT, stdio: 'inherit' });
process.exit(api.status ?? 0);
