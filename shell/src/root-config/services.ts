import { inject, type InjectionKey } from 'vue';
import type { Applications } from './applications.js';
import type { Layout } from './layout.js';
import type { Route } from './route.js';
import type { SlotStates } from './slot-states.js';

/** What the shell's components need, provided once by the root config. */
export interface ShellServices {
  layout: Layout;
  slots: SlotStates;
  applications: Applications;
  route: Route;
}

/** Injection key of {@link ShellServices}. */
export const SHELL: InjectionKey<ShellServices> = Symbol('vwu-shell');

/** The shell's services inside a component's `setup()`. */
export function useShell(): ShellServices {
  const services = inject(SHELL);
  if (services === undefined) throw new Error('The shell services are not provided');
  return services;
}
