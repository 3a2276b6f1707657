// Sign-in, session and context in Chromium: Vietnamese first, the API's error messages, the lockout time,
// a silent token refresh shared by concurrent requests, the unit picker by keyboard limited to the scope,
// the period picker, the language switch, and the context carried in the URL.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signIn, type Browser, type Page } from '../../test-kit/browser.ts';
import { startConsoleServer, type ConsoleServer } from '../../test-kit/console-server.ts';
import { FIXTURE_ACCOUNTS, FIXTURE_PASSWORD, fixtureUnits } from '../../test-kit/fixtures.ts';
import { createMockApi, type MockApi } from '../../test-kit/mock-api.ts';

const shellDist = fileURLToPath(new URL('../../dist', import.meta.url));
const LAYOUT = {
  routes: [{ prefix: '/home', label: { vi: 'Trang đầu', en: 'Home' }, apps: ['@test/echo'] }],
};

/** A module that shows the context it receives, and calls the API on demand (window.__echoLoad). */
const ECHO = `import { h, ref } from 'vue';
import { api, createVueLifecycles, periodCode, period, selectedUnit, useContextValue } from '@vwu/context';
const Echo = { setup() {
  const unit = useContextValue(selectedUnit);
  const p = useContextValue(period);
  const answers = ref([]);
  window.__echoLoad = async (count) => {
    const got = await Promise.all(Array.from({ length: count }, () => api.get('/units/' + encodeURIComponent(unit.value.key))));
    answers.value = got.map((d) => d.unit.name);
  };
  return () => h('p', { class: 'echo' }, [unit.value?.key ?? '-', ' ', periodCode(p.value), ' ', answers.value.length]);
} };
export const { bootstrap, mount, unmount } = createVueLifecycles({ name: '@test/echo', rootComponent: Echo });`;

let server: ConsoleServer;
let api: MockApi;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  api = createMockApi({ units: fixtureUnits(), accounts: FIXTURE_ACCOUNTS, maxFailures: 3 });
  server = await startConsoleServer({
    shellDist,
    layout: LAYOUT,
    api: api.handle,
    imports: { '@test/echo': '/fixtures/echo.js' },
    files: { '/fixtures/echo.js': { type: 'text/javascript', body: ECHO } },
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const echo = () => page.locator('.echo').textContent();

describe('sign-in', () => {
  it('opens in Vietnamese with the username field focused', async () => {
    await page.goto(`${server.url}/home`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('vwu-username');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Đăng nhập');
  });

  it.each([
    { name: 'empty fields', username: '', password: '', text: 'Hãy nhập tên đăng nhập và mật khẩu.' },
    {
      name: 'a wrong password',
      username: 'leader.tayninh',
      password: 'sai',
      text: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    },
  ])('explains $name and moves focus to the message', async ({ username, password, text }) => {
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain(text);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
  });

  it('shows the lockout with its end time in Vietnam time', async () => {
    for (let i = 0; i < 3; i += 1) {
      await page.getByLabel('Tên đăng nhập').fill('analyst.central');
      await page.getByLabel('Mật khẩu').fill(`sai-${i}`);
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
        page.getByRole('button', { name: 'Đăng nhập' }).click(),
      ]);
    }
    const text = await page.getByRole('alert').textContent();
    expect(text).toMatch(/tài khoản tạm bị khóa đến \d{2}:\d{2} \d{2}\/\d{2}\/\d{4} \(giờ Việt Nam\)/);
  });

  it('switches the sign-in screen to English and back', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  });

  it('signs in: the scope unit is selected, the module mounts, the context is in the URL', async () => {
    await signIn(page, 'leader.tayninh', FIXTURE_PASSWORD);
    await expect.poll(echo).toMatch(/^2025:80 \d{4}-M\d{2} 0$/);
    const url = new URL(page.url());
    expect(url.searchParams.get('unit')).toBe('2025:80');
    expect(url.searchParams.get('lang')).toBe('vi');
    expect(url.searchParams.get('period')).toMatch(/^\d{4}-M\d{2}$/);
    expect(await page.locator('.vwu-user').textContent()).toContain('Lãnh đạo Hội LHPN tỉnh');
    expect(await page.locator('.vwu-crumbs').textContent()).toContain('Tỉnh Tây Ninh');
  });
});

