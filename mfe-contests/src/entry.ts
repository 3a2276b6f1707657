// `@vwu/mfe-contests`: exports the three single-spa lifecycles and nothing else. Each mount creates the Vue
// app with its own Pinia (fresh state for each user) and adds the CSS; unmount removes both.
import { createPinia } from 'pinia';
import { createVueLifecycles } from '@vwu/context';
import css from 'virtual:vwu-mfe-css';
import ContestsApp from './ContestsApp.vue';

export const { bootstrap, mount, unmount } = createVueLifecycles({
  name: '@vwu/mfe-contests',
  rootComponent: ContestsApp,
  css,
  createStore: createPinia,
});
