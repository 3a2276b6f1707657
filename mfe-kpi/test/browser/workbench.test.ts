// The analyst workbench in the real console (built shell + built module, the API's CSP, mock API with the
// real unit hierarchy, demo Parquet): analyst.central builds a pivot from the keyboard, the shared URL
// opens the same pivot in a new tab, the XLSX export holds the same cells — and they equal DuckDB native's
// own GROUP BY over the same Parquet files; only the view's partitions are fetched; the SQL editor refuses
// a write and answers a SELECT from the worker while the page keeps responding.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../tests/infra/chromium.mjs';
import { hierarchyUnits } from '../../../shell/test-kit/preview.ts';
import { writeDemoData, type DemoData } from '../../test-kit/demo-data.js';
import { PREVIEW_PASSWORD, startKpiConsole, type KpiConsole } from '../../test-kit/kpi-console.js';
import { loadNativeTables, plainRows } from '../../test-kit/native-tables.js';
import { startStaticServer } from '../../test-kit/static-server.js';
import { answer, openWorker, send, workerFile } from '../../test-kit/worker-driver.js';
import { toLoadFiles } from '../../src/engine/index.js';

const artifacts = fileURLToPath(new URL('../../../tests/artifacts/', import.meta.url));
const MONTHS = ['2026-09', '2026-10', '2026-11'];
/** Polls wait long: the shared 2-core machine runs at a load average of 20–30. */
const WAIT = { timeout: 120_000 };

let data: DemoData;
let app: KpiConsole;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let download: string;
const requests: string[] = [];
const errors: string[] = [];
let shared = '';
let shown: string[][] = [];

/** The pivot as text: header row, then body rows. */
async function pivotText(p: Page): Promise<string[][]> {
  const table = p.locator('table[data-pivot]');
  await table.locator('tbody tr').first().waitFor({ timeout: 120_000 });
  const header = await table.locator('thead th').allTextContents();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')));
  return [header.map((h) => h.trim()), ...rows];
}