describe('session', () => {
  it('refreshes an expired token once for concurrent requests, through the httpOnly cookie', async () => {
    api.expireAccessTokens();
    const before = api.calls.filter((c) => c === 'POST /auth/refresh').length;
    await page.evaluate(() => (window as unknown as { __echoLoad(n: number): Promise<void> }).__echoLoad(4));
    await expect.poll(echo).toMatch(/ 4$/);
    expect(api.calls.filter((c) => c === 'POST /auth/refresh').length - before).toBe(1);
  });

  it('a reload keeps the session (refresh cookie) and the context (URL)', async () => {
    await page.reload();
    await expect.poll(echo).toMatch(/^2025:80 /);
  });
});

describe('unit picker', () => {
  it('opens as a dialog, walks the tree by keyboard within the scope, and selects', async () => {
    await page.locator('.vwu-picker').first().click();
    const dialog = page.getByRole('dialog', { name: 'Chọn đơn vị' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('vwu-unit-search');
    const items = dialog.getByRole('treeitem');
    await expect.poll(() => items.count()).toBe(4);
    expect(await items.first().textContent()).toContain('Tỉnh Tây Ninh');
    expect(await dialog.textContent()).not.toContain('Thành phố Hà Nội');
    await items.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => items.count()).toBe(6);
    expect(await items.nth(1).getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Chi hội Khu phố 1');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(echo).toMatch(/^2025:25459-01 /);
    expect(await page.locator('.vwu-crumbs li').allTextContents()).toEqual([
      'Trung ương Hội LHPN Việt Nam',
      'Tỉnh Tây Ninh',
      'Phường Tân Ninh',
      'Chi hội Khu phố 1',
    ]);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('vwu-picker'))).toBe(true);
  });

  it('finds units without accents, only within the scope', async () => {
    await page.locator('.vwu-picker').first().click();
    await page.getByLabel('Tìm theo tên').fill('tan bien');
    const result = page.locator('.vwu-result');
    await expect.poll(() => result.allTextContents()).toEqual([expect.stringContaining('Xã Tân Biên')]);
    await page.getByLabel('Tìm theo tên').fill('ba dinh');
    await expect
      .poll(() => page.locator('.vwu-results').textContent())
      .toContain('Không tìm thấy đơn vị nào.');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('a shared link to a unit outside the scope falls back to the scope', async () => {
    const url = new URL(page.url());
    url.searchParams.set('unit', '2025:00004');
    await page.goto(url.href);
    await expect.poll(echo).toMatch(/^2025:80 /);
  });
});

describe('period and language', () => {
  it('the period picker sets a quarter, in the URL and for the module', async () => {
    await page.locator('.vwu-picker').nth(1).click();
    await page.locator('.vwu-segmented label', { hasText: 'Quý' }).click();
    await page.getByLabel('Năm báo cáo').selectOption('2025');
    await page.getByLabel('Kỳ', { exact: true }).selectOption({ label: 'Quý III/2025' });
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    await expect.poll(echo).toMatch(/ 2025-Q3 /);
    expect(new URL(page.url()).searchParams.get('period')).toBe('2025-Q3');
    expect(await page.locator('.vwu-picker').nth(1).textContent()).toContain('Quý III/2025');
  });

  it('English relabels the console without reloading the module', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('.vwu-picker').nth(1).textContent()).toContain('Q3 2025');
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  });

  it('sign-out returns to the sign-in screen and unmounts the module', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Tên đăng nhập').waitFor();
    expect(await page.locator('.echo').count()).toBe(0);
    expect(new URL(page.url()).searchParams.has('unit')).toBe(false);
  });
});
