/**
 * Starting DuckDB-WASM inside the analytics worker, from this module's own assets: the `.wasm` files are
 * emitted by the build under hashed names next to the worker and fetched from the same origin (no CDN, no
 * `getJsDelivrBundles`). Then the database is locked down so that nothing — not even an analyst's SQL —
 * can make it download an extension from a third-party host.
 */
import {
  BROWSER_RUNTIME,
  VoidLogger,
  createDuckDB,
  getPlatformFeatures,
  type DuckDBBindings,
} from 'duckdb-wasm-blocking';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import type { DuckDBBundleName } from '../protocol.js';

/** A started database. */
export interface StartedDuckDB {
  db: DuckDBBindings;
  bundle: DuckDBBundleName;
  version: string;
  instantiateMs: number;
  /** Where the start's time went (ms): compile (fetch + streaming compile), instantiate, open, lockdown. */
  phases: { compile: number; instantiate: number; open: number; lockdown: number };
}

/**
 * Statements run once after opening. Extensions are never installed or loaded implicitly, community
 * extensions are refused, the extension repository is a path of this origin that serves none, files and
 * URLs cannot be read from SQL (`read_parquet('https://…')` fails instead of fetching), and the
 * configuration is locked so a query cannot undo any of it.
 */
function lockdown(origin: string): string[] {
  return [
    'SET autoinstall_known_extensions = false',
    'SET autoload_known_extensions = false',
    'SET allow_community_extensions = false',
    `SET custom_extension_repository = '${origin.replace(/'/g, "''")}/no-duckdb-extensions'`,
    'SET enable_external_access = false',
    'SET lock_configuration = true',
  ];
}

/**
 * DuckDB-WASM starts its compile with `instantiateStreaming(…).then(…)` and no `catch`: a wasm served with
 * the wrong MIME type (it must be `application/wasm`) or a 404 surfaces only as an unhandled rejection, and
 * `instantiate()` never settles. This turns that rejection into the start's error.
 */
async function withInstantiationFailure<T>(instantiating: Promise<T>): Promise<T> {
  let onRejection: ((event: PromiseRejectionEvent) => void) | undefined;
  const failed = new Promise<never>((_, reject) => {
    onRejection = (event) => {
      event.preventDefault();
      reject(event.reason instanceof Error ? event.reason : new Error(String(event.reason)));
    };
    globalThis.addEventListener('unhandledrejection', onRejection);
  });
  try {
    return await Promise.race([instantiating, failed]);
  } finally {
    if (onRejection !== undefined) globalThis.removeEventListener('unhandledrejection', onRejection);
  }
}

/** Absolute URL of an emitted asset (the worker's own URL is the base). */
function assetUrl(relative: string): string {
  return new URL(relative, import.meta.url).href;
}

/** The hook Emscripten calls instead of fetching the module itself (not in the published types). */
type InstantiateWasm = (
  imports: WebAssembly.Imports,
  success: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
) => Record<string, never>;

/**
 * Compiles a DuckDB bundle straight from `fetch` with the browser's streaming compiler. DuckDB-WASM's own
 * loader pipes the response through a TransformStream (for its progress callback) and compiles a
 * synthetic `Response` without a URL, which Chrome cannot tie to the HTTP cache: its compiled code is never
 * cached and every visit compiles 34 MB again and starts on baseline code. Compiled from the real response
 * of an immutable, same-origin URL, Chrome keeps the optimised code next to the cached file and the next
 * visit starts from it.
 */
function compileBundle(url: string): Promise<WebAssembly.Module> {
  return WebAssembly.compileStreaming(fetch(url, { credentials: 'same-origin' }));
}

/**
 * Makes `db` instantiate from an already compiling module instead of fetching the wasm itself.
 * DuckDB's runtime global is set as its own hook does.
 */
function instantiateFrom(db: DuckDBBindings, compiled: Promise<WebAssembly.Module>): Promise<number> {
  const bindings = db as unknown as { instantiateWasm: InstantiateWasm; _runtime: unknown };
  let compiledAt = 0;
  const settled = compiled.then((module) => {
    compiledAt = performance.now();
    return module;
  });
  return new Promise<number>((resolve, reject) => {
    bindings.instantiateWasm = (imports, success) => {
      (globalThis as { DUCKDB_RUNTIME?: unknown }).DUCKDB_RUNTIME = bindings._runtime;
      settled
        .then(async (module) => success(await WebAssembly.instantiate(module, imports), module))
        .then(() => resolve(compiledAt), reject);
      return {};
    };
  });
}

/**
 * The bundle this browser runs (EH needs WebAssembly exception handling) and its compile, begun at once:
 * call it as early as possible — the compile runs while the worker fetches and decodes data.
 *
 * @example const compiling = compileDuckDB('eh'); … await startDuckDB(compiling, origin);
 */
export async function compileDuckDB(
  preferred: DuckDBBundleName,
): Promise<{ bundle: DuckDBBundleName; url: string; module: Promise<WebAssembly.Module>; began: number }> {
  const began = performance.now();
  const features = await getPlatformFeatures();
  const bundle: DuckDBBundleName = preferred === 'eh' && features.wasmExceptions ? 'eh' : 'mvp';
  const url = assetUrl(bundle === 'eh' ? ehWasm : mvpWasm);
  const module = compileBundle(url);
  // Awaited by startDuckDB; a failure there is its error, not an unhandled rejection before it.
  module.catch(() => undefined);
  return { bundle, url, module, began };
}

/**
 * Instantiates and opens DuckDB from a compile begun by {@link compileDuckDB}.
 *
 * @example const { db, bundle } = await startDuckDB(compileDuckDB('eh'), self.location.origin);
 */
export async function startDuckDB(
  compiling: ReturnType<typeof compileDuckDB>,
  origin: string,
): Promise<StartedDuckDB> {
  const { bundle, url, module, began } = await compiling;
  // createDuckDB makes the same choice from the same features: EH bindings (their own Emscripten glue)
  // when `eh` is given and exceptions are supported.
  const mainModule = { mainModule: url, mainWorker: '' };
  const db = await createDuckDB(
    bundle === 'eh' ? { mvp: mainModule, eh: mainModule } : { mvp: mainModule },
    new VoidLogger(),
    BROWSER_RUNTIME,
  );
  const compiled = instantiateFrom(db, module);
  await withInstantiationFailure(Promise.all([db.instantiate(() => undefined), compiled]));
  const compiledAt = await compiled;
  const instantiated = performance.now();
  db.open({
    query: { castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: false },
  });
  const opened = performance.now();
  const conn = db.connect();
  try {
    for (const statement of lockdown(origin)) conn.query(statement);
  } finally {
    conn.close();
  }
  const locked = performance.now();
  return {
    db,
    bundle,
    version: db.getVersion(),
    instantiateMs: opened - began,
    phases: {
      compile: compiledAt - began,
      instantiate: instantiated - compiledAt,
      open: opened - instantiated,
      lockdown: locked - opened,
    },
  };
}
