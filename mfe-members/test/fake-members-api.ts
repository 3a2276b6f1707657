// A fake of the context's API client for the module's unit tests: every method a vi.fn the test answers.
import { vi } from 'vitest';
import type { DownloadedFile } from '../src/api/members-api.js';

type Options = { query?: Record<string, unknown>; signal?: AbortSignal; body?: unknown };

/** The fake client (`vi.mock('@vwu/context', …)` puts it in place of `api`). */
export const fakeApi = {
  get: vi.fn<(path: string, options?: Options) => Promise<unknown>>(),
  post: vi.fn<(path: string, body?: unknown, options?: Options) => Promise<unknown>>(),
  request: vi.fn<(method: string, path: string, options?: Options) => Promise<unknown>>(),
  download: vi.fn<(path: string, options?: Options) => Promise<DownloadedFile>>(),
};

/** Forgets every answer and call. */
export function resetFakeApi(): void {
  for (const fn of Object.values(fakeApi)) fn.mockReset();
}

/** A promise that rejects like fetch does when its signal aborts, and otherwise waits for `release`. */
export function pending<T>(signal: AbortSignal | undefined) {
  let release: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve, reject) => {
    release = resolve;
    signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
  return { promise, release: (value: T) => release(value) };
}
