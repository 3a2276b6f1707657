import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { listDuplicates, mergeMembers } from '../api/members-api.js';
import type { DuplicateSet, MergeIn, MergeResult } from '../api/wire.js';
import { remoteAction, remoteList } from './remote-state.js';

/** Likely duplicates of the selected unit, with a merge that is always previewed first. */
export const useDuplicates = defineStore('members.duplicates', () => {
  const { status, items: groups, error, fetch } = remoteList<DuplicateSet>();
  const { action, actionError, run } = remoteAction();
  const preview = shallowRef<{ request: MergeIn; result: MergeResult } | null>(null);
  let unitKey = '';

  function load(key: string): Promise<void> {
    unitKey = key;
    return fetch(async (signal) => (await listDuplicates(key, { signal })).groups);
  }
  /** Asks the API what merging would keep (nothing changes yet). */
  function previewMerge(request: MergeIn): Promise<boolean> {
    return run(async () => {
      preview.value = { request, result: await mergeMembers(unitKey, request, true) };
    });
  }

  /** Merges as previewed, then reloads the groups. */
  function confirmMerge(): Promise<boolean> {
    const shown = preview.value;
    if (shown === null) return Promise.resolve(false);
    return run(async () => {
      await mergeMembers(unitKey, shown.request, false);
      preview.value = null;
      await load(unitKey);
    });
  }

  function closePreview(): void {
    preview.value = null;
  }

  return {
    status,
    groups,
    error,
    preview,
    action,
    actionError,
    load,
    previewMerge,
    confirmMerge,
    closePreview,
  };
});
