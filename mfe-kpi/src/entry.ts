// `@vwu/mfe-kpi`: exports the three single-spa lifecycles and nothing else. Each mount creates the Vue app
// with its own Pinia and adds the module's CSS; unmount removes both. The analytics engine (a worker with
// DuckDB-WASM) outlives a remount and stops at sign-out (src/stores/engine-instance.ts).
import { createPinia } from 'pinia';
import { createVueLifecycles } from '@vwu/context';
import css from 'virtual:vwu-mfe-css';
import KpiApp from './KpiApp.vue';

export const { bootstrap, mount, unmount } = createVueLifecycles({
  name: '@vwu/mfe-kpi',
  rootComponent: KpiApp,
  css,
  createStore: createPinia,
});
