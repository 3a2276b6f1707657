// Benchmark part 2, the analyst's workbench: the same SQL over the same files, timed in DuckDB-WASM (the
// BUILT analytics worker in Chromium, fed through parquet-wasm like the module) and in DuckDB native
// (@duckdb/node-api, tables built from the same Parquet by native-tables.ts). Each query runs once to
// warm up, then its median of `repeat` runs counts; the figure is WASM ÷ native per query and their median.
// Besides the hand-written SQL below, the workbench's own pivot queries (workbench-pivots.ts) are timed.
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import type { Browser } from 'playwright-core';
import { toLoadFiles, type ManifestFile, type QueryParam } from '../../src/engine/index.js';
import { loadNativeTables } from '../native-tables.ts';
import { startStaticServer } from '../static-server.ts';
import { answer, openWorker, workerFile } from '../worker-driver.ts';
import { pivotBenchQueries } from './workbench-pivots.ts';

/** One workbench query. */
export interface BenchQuery {
  name: string;
  sql: string;
  /** Values of its `?` placeholders (the pivot builder's queries are prepared statements). */
  params?: QueryParam[];
  /** Tables it reads, when the SQL does not name them plainly (read from `FROM x`/`JOIN x` otherwise). */
  tables?: string[];
}

/** Typical workbench questions over a province's tables (every one a GROUP BY an analyst would ask). */
export const WORKBENCH_QUERIES: readonly BenchQuery[] = [
  {
    name: 'meetings by month and format',
    sql: 'SELECT month, format, count(*) AS n, sum(attendees) AS att FROM meeting_held GROUP BY ALL ORDER BY ALL',
  },
  {
    name: 'IT meetings share by commune',
    sql: "SELECT current_commune, avg(CASE WHEN format IN ('online','hybrid') THEN 1 ELSE 0 END) AS share, count(*) AS n FROM meeting_held GROUP BY 1 ORDER BY share DESC, 1 LIMIT 50",
  },
  {
    name: 'minority attendance by month',
    sql: 'SELECT month, sum(minority_attendees) / sum(attendees) AS share FROM meeting_held WHERE minority_attendees IS NOT NULL GROUP BY 1 ORDER BY 1',
  },
  {
    name: 'incoming documents online by commune and month',
    sql: "SELECT current_commune, month, count(*) FILTER (WHERE processing = 'online') AS online, count(*) AS n FROM document_received WHERE NOT secret GROUP BY ALL ORDER BY ALL",
  },
  {
    name: 'outgoing documents signed electronically by month',
    sql: 'SELECT month, avg(CASE WHEN digitally_signed AND electronic THEN 1 ELSE 0 END) AS share FROM document_issued WHERE NOT secret GROUP BY 1 ORDER BY 1',
  },
  {
    name: 'communes posting propaganda per month',
    sql: "SELECT month, count(DISTINCT current_commune) AS communes FROM post_published WHERE purpose = 'propaganda' AND channel IN ('website','fanpage') GROUP BY 1 ORDER BY 1",
  },
  {
    name: 'posts by channel and purpose',
    sql: 'SELECT channel, purpose, count(*) AS n FROM post_published GROUP BY ALL ORDER BY ALL',
  },
  {
    name: 'trainings by topic and audience',
    sql: 'SELECT topic, audience, sum(participants) AS p, sum(minority_participants) AS m FROM training_held GROUP BY ALL ORDER BY ALL',
  },
  {
    name: 'members joined by age band and minority',
    sql: 'SELECT age_band, minority, count(*) AS n FROM member_joined GROUP BY ALL ORDER BY ALL',
  },
  {
    name: 'joins vs leaves by commune',
    sql: 'SELECT j.current_commune, j.n AS joined, coalesce(l.n, 0) AS left_ FROM (SELECT current_commune, count(*) AS n FROM member_joined GROUP BY 1) j LEFT JOIN (SELECT current_commune, count(*) AS n FROM member_left GROUP BY 1) l USING (current_commune) ORDER BY 2 DESC, 1 LIMIT 100',
  },
  {
    name: 'cases by channel and outcome',
    sql: 'SELECT r.channel, c.outcome, count(*) AS n FROM case_reported r JOIN case_closed c USING (case_key) GROUP BY ALL ORDER BY ALL',
  },
  {
    name: 'activity by hour of day',
    sql: 'SELECT hour(occurred_at) AS h, count(*) AS n FROM meeting_held GROUP BY 1 ORDER BY 1',
  },
  {
    name: 'top units by meetings (window rank)',
    sql: 'SELECT * FROM (SELECT current_commune, current_unit, count(*) AS n, rank() OVER (PARTITION BY current_commune ORDER BY count(*) DESC) AS r FROM meeting_held GROUP BY current_commune, current_unit) WHERE r <= 3 ORDER BY ALL LIMIT 200',
  },
];

/** One query's timings (ms). */
export interface QueryTiming {
  name: string;
  wasmMs: number;
  nativeMs: number;
  ratio: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Times the workbench queries in both engines over `files` of the data root `root`.
 *
 * @example const timings = await benchQueries(root, files, dist, () => launchChromium(), 3);
 */
export async function benchQueries(
  root: string,
  files: readonly ManifestFile[],
  dist: string,
  launch: () => Promise<Browser>,
  repeat: number,
): Promise<{ timings: QueryTiming[]; rows: number; loadMs: number }> {
  const tables = new Set(files.map((f) => f.type.replace('.', '_')));
  const province = files[0]?.province ?? '2025:80';
  const queries = [...WORKBENCH_QUERIES, ...pivotBenchQueries(files, province)].filter((q) =>
    (q.tables ?? [...q.sql.matchAll(/FROM (\w+)|JOIN (\w+)/g)].map((m) => (m[1] ?? m[2])!)).every((t) =>
      tables.has(t),
    ),
  );
  const server = await startStaticServer({ '/kpi/': dist, '/data/': root });
  const browser = await launch();
  const instance = await DuckDBInstance.create(':memory:');
  const native = await instance.connect();
  try {
    await loadNativeTables(native, root, files);
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/`);
    await openWorker(page, `${server.url}/kpi/${workerFile(dist)}`);
    await answer(page, { type: 'start' }, 'started');
    const loaded = await answer(
      page,
      { type: 'load', files: toLoadFiles(files, '/data/', server.url) },
      'loaded',
    );
    const timings: QueryTiming[] = [];
    for (const query of queries) {
      const wasm: number[] = [];
      const nat: number[] = [];
      for (let i = 0; i <= repeat; i += 1) {
        const params = query.params ?? [];
        const result = await answer(page, { type: 'query', sql: query.sql, params }, 'result');
        const began = performance.now();
        await native.runAndReadAll(query.sql, params as DuckDBValue[]);
        const nativeMs = performance.now() - began;
        if (i === 0) continue;
        wasm.push(result.result.ms);
        nat.push(nativeMs);
      }
      const wasmMs = median(wasm);
      const nativeMs = median(nat);
      timings.push({ name: query.name, wasmMs, nativeMs, ratio: wasmMs / nativeMs });
    }
    return { timings, rows: loaded.summary.rows, loadMs: loaded.summary.ms.total };
  } finally {
    native.closeSync();
    instance.closeSync();
    await browser.close();
    await server.close();
  }
}
