import type { App, Component } from 'vue';
import type * as MountVue from './mount-vue.js';

/** Props single-spa passes to a micro-frontend's lifecycles (the shell adds `domElement`). */
export interface MfeProps {
  /** The application's registered name, e.g. '@vwu/mfe-members'. */
  name: string;
  /** Where to render; without it, the element with id `single-spa-application:<name>`. */
  domElement?: HTMLElement;
}

/** The three lifecycles a micro-frontend's entry exports, and nothing else. */
export interface MfeLifecycles {
  bootstrap(props: MfeProps): Promise<void>;
  mount(props: MfeProps): Promise<void>;
  unmount(props: MfeProps): Promise<void>;
}

/** What {@link createVueLifecycles} needs. */
export interface VueLifecyclesOptions {
  /** The micro-frontend's name; marks its style element (`<style data-vwu-mfe="…">`). */
  name: string;
  /** The root component. */
  rootComponent: Component;
  /** All of the micro-frontend's CSS, added on mount and removed on unmount. */
  css?: string;
  /**
   * Makes a fresh plugin for every mount, typically `createPinia`: each mount starts from clean state, so
   * nothing of one user's data outlives an unmount (e.g. sign-out, then another user's sign-in).
   */
  createStore?: () => { install(app: App): void };
  /** Further set-up of each new app (plugins, error handler). */
  setupApp?: (app: App, props: MfeProps) => void;
}

/**
 * The implementation, `mount-vue.js` next to `context.js` (an entry of its own in the shell's build). The
 * specifier is not a literal, so the bundler leaves this `import()` as it is: the browser resolves it
 * against this module's URL, and no preload helper or shared chunk is added to the context module.
 */
function loadRuntime(): Promise<typeof MountVue> {
  const specifier = './mount-vue.js';
  return import(/* @vite-ignore */ specifier) as Promise<typeof MountVue>;
}

/**
 * single-spa lifecycles for a Vue micro-frontend. `mount` adds the style element, creates the Vue app with
 * its own store and renders it in the container; `unmount` destroys the app, empties the container and
 * removes the style element, so nothing of the module is left on the page. The implementation is fetched
 * at the first bootstrap, so the page does not load it before a module is needed.
 *
 * @example
 * import css from 'virtual:vwu-mfe-css';
 * export const { bootstrap, mount, unmount } = createVueLifecycles({ name: '@vwu/mfe-members', rootComponent: Root, css, createStore: createPinia });
 */
export function createVueLifecycles(options: VueLifecyclesOptions): MfeLifecycles {
  let lifecycles: Promise<MfeLifecycles> | undefined;
  const ready = () => (lifecycles ??= loadRuntime().then((m) => m.vueLifecycles(options)));
  return {
    bootstrap: async (props) => (await ready()).bootstrap(props),
    mount: async (props) => (await ready()).mount(props),
    unmount: async (props) => (await ready()).unmount(props),
  };
}
