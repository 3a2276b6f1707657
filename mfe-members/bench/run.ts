// `npm run bench:members` (root and this workspace): on real PostgreSQL, then on embedded PGlite
// (tests/infra/postgres.mjs), (1) imports a 100,000-row XLSX through the API as the console does and
// (2) measures search latency in Chromium with 1,000,000 members in a provincial leader's scope.
// Prints its figures; the last line is one JSON object with the PostgreSQL figures.
import { parseUnitKey } from '@vwu/contracts';
import { loadHierarchy } from '@vwu/contracts/node';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, startRealConsole, type StoreChoice } from '../test/e2e/real-console.ts';
import { accessToken, timeImport } from './import-timing.ts';
import { measureSearch, percentile } from './search-latency.ts';
import { seedMembers } from './seed-members.ts';

/** What the benchmark needs from outside (a browser, PostgreSQL), so the launcher decides. */
export interface BenchDeps {
  browser(): Promise<Browser>;
  /** A fresh, empty PostgreSQL database; resolves its URL. */
  postgres(): Promise<string>;
  /** Numbers of rows (environment overrides for a quick run). */
  importRows: number;
  scopeMembers: number;
  /** Stores to run (default both; the figures of the JSON line come from PostgreSQL when it ran). */
  stores: readonly ('postgres' | 'pglite')[];
}

/** Figures of one store. */
export interface StoreFigures {
  store: 'pglite' | 'postgres';
  import_100k_s: number;
  search_p95_ms: number;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

async function benchStore(
  choice: StoreChoice,
  deps: BenchDeps,
  log: (line: string) => void,
): Promise<StoreFigures> {
  log(`\n== ${choice.kind} ==`);
  const realConsole = await startRealConsole(choice);
  const browser = await deps.browser();
  try {
    const token = await accessToken(realConsole.apiUrl, 'officer.tanninh', DEMO_PASSWORD);
    const imported = await timeImport(realConsole.apiUrl, token, '2025:25459', deps.importRows);
    log(
      `import ${deps.importRows.toLocaleString('en')} rows (${(imported.fileBytes / 1e6).toFixed(1)} MB XLSX): ` +
        `${imported.seconds.toFixed(1)} s (upload + read ${imported.uploadSeconds.toFixed(1)} s); ` +
        `${imported.inserted} inserted, ${imported.failed} rejected`,
    );
    const already = deps.importRows - imported.failed;
    const seedCount = Math.max(0, deps.scopeMembers - already);
    const seeded = await seedMembers(
      realConsole.store,
      loadHierarchy(),
      parseUnitKey('2025:80'),
      seedCount,
      log,
    );
    log(`seeded ${seedCount.toLocaleString('en')} more members into Tây Ninh in ${seeded.toFixed(0)} s`);
    const run = await measureSearch(browser, realConsole.url, '2025:80', 'leader.tayninh', DEMO_PASSWORD);
    const p50 = percentile(run.latencies, 50);
    const p95 = percentile(run.latencies, 95);
    log(
      `search with ${deps.scopeMembers.toLocaleString('en')} members in scope (${run.latencies.length} searches, browser-measured, ` +
        `request → results on screen): p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${Math.max(...run.latencies).toFixed(0)} ms; ` +
        `network+server part p95 ${percentile(run.serverParts, 95).toFixed(0)} ms`,
    );
    return { store: choice.kind, import_100k_s: round(imported.seconds), search_p95_ms: round(p95, 0) };
  } finally {
    await browser.close();
    await realConsole.close();
  }
}

/** Runs the benchmark on both stores; `log` gets every line, the last one the JSON of PostgreSQL. */
export async function main(deps: BenchDeps, log: (line: string) => void): Promise<void> {
  const figures: StoreFigures[] = [];
  if (deps.stores.includes('postgres'))
    figures.push(await benchStore({ kind: 'postgres', url: await deps.postgres() }, deps, log));
  if (deps.stores.includes('pglite')) figures.push(await benchStore({ kind: 'pglite' }, deps, log));
  log('');
  for (const f of figures) log(`${f.store.padEnd(9)} ${JSON.stringify(f)}`);
  const last = figures.find((f) => f.store === 'postgres') ?? figures[0];
  if (last === undefined) return;
  const { store, ...values } = last;
  log(JSON.stringify({ ...values, store }));
}
