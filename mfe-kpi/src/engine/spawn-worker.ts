/**
 * Starts the analytics worker. The build emits `worker/analytics-worker.ts` and everything it imports (DuckDB-WASM's
 * synchronous build, parquet-wasm, their `.wasm` files) as hashed assets of this module; the worker is a
 * module worker on the page's origin.
 */
import type { WorkerLike } from './client.js';

/** A new analytics worker. */
export function spawnAnalyticsWorker(): WorkerLike {
  return new Worker(new URL('./worker/analytics-worker.ts', import.meta.url), {
    type: 'module',
    name: 'vwu-analytics',
  });
}
