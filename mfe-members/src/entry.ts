// `@vwu/mfe-members`: exports the three single-spa lifecycles and nothing else. Each mount creates the Vue
// app with its own Pinia (fresh state: nothing of one user's data survives a sign-out) and adds the CSS;
// unmount removes both.
import { createPinia } from 'pinia';
import { createVueLifecycles } from '@vwu/context';
import css from 'virtual:vwu-mfe-css';
import MembersApp from './MembersApp.vue';

export const { bootstrap, mount, unmount } = createVueLifecycles({
  name: '@vwu/mfe-members',
  rootComponent: MembersApp,
  css,
  createStore: createPinia,
});
