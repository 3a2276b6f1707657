import { defineStore } from 'pinia';
import { computed, reactive, ref, shallowRef } from 'vue';
import type { ApiError, LoadState } from '@vwu/context';
import { listMembers } from '../api/members-api.js';
import type { AgeBandName, CardStatusName, MemberRoleName, MemberRow, MemberSortKey } from '../api/wire.js';
import { isAbort, shownError } from '../lib/errors.js';

/** The list's filters (empty = not filtered). */
export interface MemberFilters {
  branch: string;
  ageBand: AgeBandName | '';
  ethnicity: string;
  joinYear: string;
  cardStatus: CardStatusName | '';
  role: MemberRoleName | '';
  trained: 'yes' | 'no' | '';
  honorary: 'yes' | 'no' | '';
}

/** Rows per request: big pages, few round trips while scrolling far. */
export const PAGE_SIZE = 500;
/** Pause after the last keystroke before searching. */
export const SEARCH_DELAY_MS = 250;

const EMPTY: MemberFilters = {
  branch: '',
  ageBand: '',
  ethnicity: '',
  joinYear: '',
  cardStatus: '',
  role: '',
  trained: '',
  honorary: '',
};

const yesNo = (value: 'yes' | 'no' | '') => (value === '' ? undefined : value === 'yes');

/**
 * The member list of the selected unit: search, filters and sort go to the server; pages come in order
 * (cursor paging) as the virtual list asks for rows. A new search or filter cancels the requests in flight,
 * so a slow answer to an old search never replaces a newer one. Rows are kept in a plain array and a
 * version counter tells the view they changed (100,000 reactive rows would cost more than the list itself).
 */
export const useMemberList = defineStore('members.list', () => {
  const status = ref<LoadState>('idle');
  /** Loading of the pages after the first. */
  const more = ref<LoadState>('idle');
  const error = shallowRef<ApiError | null>(null);
  const unitKey = ref<string | null>(null);
  const search = ref('');
  const sort = ref<MemberSortKey>('name');
  const filters = reactive<MemberFilters>({ ...EMPTY });
  const total = ref(0);
  const version = ref(0);
  /** Counts first pages shown: the view scrolls back to the top when a new result replaces the old. */
  const results = ref(0);
  /** Whether a result is on screen (kept while a newer search loads, so the list does not flicker). */
  const shown = ref(false);
  let rows: MemberRow[] = [];
  let cursor: string | null = null;
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const filtered = computed(() => search.value.trim() !== '' || Object.values(filters).some((v) => v !== ''));

  function params() {
    return {
      q: search.value.trim() === '' ? undefined : search.value.trim(),
      sort: sort.value,
      branch: filters.branch || undefined,
      ageBand: filters.ageBand || undefined,
      ethnicity: filters.ethnicity || undefined,
      joinYear: filters.joinYear === '' ? undefined : Number(filters.joinYear),
      cardStatus: filters.cardStatus || undefined,
      role: filters.role || undefined,
      trained: yesNo(filters.trained),
      honorary: yesNo(filters.honorary),
    };
  }

  async function fetchPage(first: boolean): Promise<void> {
    const key = unitKey.value;
    const current = controller;
    if (key === null || current === undefined) return;
    try {
      const page = await listMembers(
        key,
        { ...params(), limit: PAGE_SIZE, ...(first ? { withTotal: true } : { cursor: cursor ?? undefined }) },
        { signal: current.signal },
      );
      if (current !== controller) return;
      rows = first ? page.items : rows.concat(page.items);
      if (first) {
        results.value += 1;
        shown.value = true;
      }
      cursor = page.nextCursor;
      if (page.total !== undefined) total.value = page.total;
      else if (first) total.value = page.items.length + (cursor === null ? 0 : PAGE_SIZE);
      if (cursor === null) total.value = rows.length;
      version.value += 1;
      (first ? status : more).value = 'done';
    } catch (e) {
      if (isAbort(e) || current !== controller) return;
      if (first) shown.value = false;
      error.value = shownError(e);
      (first ? status : more).value = 'error';
    }
  }

  /**
   * Loads the first page again (after a change of search, filter or sort). The rows on screen stay until
   * the new ones arrive; `fresh` (a change of unit) clears them at once.
   */
  function reload(fresh = false): Promise<void> {
    clearTimeout(timer);
    controller?.abort();
    controller = new AbortController();
    if (fresh) {
      rows = [];
      cursor = null;
      total.value = 0;
      shown.value = false;
      version.value += 1;
    }
    error.value = null;
    more.value = 'idle';
    status.value = unitKey.value === null ? 'idle' : 'loading';
    return fetchPage(true);
  }

  /** Makes sure rows up to `index` are loaded (the virtual list shows them), page after page. */
  async function ensure(index: number): Promise<void> {
    while (index >= rows.length && cursor !== null && status.value === 'done' && more.value !== 'loading') {
      if (more.value === 'error') return;
      more.value = 'loading';
      await fetchPage(false);
    }
  }

  /** The row at an index, or `undefined` while its page is on its way. */
  function row(index: number): MemberRow | undefined {
    return rows[index];
  }

  /** Shows another unit's members. */
  function setUnit(key: string | null): Promise<void> {
    unitKey.value = key;
    filters.branch = '';
    return reload(true);
  }

  /** Searches after a short pause (each keystroke restarts it); an empty box lists everyone at once. */
  function setSearch(text: string): void {
    search.value = text;
    clearTimeout(timer);
    if (text.trim() === '') void reload();
    else timer = setTimeout(() => void reload(), SEARCH_DELAY_MS);
  }

  /** Changes a filter and reloads. */
  function setFilter<K extends keyof MemberFilters>(name: K, value: MemberFilters[K]): Promise<void> {
    filters[name] = value;
    return reload();
  }

  /** Clears search and filters. */
  function clearFilters(): Promise<void> {
    Object.assign(filters, EMPTY);
    search.value = '';
    return reload();
  }

  /** Sorts by a column; the same column again reverses the order. */
  function sortBy(column: 'name' | 'joinedOn' | 'dateOfBirth'): Promise<void> {
    sort.value = sort.value === column ? (`-${column}` as MemberSortKey) : column;
    return reload();
  }

  /** Retries what failed: the first page, or the next one. */
  function retry(): Promise<void> {
    if (status.value === 'error') return reload(true);
    more.value = 'idle';
    return ensure(rows.length);
  }

  /** Cancels requests in flight (the module unmounts). */
  function cancel(): void {
    clearTimeout(timer);
    controller?.abort();
  }

  /** The current list query, for the export of exactly what is shown. */
  const exportParams = () => params();

  return {
    status,
    more,
    error,
    unitKey,
    search,
    sort,
    filters,
    filtered,
    total,
    version,
    results,
    shown,
    row,
    ensure,
    setUnit,
    setSearch,
    setFilter,
    clearFilters,
    sortBy,
    retry,
    cancel,
    reload,
    exportParams,
  };
});
