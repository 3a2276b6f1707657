// Screenshots of the console for review (tests/artifacts/shell-*.png): sign-in, errors, the members module,
// the unit and period pickers, a module's error panel, English, keyboard focus.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from './browser.ts';
import { PREVIEW_PASSWORD, startPreview } from './preview.ts';

const out = fileURLToPath(new URL('../../tests/artifacts/', import.meta.url));

/** Takes the screenshots with a browser from `launch` (tests/infra/chromium.mjs); returns their paths. */
export async function takeScreenshots(launch: () => Promise<Browser>): Promise<string[]> {
  mkdirSync(out, { recursive: true });
  const server = await startPreview();
  const browser = await launch();
  const shots: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    const shot = async (name: string) => {
      const path = `${out}shell-${name}.png`;
      await page.screenshot({ path });
      shots.push(path);
    };
    await page.goto(`${server.url}/members`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await shot('01-login-vi');

    await page.getByLabel('Tên đăng nhập').fill('leader.tayninh');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').waitFor();
    await shot('02-login-wrong-password');

    for (let i = 0; i < 3; i += 1) {
      await page.getByLabel('Tên đăng nhập').fill('analyst.central');
      await page.getByLabel('Mật khẩu').fill(`sai-${i}`);
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
        page.getByRole('button', { name: 'Đăng nhập' }).click(),
      ]);
    }
    await page.getByText('tạm bị khóa').waitFor();
    await shot('03-login-locked');

    await page.getByLabel('Tên đăng nhập').fill('leader.tayninh');
    await page.getByLabel('Mật khẩu').fill(PREVIEW_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('.vwu-slot[data-status="done"]').waitFor();
    await shot('04-members-vi');

    await page.locator('.vwu-picker').first().click();
    await page.getByRole('treeitem').nth(3).waitFor();
    await page.getByRole('treeitem').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(400);
    await shot('05-unit-picker-tree');

    await page.getByLabel('Tìm theo tên').fill('tan ninh');
    await page.locator('.vwu-result').first().waitFor();
    await shot('06-unit-search');
    await page.locator('.vwu-result', { hasText: 'Phường Tân Ninh' }).click();
    await page.locator('.vwu-slot[data-status="done"] caption', { hasText: 'Phường Tân Ninh' }).waitFor();
    await shot('07-members-commune');

    await page.locator('.vwu-picker').nth(1).click();
    await page.getByRole('dialog').waitFor();
    await page.locator('.vwu-segmented label', { hasText: 'Quý' }).click();
    await shot('08-period-picker');
    await page.getByRole('button', { name: 'Áp dụng' }).click();

    await page.getByRole('link', { name: 'Chỉ tiêu & phân tích' }).click();
    await page.locator('.vwu-slot[data-status="error"]').waitFor();
    await shot('09-kpi-error-panel');

    await page.getByRole('link', { name: 'Hội viên' }).click();
    await page.locator('.vwu-slot[data-status="done"]').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Units below').first().waitFor();
    await shot('10-members-en');

    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.locator('body').click({ position: { x: 700, y: 880 } });
    await page.keyboard.press('Shift+Tab');
    await page.evaluate(() =>
      (document.querySelector('.vwu-nav a[href^="/kpi"]') as HTMLElement | null)?.focus(),
    );
    await shot('11-keyboard-focus');

    await page.setViewportSize({ width: 820, height: 1000 });
    await shot('12-narrow');
    return shots;
  } finally {
    await browser.close();
    await server.close();
  }
}
