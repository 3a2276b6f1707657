// The console end to end in a real Chromium, as `npm start` serves it: every role signs in; every module
// mounts; the selected unit reaches every module; a new version of one module is deployed and served while
// the others keep theirs, then rolled back; a broken module shows its error panel while the others work;
// an out-of-scope unit asked for by URL is refused. Screenshots: tests/artifacts/e2e/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployModule, packDist, rollbackModule } from '../../shell/scripts/deploy.mjs';
import { launchChromium } from '../infra/chromium.mjs';
import { DEMO_PASSWORD, ROOT, startConsole, type ConsoleUnderTest } from './harness.mjs';

const SHOTS = join(ROOT, 'tests', 'artifacts', 'e2e');
const CENTRAL = 'Trung ương Hội LHPN Việt Nam';
const ROLES = [
  { username: 'analyst.central', name: 'Chuyên viên phân tích Trung ương', scope: CENTRAL },
  { username: 'leader.tayninh', name: 'Lãnh đạo Hội LHPN tỉnh Tây Ninh', scope: 'Tỉnh Tây Ninh' },
  { username: 'leader.hanoi', name: 'Lãnh đạo Hội LHPN TP Hà Nội', scope: 'Thành phố Hà Nội' },
  { username: 'officer.tanninh', name: 'Cán bộ Hội phường Tân Ninh', scope: 'Phường Tân Ninh' },
  { username: 'organiser.central', name: 'Ban tổ chức hội thi', scope: CENTRAL },
  { username: 'judge.central', name: 'Giám khảo hội thi', scope: CENTRAL },
  { username: 'deployer.central', name: 'Triển khai phân hệ', scope: CENTRAL },
  { username: 'admin', name: 'Quản trị hệ thống', scope: CENTRAL },
];
/** What each module shows once mounted (its own heading), by route. */
const MOUNTED: Record<string, { route: string; heading: RegExp }> = {
  'mfe-members': { route: '/members', heading: /Hội viên/ },
  'mfe-kpi': { route: '/kpi', heading: /Chỉ tiêu/ },
  'mfe-contests': { route: '/contests', heading: /Hội thi|Thi đua/i },
};

let app: ConsoleUnderTest;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startConsole();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('requestfailed', (request) => {
    if (!request.url().startsWith(app.origin)) errors.push(`third-party request: ${request.url()}`);
  });
  return { page, errors };
}

