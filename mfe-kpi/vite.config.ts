// One ES module entry `dist/mfe-kpi.js` exporting bootstrap, mount and unmount (the shared micro-frontend
// configuration), plus what this module adds: the analytics engine as a module worker
// (`assets/worker-[hash].js`) that owns DuckDB-WASM and parquet-wasm, whose `.wasm` files are emitted as
// hashed assets next to it and loaded from the same origin — never from a CDN.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import { defineMfeConfig } from '../shell/build/mfe-vite.ts';

/**
 * DuckDB-WASM's synchronous ("blocking") browser build: DuckDB runs inside our own worker, no second worker.
 * The package's `./blocking` export points browsers at a file it does not ship (`duckdb-node-blocking.mjs`),
 * so the specifier is mapped to the browser build here (types: src/engine/worker/duckdb-blocking.d.ts).
 */
const duckdbBlocking = join(
  dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm')),
  'duckdb-browser-blocking.mjs',
);

export default defineConfig(
  mergeConfig(defineMfeConfig({ root: fileURLToPath(new URL('.', import.meta.url)) }), {
    resolve: { alias: { 'duckdb-wasm-blocking': duckdbBlocking } },
    worker: {
      format: 'es',
      rolldownOptions: {
        // DuckDB-WASM's Emscripten glue calls `eval` on paths this module never takes (Node, dynamic
        // linking); the warning repeats a dozen times per build without saying anything actionable.
        checks: { eval: false },
        output: {
          entryFileNames: 'assets/[name]-[hash].js',
          chunkFileNames: 'assets/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
    // Never inline an asset (the .wasm files are megabytes). The worker (DuckDB-WASM's glue, 1.6 MB) and the
    // ECharts chunk are large by nature and loaded lazily: `npm run size` reports them; Vite's warning would not.
    build: { assetsInlineLimit: 0, chunkSizeWarningLimit: 2048 },
  }),
);
