import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ApiError, LoadState } from '@vwu/context';
import { decideApplication, listApplications } from '../api/members-api.js';
import type { Application, ApplicationApproveIn } from '../api/wire.js';
import { isAbort, shownError } from '../lib/errors.js';

/** Membership applications of the selected unit: approve into a branch, or reject with a reason. */
export const useApplications = defineStore('members.applications', () => {
  const status = ref<LoadState>('idle');
  const filter = ref<Application['status']>('pending');
  const items = shallowRef<Application[]>([]);
  const error = shallowRef<ApiError | null>(null);
  const action = ref<'idle' | 'busy' | 'done' | 'error'>('idle');
  const actionError = shallowRef<ApiError | null>(null);
  /** The member created by the last approval. */
  const lastMemberId = ref<string | null>(null);
  let unitKey = '';
  let controller: AbortController | undefined;

  async function load(key: string, next = filter.value): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    unitKey = key;
    filter.value = next;
    status.value = 'loading';
    error.value = null;
    try {
      items.value = (await listApplications(key, next, { signal: current.signal })).items;
      status.value = 'done';
    } catch (e) {
      if (isAbort(e)) return;
      items.value = [];
      error.value = shownError(e);
      status.value = 'error';
    }
  }

  /** Approves into a branch or rejects with a reason, then reloads. */
  async function decide(
    id: string,
    decision: { approve: ApplicationApproveIn } | { reject: string },
  ): Promise<boolean> {
    action.value = 'busy';
    actionError.value = null;
    try {
      const answer = await decideApplication(unitKey, id, decision);
      lastMemberId.value = answer.memberId;
      action.value = 'done';
      await load(unitKey);
      return true;
    } catch (e) {
      actionError.value = shownError(e);
      action.value = 'error';
      return false;
    }
  }

  return { status, filter, items, error, action, actionError, lastMemberId, load, decide };
});
