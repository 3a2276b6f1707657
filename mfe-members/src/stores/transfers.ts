import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ApiError, LoadState } from '@vwu/context';
import { decideTransfer, listTransfers } from '../api/members-api.js';
import type { Transfer } from '../api/wire.js';
import { isAbort, shownError } from '../lib/errors.js';

/**
 * Transfers of the selected unit: the inbox of members moving in (accept or reject with a reason) and the
 * requests it sent (withdraw while pending).
 */
export const useTransfers = defineStore('members.transfers', () => {
  const status = ref<LoadState>('idle');
  const direction = ref<'incoming' | 'outgoing'>('incoming');
  const items = shallowRef<Transfer[]>([]);
  const error = shallowRef<ApiError | null>(null);
  const action = ref<'idle' | 'busy' | 'done' | 'error'>('idle');
  const actionError = shallowRef<ApiError | null>(null);
  let unitKey = '';
  let controller: AbortController | undefined;

  async function load(key: string, next = direction.value): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    unitKey = key;
    direction.value = next;
    status.value = 'loading';
    error.value = null;
    try {
      items.value = (await listTransfers(key, next, undefined, { signal: current.signal })).items;
      status.value = 'done';
    } catch (e) {
      if (isAbort(e)) return;
      items.value = [];
      error.value = shownError(e);
      status.value = 'error';
    }
  }

  /** Accepts, rejects (with a reason) or withdraws a transfer, then reloads the list. */
  async function decide(
    id: string,
    decision: 'accept' | 'reject' | 'cancel',
    reason?: string,
  ): Promise<boolean> {
    action.value = 'busy';
    actionError.value = null;
    try {
      await decideTransfer(unitKey, id, decision, reason);
      action.value = 'done';
      await load(unitKey);
      return true;
    } catch (e) {
      actionError.value = shownError(e);
      action.value = 'error';
      return false;
    }
  }

  return { status, direction, items, error, action, actionError, load, decide };
});
