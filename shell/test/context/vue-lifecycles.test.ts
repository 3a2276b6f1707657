import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, inject, onMounted, reactive, type App } from 'vue';
import { createVueLifecycles } from '../../src/context/index.js';

/** A tiny store plugin: one reactive counter per instance (as Pinia gives one state per instance). */
function createCounterStore() {
  const state = reactive({ count: 0 });
  return { state, install: (app: App) => void app.provide('counter', state) };
}

const Counter = defineComponent({
  setup() {
    const state = inject<{ count: number }>('counter')!;
    onMounted(() => {
      state.count += 1;
    });
    return () => h('p', { class: 'count' }, `mounted ${state.count}`);
  },
});

const Broken = defineComponent({
  setup() {
    throw new Error('setup failed');
  },
});

const CSS = '.count[data-v-1]{color:red}';

function styles(name = '@vwu/mfe-test'): HTMLStyleElement[] {
  return [...document.head.querySelectorAll<HTMLStyleElement>(`style[data-vwu-mfe="${name}"]`)];
}

afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('createVueLifecycles', () => {
  it('mount → unmount → remount: renders, empties the container, removes its style, starts from fresh state', async () => {
    const domElement = document.body.appendChild(document.createElement('div'));
    const props = { name: '@vwu/mfe-test', domElement };
    const life = createVueLifecycles({
      name: props.name,
      rootComponent: Counter,
      css: CSS,
      createStore: createCounterStore,
    });

    await life.bootstrap(props);
    await life.mount(props);
    expect(domElement.textContent).toBe('mounted 1');
    expect(styles().map((s) => s.textContent)).toEqual([CSS]);

    await life.unmount(props);
    expect(domElement.childNodes).toHaveLength(0);
    expect(styles()).toHaveLength(0);

    await life.mount(props);
    expect(domElement.textContent).toBe('mounted 1');
    expect(styles()).toHaveLength(1);
    await life.unmount(props);
    expect(domElement.childNodes).toHaveLength(0);
  });

  it('finds the container by single-spa id when no element is passed', async () => {
    const el = document.body.appendChild(document.createElement('div'));
    el.id = 'single-spa-application:@vwu/mfe-test';
    const life = createVueLifecycles({
      name: '@vwu/mfe-test',
      rootComponent: Counter,
      createStore: createCounterStore,
    });
    await life.mount({ name: '@vwu/mfe-test' });
    expect(el.textContent).toBe('mounted 1');
    await life.unmount({ name: '@vwu/mfe-test' });
  });

  it.each([
    {
      name: 'no container',
      props: { name: '@vwu/nowhere' },
      component: Counter,
      message: 'No element to mount @vwu/nowhere in',
    },
    { name: 'a throwing setup', props: undefined, component: Broken, message: 'setup failed' },
  ])('a failed mount ($name) rejects and leaves nothing behind', async ({ props, component, message }) => {
    const domElement = document.body.appendChild(document.createElement('div'));
    const life = createVueLifecycles({
      name: '@vwu/mfe-test',
      rootComponent: component,
      css: CSS,
      createStore: createCounterStore,
    });
    await expect(life.mount(props ?? { name: '@vwu/mfe-test', domElement })).rejects.toThrow(message);
    expect(domElement.childNodes).toHaveLength(0);
    expect(styles()).toHaveLength(0);
  });

  it("after the first render, errors go to the module's own handler again", async () => {
    const domElement = document.body.appendChild(document.createElement('div'));
    const handler = () => undefined;
    let app: App | undefined;
    const life = createVueLifecycles({
      name: '@vwu/mfe-test',
      rootComponent: Counter,
      createStore: createCounterStore,
      setupApp: (a) => {
        app = a;
        a.config.errorHandler = handler;
      },
    });
    await life.mount({ name: '@vwu/mfe-test', domElement });
    expect(app?.config.errorHandler).toBe(handler);
    await life.unmount({ name: '@vwu/mfe-test', domElement });
  });

  it('refuses a second mount before unmount', async () => {
    const domElement = document.body.appendChild(document.createElement('div'));
    const life = createVueLifecycles({
      name: '@vwu/mfe-test',
      rootComponent: Counter,
      createStore: createCounterStore,
    });
    await life.mount({ name: '@vwu/mfe-test', domElement });
    await expect(life.mount({ name: '@vwu/mfe-test', domElement })).rejects.toThrow('already mounted');
    await life.unmount({ name: '@vwu/mfe-test', domElement });
  });
});
