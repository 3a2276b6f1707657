import { describe, expect, it, vi } from 'vitest';
import { createModuleLoader } from '../../src/root-config/module-loader.js';
import { SlotError } from '../../src/root-config/slot-error.js';

const lifecycles = { bootstrap: async () => {}, mount: async () => {}, unmount: async () => {} };
const MAP: Record<string, string> = {
  '@vwu/mfe-members': 'https://console.test/modules/mfe-members/mfe-members.js',
};

function loader(importModule: (url: string) => Promise<unknown>, timeoutMs = 1000) {
  const resolve = (name: string) => {
    const url = MAP[name];
    if (url === undefined) throw new TypeError(`Failed to resolve module specifier "${name}"`);
    return url;
  };
  return createModuleLoader({ resolve, importModule, timeoutMs });
}

describe('module loader', () => {
  it('imports the import-map URL, and a new URL for each attempt after a failure (a failed import() is cached)', async () => {
    const urls: string[] = [];
    let fail = 2;
    const load = loader(async (url) => {
      urls.push(url);
      if (fail-- > 0) throw new TypeError('Failed to fetch dynamically imported module');
      return lifecycles;
    });
    await expect(load.load('@vwu/mfe-members')).rejects.toMatchObject({ kind: 'load' });
    await expect(load.load('@vwu/mfe-members')).rejects.toMatchObject({ kind: 'load' });
    await expect(load.load('@vwu/mfe-members')).resolves.toBe(lifecycles);
    expect(urls).toEqual([
      'https://console.test/modules/mfe-members/mfe-members.js',
      'https://console.test/modules/mfe-members/mfe-members.js?attempt=1',
      'https://console.test/modules/mfe-members/mfe-members.js?attempt=2',
    ]);
  });

  it('shares one import between concurrent loads and keeps a loaded module', async () => {
    const importModule = vi.fn(async () => lifecycles);
    const load = loader(importModule);
    await Promise.all([load.load('@vwu/mfe-members'), load.load('@vwu/mfe-members')]);
    await load.load('@vwu/mfe-members');
    expect(importModule).toHaveBeenCalledOnce();
  });

  it.each([
    {
      name: 'a name the import map lacks',
      app: '@vwu/mfe-unknown',
      module: lifecycles,
      kind: 'load',
      message: '@vwu/mfe-unknown is not in the import map',
    },
    {
      name: 'no mount export',
      app: '@vwu/mfe-members',
      module: { bootstrap: () => {}, unmount: () => {} },
      kind: 'load',
      message: '@vwu/mfe-members does not export mount()',
    },
    {
      name: 'a module that exports nothing',
      app: '@vwu/mfe-members',
      module: null,
      kind: 'load',
      message: '@vwu/mfe-members exports nothing',
    },
  ])('fails with a SlotError for $name', async ({ app, module, kind, message }) => {
    const error = await loader(async () => module)
      .load(app)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlotError);
    expect(error).toMatchObject({ kind, message });
  });

  it('gives up after the time limit with a timeout', async () => {
    vi.useFakeTimers();
    try {
      const pending = loader(() => new Promise(() => {}), 10_000).load('@vwu/mfe-members');
      const settled = pending.catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(await settled).toMatchObject({ kind: 'timeout' });
    } finally {
      vi.useRealTimers();
    }
  });
});
