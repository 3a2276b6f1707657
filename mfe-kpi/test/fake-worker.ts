// A stand-in for the analytics worker: records what the client posts and lets a test answer.
import type { EngineEvent, EngineRequest, WorkerLike } from '../src/engine/index.js';

/** A fake worker with the client's view of a Worker. */
export class FakeWorker implements WorkerLike {
  readonly posted: EngineRequest[] = [];
  terminated = false;
  private readonly listeners = {
    message: [] as ((e: MessageEvent<unknown>) => void)[],
    error: [] as ((e: Event) => void)[],
  };

  postMessage(message: EngineRequest): void {
    this.posted.push(structuredClone(message));
  }

  addEventListener(type: 'message' | 'error', listener: (event: never) => void): void {
    (this.listeners[type] as unknown[]).push(listener);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Delivers an event from the "worker". */
  emit(event: EngineEvent | Record<string, unknown>): void {
    for (const l of this.listeners.message) l(new MessageEvent('message', { data: structuredClone(event) }));
  }

  /** Fires the worker's error event (a worker script that failed). */
  crash(message: string): void {
    for (const l of this.listeners.error) l(new ErrorEvent('error', { message }));
  }

  /** The last request posted. */
  last(): EngineRequest {
    const request = this.posted.at(-1);
    if (request === undefined) throw new Error('nothing was posted');
    return request;
  }
}
