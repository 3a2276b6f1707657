// Mounts one of the module's pages with its own Pinia and a router whose navigation the test watches.
import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { vi } from 'vitest';
import { defineComponent, h, type Component } from 'vue';
import type { MembersRoute } from '../src/router/routes.js';
import { provideRouter } from '../src/router/use-route.js';

/** Mounts `page` at `path` (with `search`); `navigate` records where it went. */
export function mountPage(
  page: Component,
  route: MembersRoute,
  path = '/members',
  search = '?unit=2025:25459',
) {
  const navigate = vi.fn<(url: string) => void>();
  const Root = defineComponent({
    setup() {
      provideRouter({
        location: () => ({ pathname: path, search }),
        navigate,
        listen: () => () => undefined,
      });
      return () => h(page, { route });
    },
  });
  return { view: mount(Root, { global: { plugins: [createPinia()] }, attachTo: document.body }), navigate };
}
