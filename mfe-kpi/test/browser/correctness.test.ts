// Correctness in the real console: for a sample of units × periods × EVERY target, the figure a province
// leader reads on the rendered page (the card's share and its "num / den" line) equals what DuckDB native
// computes independently over the same Parquet files — its own SQL per target, written here from the
// targets' rules (DOMAIN.md), file by file, never the module's query builder.
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parseUnitKey } from '@vwu/contracts';
import { loadHierarchy } from '@vwu/contracts/node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../tests/infra/chromium.mjs';
import type { ManifestFile } from '../../src/engine/index.js';
import { demoRoot } from '../../test-kit/demo-root.js';
import { PREVIEW_PASSWORD, startKpiConsole, type KpiConsole } from '../../test-kit/kpi-console.js';

const PROVINCE = { key: '2025:80', name: 'Tỉnh Tây Ninh', level: 'province' as const };
const CENTRAL = { key: '2025:TW', name: 'Trung ương Hội LHPN Việt Nam', level: 'central' as const };
const PERIODS = [
  { code: '2026-M11', period: { grain: 'month', from: '2026-11-01', to: '2026-11-30' }, months: ['2026-11'] },
  { code: '2026-M09', period: { grain: 'month', from: '2026-09-01', to: '2026-09-30' }, months: ['2026-09'] },
  {
    code: '2026-Q3',
    period: { grain: 'quarter', from: '2026-07-01', to: '2026-09-30' },
    months: ['2026-07', '2026-08', '2026-09'],
  },
];

/** Each target's rule as plain SQL over one file: the numerator and the denominator (null: communes × months). */
const RULES: Record<string, { type: string; num: string; den: string | null }> = {
  'docs-online': {
    type: 'document.received',
    num: "count(*) FILTER (WHERE NOT secret AND processing = 'online')",
    den: 'count(*) FILTER (WHERE NOT secret)',
  },
  'docs-signed': {
    type: 'document.issued',
    num: 'count(*) FILTER (WHERE NOT secret AND digitally_signed AND electronic)',
    den: 'count(*) FILTER (WHERE NOT secret)',
  },
  'posts-communes': {
    type: 'post.published',
    num: "list(DISTINCT current_commune) FILTER (WHERE purpose = 'propaganda' AND channel IN ('website', 'fanpage') AND current_commune IS NOT NULL)",
    den: null,
  },
  'training-minority': {
    type: 'training.held',
    num: "coalesce(sum(minority_participants) FILTER (WHERE topic = 'digital_skills' AND audience IN ('members', 'mixed')), 0)",
    den: "coalesce(sum(participants) FILTER (WHERE topic = 'digital_skills' AND audience IN ('members', 'mixed')), 0)",
  },
  'meetings-digital': {
    type: 'meeting.held',
    num: "count(*) FILTER (WHERE format IN ('online', 'hybrid'))",
    den: 'count(*)',
  },
};

let root: string;
let files: ManifestFile[];
let app: KpiConsole;
let browser: Browser;
let page: Page;
let native: DuckDBConnection;
const share = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });

/** Independent figure of one target for a unit (by its column) over some months. */
async function expected(kpi: string, column: string, unit: string, months: readonly string[]) {
  const rule = RULES[kpi]!;
  let num = 0;
  let den = 0;
  for (const month of months) {
    const communes = new Set<string>();
    for (const f of files.filter(
      (x) => x.type === rule.type && x.month === month && x.province === PROVINCE.key,
    )) {
      const sql = `SELECT ${rule.num} AS num${rule.den === null ? '' : `, ${rule.den} AS den`} FROM read_parquet($path) WHERE ${column} = $unit`;
      const row = (await native.runAndReadAll(sql, { path: join(root, f.path), unit })).getRowObjectsJS()[0]!;
      if (rule.den === null) for (const c of (row['num'] as string[] | null) ?? []) communes.add(c);
      else {
        num += Number(row['num']);
        den += Number(row['den']);
      }
    }
    if (rule.den === null) num += communes.size;
  }
  if (rule.den === null) {
    const perMonth =
      column === 'current_commune'
        ? 1
        : loadHierarchy()
            .children(parseUnitKey(unit))
            .filter((u) => u.level === 'commune').length;
    den = perMonth * months.length;
  }
  return { num, den, text: den > 0 ? share.format(num / den) : '—' };
}

