// Benchmark part 1, the console as a province leader uses it (built shell + built module + the demo data
// served as the API will serve it): (a) cold open — sign-in click → the first chart drawn, which takes
// DuckDB-WASM's start, the manifest, the province's partitions and the query — in a fresh browser context
// (empty HTTP cache, code cache and Cache Storage) and as a return visit (a new page of a profile that has
// opened the dashboard before); (b) drill-down — a ranked commune's name clicked → its figures on screen,
// and back up; (d) the data bytes one dashboard fetches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PREVIEW_PASSWORD, startKpiConsole } from '../kpi-console.ts';
import { descendantsCpuMs } from './cpu.ts';

/** A browser from the test infrastructure: a fresh one, or a persistent profile in `userDataDir`. */
export interface Launchers {
  browser(): Promise<Browser>;
  persistent(userDataDir: string): Promise<BrowserContext>;
}

/** What {@link benchOpen} measured (milliseconds, bytes). */
export interface OpenFigures {
  coldOpens: number[];
  /** CPU milliseconds Chromium spent on each cold open (all its processes, with the console server's). */
  coldOpenCpu: number[];
  returnOpens: number[];
  drillDowns: number[];
  drillUps: number[];
  /** Of each drill, the worker's query time and the store's whole query round trip (ms). */
  drillQueries: { worker: number; roundTrip: number }[];
  leaderBytes: number;
  /** The worker's own figures of the last cold open (start phases, load phases, query). */
  breakdown: Record<string, unknown>;
}

const LEADER = 'leader.tayninh';
const PROVINCE = { key: '2025:80', name: 'Tỉnh Tây Ninh' };

/**
 * Opens the dashboard in `page`; milliseconds to the drawn chart — from the sign-in click when the browser
 * has no session, else (a return visit resumes the session from its cookie) from the navigation.
 */
async function openDashboard(page: Page, url: string): Promise<number> {
  let started = Date.now();
  await page.goto(`${url}/kpi?period=2026-M11`);
  const chart = page.locator('.canvas[data-state="done"] canvas');
  const login = page.getByLabel('Tên đăng nhập');
  await login.or(chart).first().waitFor({ timeout: 120_000 });
  if (await login.isVisible()) {
    await login.fill(LEADER);
    await page.getByLabel('Mật khẩu').fill(PREVIEW_PASSWORD);
    started = Date.now();
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
  }
  await chart.waitFor({ timeout: 120_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
  return Date.now() - started;
}

/** Milliseconds from `action` until the figures of `key` are on screen (the store's performance mark + a frame). */
async function figuresOf(page: Page, key: string, action: () => Promise<void>): Promise<number> {
  const since = await page.evaluate(() => performance.now());
  await action();
  return page.evaluate(
    async ({ key, since }) => {
      for (;;) {
        const mark = performance
          .getEntriesByName('vwu-kpi:figures')
          .find((m) => m.startTime >= since && (m as PerformanceMark).detail?.unit === key);
        if (mark !== undefined) {
          await new Promise((r) => requestAnimationFrame(() => r(undefined)));
          return performance.now() - since;
        }
        await new Promise((r) => setTimeout(r, 2));
      }
    },
    { key, since },
  );
}

/** The worker's figures the store left as performance entries. */
function breakdownOf(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const out: Record<string, unknown> = {};
    for (const name of ['vwu-kpi:engine', 'vwu-kpi:load', 'vwu-kpi:query']) {
      const entry = performance.getEntriesByName(name)[0] as PerformanceMeasure | undefined;
      if (entry !== undefined) out[name] = { ms: Math.round(entry.duration), detail: entry.detail };
    }
    return out;
  });
}

/** The query measures the store left after `since` (page clock). */
function queryMeasures(page: Page, since: number): Promise<{ worker: number; roundTrip: number }[]> {
  return page.evaluate(
    (since) =>
      performance
        .getEntriesByName('vwu-kpi:query')
        .filter((m) => m.startTime >= since)
        .map((m) => ({
          worker: Math.round(((m as PerformanceMeasure).detail as { worker?: number })?.worker ?? 0),
          roundTrip: Math.round(m.duration),
        })),
    since,
  );
}

