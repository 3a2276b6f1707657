// Chromium helpers for the browser suites: a page with the console, sign-in, and checks on what loaded.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../tests/infra/chromium.mjs';

export { launchChromium };
export type { Browser, Page };

/**
 * Signs in through the login screen and waits for the console frame.
 *
 * @example await signIn(page, 'leader.tayninh', FIXTURE_PASSWORD);
 */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('.vwu-topbar').waitFor();
}

/** Every resource the page loaded (scripts, styles, API calls), as absolute URLs. */
export async function loadedResources(page: Page): Promise<string[]> {
  return page.evaluate(() => [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)]);
}

/** Collects page errors and console errors (a test can assert there are none it did not expect). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}
