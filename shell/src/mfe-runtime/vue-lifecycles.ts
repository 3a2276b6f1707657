import { createApp, type App, type Component } from 'vue';

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

function containerOf(props: MfeProps): HTMLElement {
  const element = props.domElement ?? document.getElementById(`single-spa-application:${props.name}`);
  if (element === null) throw new Error(`No element to mount ${props.name} in`);
  return element;
}

/**
 * single-spa lifecycles for a Vue micro-frontend. `mount` adds the style element, creates the Vue app with
 * its own store and renders it in the container; `unmount` destroys the app, empties the container and
 * removes the style element, so nothing of the module is left on the page.
 *
 * @example
 * import css from 'virtual:vwu-mfe-css';
 * export const { bootstrap, mount, unmount } = createVueLifecycles({ name: '@vwu/mfe-members', rootComponent: Root, css, createStore: createPinia });
 */
export function createVueLifecycles(options: VueLifecyclesOptions): MfeLifecycles {
  let mounted: { app: App; container: HTMLElement; style: HTMLStyleElement } | null = null;

  function teardown(): void {
    if (mounted === null) return;
    const { app, container, style } = mounted;
    mounted = null;
    try {
      app.unmount();
    } finally {
      container.replaceChildren();
      style.remove();
    }
  }

  return {
    async bootstrap() {},
    async mount(props) {
      if (mounted !== null) throw new Error(`${options.name} is already mounted`);
      const container = containerOf(props);
      const style = document.createElement('style');
      style.dataset.vwuMfe = options.name;
      style.textContent = options.css ?? '';
      document.head.append(style);
      const root = document.createElement('div');
      root.className = 'vwu-mfe';
      container.replaceChildren(root);
      const app = createApp(options.rootComponent);
      mounted = { app, container, style };
      // Vue hands errors thrown while rendering to its error handler (in production it only logs them): catch
      // those of the first render so that a broken module fails its mount and the shell shows its panel.
      let failure: { error: unknown } | undefined;
      try {
        if (options.createStore !== undefined) app.use(options.createStore());
        options.setupApp?.(app, props);
        const handler = app.config.errorHandler;
        app.config.errorHandler = (error) => {
          failure ??= { error };
        };
        app.mount(root);
        app.config.errorHandler = handler;
      } catch (error) {
        failure ??= { error };
      }
      if (failure !== undefined) {
        teardown();
        throw failure.error;
      }
    },
    async unmount() {
      teardown();
    },
  };
}
