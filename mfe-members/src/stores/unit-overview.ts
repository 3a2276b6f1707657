import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { ApiError, api, type LoadState, type UnitDetail } from '@vwu/context';

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * The selected unit as this module shows it: the unit, its ancestors and its children within the user's
 * scope (`GET /units/:key`). A newer load cancels the one in flight, so a quick change of unit never shows
 * the previous unit's answer.
 */
export const useUnitOverview = defineStore('members.unit-overview', () => {
  const status = ref<LoadState>('idle');
  const detail = shallowRef<UnitDetail | null>(null);
  const error = shallowRef<ApiError | null>(null);
  let inflight: AbortController | undefined;

  /** Loads a unit. @throws what is not an ApiError (a bug, not a condition to show). */
  async function load(key: string): Promise<void> {
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    status.value = 'loading';
    error.value = null;
    try {
      detail.value = await api.get<UnitDetail>(`/units/${encodeURIComponent(key)}`, {
        signal: controller.signal,
      });
      status.value = 'done';
    } catch (e) {
      if (isAbort(e)) return;
      detail.value = null;
      status.value = 'error';
      if (!(e instanceof ApiError)) throw e;
      error.value = e;
    }
  }

  /** Cancels a load in flight (the module is being unmounted). */
  function cancel(): void {
    inflight?.abort();
  }

  return { status, detail, error, load, cancel };
});
