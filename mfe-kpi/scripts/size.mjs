// @ts-check
// `npm run size -w @vwu/mfe-kpi`: what the built module weighs (gzip -9 and brotli, 1 KB = 1024 bytes).
// The module's OWN JS — its entry and any chunk of its own code — is held to 150 KB gzip; the lazily
// loaded heavy libraries are listed apart: ECharts (a chunk loaded when the first chart draws) and the
// analytics worker (DuckDB-WASM's and parquet-wasm's glue, Apache Arrow) with its WebAssembly.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const BUDGET = 150 * 1024;
/** Emitted files of the heavy libraries, by name (the worker's chunks are its own and Arrow's). */
const HEAVY = [
  { pattern: /^echarts-runtime-/, what: 'ECharts (lazy chunk)' },
  { pattern: /^analytics-worker-/, what: 'analytics worker: DuckDB-WASM + parquet-wasm glue, Arrow' },
  { pattern: /^Arrow\.dom-/, what: 'analytics worker: Arrow DOM streams (lazy)' },
  { pattern: /^rolldown-runtime-/, what: 'analytics worker: bundler runtime' },
  { pattern: /\.wasm$/, what: 'WebAssembly' },
];

const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (/** @type {number} */ n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const size = (/** @type {number} */ n) => (n >= 1024 * 1024 ? mb(n) : kb(n));

/** @param {string} file */
function measure(file) {
  const bytes = readFileSync(file);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }).length;
  return { raw: statSync(file).size, gzip, brotli };
}

const files = [
  'mfe-kpi.js',
  ...readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js') || f.endsWith('.wasm'))
    .map((f) => `assets/${f}`),
];
let own = 0;
console.log(`${'file'.padEnd(48)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}  what`);
for (const file of files) {
  const m = measure(join(dist, file));
  const name = file.replace(/^assets\//, '');
  const heavy = HEAVY.find((h) => h.pattern.test(name));
  if (heavy === undefined) own += m.gzip;
  console.log(
    `${file.padEnd(48)} ${size(m.raw).padStart(9)} ${size(m.gzip).padStart(9)} ${size(m.brotli).padStart(9)}  ${heavy?.what ?? "module's own JS"}`,
  );
}
console.log(
  `module's own JS (gzip): ${kb(own)} — budget ${kb(BUDGET)}: ${own <= BUDGET ? 'within' : 'OVER'}`,
);
process.exitCode = own <= BUDGET ? 0 : 1;
