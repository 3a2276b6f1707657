import {
  addErrorHandler,
  getAppStatus,
  registerApplication,
  triggerAppChange,
  unregisterApplication,
} from 'single-spa';
import type { LifeCycles } from 'single-spa';
import type { MfeLifecycles, MfeProps } from '@vwu/context';
import { applicationsOf, isActiveAt, type Layout } from './layout.js';
import type { ModuleLoader } from './module-loader.js';
import { kindOf, withTimeout } from './slot-error.js';
import type { SlotStates } from './slot-states.js';

/** What {@link registerApplications} needs. */
export interface ApplicationsDeps {
  layout: Layout;
  loader: ModuleLoader;
  slots: SlotStates;
  /** Whether applications may be active at all (signed in, unit selected). */
  isReady(): boolean;
}

/** The registered applications. */
export interface Applications {
  /** Loads and mounts an application again after a failure, in a fresh container. */
  retry(name: string): Promise<void>;
}

/** Time limits and slot states around the lifecycles a module exports. */
function guard(name: string, lifecycles: MfeLifecycles, deps: ApplicationsDeps): LifeCycles<MfeProps> {
  const ms = deps.layout.mountTimeoutMs;
  return {
    bootstrap: (props) => withTimeout(lifecycles.bootstrap(props), ms, `bootstrap of ${name}`),
    mount: async (props) => {
      deps.slots.set(name, 'loading');
      await withTimeout(lifecycles.mount(props), ms, `mount of ${name}`);
      deps.slots.set(name, 'done');
    },
    unmount: async (props) => {
      await withTimeout(lifecycles.unmount(props), ms, `unmount of ${name}`);
      deps.slots.set(name, 'idle');
    },
  };
}

interface AppChangeDetail {
  appsByNewStatus?: Partial<Record<string, string[]>>;
}

/**
 * Registers every application of the layout with single-spa: active under its route's prefix once the
 * console is ready (at once on a public route), loaded through the module loader (time limit, new URL after a failure), mounted with
 * time limits into its slot's container. Failures reach the slots through single-spa's error handler;
 * app-change events settle the final statuses. Call before `start()`.
 */
export function registerApplications(deps: ApplicationsDeps): Applications {
  const { layout, loader, slots } = deps;

  function register(name: string): void {
    registerApplication<MfeProps>({
      name,
      app: async () => {
        slots.set(name, 'loading');
        return guard(name, await loader.load(name), deps);
      },
      activeWhen: (location) => isActiveAt(layout, name, location.pathname, deps.isReady()),
      customProps: () => ({ name, domElement: slots.get(name).container }),
    });
  }

  addErrorHandler((error) => {
    const name = error.appOrParcelName;
    if (slots.has(name)) slots.fail(name, kindOf(error), error.message);
  });
  window.addEventListener('single-spa:app-change', (event) => {
    const byStatus = (event as CustomEvent<AppChangeDetail>).detail?.appsByNewStatus ?? {};
    for (const name of byStatus.MOUNTED ?? []) if (slots.has(name)) slots.set(name, 'done');
    for (const name of byStatus.SKIP_BECAUSE_BROKEN ?? []) {
      if (slots.has(name)) slots.fail(name, 'mount', `${name} is broken`);
    }
  });
  for (const name of applicationsOf(layout)) register(name);

  return {
    async retry(name) {
      slots.renew(name);
      try {
        await unregisterApplication(name);
        register(name);
        await triggerAppChange();
        // Not active any more (the user moved on meanwhile): nothing to show.
        if (getAppStatus(name) === 'NOT_LOADED') slots.set(name, 'idle');
      } catch (error) {
        slots.fail(name, kindOf(error), error instanceof Error ? error.message : String(error));
      }
    },
  };
}
