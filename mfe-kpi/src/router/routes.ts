/**
 * The module's screens under the console's `/kpi` prefix: the targets dashboard at `/kpi`, the analyst
 * workbench at `/kpi/workbench`. The query (unit, period, language, the workbench's view) is kept when
 * moving between them.
 */
import { shallowRef, type ShallowRef } from 'vue';
import { navigateToUrl } from 'single-spa';

/** A screen of the module. */
export type KpiRoute = 'dashboard' | 'workbench';

/** The URL prefix the shell mounts this module under. */
export const PREFIX = '/kpi';

/**
 * The screen of a path.
 *
 * @example routeOf('/kpi/workbench') // 'workbench'
 */
export function routeOf(pathname: string): KpiRoute {
  return /^\/kpi\/workbench\/?$/.test(pathname) ? 'workbench' : 'dashboard';
}

/**
 * The path of a screen.
 *
 * @example pathOf('workbench') // '/kpi/workbench'
 */
export function pathOf(route: KpiRoute): string {
  return route === 'workbench' ? `${PREFIX}/workbench` : PREFIX;
}

/** The current screen, following the address bar; `stop()` when the module unmounts. */
export function followRoute(): { route: ShallowRef<KpiRoute>; go(route: KpiRoute): void; stop(): void } {
  const route = shallowRef(routeOf(location.pathname));
  const update = () => {
    route.value = routeOf(location.pathname);
  };
  window.addEventListener('popstate', update);
  window.addEventListener('single-spa:routing-event', update);
  return {
    route,
    go(next) {
      navigateToUrl(`${pathOf(next)}${location.search}`);
      update();
    },
    stop() {
      window.removeEventListener('popstate', update);
      window.removeEventListener('single-spa:routing-event', update);
    },
  };
}
