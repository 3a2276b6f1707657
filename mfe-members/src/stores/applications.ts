import { defineStore } from 'pinia';
import { ref } from 'vue';
import { decideApplication, listApplications } from '../api/members-api.js';
import type { Application, ApplicationApproveIn } from '../api/wire.js';
import { remoteAction, remoteList } from './remote-state.js';

/** Membership applications of the selected unit: approve into a branch, or reject with a reason. */
export const useApplications = defineStore('members.applications', () => {
  const filter = ref<Application['status']>('pending');
  const { status, items, error, fetch } = remoteList<Application>();
  const { action, actionError, run } = remoteAction();
  /** The member created by the last approval. */
  const lastMemberId = ref<string | null>(null);
  let unitKey = '';

  function load(key: string, next = filter.value): Promise<void> {
    unitKey = key;
    filter.value = next;
    return fetch(async (signal) => (await listApplications(key, next, { signal })).items);
  }

  /** Approves into a branch or rejects with a reason, then reloads. */
  function decide(
    id: string,
    decision: { approve: ApplicationApproveIn } | { reject: string },
  ): Promise<boolean> {
    return run(async () => {
      lastMemberId.value = (await decideApplication(unitKey, id, decision)).memberId;
      await load(unitKey);
    });
  }

  return { status, filter, items, error, action, actionError, lastMemberId, load, decide };
});
