// `@vwu/root-config`: the console's single-spa root. Owns the layout (top bar, navigation, one slot per
// application), registers the micro-frontends by their import-map names and starts single-spa.
import '../styles/shell.css';
import { createApp } from 'vue';
import { start, triggerAppChange } from 'single-spa';
import { language, selectedUnit, session, type SessionState } from '@vwu/context';
import { registerApplications } from './applications.js';
import ShellApp from './components/ShellApp.vue';
import { applicationsOf, readLayout, type Layout } from './layout.js';
import { createModuleLoader } from './module-loader.js';
import { createRoute } from './route.js';
import { SHELL } from './services.js';
import { createSlotStates } from './slot-states.js';
import { resolveSelectedUnit } from './unit-resolution.js';

/** '/' opens the first module of the layout. */
function openFirstModule(layout: Layout): void {
  const first = layout.routes[0];
  if (window.location.pathname === '/' && first !== undefined) {
    window.history.replaceState(
      window.history.state,
      '',
      `${first.prefix}${window.location.search}${window.location.hash}`,
    );
  }
}

function onSession(state: SessionState): void {
  if (state.status === 'signed-in') void resolveSelectedUnit(state.user).then(() => triggerAppChange());
  else void triggerAppChange();
}

function boot(): void {
  const layout = readLayout(document.getElementById('vwu-layout')?.textContent);
  openFirstModule(layout);
  const slots = createSlotStates(applicationsOf(layout));
  const loader = createModuleLoader({
    resolve: (name) => import.meta.resolve(name),
    importModule: (url) => import(/* @vite-ignore */ url),
    timeoutMs: layout.loadTimeoutMs,
  });
  const isReady = () => session.get().status === 'signed-in' && selectedUnit.get() !== null;
  const applications = registerApplications({ layout, loader, slots, isReady });
  const route = createRoute();
  document.documentElement.lang = language.get();
  language.subscribe((lang) => {
    document.documentElement.lang = lang;
  });
  session.subscribe(onSession);
  createApp(ShellApp).provide(SHELL, { layout, slots, applications, route }).mount('#vwu-shell');
  start({ urlRerouteOnly: true });
  void session.restore();
}

boot();
