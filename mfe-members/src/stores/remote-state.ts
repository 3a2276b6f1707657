import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import type { ApiError, LoadState } from '@vwu/context';
import { isAbort, shownError } from '../lib/errors.js';

/** A list read from the API, where a newer request cancels the one still running. */
export interface RemoteList<T> {
  status: Ref<LoadState>;
  items: ShallowRef<T[]>;
  error: ShallowRef<ApiError | null>;
  /** Runs `fetch` (with an abort signal), replacing the items; an aborted fetch changes nothing. */
  fetch(read: (signal: AbortSignal) => Promise<T[]>): Promise<void>;
}

/**
 * The loading state of a list inside a store (applications, transfers, duplicates).
 *
 * @example const list = remoteList<Transfer>(); await list.fetch(async (signal) => (await listTransfers(key, 'incoming', undefined, { signal })).items);
 */
export function remoteList<T>(): RemoteList<T> {
  const status = ref<LoadState>('idle');
  const items = shallowRef<T[]>([]);
  const error = shallowRef<ApiError | null>(null);
  let controller: AbortController | undefined;
  async function fetch(read: (signal: AbortSignal) => Promise<T[]>): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    status.value = 'loading';
    error.value = null;
    try {
      items.value = await read(current.signal);
      status.value = 'done';
    } catch (e) {
      if (isAbort(e)) return;
      items.value = [];
      error.value = shownError(e);
      status.value = 'error';
    }
  }
  return { status, items, error, fetch };
}

/** A write the user started (approve, accept, merge…): busy while it runs, its error kept for the screen. */
export interface RemoteAction {
  action: Ref<'idle' | 'busy' | 'done' | 'error'>;
  actionError: ShallowRef<ApiError | null>;
  /** Runs `work`; true when it succeeded. */
  run(work: () => Promise<void>): Promise<boolean>;
}

/** The state of the user's writes inside a store. */
export function remoteAction(): RemoteAction {
  const action = ref<'idle' | 'busy' | 'done' | 'error'>('idle');
  const actionError = shallowRef<ApiError | null>(null);
  async function run(work: () => Promise<void>): Promise<boolean> {
    action.value = 'busy';
    actionError.value = null;
    try {
      await work();
      action.value = 'done';
      return true;
    } catch (e) {
      actionError.value = shownError(e);
      action.value = 'error';
      return false;
    }
  }
  return { action, actionError, run };
}