/** What the page shows for a target: the share and the counts of its detail line. */
async function shown(kpi: string) {
  const card = page.locator(`[data-kpi="${kpi}"]`);
  const text = (await card.locator('.value').textContent())!.trim();
  const detail = (await card.locator('.detail').first().textContent())!;
  const counts = /([\d.]+)[^\d/]* \/ ([\d.]+)/.exec(detail.replace(/\s+/g, ' '));
  if (counts === null) throw new Error(`${kpi}: no "num / den" in ${JSON.stringify(detail)}`);
  const [num, den] = counts.slice(1).map((n) => Number(n.replaceAll('.', '')));
  return { num: num!, den: den!, text: text.replace(/\s/g, ' ') };
}

/** Switches unit and period through the console's context module; waits for that unit's figures. */
async function view(unit: object & { key: string }, period: object): Promise<void> {
  const since = await page.evaluate(() => performance.now());
  await page.evaluate(
    `import('@vwu/context').then((c) => { c.period.set(${JSON.stringify(period)}); c.selectedUnit.select(${JSON.stringify(unit)}); })`,
  );
  await page.waitForFunction(
    ({ key, since }) =>
      performance
        .getEntriesByName('vwu-kpi:figures')
        .some((m) => m.startTime >= since && (m as PerformanceMark).detail?.unit === key),
    { key: unit.key, since },
    { timeout: 60_000, polling: 20 },
  );
}

beforeAll(async () => {
  const data = demoRoot({ scale: 'small', from: '2026-06-01', to: '2026-11-21' });
  root = data.root;
  files = data.manifest.files as ManifestFile[];
  native = await (await DuckDBInstance.create(':memory:')).connect();
  app = await startKpiConsole({ data: root });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  await page.goto(`${app.url}/kpi?period=2026-M11`);
  await page.getByLabel('Tên đăng nhập').fill('leader.tayninh');
  await page.getByLabel('Mật khẩu').fill(PREVIEW_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('.canvas[data-state="done"] canvas').waitFor({ timeout: 120_000 });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  native?.closeSync();
});

describe('figures on the page equal DuckDB native over the same Parquet', () => {
  it('for Tây Ninh and three of its communes × two months and a quarter × every target', async () => {
    const communes = await page.locator('tbody tr[data-unit]').evaluateAll((rows) =>
      rows.slice(0, 3).map((r) => ({
        key: r.getAttribute('data-unit')!,
        name: r.querySelector('.drill')!.textContent!.trim(),
      })),
    );
    expect(communes).toHaveLength(3);
    const units = [
      { unit: { ...PROVINCE, breadcrumb: [CENTRAL] }, column: 'current_province' },
      ...communes.map((c) => ({
        unit: { ...c, level: 'commune', breadcrumb: [CENTRAL, PROVINCE] },
        column: 'current_commune',
      })),
    ];
    let compared = 0;
    for (const { period, months, code } of PERIODS) {
      for (const { unit, column } of units) {
        // The first view is the one on screen already (the dashboard reloads only on a change).
        if (compared > 0) await view(unit, period);
        for (const kpi of Object.keys(RULES)) {
          const want = await expected(kpi, column, unit.key, months);
          expect({ where: `${unit.key} ${code} ${kpi}`, ...(await shown(kpi)) }).toEqual({
            where: `${unit.key} ${code} ${kpi}`,
            ...want,
          });
          compared += 1;
        }
      }
    }
    expect(compared).toBe(PERIODS.length * 4 * 5);
  });
});
