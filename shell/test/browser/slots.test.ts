// The shell in Chromium with a real import map: one slot per application, each with its own loading state
// and error panel. A module whose import 404s, whose mount throws or whose mount never resolves shows its
// panel and a retry, while the other slot renders and the rest of the console works.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectErrors,
  launchChromium,
  loadedResources,
  signIn,
  type Browser,
  type Page,
} from '../../test-kit/browser.ts';
import { startConsoleServer, type ConsoleServer } from '../../test-kit/console-server.ts';
import { FIXTURE_ACCOUNTS, FIXTURE_PASSWORD, fixtureUnits } from '../../test-kit/fixtures.ts';
import { createMockApi, type MockApi } from '../../test-kit/mock-api.ts';

const shellDist = fileURLToPath(new URL('../../dist', import.meta.url));
const JS = 'text/javascript';

/** A module built like a real one: Vue and the runtime from the import map, CSS mounted with it. */
function goodModule(name: string, text: string): { type: string; body: string } {
  return {
    type: JS,
    body: `import { h } from 'vue';
import { createVueLifecycles } from '@vwu/context';
export const { bootstrap, mount, unmount } = createVueLifecycles({
  name: ${JSON.stringify(name)},
  rootComponent: { setup: () => () => h('p', { class: 'fixture-ok' }, ${JSON.stringify(text)}) },
  css: '.fixture-ok { color: rgb(0, 110, 60); }',
});`,
  };
}

const LAYOUT = {
  mountTimeoutMs: 700,
  loadTimeoutMs: 5000,
  routes: [
    {
      prefix: '/t',
      label: { vi: 'Thử nghiệm', en: 'Trial' },
      apps: ['@test/ok', '@test/missing', '@test/throws', '@test/hangs'],
    },
    { prefix: '/other', label: { vi: 'Phân hệ khác', en: 'Other module' }, apps: ['@test/other'] },
  ],
};

let server: ConsoleServer;
let api: MockApi;
let browser: Browser;
let page: Page;
let errors: string[];

function slot(name: string) {
  return page.locator(`.vwu-slot[data-app="${name}"]`);
}

beforeAll(async () => {
  api = createMockApi({ units: fixtureUnits(), accounts: FIXTURE_ACCOUNTS });
  server = await startConsoleServer({
    shellDist,
    layout: LAYOUT,
    api: api.handle,
    imports: {
      '@test/ok': '/fixtures/ok.js',
      '@test/other': '/fixtures/other.js',
      '@test/missing': '/fixtures/missing.js',
      '@test/throws': '/fixtures/throws.js',
      '@test/hangs': '/fixtures/hangs.js',
    },
    files: {
      '/fixtures/ok.js': goodModule('@test/ok', 'Phân hệ mẫu đang chạy bình thường'),
      '/fixtures/other.js': goodModule('@test/other', 'Phân hệ khác vẫn dùng được'),
      '/fixtures/missing.js': null,
      '/fixtures/throws.js': {
        type: JS,
        body: `export async function bootstrap() {}
export async function mount() { throw new Error('Hỏng khi gắn vào trang'); }
export async function unmount() {}`,
      },
      '/fixtures/hangs.js': {
        type: JS,
        body: `export async function bootstrap() {}
export function mount() { return new Promise(() => {}); }
export async function unmount() {}`,
      },
    },
  });
  browser = await launchChromium();
  page = await browser.newPage();
  errors = collectErrors(page);
  await page.goto(`${server.url}/t`);
  await signIn(page, 'leader.tayninh', FIXTURE_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('one slot per application', () => {
  it('renders the healthy module while each broken one shows its own panel with a retry', async () => {
    await expect.poll(() => slot('@test/ok').getAttribute('data-status')).toBe('done');
    await expect.poll(() => slot('@test/hangs').getAttribute('data-status'), { timeout: 5000 }).toBe('error');
    expect(await slot('@test/ok').textContent()).toContain('Phân hệ mẫu đang chạy bình thường');
    const panels = [
      ['@test/missing', 'Không tải được phân hệ này'],
      ['@test/throws', 'gặp lỗi khi khởi động'],
      ['@test/hangs', 'không phản hồi trong thời gian cho phép'],
    ] as const;
    for (const [name, text] of panels) {
      const panel = slot(name).getByRole('alert');
      expect(await slot(name).getAttribute('data-status')).toBe('error');
      expect(await panel.textContent()).toContain(text);
      expect(await panel.getByRole('button', { name: 'Thử lại' }).isVisible()).toBe(true);
    }
  });

  it('retries a module whose import failed under a new URL (a failed import() is cached)', async () => {
    server.setFile('/fixtures/missing.js', goodModule('@test/missing', 'Đã tải được sau khi thử lại'));
    await slot('@test/missing').getByRole('button', { name: 'Thử lại' }).click();
    await expect.poll(() => slot('@test/missing').getAttribute('data-status')).toBe('done');
    expect(await slot('@test/missing').textContent()).toContain('Đã tải được sau khi thử lại');
    expect(server.requests.filter((r) => r.startsWith('/fixtures/missing.js'))).toEqual([
      '/fixtures/missing.js',
      '/fixtures/missing.js?attempt=1',
    ]);
  });

  it('a retry of a module that still throws shows the panel again, focus stays in the slot', async () => {
    await slot('@test/throws').getByRole('button', { name: 'Thử lại' }).click();
    await expect.poll(() => slot('@test/throws').getAttribute('data-status')).toBe('error');
    expect(
      await page.evaluate(() => document.activeElement?.closest('.vwu-slot')?.getAttribute('data-app')),
    ).toBe('@test/throws');
    expect(await slot('@test/ok').getAttribute('data-status')).toBe('done');
  });

  it('the rest of the console keeps working: navigation to another module and back', async () => {
    await page.getByRole('link', { name: 'Phân hệ khác' }).click();
    await expect.poll(() => slot('@test/other').getAttribute('data-status')).toBe('done');
    expect(await page.locator('#vwu-main').textContent()).toContain('Phân hệ khác vẫn dùng được');
    expect(new URL(page.url()).pathname).toBe('/other');
    expect(new URL(page.url()).searchParams.get('unit')).toBe('2025:80');
    await page.goBack();
    await expect.poll(() => slot('@test/ok').getAttribute('data-status')).toBe('done');
  });

  it('removes a module style on unmount and adds it back on remount', async () => {
    const count = () => page.locator('style[data-vwu-mfe="@test/other"]').count();
    expect(await count()).toBe(0);
    await page.getByRole('link', { name: 'Phân hệ khác' }).click();
    await expect.poll(count).toBe(1);
    await page.getByRole('link', { name: 'Thử nghiệm' }).click();
    await expect.poll(count).toBe(0);
  });

  it('loads one copy of Vue, from the import map, and nothing from another host', async () => {
    const resources = await loadedResources(page);
    const origin = new URL(server.url).origin;
    expect(resources.filter((r) => new URL(r).origin !== origin)).toEqual([]);
    expect(resources.filter((r) => /\/vue[^/]*\.js/.test(r)).map((r) => new URL(r).pathname)).toEqual([
      '/shell/shared/vue@3.5.45/vue.runtime.prod.js',
    ]);
  });

  it('has no page errors besides the ones the broken fixtures cause', () => {
    // The 401 is the session restore on first load (no refresh cookie yet).
    const unexpected = errors.filter(
      (e) => !/Hỏng khi gắn|missing\.js|404|401|did not finish|died in status|is broken/.test(e),
    );
    expect(unexpected).toEqual([]);
  });
});
