import { defineStore } from 'pinia';
import { ref } from 'vue';
import { decideTransfer, listTransfers } from '../api/members-api.js';
import type { Transfer } from '../api/wire.js';
import { remoteAction, remoteList } from './remote-state.js';

/**
 * Transfers of the selected unit: the inbox of members moving in (accept or reject with a reason) and the
 * requests it sent (withdraw while pending).
 */
export const useTransfers = defineStore('members.transfers', () => {
  const direction = ref<'incoming' | 'outgoing'>('incoming');
  const { status, items, error, fetch } = remoteList<Transfer>();
  const { action, actionError, run } = remoteAction();
  let unitKey = '';

  function load(key: string, next = direction.value): Promise<void> {
    unitKey = key;
    direction.value = next;
    return fetch(async (signal) => (await listTransfers(key, next, undefined, { signal })).items);
  }

  /** Accepts, rejects (with a reason) or withdraws a transfer, then reloads the list. */
  function decide(id: string, decision: 'accept' | 'reject' | 'cancel', reason?: string): Promise<boolean> {
    return run(async () => {
      await decideTransfer(unitKey, id, decision, reason);
      await load(unitKey);
    });
  }

  return { status, direction, items, error, action, actionError, load, decide };
});
