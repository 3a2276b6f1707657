// Screenshots of the KPI module in the console for review (tests/artifacts/kpi-*.png): loading, a province
// dashboard, another target, a drill-down to a commune, English, the country (its map), an error, a narrow window,
// a chart tooltip. Data: national-scale demo events of Tây Ninh (generated once into .cache/mfe-kpi/).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { demoRoot } from './demo-root.ts';
import { PREVIEW_PASSWORD, startKpiConsole } from './kpi-console.ts';

const out = fileURLToPath(new URL('../../tests/artifacts/', import.meta.url));

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PREVIEW_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

async function ready(page: Page): Promise<void> {
  await page.locator('.canvas[data-state="done"] canvas').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(600);
}

/** Takes the screenshots with a browser from `launch`; returns their paths. */
export async function takeScreenshots(launch: () => Promise<Browser>): Promise<string[]> {
  mkdirSync(out, { recursive: true });
  const { root } = demoRoot({
    scale: 'national',
    from: '2026-01-01',
    to: '2026-11-21',
    provinces: ['2025:80'],
  });
  const app = await startKpiConsole({ data: root });
  const browser = await launch();
  const shots: string[] = [];
  try {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 1000 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    const shot = async (name: string, fullPage = false) => {
      const path = `${out}kpi-${name}.png`;
      await page.screenshot({ path, fullPage });
      shots.push(path);
    };
    await page.goto(`${app.url}/kpi?period=2026-M11`);
    await signIn(page, 'leader.tayninh');
    await page.locator('[role="progressbar"]').waitFor();
    await page.waitForFunction(() =>
      /\d+\/\d+ tệp/.test(document.querySelector('.progress')?.textContent ?? ''),
    );
    await shot('01-loading');
    await ready(page);
    await shot('02-province', true);

    await page.locator('[data-kpi="posts-communes"]').click();
    await page.waitForTimeout(700);
    await shot('03-posts-target', true);

    await page.locator('.canvas canvas').hover({ position: { x: 700, y: 150 } });
    await page.waitForTimeout(400);
    await shot('04-chart-tooltip');

    await page.locator('[data-kpi="meetings-digital"]').click();
    const row = page.locator('tbody tr[data-unit]').nth(2);
    const name = (await row.locator('.drill').textContent())!.trim();
    await row.locator('.drill').click();
    await page.locator('.vwu-frame-lead', { hasText: name }).waitFor();
    await ready(page);
    await shot('05-commune-drilldown', true);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Digital transformation targets').waitFor();
    await page.waitForTimeout(500);
    await shot('06-commune-en');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();

    await page.setViewportSize({ width: 820, height: 1100 });
    await page.waitForTimeout(600);
    await shot('07-narrow');

    const analyst = await context.browser()!.newContext({ viewport: { width: 1440, height: 700 } });
    const central = await analyst.newPage();
    await central.goto(`${app.url}/kpi`);
    await signIn(central, 'analyst.central');
    await central.locator('[data-province-map][data-state="done"]').waitFor({ timeout: 180_000 });
    await central.screenshot({ path: `${out}kpi-08-national.png` });
    shots.push(`${out}kpi-08-national.png`);

    const failing = await browser.newContext({ viewport: { width: 1440, height: 700 } });
    const broken = await failing.newPage();
    await broken.route('**/api/analytics/manifest.json', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'UNAVAILABLE',
            message: 'Analytics data is being rebuilt.',
            message_vi: 'Dữ liệu phân tích đang được cập nhật, vui lòng thử lại sau ít phút.',
          },
        }),
      }),
    );
    await broken.goto(`${app.url}/kpi`);
    await signIn(broken, 'leader.tayninh');
    await broken.getByRole('alert').waitFor();
    await broken.screenshot({ path: `${out}kpi-09-error.png` });
    shots.push(`${out}kpi-09-error.png`);
    return shots;
  } finally {
    await browser.close();
    await app.close();
  }
}
