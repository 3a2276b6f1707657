import type { Localized } from '@vwu/context';

/** One entry of the left navigation: a URL prefix and the applications shown under it. */
export interface LayoutRoute {
  /** URL prefix, e.g. '/members'; the route is active on it and below it. */
  prefix: string;
  label: Localized;
  /** Icon of the navigation entry. */
  icon: 'members' | 'kpi' | 'contests' | 'module';
  /** Applications (import-map names) mounted side by side in this route's slots. */
  apps: readonly string[];
  /**
   * A page for people without a console account (a member voting from a link shared in her online group):
   * mounted without sign-in, in a plain frame, and not listed in the navigation.
   */
  public?: boolean;
}

/** The console's layout: routes and time limits of its slots. */
export interface Layout {
  routes: readonly LayoutRoute[];
  /** Give up loading a module's code after this long (ms). */
  loadTimeoutMs: number;
  /** Give up a module's mount or unmount after this long (ms). */
  mountTimeoutMs: number;
}

/** The console's three modules, each under its own URL prefix. */
export const DEFAULT_LAYOUT: Layout = {
  routes: [
    {
      prefix: '/members',
      label: { vi: 'Hội viên', en: 'Members' },
      icon: 'members',
      apps: ['@vwu/mfe-members'],
    },
    {
      prefix: '/kpi',
      label: { vi: 'Chỉ tiêu & phân tích', en: 'Targets & analytics' },
      icon: 'kpi',
      apps: ['@vwu/mfe-kpi'],
    },
    {
      prefix: '/contests',
      label: { vi: 'Hội thi & thi đua', en: 'Contests' },
      icon: 'contests',
      apps: ['@vwu/mfe-contests'],
    },
    {
      prefix: '/binh-chon',
      label: { vi: 'Bình chọn trực tuyến', en: 'Online vote' },
      icon: 'contests',
      apps: ['@vwu/mfe-contests'],
      public: true,
    },
  ],
  loadTimeoutMs: 10_000,
  mountTimeoutMs: 10_000,
};

/** Whether `pathname` lies on or below `prefix` ('/members', '/members/42', not '/membership'). */
export function matchesPrefix(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** The route of a path, if any. */
export function routeOf(layout: Layout, pathname: string): LayoutRoute | undefined {
  return layout.routes.find((route) => matchesPrefix(pathname, route.prefix));
}

/** The routes listed in the navigation (public pages are reached by their links only). */
export function navigationOf(layout: Layout): LayoutRoute[] {
  return layout.routes.filter((route) => route.public !== true);
}

/** Whether `name` is active at `pathname`: on one of its routes, and signed in unless the route is public. */
export function isActiveAt(layout: Layout, name: string, pathname: string, ready: boolean): boolean {
  return layout.routes.some(
    (r) => r.apps.includes(name) && matchesPrefix(pathname, r.prefix) && (ready || r.public === true),
  );
}

/** Every application of the layout, once each, in order of appearance. */
export function applicationsOf(layout: Layout): string[] {
  return [...new Set(layout.routes.flatMap((route) => route.apps))];
}

function isLocalized(value: unknown): value is Localized {
  const v = value as Partial<Localized> | null;
  return typeof v === 'object' && v !== null && typeof v.vi === 'string' && typeof v.en === 'string';
}

function isRoute(value: unknown): value is LayoutRoute {
  const r = value as Partial<LayoutRoute> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.prefix === 'string' &&
    r.prefix.startsWith('/') &&
    isLocalized(r.label) &&
    Array.isArray(r.apps) &&
    r.apps.every((a) => typeof a === 'string') &&
    (r.public === undefined || typeof r.public === 'boolean')
  );
}

/**
 * The layout given by the page (`<script type="application/json" id="vwu-layout">`), else the default.
 * Fields that are missing or malformed keep their default.
 *
 * @example readLayout('{"mountTimeoutMs": 3000}') // DEFAULT_LAYOUT with a 3 s mount limit
 */
export function readLayout(json: string | null | undefined): Layout {
  if (!json) return DEFAULT_LAYOUT;
  let raw: Partial<Record<keyof Layout, unknown>>;
  try {
    raw = JSON.parse(json) as typeof raw;
  } catch {
    return DEFAULT_LAYOUT;
  }
  const positive = (v: unknown, fallback: number) => (typeof v === 'number' && v > 0 ? v : fallback);
  const routes = Array.isArray(raw.routes) && raw.routes.every(isRoute) ? raw.routes : DEFAULT_LAYOUT.routes;
  return {
    routes: routes.map((r) => ({ ...r, icon: r.icon ?? 'module' })),
    loadTimeoutMs: positive(raw.loadTimeoutMs, DEFAULT_LAYOUT.loadTimeoutMs),
    mountTimeoutMs: positive(raw.mountTimeoutMs, DEFAULT_LAYOUT.mountTimeoutMs),
  };
}
