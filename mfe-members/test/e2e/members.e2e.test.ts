// End to end in Chromium: the BUILT console (shell + this module) in front of the REAL API on PGlite.
// An officer imports a realistic 10,000-row XLSX with 5 % bad rows, searches with and without diacritics,
// edits a profile, transfers a member whom Tây Ninh's leader accepts, verifies a card by scanning its QR
// code, and cannot see or edit another commune's members. Screenshots: tests/artifacts/members-*.png.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signIn, type Browser, type Page } from '../../../shell/test-kit/browser.ts';
import { memberSheet, readXlsx, sheetToXlsx } from './member-sheet.ts';
import { scanQr } from './qr-scan.ts';
import { DEMO_PASSWORD, startRealConsole, type RealConsole } from './real-console.ts';

const artifacts = fileURLToPath(new URL('../../../tests/artifacts/', import.meta.url));
const TAN_NINH = '2025:25459';
const BINH_MINH = '2025:25480';
const ROWS = 10_000;
const sheet = memberSheet(ROWS, 0.05, 2025);
const GOOD = ROWS - sheet.bad.size;

let consoleApp: RealConsole;
let browser: Browser;
let officer: Page;
let xlsxPath: string;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${artifacts}members-${name}.png`, fullPage: true });
}

/** A new browser context signed in as `user` on `path` (with the unit in the query). */
async function session(user: string, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${consoleApp.url}${path}`);
  await signIn(page, user, DEMO_PASSWORD);
  return page;
}

/**
 * Calls the API from inside the page with the signed-in session (as any script of the page could), through
 * the page's own `@vwu/context` (the code is a string: the test runner must not rewrite its `import()`).
 */
async function apiFromPage(page: Page, method: 'GET' | 'PATCH', path: string, body?: unknown) {
  const call = JSON.stringify({ method, path, options: body === undefined ? {} : { body } });
  return (await page.evaluate(`(async () => {
    const { method, path, options } = ${call};
    const context = await import('@vwu/context');
    try {
      await context.api.request(method, path, options);
      return { ok: true, code: null, status: 200 };
    } catch (error) {
      return { ok: false, code: error.code, status: error.status };
    }
  })()`)) as { ok: boolean; code: string | null; status: number };
}

async function search(page: Page, text: string): Promise<string> {
  const box = page.getByRole('searchbox', { name: 'Tìm hội viên' });
  const answered = page.waitForResponse((r) => r.url().includes('/members?') && r.url().includes('q='));
  await box.fill(text);
  await answered;
  await page.locator('.table-card[aria-busy="false"]').waitFor();
  return (await page.locator('.count').textContent())?.trim() ?? '';
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  xlsxPath = join(tmpdir(), `hoi-vien-tan-ninh-${process.pid}.xlsx`);
  writeFileSync(xlsxPath, await sheetToXlsx(sheet));
  consoleApp = await startRealConsole({ kind: 'pglite' });
  browser = await launchChromium();
  officer = await session('officer.tanninh', `/members/import?unit=${TAN_NINH}`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await consoleApp?.close();
});

