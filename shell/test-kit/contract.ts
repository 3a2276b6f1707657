// The micro-frontend contract, checked on a BUILT bundle in Chromium: the entry exports only bootstrap,
// mount and unmount; mount renders into the container and adds the module's style; unmount empties the
// container and removes the style; a remount does it all again; Vue and Pinia are the import map's single
// copies. Used by each mfe workspace's contract test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DeployManifest } from '../build/deploy-manifest.ts';
import type * as ContextModule from '../src/context/index.ts';
import { launchChromium, loadedResources } from './browser.ts';
import { startConsoleServer } from './console-server.ts';
import { FIXTURE_ACCOUNTS, FIXTURE_PASSWORD, fixtureUnits } from './fixtures.ts';
import { createMockApi } from './mock-api.ts';

/** What the page looks like at one step of the contract. */
export interface ContractSnapshot {
  /** Child nodes of the container. */
  containerNodes: number;
  containerText: string;
  /** `<style data-vwu-mfe="<name>">` elements in the document. */
  styles: number;
  /** Elements in `<head>` besides the module's styles (should not grow). */
  headElements: number;
}

/** The contract's findings. */
export interface ContractReport {
  /** The entry's export names, sorted. */
  exports: string[];
  before: ContractSnapshot;
  mounted: ContractSnapshot;
  unmounted: ContractSnapshot;
  remounted: ContractSnapshot;
  unmountedAgain: ContractSnapshot;
  /** Paths of every Vue and Pinia build the page loaded. */
  vueFiles: string[];
  piniaFiles: string[];
  /** Loaded URLs on another origin (must be none). */
  foreign: string[];
  /** The module's own JS files that contain Vue's runtime (must be none). */
  bundledVue: string[];
  /** Page errors during the run. */
  errors: string[];
}

/** Options of {@link runMfeContract}. */
export interface ContractOptions {
  /** The module's built `dist/` (with deploy.json). */
  dist: string;
  /** Text the mounted module shows for the fixture unit (Tỉnh Tây Ninh, signed in as its leader). */
  expectText: string;
}

const shellDist = fileURLToPath(new URL('../dist', import.meta.url));

interface Loader {
  __load(specifier: string): Promise<unknown>;
}

/** A marker of Vue's runtime that compiled components never contain. */
const VUE_RUNTIME_MARKERS = ['__vue_app__', 'createRenderer'];

/**
 * Runs mount → unmount → remount → unmount on the built module in Chromium, signed in to a mock API with
 * the selected unit set, and reports what it saw at each step.
 *
 * @example const report = await runMfeContract({ dist: 'mfe-members/dist', expectText: 'Tỉnh Tây Ninh' });
 */
export async function runMfeContract(options: ContractOptions): Promise<ContractReport> {
  const manifest = JSON.parse(readFileSync(join(options.dist, 'deploy.json'), 'utf8')) as DeployManifest;
  const name = manifest.name;
  const api = createMockApi({ units: fixtureUnits(), accounts: FIXTURE_ACCOUNTS });
  const base = `/modules/${name.replace(/^@[^/]+\//, '')}/${manifest.version}/`;
  const server = await startConsoleServer({
    shellDist,
    modules: [{ dist: options.dist, base }],
    api: api.handle,
    csp: false,
  });
  server.setFile('/contract', {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<script type="importmap">${JSON.stringify(server.importMap())}</script></head>
<script type="module">window.__load = (specifier) => import(specifier);</script>
<body><main><div id="container"></div></main></body></html>`,
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/contract`);
    await page.waitForFunction(() => typeof (window as unknown as Partial<Loader>).__load === 'function');
    // Imports run through the page's own `import()` (the import map applies; the test runner's transform does not).
    const exports = await page.evaluate(
      async ({ name, username, password }) => {
        const load = (window as unknown as Loader).__load;
        const context = (await load('@vwu/context')) as typeof ContextModule;
        await context.session.login(username, password);
        context.selectedUnit.select({
          key: '2025:80',
          name: 'Tỉnh Tây Ninh',
          level: 'province',
          breadcrumb: [],
        });
        const module = (await load(name)) as Record<string, unknown>;
        (window as unknown as { __mfe: unknown }).__mfe = module;
        return Object.keys(module).sort();
      },
      { name, username: FIXTURE_ACCOUNTS[0]!.username, password: FIXTURE_PASSWORD },
    );
    const snapshot = () =>
      page.evaluate((mfe): ContractSnapshot => {
        const container = document.getElementById('container')!;
        const styles = document.querySelectorAll(`style[data-vwu-mfe="${mfe}"]`).length;
        return {
          containerNodes: container.childNodes.length,
          containerText: container.textContent ?? '',
          styles,
          headElements: document.head.children.length - styles,
        };
      }, name);
    const lifecycle = (step: 'bootstrap' | 'mount' | 'unmount') =>
      page.evaluate(
        async ({ step, mfe }) => {
          const module = (window as unknown as { __mfe: Record<string, (props: unknown) => Promise<void>> })
            .__mfe;
          await module[step]!({ name: mfe, domElement: document.getElementById('container') });
        },
        { step, mfe: name },
      );
    const settled = () =>
      page.waitForFunction(
        (text) => document.getElementById('container')?.textContent?.includes(text),
        options.expectText,
      );

    const before = await snapshot();
    await lifecycle('bootstrap');
    await lifecycle('mount');
    await settled();
    const mounted = await snapshot();
    await lifecycle('unmount');
    const unmounted = await snapshot();
    await lifecycle('mount');
    await settled();
    const remounted = await snapshot();
    await lifecycle('unmount');
    const unmountedAgain = await snapshot();

    const resources = await loadedResources(page);
    const paths = resources.map((r) => new URL(r).pathname);
    const ownFiles = paths.filter((p) => p.startsWith(base) && p.endsWith('.js'));
    const bundledVue = ownFiles.filter((p) => {
      const code = readFileSync(join(options.dist, p.slice(base.length)), 'utf8');
      return VUE_RUNTIME_MARKERS.some((marker) => code.includes(marker));
    });
    return {
      exports,
      before,
      mounted,
      unmounted,
      remounted,
      unmountedAgain,
      vueFiles: paths.filter((p) => /\/vue[^/]*\.js$/.test(p)),
      piniaFiles: paths.filter((p) => /\/pinia[^/]*\.js$/.test(p)),
      foreign: resources.filter((r) => new URL(r).origin !== new URL(server.url).origin),
      bundledVue,
      errors,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
