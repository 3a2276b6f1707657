// The national map and the periodic report in the real console (built shell + built module, the API's
// CSP, mock API with the real hierarchy, demo Parquet): a central analyst sees the 34 provinces coloured by
// attainment, clicks Tây Ninh on the map and lands on its dashboard; the province's 6-month report is
// prepared and exported — the XLSX holds the figures the page shows and DuckDB native computes over the
// same files, the PDF's text (pdftotext) has the Vietnamese letters and its font is embedded.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../tests/infra/chromium.mjs';
import { selectPartitions } from '../../src/engine/index.js';
import { writeDemoData, type DemoData } from '../../test-kit/demo-data.js';
import { loadNativeTables } from '../../test-kit/native-tables.js';
import { PREVIEW_PASSWORD, startKpiConsole, type KpiConsole } from '../../test-kit/kpi-console.js';

const artifacts = fileURLToPath(new URL('../../../tests/artifacts/', import.meta.url));
const share = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });

let data: DemoData;
let app: KpiConsole;
let browser: Browser;
let page: Page;
let dir: string;
const requests: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vwu-kpi-report-'));
  data = writeDemoData({ out: join(dir, 'data'), scale: 'small', from: '2026-01-01', to: '2026-06-30' });
  app = await startKpiConsole({ data: data.root });
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1100 },
    acceptDownloads: true,
  });
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  mkdirSync(artifacts, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('national map and periodic report', () => {
  it('shows the country as a map of the 34 provinces coloured by attainment, with a legend', async () => {
    await page.goto(`${app.url}/kpi?period=2026-M06`);
    await page.getByLabel('Tên đăng nhập').fill('analyst.central');
    await page.getByLabel('Mật khẩu').fill(PREVIEW_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const map = page.locator('[data-province-map][data-state="done"]');
    await map.waitFor({ timeout: 120_000 });
    await expect.poll(() => page.locator('.vwu-frame-lead').textContent()).toContain('Trung ương');
    expect(await page.locator('figure.map figcaption').textContent()).toBe(
      'Bản đồ 34 tỉnh, thành phố — Văn bản đến được xử lý trên môi trường mạng',
    );
    expect(await map.getAttribute('role')).toBe('img');
    expect(await page.locator('.legend li').allTextContents()).toContain('Gần đạt (thiếu ≤ 10 điểm)');
    // The provinces of the country are ranked too (the table alternative to the map).
    expect(await page.locator('tbody tr[data-unit="2025:80"]').count()).toBe(1);
    const anchors = JSON.parse((await map.getAttribute('data-anchors'))!) as Record<string, [number, number]>;
    expect(Object.keys(anchors)).toHaveLength(34);
    // The map and its asset come from this module's own origin.
    expect(requests.some((u) => u.startsWith(app.url) && /provinces-2025\.geo-.*\.json$/.test(u))).toBe(true);
    await page.locator('figure.map').screenshot({ path: join(artifacts, 'kpi-10-national-map.png') });
  });

  it('drills down to a province by clicking it on the map', async () => {
    const map = page.locator('[data-province-map][data-state="done"]');
    const anchors = JSON.parse((await map.getAttribute('data-anchors'))!) as Record<string, [number, number]>;
    const [x, y] = anchors['2025:80']!;
    await map.hover({ position: { x, y } });
    await map.click({ position: { x, y } });
    await expect
      .poll(() => page.locator('.vwu-frame-lead').textContent(), { timeout: 60_000 })
      .toContain('Tỉnh Tây Ninh');
    await page.locator('tbody tr[data-unit]').first().waitFor();
    expect(await page.locator('figure.map').count()).toBe(0);
    expect(await page.locator('nav.trail button').allTextContents()).toEqual([
      'Trung ương Hội LHPN Việt Nam',
    ]);
  });

  it("exports Tây Ninh's 6-month report as XLSX with the page's figures, equal to DuckDB native's", async () => {
    const panel = page.locator('[data-report]');
    await panel.getByLabel('Loại báo cáo').selectOption('half');
    await panel.getByLabel('Năm').selectOption('2026');
    await panel.getByRole('button', { name: 'Lập báo cáo' }).click();
    const preview = panel.locator('[data-report-preview]');
    await preview.waitFor({ timeout: 120_000 });
    expect(await preview.locator('h3').textContent()).toBe(
      'BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ 6 THÁNG ĐẦU NĂM 2026',
    );
    await panel.screenshot({ path: join(artifacts, 'kpi-11-report.png') });
    const shown = await preview
      .locator('table')
      .first()
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent!.trim())),
      );
    const communes = await preview
      .locator('table')
      .nth(1)
      .locator('tbody tr td:nth-child(2)')
      .allTextContents();
    expect(communes.length).toBeGreaterThan(50);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Tải Excel (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('bao-cao-6-thang-2026-tinh-tay-ninh.xlsx');
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ 6 THÁNG ĐẦU NĂM 2026']);
    expect(rows.flat()).toContain('Kính gửi: Trung ương Hội LHPN Việt Nam');
    // Part I: the same targets, figures and statuses as the page; shares are numbers in the workbook.
    const partI = rows.filter((r) => shown.some((s) => s[1] === r[1]));
    expect(partI).toHaveLength(5);
    for (const [i, r] of partI.entries()) {
      expect(r[1]).toBe(shown[i]![1]);
      expect(typeof r[2] === 'number' ? share.format(r[2]) : '—').toBe(shown[i]![2]);
      expect(r[5]).toBe(shown[i]![5]);
    }
    // Part II: every commune of the preview, once.
    const names = new Set(rows.map((r) => r[1]));
    expect(communes.every((c) => names.has(c))).toBe(true);

    // Independently: incoming documents processed online, Tây Ninh, 01–06/2026, by DuckDB native.
    const files = selectPartitions(data.manifest as never, {
      provinces: ['2025:80'],
      months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'],
      types: ['document.received'],
    });
    const native = await (await DuckDBInstance.create(':memory:')).connect();
    try {
      await loadNativeTables(native, data.root, files);
      const reader = await native.runAndReadAll(
        "SELECT count(*) FILTER (WHERE processing = 'online') / count(*) AS v FROM document_received WHERE NOT secret AND current_province = '2025:80'",
      );
      const expected = Number(reader.getRowObjects()[0]!.v);
      expect(partI[0]![2]).toBeCloseTo(expected, 12);
    } finally {
      native.closeSync();
    }
  });

  it('exports the same report as a PDF whose text keeps its Vietnamese letters, in an embedded font', async () => {
    const panel = page.locator('[data-report]');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      panel.getByRole('button', { name: 'Tải PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('bao-cao-6-thang-2026-tinh-tay-ninh.pdf');
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ 6 THÁNG ĐẦU NĂM 2026');
    expect(text).toContain('Kính gửi: Trung ương Hội LHPN Việt Nam');
    expect(text).toContain('Văn bản đến được xử lý trên môi trường mạng');
    const first = await page
      .locator('[data-report-preview] table')
      .nth(1)
      .locator('tbody tr td:nth-child(2)')
      .first();
    expect(text).toContain((await first.textContent())!.trim());
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSans-Regular.*yes/);
    expect(fonts).toMatch(/NotoSans-Bold.*yes/);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      file,
      join(artifacts, 'kpi-12-report-pdf'),
    ]);
  });

  it('sent nothing to another host and raised no page error', () => {
    const origin = new URL(app.url).origin;
    expect(
      requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:')),
    ).toEqual([]);
    expect(errors).toEqual([]);
  });
});
