// Types of DuckDB-WASM's synchronous browser build, which vite.config.ts maps `duckdb-wasm-blocking` to.
// The package types it (`./blocking`) through its Node build's declarations, whose bindings, connection,
// logger and bundle types are the same; the browser runtime and the browser bindings are declared here.
declare module 'duckdb-wasm-blocking' {
  import type { DuckDBBindings, DuckDBBundles, DuckDBRuntime, Logger } from '@duckdb/duckdb-wasm/blocking';

  export * from '@duckdb/duckdb-wasm/blocking';
  /** The browser's file runtime (HTTP and buffers; this module registers no files). */
  export const BROWSER_RUNTIME: DuckDBRuntime;
  /** Picks the EH build when WebAssembly exceptions are supported and `bundles.eh` is given, else MVP. */
  export function createDuckDB(
    bundles: DuckDBBundles,
    logger: Logger,
    runtime: DuckDBRuntime,
  ): Promise<DuckDBBindings>;
}
