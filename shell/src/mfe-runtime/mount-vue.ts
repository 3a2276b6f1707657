import { createApp, type App } from 'vue';
import type { MfeLifecycles, MfeProps, VueLifecyclesOptions } from './vue-lifecycles.js';

function containerOf(props: MfeProps): HTMLElement {
  const element = props.domElement ?? document.getElementById(`single-spa-application:${props.name}`);
  if (element === null) throw new Error(`No element to mount ${props.name} in`);
  return element;
}

/** The implementation of {@link createVueLifecycles} (vue-lifecycles.ts), loaded with the first module. */
export function vueLifecycles(options: VueLifecyclesOptions): MfeLifecycles {
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
