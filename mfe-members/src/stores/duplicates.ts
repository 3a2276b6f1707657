import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ApiError, LoadState } from '@vwu/context';
import { listDuplicates, mergeMembers } from '../api/members-api.js';
import type { DuplicateSet, MergeIn, MergeResult } from '../api/wire.js';
import { isAbort, shownError } from '../lib/errors.js';

/** Likely duplicates of the selected unit, with a merge that is always previewed first. */
export const useDuplicates = defineStore('members.duplicates', () => {
  const status = ref<LoadState>('idle');
  const groups = shallowRef<DuplicateSet[]>([]);
  const error = shallowRef<ApiError | null>(null);
  const preview = shallowRef<{ request: MergeIn; result: MergeResult } | null>(null);
  const action = ref<'idle' | 'busy' | 'done' | 'error'>('idle');
  const actionError = shallowRef<ApiError | null>(null);
  let unitKey = '';
  let controller: AbortController | undefined;

  async function load(key: string): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    unitKey = key;
    status.value = 'loading';
    error.value = null;
    try {
      groups.value = (await listDuplicates(key, { signal: current.signal })).groups;
      status.value = 'done';
    } catch (e) {
      if (isAbort(e)) return;
      groups.value = [];
      error.value = shownError(e);
      status.value = 'error';
    }
  }

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
