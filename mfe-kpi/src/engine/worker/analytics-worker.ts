/**
 * Entry of the analytics worker (a module worker, `new Worker(url, { type: 'module' })`): one
 * {@link WorkerEngine} answering the main thread's requests. DuckDB-WASM and parquet-wasm run here, so
 * fetching, decoding, inserting and querying never hold up the page.
 */
import type { EngineEvent } from '../protocol.js';
import { WorkerEngine } from './engine.js';

/** The worker's global scope, as far as this entry uses it. */
interface WorkerScope {
  location: { origin: string };
  postMessage(event: EngineEvent): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = self as unknown as WorkerScope;
const engine = new WorkerEngine({
  port: { postMessage: (event) => scope.postMessage(event) },
  origin: scope.location.origin,
});
scope.addEventListener('message', (event) => engine.receive(event.data));
