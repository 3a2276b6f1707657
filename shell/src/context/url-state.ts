/** Query parameters that carry the shared context, so that a view can be shared by its URL. */
export const URL_KEYS = { unit: 'unit', period: 'period', language: 'lang' } as const;

/** Context values as strings: unit key, period code, language. */
export interface ContextParams {
  unit?: string | undefined;
  period?: string | undefined;
  language?: string | undefined;
}

/** The browser pieces the URL state uses (injected so that tests can pin them). */
export interface UrlStateDeps {
  /** The current URL. */
  href(): string;
  /** Replaces the URL without a navigation (history.replaceState). */
  replace(url: string): void;
  /** Per-tab storage (sessionStorage), or `null` when unavailable. */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

/** Reads and writes the context in the URL query and in sessionStorage. */
export interface UrlState {
  /** The values: those of the URL when the state was created, else the tab's storage, then writes. */
  read(): ContextParams;
  /** Stores values (an `undefined` value is removed) and puts them in the URL. */
  write(params: ContextParams): void;
  /** Puts the stored values back into the URL after a navigation dropped them. */
  restoreUrl(): void;
  /** Extra data kept with the values in storage (the selected unit's name and breadcrumb). */
  extra<T>(name: string): T | undefined;
  /** Stores extra data under a name. */
  setExtra(name: string, value: unknown): void;
}

const STORAGE_KEY = 'vwu.context';

interface Stored {
  params: ContextParams;
  extra: Record<string, unknown>;
}

/**
 * The URL state: `?unit=2025:80&period=2025-M10&lang=vi`, mirrored in sessionStorage so a reload or a
 * navigation that drops the query keeps the context. Other query parameters and the hash are left alone.
 *
 * @example
 * const state = createUrlState({ href: () => location.href, replace: (u) => history.replaceState(history.state, '', u), storage: sessionStorage });
 * state.write({ period: '2025-Q3' });
 */
export function createUrlState(deps: UrlStateDeps): UrlState {
  function load(): Stored {
    try {
      const raw = deps.storage?.getItem(STORAGE_KEY);
      const parsed = raw ? (JSON.parse(raw) as Partial<Stored>) : {};
      return { params: parsed.params ?? {}, extra: parsed.extra ?? {} };
    } catch {
      // Storage written by another version, or disabled: start afresh.
      return { params: {}, extra: {} };
    }
  }
  // The URL wins over the tab's storage (a shared link), the storage fills what the URL lacks (a navigation
  // that dropped the query); from here on `stored` is the truth and the URL its mirror.
  let stored = load();
  const search = new URL(deps.href()).searchParams;
  for (const [field, name] of Object.entries(URL_KEYS) as [keyof ContextParams, string][]) {
    const value = search.get(name);
    if (value !== null) stored.params[field] = value;
  }

  function save(): void {
    try {
      deps.storage?.setItem(STORAGE_KEY, JSON.stringify(stored));
    } catch {
      // Storage full or disabled: the URL still carries the context.
    }
  }

  function syncUrl(): void {
    const current = new URL(deps.href());
    const next = new URL(current);
    for (const [field, name] of Object.entries(URL_KEYS) as [keyof ContextParams, string][]) {
      const value = stored.params[field];
      if (value === undefined) next.searchParams.delete(name);
      else next.searchParams.set(name, value);
    }
    if (next.href !== current.href) deps.replace(`${next.pathname}${next.search}${next.hash}`);
  }

  return {
    read: () => ({ ...stored.params }),
    write(params) {
      stored = { ...stored, params: { ...stored.params, ...params } };
      for (const field of Object.keys(params) as (keyof ContextParams)[]) {
        if (params[field] === undefined) delete stored.params[field];
      }
      save();
      syncUrl();
    },
    restoreUrl: syncUrl,
    extra: <T>(name: string) => stored.extra[name] as T | undefined,
    setExtra(name, value) {
      stored = { ...stored, extra: { ...stored.extra, [name]: value } };
      save();
    },
  };
}