/** A Vietnamese-formatted count back to a number ('1.234' → 1234; '' → null). */
const vnNumber = (text: string): number | null => (text === '' ? null : Number(text.replaceAll('.', '')));

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(artifacts, `kpi-workbench-${name}.png`), fullPage: true });
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  download = mkdtempSync(join(tmpdir(), 'vwu-kpi-wb-download-'));
  data = writeDemoData({
    out: mkdtempSync(join(tmpdir(), 'vwu-kpi-workbench-')),
    scale: 'small',
    from: '2026-09-01',
    to: '2026-11-21',
  });
  app = await startKpiConsole({ data: data.root });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // The session probe before sign-in answers 401: the browser logs it, nothing failed.
    if (m.type() === 'error' && !m.text().includes('status of 401')) errors.push(`console: ${m.text()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (data !== undefined) rmSync(data.root, { recursive: true, force: true });
  if (download !== undefined) rmSync(download, { recursive: true, force: true });
});

describe('analyst workbench in the console', () => {
  it('analyst.central builds a pivot (provinces × meeting format, meetings and attendances) from the keyboard', async () => {
    await page.goto(`${app.url}/kpi?period=2026-M11`);
    await page.getByLabel('Tên đăng nhập').fill('analyst.central');
    await page.getByLabel('Mật khẩu').fill(PREVIEW_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Bàn phân tích' }).click();
    await pivotText(page);
    // Rows: the month out, the provinces in (a select and Enter, a button and Space: no mouse needed).
    await page.getByRole('button', { name: 'Bỏ Tháng' }).focus();
    await page.keyboard.press('Enter');
    const rows = page.getByLabel('Thêm vào Hàng');
    await rows.selectOption('province');
    await rows.press('Enter');
    const measures = page.getByLabel('Thêm vào Chỉ số');
    await measures.selectOption('attendees');
    await measures.press('Enter');
    await page.locator('select[data-from]').selectOption(MONTHS[0]!);
    await expect
      .poll(() => page.locator('table[data-pivot] thead th').first().textContent(), WAIT)
      .toBe('Tỉnh, thành phố');
    await expect.poll(async () => (await pivotText(page))[0]!.length, WAIT).toBe(7);
    await expect
      .poll(() => page.locator('[data-footer]').textContent(), { timeout: 120_000 })
      .toMatch(/từ 09\/2026 đến 11\/2026/);
    await page.locator('.canvas[data-state="done"] canvas').waitFor({ timeout: 30_000 });
    shown = await pivotText(page);
    expect(shown[0]).toEqual([
      'Tỉnh, thành phố',
      'Kết hợp · Số buổi sinh hoạt',
      'Kết hợp · Lượt tham dự',
      'Trực tiếp · Số buổi sinh hoạt',
      'Trực tiếp · Lượt tham dự',
      'Trực tuyến · Số buổi sinh hoạt',
      'Trực tuyến · Lượt tham dự',
    ]);
    expect(shown.length).toBeGreaterThan(2);
    expect(shown[1]![0]).toMatch(/^(Tỉnh|Thành phố) /);
    // Vietnamese number format: a thousands dot, never a comma.
    expect(
      shown
        .slice(1)
        .flatMap((r) => r.slice(1))
        .every((t) => /^\d{1,3}(\.\d{3})*$|^$/.test(t)),
    ).toBe(true);
    shared = page.url();
    expect(new URL(shared).pathname).toBe('/kpi/workbench');
    expect(new URL(shared).searchParams.get('wb.rows')).toBe('province');
    expect(new URL(shared).searchParams.get('wb.m')).toBe('meetings,attendees');
    await shot('01-pivot');
  });

  it('fetched only the view’s partitions: meeting files of the three months', () => {
    const files = requests
      .filter((u) => u.endsWith('.parquet'))
      .map((u) => decodeURIComponent(new URL(u).pathname));
    expect(files.length).toBeGreaterThan(0);
    expect(new Set(files.map((p) => /type=([\w.]+)/.exec(p)?.[1]))).toEqual(new Set(['meeting.held']));
    const months = new Set(files.map((p) => /month=(\d{4}-\d{2})/.exec(p)?.[1]));
    expect([...months].sort()).toEqual(MONTHS);
  });

  it('the shared URL opens the same pivot in a new tab', async () => {
    const other = await context.newPage();
    other.on('pageerror', (e) => errors.push(e.message));
    await other.goto(shared);
    await expect.poll(async () => (await pivotText(other))[0]!.length, { timeout: 120_000 }).toBe(7);
    expect(await pivotText(other)).toEqual(shown);
    await other.screenshot({ path: join(artifacts, 'kpi-workbench-02-shared-url.png'), fullPage: true });
    await other.close();
  });

  it('exports an XLSX whose cells are the pivot’s, and equal DuckDB native over the same files', async () => {
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.locator('[data-export="xlsx"]').click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^ban-phan-tich-\d{2}-\d{2}-\d{4}\.xlsx$/);
    const path = join(download, file.suggestedFilename());
    await file.saveAs(path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Bảng tổng hợp');
    expect(String(sheet.getCell('A1').value)).toBe('Bàn phân tích — Trung ương Hội LHPN Việt Nam');
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(values(4)).toEqual(shown[0]);
    for (let r = 1; r < shown.length; r += 1) {
      const row = values(4 + r);
      expect(row[0]).toBe(shown[r]![0]);
      expect(row.slice(1).map((v) => (v === undefined ? null : v))).toEqual(shown[r]!.slice(1).map(vnNumber));
    }
    expect(sheet.getCell(5, 2).numFmt).toBe('#,##0');

    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    try {
      const files = data.manifest.files.filter((f) => f.type === 'meeting.held' && MONTHS.includes(f.month));
      await loadNativeTables(db, data.root, files);
      const reader = await db.runAndReadAll(
        'SELECT current_province AS p, format AS f, count(*) AS n, sum(attendees) AS a FROM meeting_held GROUP BY ALL',
      );
      const native = plainRows(reader.getRowObjects() as Record<string, unknown>[]);
      const units = hierarchyUnits();
      const column = { hybrid: 'Kết hợp', in_person: 'Trực tiếp', online: 'Trực tuyến' } as Record<
        string,
        string
      >;
      expect(native.length).toBeGreaterThan(3);
      for (const n of native) {
        const name = units.get(String(n.p))?.name ?? String(n.p);
        const r = shown.findIndex((row) => row[0] === name);
        expect(r, name).toBeGreaterThan(0);
        const c = values(4).indexOf(`${column[String(n.f)]} · Số buổi sinh hoạt`) + 1;
        expect(sheet.getCell(4 + r, c).value).toBe(n.n);
        expect(sheet.getCell(4 + r, c + 1).value).toBe(n.a);
      }
    } finally {
      db.closeSync();
      instance.closeSync();
    }
  });

  it('exports the chart as a PNG', async () => {
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.locator('[data-export="png"]').click(),
    ]);
    const path = join(download, 'chart.png');
    await file.saveAs(path);
    const bytes = readFileSync(path);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.byteLength).toBeGreaterThan(10_000);
  });

  it('the SQL editor refuses a write with a clear message and answers a SELECT from the worker', async () => {
    await page.locator('[data-tab="sql"]').click();
    const editor = page.getByLabel('Câu lệnh SQL (chỉ đọc)');
    await editor.fill('DROP TABLE meeting_held');
    await editor.press('Control+Enter');
    await expect
      .poll(() => page.locator('[data-refused]').textContent(), WAIT)
      .toContain('“DROP” không phải câu lệnh chỉ đọc');
    await shot('03-sql-refused');
    await editor.fill(
      "SELECT format, count(*) AS so_buoi FROM meeting_held WHERE month >= '2026-09' GROUP BY ALL ORDER BY ALL",
    );
    // While the statement runs in the worker, the page's own timers keep ticking.
    const gaps = page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let last = performance.now();
          let worst = 0;
          const tick = () => {
            const now = performance.now();
            worst = Math.max(worst, now - last);
            last = now;
            if (document.querySelector('[data-sql-result]') === null) setTimeout(tick, 10);
            else resolve(worst);
          };
          setTimeout(tick, 10);
        }),
    );
    await page.locator('[data-run]').click();
    await page.locator('[data-sql-result] tbody tr').first().waitFor({ timeout: 60_000 });
    expect(await gaps).toBeLessThan(1000);
    const cells = await page
      .locator('[data-sql-result] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim())));
    expect(cells.map((r) => r[0])).toEqual(['hybrid', 'in_person', 'online']);
    const sum = cells.reduce((s, r) => s + vnNumber(r[1]!)!, 0);
    const pivotSum = shown
      .slice(1)
      .reduce((s, r) => s + [1, 3, 5].reduce((t, i) => t + (vnNumber(r[i]!) ?? 0), 0), 0);
    expect(sum).toBe(pivotSum);
    expect(await page.locator('[data-table="meeting_held"]').count()).toBe(1);
    await shot('04-sql-result');
    // The table is still there: nothing the editor runs changes the resident data.
    expect(new URL(page.url()).searchParams.get('wb.tab')).toBe('sql');
  });

  it('reads in English too, with Vietnamese number and month formats kept', async () => {
    await page.locator('[data-tab="pivot"]').click();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect
      .poll(() => page.locator('table[data-pivot] thead th').first().textContent(), WAIT)
      .toBe('Province');
    const english = await pivotText(page);
    expect(english[0]![1]).toBe('Hybrid · Meetings');
    expect(english.slice(1).map((r) => r.slice(1))).toEqual(shown.slice(1).map((r) => r.slice(1)));
    await shot('05-english');
    await page.getByRole('button', { name: 'Tiếng Việt', exact: true }).click();
  });

  it('the worker itself refuses a write sent as a read-only statement, and the table stays', async () => {
    const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
    const server = await startStaticServer({ '/kpi/': dist, '/data/': data.root });
    // A context of its own: the static server is another origin than the console's.
    const isolated = await browser.newContext();
    const bare = await isolated.newPage();
    try {
      await bare.goto(`${server.url}/`);
      await openWorker(bare, `${server.url}/kpi/${workerFile(dist)}`);
      const files = data.manifest.files.filter((f) => f.type === 'meeting.held' && f.month === '2026-10');
      await answer(bare, { type: 'load', files: toLoadFiles(files, '/data/', server.url) }, 'loaded');
      const count = 'SELECT count(*) AS n FROM meeting_held';
      const before = await answer(bare, { type: 'query', sql: count, params: [], readOnly: true }, 'result');
      for (const sql of [
        'DROP TABLE meeting_held',
        'SELECT 1; DELETE FROM meeting_held',
        "COPY meeting_held TO 'x.csv'",
      ]) {
        const refused = await send(bare, { type: 'query', sql, params: [], readOnly: true });
        expect(refused.type === 'error' && refused.error.name).toBe('ReadOnlyError');
      }
      const after = await answer(bare, { type: 'query', sql: count, params: [], readOnly: true }, 'result');
      expect(after.result.rows).toEqual(before.result.rows);
      expect(before.result.rows[0]!.n).toBe(files.reduce((s, f) => s + f.rows, 0));
    } finally {
      await isolated.close();
      await server.close();
    }
  });

  it('sent nothing to another host and raised no page error', () => {
    const origin = new URL(app.url).origin;
    expect(
      requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:')),
    ).toEqual([]);
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
