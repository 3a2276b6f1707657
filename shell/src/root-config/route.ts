import { shallowRef, type ShallowRef } from 'vue';
import { navigateToUrl } from 'single-spa';
import { syncUrl } from '@vwu/context';

/** The current path, following single-spa's routing events. */
export interface Route {
  path: Readonly<ShallowRef<string>>;
  /** Goes to a path of the console, keeping the context query (unit, period, language). */
  navigate(path: string): void;
  /** The href of a path with the current query, for links. */
  href(path: string): string;
}

/** The shell's route. After every navigation the context is put back into the URL if it was dropped. */
export function createRoute(): Route {
  const path = shallowRef(window.location.pathname);
  const update = () => {
    path.value = window.location.pathname;
    syncUrl();
  };
  window.addEventListener('single-spa:routing-event', update);
  window.addEventListener('popstate', update);
  const href = (to: string) => `${to}${window.location.search}`;
  return {
    path,
    href,
    navigate(to) {
      navigateToUrl(href(to));
    },
  };
}
