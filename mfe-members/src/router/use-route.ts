import { inject, provide, shallowRef, type InjectionKey, type ShallowRef } from 'vue';
import { navigateToUrl } from 'single-spa';
import { pathOf, routeOf, type MembersRoute } from './routes.js';

/** The module's router: the current route and navigation that keeps the context query (unit, period…). */
export interface MembersRouter {
  route: Readonly<ShallowRef<MembersRoute>>;
  /** Goes to a route (a history entry; Back returns). */
  go(route: MembersRoute): void;
  /** The href of a route, for links that open in a new tab too. */
  href(route: MembersRoute): string;
  /** Stops following the URL (the module unmounts). */
  stop(): void;
}

const ROUTER: InjectionKey<MembersRouter> = Symbol('members-router');

/** What the router reads and changes (injected so that tests can pin it). */
export interface RouterDeps {
  location: () => { pathname: string; search: string };
  navigate: (url: string) => void;
  listen: (listener: () => void) => () => void;
}

function browserDeps(): RouterDeps {
  return {
    location: () => window.location,
    navigate: (url) => navigateToUrl(url),
    listen(listener) {
      window.addEventListener('popstate', listener);
      window.addEventListener('single-spa:routing-event', listener);
      return () => {
        window.removeEventListener('popstate', listener);
        window.removeEventListener('single-spa:routing-event', listener);
      };
    },
  };
}

/** Query parameters that belong to one page only and are dropped when going elsewhere. */
const PAGE_PARAMS = ['token'];

/**
 * Creates the router of one mount and provides it to the component tree. Call in the root's `setup()`.
 *
 * @example const router = provideRouter(); onBeforeUnmount(router.stop);
 */
export function provideRouter(deps: RouterDeps = browserDeps()): MembersRouter {
  const read = () => {
    const { pathname, search } = deps.location();
    return routeOf(pathname, search);
  };
  const route = shallowRef(read());
  const stop = deps.listen(() => {
    const next = read();
    if (JSON.stringify(next) !== JSON.stringify(route.value)) route.value = next;
  });
  const href = (to: MembersRoute) => {
    const query = new URLSearchParams(deps.location().search);
    for (const name of PAGE_PARAMS) query.delete(name);
    const qs = query.toString();
    return `${pathOf(to)}${qs === '' ? '' : `?${qs}`}`;
  };
  const router: MembersRouter = {
    route,
    href,
    go(to) {
      deps.navigate(href(to));
      route.value = read();
    },
    stop,
  };
  provide(ROUTER, router);
  return router;
}

/** The router provided by the module's root. */
export function useRouter(): MembersRouter {
  const router = inject(ROUTER);
  if (router === undefined) throw new Error('useRouter() outside the members module');
  return router;
}
