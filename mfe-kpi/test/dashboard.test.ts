import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Context from '@vwu/context';
import type { LoadFile, LoadOptions } from '../src/engine/index.js';
import { SUMMARY, detail, engine, get, instance, manifest, targetsAnswer } from './fake-engine.js';

vi.mock('@vwu/context', async (original) => ({
  ...(await original<typeof Context>()),
  api: { get: (path: string, options?: { signal?: AbortSignal }) => get(path, options) },
}));
const reset = vi.hoisted(() => vi.fn());
vi.mock('../src/stores/engine-instance.js', () => ({ useEngine: () => instance, resetEngine: reset }));

const { useDashboard } = await import('../src/stores/dashboard.js');

const TAY_NINH = { key: '2025:80', name: 'Tỉnh Tây Ninh', level: 'province' as const, breadcrumb: [] };
const CAO_BANG = { key: '2025:04', name: 'Tỉnh Cao Bằng', level: 'province' as const, breadcrumb: [] };
const NOVEMBER = { grain: 'month' as const, from: '2026-11-01', to: '2026-11-30' };

beforeEach(() => {
  setActivePinia(createPinia());
  engine.load.mockReset().mockResolvedValue(SUMMARY);
  engine.query.mockReset().mockResolvedValue({ columns: [], rows: [], rowCount: 0, ms: 1 });
  reset.mockClear();
  get
    .mockReset()
    .mockImplementation(async (path: string) =>
      path === '/analytics/manifest.json'
        ? manifest()
        : path === '/kpi/targets'
          ? targetsAnswer()
          : detail(path.endsWith('80') ? '2025:80' : '2025:04', 'x', 'province', []),
    );
});

describe('dashboard store', () => {
  it('a newer load cancels the one in flight: its signal aborts and its answer never shows', async () => {
    let release: () => void = () => undefined;
    engine.load.mockImplementationOnce(
      (_files: LoadFile[], options?: LoadOptions) =>
        new Promise((resolve, reject) => {
          release = () => resolve(SUMMARY);
          options?.signal?.addEventListener('abort', () =>
            reject(new DOMException('cancelled', 'AbortError')),
          );
        }),
    );
    const store = useDashboard();
    const first = store.load(TAY_NINH, NOVEMBER);
    await vi.waitFor(() => expect(engine.load).toHaveBeenCalledTimes(1));
    const firstSignal = engine.load.mock.calls[0]![1]!.signal!;
    await store.load(CAO_BANG, NOVEMBER);
    release();
    await first;
    expect(firstSignal.aborted).toBe(true);
    expect(store.scope?.unitKey).toBe('2025:04');
    expect(store.status).toBe('done');
  });

  it.each([
    { name: 'WorkerError', resets: true },
    { name: 'TerminatedError', resets: true },
    { name: 'IntegrityError', resets: false },
  ])('$name: error state; a gone worker is replaced (reset: $resets)', async ({ name, resets }) => {
    engine.load.mockRejectedValueOnce(Object.assign(new Error('x'), { name }));
    const store = useDashboard();
    await store.load(TAY_NINH, NOVEMBER);
    expect(store.status).toBe('error');
    expect(store.error?.name).toBe(name);
    expect(reset).toHaveBeenCalledTimes(resets ? 1 : 0);
  });

  it('a bug on this side is shown and raised', async () => {
    engine.query.mockRejectedValueOnce(new TypeError('undefined is not a function'));
    const store = useDashboard();
    await expect(store.load(TAY_NINH, NOVEMBER)).rejects.toThrow(TypeError);
    expect(store.status).toBe('error');
  });

  it('reuses a fresh manifest for the next view', async () => {
    const store = useDashboard();
    await store.load(TAY_NINH, NOVEMBER);
    await store.load(TAY_NINH, { grain: 'month', from: '2026-10-01', to: '2026-10-31' });
    expect(get.mock.calls.filter(([p]) => p === '/analytics/manifest.json')).toHaveLength(1);
    expect(engine.load.mock.calls[1]![0].map((f) => f.month)).toContain('2026-05');
  });
});
