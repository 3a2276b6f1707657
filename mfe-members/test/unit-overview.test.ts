import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Context from '@vwu/context';
import { apiFailure, detail, get } from './fake-api.js';

vi.mock('@vwu/context', async (original) => ({
  ...(await original<typeof Context>()),
  api: { get: (path: string, options?: { signal?: AbortSignal }) => get(path, options) },
}));

const { useUnitOverview } = await import('../src/stores/unit-overview.js');

beforeEach(() => {
  setActivePinia(createPinia());
  get.mockReset();
});

describe('unit overview store', () => {
  it('loads the unit with its children from /units/:key', async () => {
    get.mockResolvedValue(detail('2025:80', 'Tỉnh Tây Ninh', 96));
    const store = useUnitOverview();
    expect(store.status).toBe('idle');
    const pending = store.load('2025:80');
    expect(store.status).toBe('loading');
    await pending;
    expect(get).toHaveBeenCalledWith(
      '/units/2025%3A80',
      expect.objectContaining({ signal: expect.any(AbortSignal) }),
    );
    expect(store.status).toBe('done');
    expect(store.detail?.children).toHaveLength(96);
  });

  it.each([
    { name: 'out of scope', error: apiFailure('OUT_OF_SCOPE', 403) },
    { name: 'offline', error: apiFailure('NETWORK_ERROR', 0) },
  ])('shows an API error ($name) and forgets the previous unit', async ({ error }) => {
    get.mockResolvedValueOnce(detail('2025:80', 'Tỉnh Tây Ninh', 2)).mockRejectedValueOnce(error);
    const store = useUnitOverview();
    await store.load('2025:80');
    await store.load('2025:01');
    expect(store.status).toBe('error');
    expect(store.error).toBe(error);
    expect(store.detail).toBeNull();
  });

  it('a newer load cancels the one in flight: the old answer never shows', async () => {
    let releaseOld: (value: unknown) => void = () => undefined;
    get
      .mockImplementationOnce(
        (_, options) =>
          new Promise((resolve, reject) => {
            releaseOld = resolve;
            options?.signal?.addEventListener('abort', () =>
              reject(new DOMException('aborted', 'AbortError')),
            );
          }),
      )
      .mockResolvedValueOnce(detail('2025:01', 'Thành phố Hà Nội', 3));
    const store = useUnitOverview();
    const old = store.load('2025:80');
    await store.load('2025:01');
    releaseOld(detail('2025:80', 'Tỉnh Tây Ninh', 96));
    await old;
    expect(store.detail?.unit.name).toBe('Thành phố Hà Nội');
    expect(store.status).toBe('done');
  });

  it('a bug (not an API error) is not hidden in the error state', async () => {
    get.mockRejectedValue(new TypeError('undefined is not a function'));
    await expect(useUnitOverview().load('2025:80')).rejects.toThrow(TypeError);
  });
});
