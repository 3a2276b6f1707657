// `npm test` — every suite of the project, from a fresh clone: installs dependencies, runs lint, type checks
// and unit suites of every workspace (through turbo), then the integration suites that need real servers
// (the `tests` workspace installs and starts Kafka, PostgreSQL and Chromium itself), then the end-to-end suites. Ends with one line
// "N passed, N failed, N skipped" summed over every Vitest run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureDependencies } from './ensure-deps.mjs';

const WORKSPACES = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).workspaces;

function run(label, command, args) {
  console.log(`\n[test] ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '1' },
  });
  return result.status === 0;
}

function resultFiles() {
  return WORKSPACES.flatMap((ws) => {
    const dir = join(ROOT, ws, '.test-results');
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .map((f) => join(dir, f))
      : [];
  });
}

function summarise() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of resultFiles()) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    // A file that fails before any test runs (import error, failing hook) has no failed test: count it once.
    const brokenFiles = (report.testResults ?? []).filter(
      (file) => file.status === 'failed' && !file.assertionResults?.some((a) => a.status === 'failed'),
    ).length;
    failed += (report.numFailedTests ?? 0) + brokenFiles;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  return { passed, failed, skipped };
}

ensureDependencies();
for (const file of resultFiles()) rmSync(file);
const steps = [
  run('lint, type checks and unit suites', 'npx', [
    'turbo',
    'run',
    'lint',
    'typecheck',
    'test',
    '--output-logs=errors-only',
    '--continue',
  ]),
  run('integration suites (real Kafka, PostgreSQL, Chromium)', 'npx', [
    'turbo',
    'run',
    'test:integration',
    '--concurrency=1',
    '--continue',
  ]),
  // The console end to end: the built API serving the built shell and modules, in Chromium (tests/e2e).
  run('build (cached) for the end-to-end suites', 'npx', [
    'turbo',
    'run',
    'build',
    '--output-logs=errors-only',
  ]) && run('end-to-end suites (the console in Chromium)', 'npm', ['run', 'test:e2e', '-w', '@vwu/tests']),
];
const { passed, failed, skipped } = summarise();
const stepFailures = steps.filter((ok) => !ok).length;
console.log(`\n[test] ${stepFailures === 0 ? 'all steps succeeded' : `${stepFailures} step(s) failed`}`);
// A step can fail without a failing test (a lint error, a suite that could not start): count it as one.
const failures = Math.max(failed, stepFailures);
console.log(`${passed} passed, ${failures} failed, ${skipped} skipped`);
process.exit(failures === 0 ? 0 : 1);
