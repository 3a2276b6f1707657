// @ts-check
// `npm run size -w @vwu/shell`: gzip sizes of what the browser loads before any module — the shell's own JS
// and the shared packages it needs (Vue, single-spa, the context) — against the 60 KB budget, then the
// lazily loaded parts and each built module's own JS (shared packages excluded) against 150 KB.
// Sizes are gzip level 9 (static pre-compression); 1 KB = 1024 bytes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closure, gzip, kb } from './sizes-lib.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shellDist = join(root, 'shell/dist');
const SHELL_BUDGET = 60 * 1024;
const MODULE_BUDGET = 150 * 1024;

if (!existsSync(join(shellDist, 'deploy.json'))) {
  console.error('Build the shell first: npm run build -w @vwu/shell');
  process.exit(1);
}
const shell = JSON.parse(readFileSync(join(shellDist, 'deploy.json'), 'utf8'));
const imports = shell.importMap.imports;
const before = closure(imports['@vwu/root-config'], imports, shellDist);
const rows = before.map((file) => ({
  file,
  shared: file.startsWith('shared/'),
  bytes: gzip(join(shellDist, file)),
}));
const own = rows.filter((r) => !r.shared).reduce((sum, r) => sum + r.bytes, 0);
const shared = rows.filter((r) => r.shared).reduce((sum, r) => sum + r.bytes, 0);
const total = own + shared;

console.log('Shell JS loaded before any module (gzip -9):');
for (const r of rows)
  console.log(`  ${r.file.padEnd(58)} ${kb(r.bytes).padStart(9)}${r.shared ? '  (shared)' : ''}`);
console.log(`  ${'shell code'.padEnd(58)} ${kb(own).padStart(9)}`);
console.log(`  ${'shared packages (Vue, single-spa)'.padEnd(58)} ${kb(shared).padStart(9)}`);
console.log(
  `  ${'total'.padEnd(58)} ${kb(total).padStart(9)}  budget ${kb(SHELL_BUDGET)}: ${total <= SHELL_BUDGET ? 'within' : 'OVER'}`,
);

const allJs = Object.keys(shell.importMap.integrity ?? {}).map((u) => u.replace(/^\.\//, ''));
const later = allJs.filter((f) => !before.includes(f));
console.log('Loaded later (sign-in, pickers, Pinia for the modules):');
for (const file of later) console.log(`  ${file.padEnd(58)} ${kb(gzip(join(shellDist, file))).padStart(9)}`);

let over = total > SHELL_BUDGET;
console.log("Each module's own JS (gzip -9, shared packages excluded):");
for (const name of ['mfe-members', 'mfe-kpi', 'mfe-contests']) {
  const dist = join(root, name, 'dist');
  if (!existsSync(join(dist, 'deploy.json'))) {
    console.log(`  ${name.padEnd(58)} not built`);
    continue;
  }
  const manifest = JSON.parse(readFileSync(join(dist, 'deploy.json'), 'utf8'));
  const files = Object.keys(manifest.importMap.integrity ?? {}).map((u) => u.replace(/^\.\//, ''));
  const entry = closure(
    manifest.importMap.imports[manifest.name],
    manifest.importMap.imports,
    dist,
    new Set(Object.keys(imports)),
  );
  const first = entry.reduce((sum, f) => sum + gzip(join(dist, f)), 0);
  const all = files.reduce((sum, f) => sum + gzip(join(dist, f)), 0);
  over ||= all > MODULE_BUDGET;
  console.log(
    `  ${name.padEnd(40)} entry ${kb(first).padStart(9)}   all ${kb(all).padStart(9)}  budget ${kb(MODULE_BUDGET)}: ${all <= MODULE_BUDGET ? 'within' : 'OVER'}`,
  );
}
process.exitCode = over ? 1 : 0;
