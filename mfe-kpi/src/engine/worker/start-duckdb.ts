/**
 * Starting DuckDB-WASM inside the analytics worker, from this module's own assets: the `.wasm` files are
 * emitted by the build under hashed names next to the worker and fetched from the same origin (no CDN, no
 * `getJsDelivrBundles`). Then the database is locked down so that nothing — not even an analyst's SQL —
 * can make it download an extension from a third-party host.
 */
import { BROWSER_RUNTIME, VoidLogger, createDuckDB, type DuckDBBindings } from 'duckdb-wasm-blocking';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import type { DuckDBBundleName } from '../protocol.js';

/** A started database. */
export interface StartedDuckDB {
  db: DuckDBBindings;
  bundle: DuckDBBundleName;
  version: string;
  instantiateMs: number;
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

/**
 * Instantiates and opens DuckDB. `preferred` picks the bundle when the browser can run both (EH needs
 * WebAssembly exception handling; MVP runs everywhere).
 *
 * @example const { db, bundle } = await startDuckDB('eh', self.location.origin);
 */
export async function startDuckDB(preferred: DuckDBBundleName, origin: string): Promise<StartedDuckDB> {
  const mvp = { mainModule: assetUrl(mvpWasm), mainWorker: '' };
  const eh = { mainModule: assetUrl(ehWasm), mainWorker: '' };
  const started = performance.now();
  const db = await createDuckDB(
    preferred === 'eh' ? { mvp, eh } : { mvp },
    new VoidLogger(),
    BROWSER_RUNTIME,
  );
  await withInstantiationFailure(db.instantiate(() => undefined));
  db.open({
    query: { castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: false },
  });
  const instantiateMs = performance.now() - started;
  const conn = db.connect();
  try {
    for (const statement of lockdown(origin)) conn.query(statement);
  } finally {
    conn.close();
  }
  return { db, bundle: bundleOf(db), version: db.getVersion(), instantiateMs };
}

/** Which bundle `createDuckDB` chose (it falls back to MVP silently when EH cannot run). */
function bundleOf(db: DuckDBBindings): DuckDBBundleName {
  // The bindings keep the URL they instantiated from; the property is not in the published types.
  const url = (db as unknown as { mainModuleURL?: string }).mainModuleURL ?? '';
  return url.includes('duckdb-eh') ? 'eh' : 'mvp';
}
