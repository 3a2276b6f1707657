// The BUILT analytics worker in Chromium on real Parquet files (demo events written with the pipeline's
// Arrow batch builder and Parquet encoder): every answer equals DuckDB native's on the same files, files
// are cached across visits, and no request ever leaves the page's origin — DuckDB-WASM never fetches its
// parquet extension (or any other) from a third-party host, even when SQL asks it to.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../tests/infra/chromium.mjs';
import { selectPartitions, toLoadFiles, type LoadFile, type ManifestFile } from '../../src/engine/index.js';
import { KPIS, dashboardQuery, dashboardScope, dashboardTypes } from '../../src/kpi/index.js';
import { writeDemoData, type DemoData } from '../../test-kit/demo-data.js';
import { loadNativeTables, plainRows } from '../../test-kit/native-tables.js';
import { startStaticServer, type StaticServer } from '../../test-kit/static-server.js';
import { answer, openWorker, progressEvents, send, workerFile } from '../../test-kit/worker-driver.js';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const NOVEMBER = { grain: 'month' as const, from: '2026-11-01', to: '2026-11-30' };
const TAY_NINH = { key: '2025:80', name: 'Tỉnh Tây Ninh', level: 'province' as const, breadcrumb: [] };

let data: DemoData;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let native: DuckDBConnection;
let files: ManifestFile[];
let loadFiles: LoadFile[];
const requests: string[] = [];
const timings: Record<string, number | string> = {};

/** The workbench-style queries both engines answer (plus the dashboard's own, below). */
const QUERIES: { name: string; sql: string; params: (string | number)[] }[] = [
  {
    name: 'meetings by month with attendance',
    sql: 'SELECT month, count(*)::DOUBLE AS meetings, sum(attendees)::DOUBLE AS attendees, sum(minority_attendees)::DOUBLE AS minority FROM meeting_held GROUP BY month ORDER BY month',
    params: [],
  },
  {
    name: 'incoming documents online by commune (top 20)',
    sql: "SELECT current_commune, count(*) FILTER (WHERE processing = 'online')::DOUBLE / count(*) AS share, count(*)::DOUBLE AS n FROM document_received WHERE NOT secret AND current_commune IS NOT NULL GROUP BY 1 ORDER BY share DESC, n DESC, current_commune LIMIT 20",
    params: [],
  },
  {
    name: 'meeting formats in one province and month (prepared)',
    sql: 'SELECT format, count(*)::DOUBLE AS n FROM meeting_held WHERE current_province = ? AND month = ? GROUP BY format ORDER BY format',
    params: ['2025:80', '2026-10'],
  },
  {
    name: 'events by hour of day (UTC instants kept exactly)',
    sql: 'SELECT hour(occurred_at) AS h, count(*)::DOUBLE AS n, min(occurred_at)::VARCHAR AS first FROM document_issued GROUP BY h ORDER BY h',
    params: [],
  },
  {
    name: 'first and last instants (timestamps cross the boundary as ISO text)',
    sql: 'SELECT month, min(occurred_at) AS first, max(occurred_at) AS last FROM meeting_held GROUP BY month ORDER BY month',
    params: [],
  },
  {
    name: 'distinct units posting propaganda per channel',
    sql: "SELECT channel, count(DISTINCT current_unit)::DOUBLE AS units FROM post_published WHERE purpose = 'propaganda' GROUP BY channel ORDER BY channel",
    params: [],
  },
  {
    name: 'trainings by topic with the minority share',
    sql: 'SELECT topic, sum(participants)::DOUBLE AS p, round(sum(minority_participants) / sum(participants), 6) AS share FROM training_held GROUP BY topic ORDER BY topic',
    params: [],
  },
];

beforeAll(async () => {
  data = writeDemoData({
    out: mkdtempSync(join(tmpdir(), 'vwu-kpi-engine-')),
    scale: 'small',
    from: '2026-06-01',
    to: '2026-11-21',
  });
  const scope = dashboardScope(TAY_NINH, NOVEMBER)!;
  files = selectPartitions(data.manifest, {
    provinces: [scope.province!],
    months: scope.trend.months,
    types: dashboardTypes(),
  });
  server = await startStaticServer({ '/kpi/': dist, '/data/': data.root });
  loadFiles = toLoadFiles(files, '/data/', server.url);
  native = await (await DuckDBInstance.create(':memory:')).connect();
  await loadNativeTables(native, data.root, files);
  browser = await launchChromium();
  context = await browser.newContext();
  context.on('request', (request) => requests.push(request.url()));
  page = await context.newPage();
  await page.goto(`${server.url}/`);
  await openWorker(page, `${server.url}/kpi/${workerFile(dist)}`);
});

