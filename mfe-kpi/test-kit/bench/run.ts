// `npm run bench:analytics`: the module's figures on national-scale demo data (one province's share of
// the national generator's events, generated once into .cache/mfe-kpi/ and reused), headless Chromium.
// Prints (a) cold open, median of 5, (b) drill-down median and p95, (c) workbench queries in DuckDB-WASM and
// DuckDB native with their median ratio, (d) the data bytes of a province leader's dashboard; the last
// line is one JSON object with those figures.
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ManifestFile } from '../../src/engine/index.js';
import { demoRoot } from '../demo-root.ts';
import { benchOpen, type Launchers } from './open.ts';
import { benchQueries } from './queries.ts';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

const round = (n: number, digits = 0): number => Number(n.toFixed(digits));

/** Runs the benchmark; `log` gets every printed line. */
export async function main(launch: Launchers, log: (line: string) => void): Promise<void> {
  const began = Date.now();
  const { root, manifest, generation } = demoRoot({
    scale: 'national',
    from: '2026-01-01',
    to: '2026-11-21',
    provinces: ['2025:80'],
  });
  log(`data: ${root}`);
  log(
    generation === null
      ? '  (generated before generation times were recorded)'
      : `  generated ${generation.at}: ${generation.events} events of Tây Ninh from the national generator in ${round(generation.ms / 1000, 1)} s, ${generation.bytes} bytes of Parquet`,
  );
  log(`  now ${manifest.files.length} files; this run waited ${Date.now() - began} ms for data`);
  log(
    `load average at start: ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')} (2 cores shared)`,
  );

  log('(a, b, d) the console as leader.tayninh, period 11/2026');
  const open = await benchOpen(root, launch, { runs: 5, drills: 10, log });
  const drills = [...open.drillDowns, ...open.drillUps];
  log(`  worker figures of the last cold open: ${JSON.stringify(open.breakdown)}`);
  log(`  drill-downs (ms): ${open.drillDowns.map((n) => round(n)).join(' ')}`);
  log(`  back up (ms):     ${open.drillUps.map((n) => round(n)).join(' ')}`);
  log(
    `  of which the query, worker/round trip (ms): ${open.drillQueries.map((q) => `${q.worker}/${q.roundTrip}`).join(' ')}`,
  );

  log("(c) workbench queries over all of the province's files (all types, 11 months)");
  const files = manifest.files as ManifestFile[];
  const queries = await benchQueries(root, files, dist, () => launch.browser(), 3);
  log(`  ${queries.rows} rows resident in DuckDB-WASM after a ${round(queries.loadMs)} ms load`);
  for (const t of queries.timings) {
    log(
      `  ${t.name.padEnd(52)} wasm ${round(t.wasmMs, 1).toString().padStart(7)} ms   native ${round(t.nativeMs, 1).toString().padStart(6)} ms   ×${round(t.ratio, 2)}`,
    );
  }
  const ratio = percentile(
    queries.timings.map((t) => t.ratio),
    50,
  );

  const figures = {
    cold_open_ms: round(percentile(open.coldOpens, 50)),
    drill_p50_ms: round(percentile(drills, 50)),
    drill_p95_ms: round(percentile(drills, 95)),
    wasm_native_ratio: round(ratio, 2),
    leader_bytes: open.leaderBytes,
  };
  log(`cold opens (ms): ${open.coldOpens.join(' ')} → median ${figures.cold_open_ms} (target ≤ 2500)`);
  log(
    `CPU of those cold opens, all Chromium processes + the console server (ms): ${open.coldOpenCpu.join(' ')} → median ${round(percentile(open.coldOpenCpu, 50))}`,
  );
  log(
    `return visits (ms): ${open.returnOpens.join(' ')} → median ${round(percentile(open.returnOpens, 50))}`,
  );
  log(`drill p50 ${figures.drill_p50_ms} ms, p95 ${figures.drill_p95_ms} ms (target p95 ≤ 300)`);
  log(
    `workbench WASM/native median ratio ${figures.wasm_native_ratio} over ${queries.timings.length} queries (target ≤ 3)`,
  );
  log(`leader data bytes ${figures.leader_bytes} (target ≤ 5 MB)`);
  log(
    `load average at end: ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  );
  log(JSON.stringify(figures));
}
