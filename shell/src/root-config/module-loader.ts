import type { MfeLifecycles } from '@vwu/context';
import { SlotError, withTimeout } from './slot-error.js';

/** What {@link createModuleLoader} needs (injected so that tests can fake the browser's import). */
export interface ModuleLoaderDeps {
  /** The URL the import map gives a name (`import.meta.resolve`); throws when the map has none. */
  resolve(name: string): string;
  /** Imports a module by URL (`import(url)`). */
  importModule(url: string): Promise<unknown>;
  /** Give up after this long (ms). */
  timeoutMs: number;
}

/** Loads micro-frontends by their import-map names. */
export interface ModuleLoader {
  /** The module's lifecycles. @throws SlotError 'load' or 'timeout' */
  load(name: string): Promise<MfeLifecycles>;
  /** Forgets a loaded module, so the next load imports it again under a new URL. */
  forget(name: string): void;
}

function lifecyclesOf(name: string, module: unknown): MfeLifecycles {
  const m = module as Partial<Record<keyof MfeLifecycles, unknown>> | null;
  if (typeof m !== 'object' || m === null) throw new SlotError('load', `${name} exports nothing`);
  for (const lifecycle of ['bootstrap', 'mount', 'unmount'] as const) {
    if (typeof m[lifecycle] !== 'function')
      throw new SlotError('load', `${name} does not export ${lifecycle}()`);
  }
  return m as MfeLifecycles;
}

function withQuery(url: string, name: string, value: string): string {
  const u = new URL(url);
  u.searchParams.set(name, value);
  return u.href;
}

/**
 * The module loader. A failed `import()` is cached by the browser for its URL until the page reloads, so
 * every attempt after a failure imports the import-map URL with a new `?attempt=n` query: the entry is
 * fetched again while its own imports (Vue, the context, its chunks) still resolve to the same modules.
 *
 * @example
 * const loader = createModuleLoader({ resolve: (n) => import.meta.resolve(n), importModule: (u) => import(u), timeoutMs: 10_000 });
 * const { mount } = await loader.load('@vwu/mfe-members');
 */
export function createModuleLoader(deps: ModuleLoaderDeps): ModuleLoader {
  const loaded = new Map<string, Promise<MfeLifecycles>>();
  const attempts = new Map<string, number>();

  async function importOnce(name: string): Promise<MfeLifecycles> {
    const attempt = attempts.get(name) ?? 0;
    attempts.set(name, attempt + 1);
    let url: string;
    try {
      url = deps.resolve(name);
    } catch (error) {
      throw new SlotError('load', `${name} is not in the import map`, { cause: error });
    }
    const target = attempt === 0 ? url : withQuery(url, 'attempt', String(attempt));
    const module = await withTimeout(
      deps.importModule(target).catch((error: unknown) => {
        throw new SlotError('load', `${target}: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }),
      deps.timeoutMs,
      `loading ${target}`,
    );
    return lifecyclesOf(name, module);
  }

  return {
    load(name) {
      let pending = loaded.get(name);
      if (pending === undefined) {
        pending = importOnce(name);
        loaded.set(name, pending);
        pending.catch(() => loaded.delete(name));
      }
      return pending;
    },
    forget(name) {
      loaded.delete(name);
    },
  };
}