afterAll(async () => {
  process.stdout.write(`engine timings (ms): ${JSON.stringify(timings)}\n`);
  await browser?.close();
  native?.closeSync();
  await server?.close();
  if (data !== undefined) rmSync(data.root, { recursive: true, force: true });
});

async function nativeRows(sql: string, params: (string | number | boolean | null)[]) {
  return plainRows((await native.runAndReadAll(sql, params)).getRowObjectsJS());
}

function close(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}

function expectSameRows(wasm: Record<string, unknown>[], expected: Record<string, unknown>[]) {
  expect(wasm).toHaveLength(expected.length);
  wasm.forEach((row, i) => {
    const want = expected[i]!;
    expect(Object.keys(row)).toEqual(Object.keys(want));
    for (const key of Object.keys(want)) {
      if (!close(row[key], want[key]))
        expect({ row: i, [key]: row[key] }).toEqual({ row: i, [key]: want[key] });
    }
  });
}

describe('analytics worker (dist) in Chromium', () => {
  it("starts DuckDB-WASM (EH bundle) and parquet-wasm from this module's own assets", async () => {
    const { info } = await answer(page, { type: 'start' }, 'started');
    expect(info.bundle).toBe('eh');
    expect(info.duckdbVersion).toMatch(/^v1\.4\./);
    timings.start = Math.round(info.ms.total);
    timings.instantiate = Math.round(info.ms.instantiate);
    timings.parquetWasm = Math.round(info.ms.parquet);
    const wasm = requests.filter((u) => u.endsWith('.wasm')).map((u) => new URL(u).pathname);
    expect(wasm).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/kpi\/assets\/duckdb-eh-.+\.wasm$/),
        expect.stringMatching(/^\/kpi\/assets\/parquet_wasm_bg-.+\.wasm$/),
      ]),
    );
    expect(wasm.some((p) => p.includes('duckdb-mvp'))).toBe(false);
  });

  it('loads the partitions of a province dashboard with progress, each file fetched once', async () => {
    const { summary } = await answer(page, { type: 'load', files: loadFiles }, 'loaded');
    const rows = files.reduce((s, f) => s + f.rows, 0);
    expect(summary).toMatchObject({ files: files.length, resident: 0, cached: 0, rows });
    expect(summary.bytesFetched).toBe(files.reduce((s, f) => s + f.bytes, 0));
    timings.files = files.length;
    timings.rows = rows;
    timings.bytes = summary.bytesFetched;
    timings.load = Math.round(summary.ms.total);
    timings.decode = Math.round(summary.ms.decode);
    timings.insert = Math.round(summary.ms.insert);
    const progress = await progressEvents(page);
    expect(progress.at(-1)).toMatchObject({
      phase: 'done',
      files: { done: files.length, total: files.length },
    });
    expect(progress.some((p) => p.bytes.done > 0 && p.bytes.done < p.bytes.total)).toBe(true);
    const parquet = server.requests.filter((r) => r.endsWith('.parquet'));
    expect(parquet).toHaveLength(files.length);
    expect(parquet.every((r) => r.includes('/province=2025_80/'))).toBe(true);
  });

  it('answers a second load of the same files from what is resident', async () => {
    const { summary } = await answer(page, { type: 'load', files: loadFiles }, 'loaded');
    expect(summary).toMatchObject({ files: files.length, resident: files.length, rows: 0, bytesFetched: 0 });
  });

  it.each(QUERIES)('$name: equals DuckDB native on the same files', async ({ sql, params }) => {
    const started = performance.now();
    const { result } = await answer(page, { type: 'query', sql, params }, 'result');
    timings[`q:${sql.slice(7, 30)}`] = `${Math.round(result.ms)}/${Math.round(performance.now() - started)}`;
    expect(result.rows.length).toBeGreaterThan(0);
    expectSameRows(result.rows, await nativeRows(sql, params));
  });

  it.each([
    { name: 'Tây Ninh', unit: TAY_NINH },
    {
      name: 'a commune of Tây Ninh (drill-down)',
      unit: { key: '2025:25459', name: 'Phường Tân Ninh', level: 'commune' as const, breadcrumb: [TAY_NINH] },
    },
  ])('the dashboard query of $name equals DuckDB native', async ({ unit }) => {
    const scope = dashboardScope(unit, NOVEMBER)!;
    const query = dashboardQuery(KPIS, scope, new Set(dashboardTypes()))!;
    const order = ' ORDER BY kpi, grain, key';
    const { result } = await answer(
      page,
      { type: 'query', sql: `${query.sql}${order}`, params: query.params },
      'result',
    );
    expect(result.rows.length).toBeGreaterThan(10);
    expectSameRows(result.rows, await nativeRows(`${query.sql}${order}`, query.params));
  });

  it('keeps files in Cache Storage across visits: a new page fetches none of them', async () => {
    const second = await context.newPage();
    await second.goto(`${server.url}/`);
    await openWorker(second, `${server.url}/kpi/${workerFile(dist)}`);
    const before = server.requests.filter((r) => r.endsWith('.parquet')).length;
    const { summary } = await answer(second, { type: 'load', files: loadFiles }, 'loaded');
    expect(summary).toMatchObject({ cached: files.length, bytesFetched: 0 });
    expect(server.requests.filter((r) => r.endsWith('.parquet')).length).toBe(before);
    timings.warmLoad = Math.round(summary.ms.total);
    const { result } = await answer(second, { type: 'query', sql: QUERIES[0]!.sql, params: [] }, 'result');
    expectSameRows(result.rows, await nativeRows(QUERIES[0]!.sql, []));
    await second.close();
  });

  it.each([
    {
      name: 'read_parquet of a URL',
      sql: "SELECT * FROM read_parquet('https://extensions.duckdb.org/x.parquet')",
      fails: true,
    },
    { name: 'read_parquet of a path', sql: "SELECT * FROM read_parquet('events/x.parquet')", fails: true },
    // DuckDB-WASM's INSTALL only records the wish (it downloads nothing); LOAD is where it would fetch.
    { name: 'INSTALL', sql: 'INSTALL httpfs', fails: false },
    { name: 'LOAD', sql: 'LOAD httpfs', fails: true },
    { name: 'LOAD parquet', sql: 'LOAD parquet', fails: true },
    {
      name: 'a function of an unloaded extension',
      sql: "SELECT timezone('Asia/Ho_Chi_Minh', now())",
      fails: true,
    },
    { name: 'undoing the lockdown', sql: 'SET autoinstall_known_extensions = true', fails: true },
  ])('$name: nothing is requested from anywhere (fails: $fails)', async ({ sql, fails }) => {
    const before = { server: server.requests.length, all: requests.length };
    const event = await send(page, { type: 'query', sql, params: [] });
    expect(event.type).toBe(fails ? 'error' : 'result');
    expect(server.requests.length).toBe(before.server);
    expect(requests.length).toBe(before.all);
  });

  it('refuses a file whose bytes do not match the manifest, and a request outside the protocol', async () => {
    const wrong = { ...loadFiles[0]!, sha256: 'e'.repeat(64) };
    const event = await send(page, { type: 'load', files: [wrong] });
    expect(event).toMatchObject({ type: 'error', error: { name: 'IntegrityError' } });
    const odd = await send(page, { type: 'read_parquet', url: 'x' } as never);
    expect(odd).toMatchObject({ type: 'error', error: { name: 'ProtocolError' } });
  });

  it('drops the files a newer manifest no longer lists', async () => {
    const keep = files.filter((f) => f.type !== 'meeting.held').map((f) => f.sha256);
    const { dropped } = await answer(page, { type: 'retain', sha256: keep }, 'retained');
    expect(dropped).toBe(files.filter((f) => f.type === 'meeting.held').length);
    const { result } = await answer(
      page,
      { type: 'query', sql: 'SELECT count(*)::DOUBLE AS n FROM meeting_held', params: [] },
      'result',
    );
    expect(result.rows).toEqual([{ n: 0 }]);
  });

  it("sent no request to any host but the page's own", () => {
    const foreign = requests.filter((u) => !u.startsWith(`${server.url}/`) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(requests.some((u) => u.includes('extensions.duckdb.org') || u.includes('jsdelivr'))).toBe(false);
  });
});
