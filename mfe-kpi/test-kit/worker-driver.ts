// Drives the BUILT analytics worker from a page in Chromium through the raw protocol (the suites check the
// worker itself; the client class over it has its own unit suite).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { EngineEvent, EngineRequest, LoadProgress } from '../src/engine/index.js';

/** Request without its id (the driver numbers them). */
export type DriverRequest = EngineRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

interface DriverWindow {
  __vwuEngine: {
    send(message: DriverRequest): Promise<EngineEvent>;
    progress: LoadProgress[];
    terminate(): void;
  };
}

/** The emitted worker file of a dist (`assets/analytics-worker-<hash>.js`). */
export function workerFile(dist: string): string {
  const name = readdirSync(join(dist, 'assets')).find((f) => /^analytics-worker-.+\.js$/.test(f));
  if (name === undefined) throw new Error(`no analytics worker in ${dist}: build mfe-kpi first`);
  return `assets/${name}`;
}

/** Starts the worker at `url` in the page (one per page). */
export async function openWorker(page: Page, url: string): Promise<void> {
  await page.evaluate((workerUrl) => {
    const worker = new Worker(workerUrl, { type: 'module', name: 'vwu-analytics' });
    const waiters = new Map<number, (event: EngineEvent) => void>();
    const progress: LoadProgress[] = [];
    let id = 0;
    worker.addEventListener('message', (event: MessageEvent<EngineEvent>) => {
      const message = event.data;
      if (message.type === 'progress') {
        progress.push(message.progress);
        return;
      }
      waiters.get(message.id)?.(message);
      waiters.delete(message.id);
    });
    (window as unknown as DriverWindow).__vwuEngine = {
      progress,
      send: (message) =>
        new Promise((resolve) => {
          id += 1;
          waiters.set(id, resolve);
          worker.postMessage({ ...message, id });
        }),
      terminate: () => worker.terminate(),
    };
  }, url);
}

/** Sends one request and resolves with its answer (an `error` event included). */
export function send(page: Page, request: DriverRequest): Promise<EngineEvent> {
  return page.evaluate((message) => (window as unknown as DriverWindow).__vwuEngine.send(message), request);
}

/** Progress events seen so far. */
export function progressEvents(page: Page): Promise<LoadProgress[]> {
  return page.evaluate(() => (window as unknown as DriverWindow).__vwuEngine.progress);
}

/**
 * The answer of a request, or a thrown Error carrying the worker's error.
 *
 * @example const info = await answer(page, { type: 'start' }, 'started');
 */
export async function answer<T extends EngineEvent['type']>(
  page: Page,
  request: DriverRequest,
  type: T,
): Promise<Extract<EngineEvent, { type: T }>> {
  const event = await send(page, request);
  if (event.type === 'error') throw Object.assign(new Error(event.error.message), { name: event.error.name });
  if (event.type !== type) throw new Error(`expected ${type}, got ${event.type}`);
  return event as Extract<EngineEvent, { type: T }>;
}
