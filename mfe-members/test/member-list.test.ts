import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Context from '@vwu/context';
import { fakeApi, pending, resetFakeApi } from './fake-members-api.js';
import { page } from './members-fixtures.js';

vi.mock('@vwu/context', async (original) => ({
  ...(await original<typeof Context>()),
  api: (await import('./fake-members-api.js')).fakeApi,
}));

const { useMemberList, PAGE_SIZE, SEARCH_DELAY_MS } = await import('../src/stores/member-list.js');

/** A registry of `total` members answered page by page, as the API's cursor paging does. */
function registry(total: number) {
  fakeApi.get.mockImplementation(async (_path, options) => {
    const q = options?.query ?? {};
    const from = typeof q.cursor === 'string' ? Number(q.cursor.slice(1)) : 0;
    return page(from, Number(q.limit), total, q.withTotal === true);
  });
}

beforeEach(() => {
  setActivePinia(createPinia());
  resetFakeApi();
});
afterEach(() => vi.useRealTimers());

describe('member list store', () => {
  it('loads the first page with the total, then further pages in order as rows are needed', async () => {
    registry(100_000);
    const list = useMemberList();
    await list.setUnit('2025:25459');
    expect(fakeApi.get).toHaveBeenCalledWith(
      '/units/2025%3A25459/members',
      expect.objectContaining({ query: { sort: 'name', limit: PAGE_SIZE, withTotal: true } }),
    );
    expect(list.status).toBe('done');
    expect(list.total).toBe(100_000);
    expect(list.row(0)?.id).toBe('1');
    expect(list.row(PAGE_SIZE)).toBeUndefined();
    await list.ensure(PAGE_SIZE * 2 + 10);
    expect(fakeApi.get).toHaveBeenCalledTimes(3);
    expect(fakeApi.get.mock.calls[2]![1]?.query).toMatchObject({ cursor: `c${PAGE_SIZE * 2}` });
    expect(list.row(PAGE_SIZE * 2 + 10)?.id).toBe(String(PAGE_SIZE * 2 + 11));
  });

  it.each([
    { name: 'branch', value: '2025:25459-01', query: { branch: '2025:25459-01' } },
    { name: 'ageBand', value: '30_44', query: { ageBand: '30_44' } },
    { name: 'ethnicity', value: 'Khmer', query: { ethnicity: 'Khmer' } },
    { name: 'joinYear', value: '2015', query: { joinYear: 2015 } },
    { name: 'cardStatus', value: 'revoked', query: { cardStatus: 'revoked' } },
    { name: 'role', value: 'cadre', query: { role: 'cadre' } },
    { name: 'trained', value: 'no', query: { trained: false } },
    { name: 'honorary', value: 'yes', query: { honorary: true } },
  ] as const)('filter $name goes to the server as $query', async ({ name, value, query }) => {
    registry(3);
    const list = useMemberList();
    await list.setUnit('2025:25459');
    await list.setFilter(name, value as never);
    expect(fakeApi.get.mock.lastCall?.[1]?.query).toMatchObject(query);
    expect(list.filtered).toBe(true);
  });

  it('sorts by a column, and the same column again reverses it', async () => {
    registry(3);
    const list = useMemberList();
    await list.setUnit('2025:25459');
    await list.sortBy('joinedOn');
    expect(fakeApi.get.mock.lastCall?.[1]?.query).toMatchObject({ sort: 'joinedOn' });
    await list.sortBy('joinedOn');
    expect(fakeApi.get.mock.lastCall?.[1]?.query).toMatchObject({ sort: '-joinedOn' });
  });

  it('searches once the typing pauses, and a newer search cancels the older one in flight', async () => {
    vi.useFakeTimers();
    registry(5);
    const list = useMemberList();
    await list.setUnit('2025:25459');
    fakeApi.get.mockClear();
    list.setSearch('ng');
    list.setSearch('nguyen thi');
    vi.advanceTimersByTime(SEARCH_DELAY_MS - 1);
    expect(fakeApi.get).not.toHaveBeenCalled();
    const slow = { current: pending<ReturnType<typeof page>>(undefined) };
    fakeApi.get.mockImplementationOnce((_p, options) => {
      slow.current = pending(options?.signal);
      return slow.current.promise;
    });
    vi.advanceTimersByTime(1);
    expect(fakeApi.get).toHaveBeenCalledTimes(1);
    expect(fakeApi.get.mock.lastCall?.[1]?.query).toMatchObject({ q: 'nguyen thi' });
    const aborted = fakeApi.get.mock.lastCall?.[1]?.signal;
    list.setSearch('nguyen thi hoa');
    expect(aborted?.aborted).toBe(false);
    vi.advanceTimersByTime(SEARCH_DELAY_MS);
    expect(aborted?.aborted).toBe(true);
    await vi.waitFor(() => expect(list.status).toBe('done'));
    slow.current.release(page(0, 500, 99, true));
    expect(fakeApi.get.mock.lastCall?.[1]?.query).toMatchObject({ q: 'nguyen thi hoa' });
    expect(list.total).toBe(5);
  });

  it('keeps the rows on screen while a newer search loads (no flicker), and a new unit clears them', async () => {
    registry(5);
    const list = useMemberList();
    await list.setUnit('2025:25459');
    let release: (value: unknown) => void = () => undefined;
    fakeApi.get.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
    const searching = list.reload();
    expect(list.status).toBe('loading');
    expect(list.shown).toBe(true);
    expect(list.row(0)?.id).toBe('1');
    const before = list.results;
    release(page(0, 500, 2, true));
    await searching;
    expect(list.total).toBe(2);
    expect(list.results).toBe(before + 1);
    fakeApi.get.mockImplementationOnce(() => new Promise(() => undefined));
    void list.setUnit('2025:80');
    expect(list.shown).toBe(false);
    expect(list.row(0)).toBeUndefined();
  });

  it('clearing the search box lists everyone at once (no pause)', async () => {
    registry(5);
    const list = useMemberList();
    await list.setUnit('2025:25459');
    fakeApi.get.mockClear();
    list.setSearch('');
    expect(fakeApi.get).toHaveBeenCalledTimes(1);
  });

  it('shows an API error with a retry; a failed later page keeps the rows already shown', async () => {
    const { ApiError } = await import('@vwu/context');
    const failure = new ApiError({
      code: 'NETWORK_ERROR',
      status: 0,
      messages: { vi: 'Mất mạng', en: 'Offline' },
      language: 'vi',
    });
    fakeApi.get.mockRejectedValueOnce(failure);
    const list = useMemberList();
    await list.setUnit('2025:25459');
    expect(list.status).toBe('error');
    expect(list.error).toBe(failure);
    registry(1200);
    await list.retry();
    expect(list.status).toBe('done');
    fakeApi.get.mockRejectedValueOnce(failure);
    await list.ensure(700);
    expect(list.more).toBe('error');
    expect(list.row(10)).toBeDefined();
    registry(1200);
    await list.retry();
    expect(list.more).toBe('done');
    expect(list.row(700)).toBeDefined();
  });

  it('a bug (not an API error) is not hidden in the error state', async () => {
    fakeApi.get.mockRejectedValue(new TypeError('boom'));
    await expect(useMemberList().setUnit('2025:25459')).rejects.toThrow(TypeError);
  });
});