/** `count` drill-downs to ranked communes and as many returns to the province. */
async function drills(page: Page, count: number): Promise<{ downs: number[]; ups: number[] }> {
  const downs: number[] = [];
  const ups: number[] = [];
  await page.locator('[data-kpi="meetings-digital"]').click();
  for (let i = 0; i < count; i += 1) {
    const row = page.locator('tbody tr[data-unit]').nth(i * 3);
    const key = (await row.getAttribute('data-unit'))!;
    downs.push(await figuresOf(page, key, () => row.locator('.drill').click()));
    await page.locator('.canvas[data-state="done"] canvas').waitFor();
    // Back up through the breadcrumbs.
    ups.push(
      await figuresOf(page, PROVINCE.key, () =>
        page.locator(`nav.trail button[data-unit="${PROVINCE.key}"]`).click(),
      ),
    );
  }
  return { downs, ups };
}

/**
 * Runs the console benchmark on a data root.
 *
 * @example const figures = await benchOpen(root, launchers, { runs: 5, drills: 10 });
 */
export async function benchOpen(
  data: string,
  launch: Launchers,
  options: { runs: number; drills: number; returnVisits?: boolean; log(line: string): void },
): Promise<OpenFigures> {
  const app = await startKpiConsole({ data });
  const coldOpens: number[] = [];
  const coldOpenCpu: number[] = [];
  const returnOpens: number[] = [];
  let leaderBytes = 0;
  let breakdown: Record<string, unknown> = {};
  let drilled = { downs: [] as number[], ups: [] as number[] };
  let drillQueries: { worker: number; roundTrip: number }[] = [];
  const browser = await launch.browser();
  try {
    for (let run = 0; run < options.runs; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      const page = await context.newPage();
      const before = app.dataBytes();
      const cpuBefore = descendantsCpuMs();
      const ownBefore = process.cpuUsage();
      coldOpens.push(await openDashboard(page, app.url));
      const own = process.cpuUsage(ownBefore);
      coldOpenCpu.push(Math.round(descendantsCpuMs() - cpuBefore + (own.user + own.system) / 1000));
      leaderBytes = app.dataBytes() - before;
      breakdown = await breakdownOf(page);
      options.log(
        `  cold open ${run + 1}: ${coldOpens[run]} ms (CPU ${coldOpenCpu[run]} ms), ${leaderBytes} data bytes`,
      );
      if (run === options.runs - 1) {
        const since = await page.evaluate(() => performance.now());
        drilled = await drills(page, options.drills);
        drillQueries = await queryMeasures(page, since);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  if (options.returnVisits === false) {
    await app.close();
    return {
      coldOpens,
      coldOpenCpu,
      returnOpens,
      drillDowns: drilled.downs,
      drillUps: drilled.ups,
      drillQueries,
      leaderBytes,
      breakdown,
    };
  }
  const profile = mkdtempSync(join(tmpdir(), 'vwu-kpi-bench-profile-'));
  const context = await launch.persistent(profile);
  try {
    const first = await context.newPage();
    await openDashboard(first, app.url);
    // Time for the browser to write what it caches (the compiled WebAssembly among it).
    await first.waitForTimeout(5_000);
    await first.close();
    for (let run = 0; run < options.runs; run += 1) {
      const page = await context.newPage();
      returnOpens.push(await openDashboard(page, app.url));
      options.log(`  return visit ${run + 1}: ${returnOpens[run]} ms`);
      await page.close();
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await app.close();
  }
  return {
    coldOpens,
    coldOpenCpu,
    returnOpens,
    drillDowns: drilled.downs,
    drillUps: drilled.ups,
    drillQueries,
    leaderBytes,
    breakdown,
  };
}