async function signIn(page: Page, username: string, path = '/members'): Promise<void> {
  await page.goto(`${app.origin}${path}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('.vwu-topbar').waitFor();
}

/** Waits until the route's slot has mounted its module (or shows its error panel) and says which. */
async function slotState(page: Page): Promise<'mounted' | 'error'> {
  // The slot's status, not its content: the module's container sits in the slot before the module mounts.
  const slot = page.locator('.vwu-slot').first();
  await expect
    .poll(async () => slot.getAttribute('data-status'), { timeout: 60_000 })
    .toMatch(/^(done|error)$/);
  return (await slot.getAttribute('data-status')) === 'error' ? 'error' : 'mounted';
}

async function moduleUrls(page: Page): Promise<Record<string, string>> {
  const json = await page.locator('script[type="importmap"]').textContent();
  return (JSON.parse(json ?? '{}') as { imports: Record<string, string> }).imports;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

describe('signing in', () => {
  it.each(ROLES)('$username signs in and sees their scope', async ({ username, name, scope }) => {
    const { page, errors } = await newPage();
    await signIn(page, username);
    expect(await page.locator('.vwu-user').textContent()).toContain(name);
    await expect.poll(() => page.locator('.vwu-crumbs').textContent()).toContain(scope);
    await shot(page, `role-${username}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('every module', () => {
  it('mounts each deployed module on its route, one Vue on the page, nothing from another host', async () => {
    const { page, errors } = await newPage();
    await signIn(page, 'analyst.central');
    for (const module of app.deployed) {
      const { route, heading } = MOUNTED[module] as { route: string; heading: RegExp };
      await page.goto(`${app.origin}${route}`);
      expect(await slotState(page), module).toBe('mounted');
      await expect.poll(() => page.locator('.vwu-slot-host').first().textContent()).toMatch(heading);
      await shot(page, `module-${module}`);
    }
    const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(resources.filter((url) => url.includes('/shared/vue@'))).toHaveLength(1);
    expect(resources.filter((url) => !url.startsWith(app.origin))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('follows a change of the selected unit in every module', async () => {
    const { page } = await newPage();
    await signIn(page, 'leader.tayninh');
    await slotState(page);
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/')) apiCalls.push(decodeURIComponent(request.url()));
    });
    await page.locator('.vwu-picker').first().click();
    const dialog = page.getByRole('dialog', { name: 'Chọn đơn vị' });
    await page.locator('#vwu-unit-search').fill('tan ninh');
    await dialog
      .getByRole('button', { name: /Phường Tân Ninh/ })
      .first()
      .click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe('2025:25459');
    for (const module of app.deployed) {
      const { route } = MOUNTED[module] as { route: string };
      if (new URL(page.url()).pathname !== route) {
        // Another module: count only what it asks for once it is shown.
        apiCalls.length = 0;
        await page.locator(`a[href^="${route}"]`).first().click();
      }
      expect(await slotState(page), module).toBe('mounted');
      // The module asks the API about the newly selected unit, not the scope it started with.
      await expect
        .poll(() => apiCalls.filter((url) => url.includes('2025:25459')).length, { timeout: 30_000 })
        .toBeGreaterThan(0);
      // A module shown after the change never asks about the old unit (the picker's tree did, before).
      if (module !== app.deployed[0])
        expect(
          apiCalls.filter((url) => /2025:80(?!\d)/.test(url)),
          module,
        ).toEqual([]);
      expect(new URL(page.url()).searchParams.get('unit')).toBe('2025:25459');
      expect(await page.locator('.vwu-crumbs').textContent()).toContain('Phường Tân Ninh');
      await shot(page, `unit-followed-${module}`);
    }
    await page.context().close();
  });
});

describe('independent deployment', () => {
  it('serves a new version of one module on reload while the others keep theirs, then rolls it back', async () => {
    const { page } = await newPage();
    await signIn(page, 'officer.tanninh');
    const before = await moduleUrls(page);
    const target = {
      api: app.origin,
      user: 'deployer.central',
      password: DEMO_PASSWORD,
      token: app.deployerToken,
    };
    const deployed = await deployModule({ ...target, dir: join(ROOT, 'mfe-members'), version: '0.1.1-e2e' });
    expect(deployed).toMatchObject({ app: 'mfe-members', version: '0.1.1-e2e' });
    await page.reload();
    expect(await slotState(page)).toBe('mounted');
    const after = await moduleUrls(page);
    expect(after['@vwu/mfe-members']).toBe(deployed.entry);
    expect(after['@vwu/mfe-members']).not.toBe(before['@vwu/mfe-members']);
    for (const name of Object.keys(before).filter((n) => n !== '@vwu/mfe-members'))
      expect(after[name], name).toBe(before[name]);
    const loaded = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
    );
    expect(loaded).toContain(deployed.entry);
    await shot(page, 'deploy-new-version');

    const back = await rollbackModule({ ...target, app: 'mfe-members' });
    expect(back).toMatchObject({ version: '0.1.0', previousVersion: '0.1.1-e2e' });
    await page.reload();
    expect(await slotState(page)).toBe('mounted');
    expect((await moduleUrls(page))['@vwu/mfe-members']).toBe(before['@vwu/mfe-members']);
    await shot(page, 'rolled-back');
    await page.context().close();
  });

  it('shows the error panel of a module whose new version throws on mount, while the others work', async () => {
    const target = {
      api: app.origin,
      user: 'deployer.central',
      password: DEMO_PASSWORD,
      token: app.deployerToken,
    };
    const broken = await uploadBroken('mfe-kpi', '0.0.1-broken');
    expect(broken.status).toBe(201);
    await fetch(`${app.origin}/api/deployments/mfe-kpi/publish`, {
      method: 'POST',
      headers: { authorization: `Bearer ${app.deployerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version: '0.0.1-broken' }),
    });
    const { page } = await newPage();
    await signIn(page, 'leader.tayninh', '/kpi');
    expect(await slotState(page)).toBe('error');
    expect(await page.locator('.vwu-slot-error').textContent()).toMatch(/Thử lại/);
    await shot(page, 'broken-module-error-panel');
    await page.locator('a[href^="/members"]').first().click();
    expect(await slotState(page)).toBe('mounted');
    await shot(page, 'broken-module-others-work');
    const back = await rollbackModule({ ...target, app: 'mfe-kpi' });
    expect(back.version).toBe('0.1.0');
    await page.goto(`${app.origin}/kpi`);
    expect(await slotState(page)).toBe('mounted');
    await page.context().close();
  });
});

describe('scope', () => {
  it('refuses an out-of-scope unit asked for by URL and stays in the scope', async () => {
    const { page } = await newPage();
    await signIn(page, 'leader.tayninh');
    const refused = page.waitForResponse(
      (r) => r.url().includes('/api/units/2025%3A01') || r.url().includes('/api/units/2025:01'),
    );
    await page.goto(`${app.origin}/members?unit=2025:01`);
    const response = await refused;
    expect(response.status()).toBe(403);
    expect((await response.json()).error.code).toBe('OUT_OF_SCOPE');
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe('2025:80');
    expect(await page.locator('.vwu-crumbs').textContent()).not.toContain('Hà Nội');
    expect(await slotState(page)).toBe('mounted');
    expect(await page.locator('.vwu-slot-host').first().textContent()).not.toContain('Hà Nội');
    await shot(page, 'out-of-scope-refused');
    await page.context().close();
  });
});

/** Uploads a bundle of `appName` whose mount throws (a broken build), packed by the deploy script. */
async function uploadBroken(appName: string, version: string): Promise<Response> {
  const dist = mkdtempSync(join(tmpdir(), 'vwu-broken-'));
  const entry = `const ok=async()=>{};const boom=async()=>{throw new Error('e2e: this build is broken')};export{ok as bootstrap,boom as mount,ok as unmount};`;
  const manifest = {
    name: `@vwu/${appName}`,
    version,
    importMap: { imports: { [`@vwu/${appName}`]: `./${appName}.js` } },
  };
  writeFileSync(join(dist, 'deploy.json'), JSON.stringify(manifest));
  writeFileSync(join(dist, `${appName}.js`), entry);
  try {
    return await fetch(`${app.origin}/api/deployments/${appName}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${app.deployerToken}`, 'content-type': 'application/gzip' },
      body: new Uint8Array(packDist(dist, undefined)),
    });
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}