describe('members module end to end (built console, real API on PGlite, Chromium)', () => {
  it('imports a 10,000-row XLSX with 5 % bad rows: counts, the bad-rows file, and no duplicates on re-import', async () => {
    const page = officer;
    await page.locator('#import-file').setInputFiles(xlsxPath);
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-summary').textContent()).toContain('10.000 dòng dữ liệu');
    await shot(page, '01-import-mapping');

    await page.getByRole('button', { name: 'Kiểm tra dữ liệu' }).click();
    await page.getByTestId('import-outcome').waitFor({ timeout: 120_000 });
    // Soft: a wrong count is reported, and the rest of the journey still runs on what was imported.
    expect
      .soft(await page.getByTestId('import-outcome').textContent())
      .toContain(`Kiểm tra xong: 9.500 dòng hợp lệ, 0 dòng đã có trong sổ, 500 dòng lỗi.`);
    await page.getByRole('button', { name: /^Nhập [\d.]+ dòng hợp lệ$/ }).click();
    await page.getByText(/Đã nhập [\d.]+ hội viên mới/).waitFor({ timeout: 180_000 });
    expect
      .soft(await page.getByTestId('import-outcome').textContent())
      .toContain('Đã nhập 9.500 hội viên mới');
    await shot(page, '02-import-done');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải tệp dòng lỗi (.xlsx)' }).click();
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    const badRows = await readXlsx(readFileSync(file));
    expect.soft(badRows.length - 1).toBe(sheet.bad.size);
    const header = badRows[0]!;
    const nameColumn = header.indexOf('Họ và tên');
    expect(nameColumn).toBeGreaterThanOrEqual(0);
    // Every bad row of the sheet is in the file (by its row number STT), each with a problem written out.
    const numbers = new Set(badRows.slice(1).map((r) => Number(r[header.indexOf('STT')])));
    expect([...sheet.bad.keys()].every((i) => numbers.has(i + 1))).toBe(true);
    const problemColumn = header.findIndex((h) => /lỗi/i.test(h));
    expect(problemColumn).toBeGreaterThan(nameColumn);
    expect(badRows.slice(1).filter((r) => (r[problemColumn] ?? '').trim() === '')).toEqual([]);

    // The same file again: nothing new, nothing doubled.
    await page.getByRole('button', { name: 'Nhập tệp khác' }).click();
    await page.locator('#import-file').setInputFiles(xlsxPath);
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Kiểm tra dữ liệu' }).click();
    await page.getByTestId('import-outcome').waitFor({ timeout: 120_000 });
    expect
      .soft(await page.getByTestId('import-outcome').textContent())
      .toContain('Kiểm tra xong: 0 dòng hợp lệ, 9.500 dòng đã có trong sổ, 500 dòng lỗi.');
    expect(await page.getByTestId('import-outcome').textContent()).toMatch(/Kiểm tra xong: 0 dòng hợp lệ/);
    await shot(page, '03-reimport-no-duplicates');
    await page.goto(`${consoleApp.url}/members?unit=${TAN_NINH}`);
    await page.locator('.count').waitFor();
    expect
      .soft((await page.locator('.count').textContent())?.trim())
      .toBe(`${GOOD.toLocaleString('vi-VN')} hội viên`);
  });

  it('finds members with and without diacritics, by part of a name and by phone number', async () => {
    const page = officer;
    const bare = await search(page, 'nguyen thi hoa');
    await shot(page, '04-search-no-diacritics');
    const accented = await search(page, 'Nguyễn Thị Hoà');
    const otherTone = await search(page, 'Nguyễn Thị Hòa');
    expect(bare).toMatch(/^[\d.]+ hội viên khớp$/);
    expect(accented).toBe(bare);
    expect(otherTone).toBe(bare);
    const names = await page.locator('[role="row"] .name strong').allTextContents();
    expect(names.some((n) => n.includes('Hoà'))).toBe(true);
    expect(names.some((n) => n.includes('Hòa'))).toBe(true);
    expect(await search(page, 'thach thi sa')).not.toBe('0 hội viên khớp');
    const phone = sheet.rows[1234]![6]!;
    expect(await search(page, phone.slice(2))).toBe('1 hội viên khớp');
    await shot(page, '05-search-phone');
  });

  it('edits a profile with understandable validation messages', async () => {
    const page = officer;
    await search(page, sheet.rows[1234]![6]!);
    await page.getByRole('grid').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Sửa hồ sơ' }).click();
    await page.getByLabel('Số điện thoại').fill('12345');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Số điện thoại gồm 10 chữ số').waitFor();
    await shot(page, '06-edit-validation');
    await page.getByLabel('Số điện thoại').fill('0912 345 678');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu hồ sơ.').waitFor();
    expect(await page.locator('.facts').textContent()).toContain('0912345678');
  });

  it('transfers a member to Phường Bình Minh; Tây Ninh’s leader accepts; one record, history kept', async () => {
    const page = officer;
    const name = (await page.locator('.who h2').textContent())?.trim() ?? '';
    await page.getByLabel('Đơn vị nhận').fill('25480');
    await page.getByRole('button', { name: `Chuyển đến đơn vị có mã ${BINH_MINH}` }).click();
    await page.getByLabel('Lý do', { exact: true }).fill('Đi làm công nhân ở khu công nghiệp');
    await page.getByRole('button', { name: 'Gửi đề nghị chuyển' }).click();
    await page.getByText('Đang chờ đơn vị nhận tiếp nhận').waitFor();
    await shot(page, '07-transfer-sent');

    const leader = await session('leader.tayninh', `/members/transfers?unit=${BINH_MINH}`);
    await leader.getByRole('button', { name: 'Tiếp nhận' }).first().waitFor();
    await shot(leader, '08-transfer-inbox');
    await leader.getByRole('button', { name: 'Tiếp nhận' }).first().click();
    await leader.getByText('Đã cập nhật.').waitFor();
    await leader.goto(`${consoleApp.url}/members?unit=${BINH_MINH}`);
    expect(await search(leader, '0912345678')).toBe('1 hội viên khớp');
    await leader.close();

    await page.goto(`${consoleApp.url}/members?unit=${TAN_NINH}`);
    expect(await search(page, '0912345678')).toBe('0 hội viên khớp');
    expect(name).not.toBe('');
  });

  it('issues a card, verifies it by scanning its QR code, and revokes it', async () => {
    const page = officer;
    const phone = sheet.rows[2000]![6]!;
    await search(page, phone);
    await page.getByRole('grid').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Cấp thẻ' }).click();
    const qr = page.getByRole('img', { name: 'Mã QR thẻ hội viên' });
    await qr.waitFor();
    await shot(page, '09-card-issued');
    const payload = await scanQr(browser, qr);
    expect(payload).not.toBeNull();
    expect(payload).toBe(await qr.getAttribute('data-payload'));
    const profileUrl = page.url();

    await page.goto(`${consoleApp.url}/members/verify?unit=${TAN_NINH}`);
    await page.getByLabel('Nội dung mã QR').fill(payload!);
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.locator('[data-status="valid"]').waitFor();
    expect(await page.locator('.result').textContent()).not.toContain(phone);
    await shot(page, '10-card-valid');

    await page.getByLabel('Nội dung mã QR').fill(`${payload!.slice(0, -3)}xyz`);
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.locator('[data-status="unknown"]').waitFor();

    await page.goto(profileUrl);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Thu hồi thẻ' }).click();
    await page.getByText('đã bị thu hồi').waitFor();
    await page.goto(`${consoleApp.url}/members/verify?unit=${TAN_NINH}`);
    await page.getByLabel('Nội dung mã QR').fill(payload!);
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.locator('[data-status="revoked"]').waitFor();
    await shot(page, '11-card-revoked');
  });

  it('an officer cannot see or edit another commune’s members', async () => {
    const page = officer;
    const read = await apiFromPage(page, 'GET', `/units/${encodeURIComponent(BINH_MINH)}/members`);
    expect(read).toMatchObject({ ok: false, status: 403 });
    const leader = await session('leader.tayninh', `/members?unit=${BINH_MINH}`);
    await search(leader, '0912345678');
    await leader.getByRole('grid').focus();
    await leader.keyboard.press('Enter');
    await leader.getByRole('button', { name: 'Sửa hồ sơ' }).waitFor();
    const id = new URL(leader.url()).pathname.split('/').pop()!;
    await leader.close();
    const edit = await apiFromPage(page, 'PATCH', `/units/${encodeURIComponent(BINH_MINH)}/members/${id}`, {
      version: 1,
      phone: '0987654321',
    });
    expect(edit).toMatchObject({ ok: false, status: 403 });
    const viaOwnUnit = await apiFromPage(page, 'GET', `/units/${encodeURIComponent(TAN_NINH)}/members/${id}`);
    expect(viaOwnUnit.ok).toBe(false);
    await page.goto(`${consoleApp.url}/members?unit=${BINH_MINH}`);
    await page.locator('.count').waitFor();
    expect(new URL(page.url()).searchParams.get('unit')).toBe(TAN_NINH);
    await page.goto(`${consoleApp.url}/members/${id}?unit=${TAN_NINH}`);
    await page.getByText('Chưa tải được hồ sơ hội viên').waitFor();
    await shot(page, '12-other-commune-refused');
  });
});
