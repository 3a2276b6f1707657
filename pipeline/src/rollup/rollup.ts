/**
 * Rollups: unit × month (and unit × day for recent months) totals of every metric in {@link METRICS},
 * computed with DuckDB native from the event files of one Vietnam month, in two views — `recorded` (the
 * units events were recorded against, pre-2025 ones included) and `current` (carried to the current units
 * with the lineage weights) — and rolled up through every ancestor: branch → commune → (district) →
 * province → central. Each (grain, view, month) is one Parquet file named by its content; recomputing a
 * month lists the new files and retires the old ones in one manifest write.
 */
import { join } from 'node:path';
import { LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBInstance } from '@duckdb/node-api';
import type { Hierarchy } from '@vwu/contracts';
import type { Clock, Logger } from '../ingest/log.js';
import type { ManifestFile, ManifestRollup } from '../manifest/manifest.js';
import type { ManifestStore } from '../manifest/store.js';
import { ROW_GROUP_ROWS } from '../parquet/encoders.js';
import { landFile, type LandOptions } from '../sink/atomic-file.js';
import { vietnamMonth } from '../sink/layout.js';
import { ANCESTORS_TABLE, ancestorRows, loadAncestors } from './ancestors.js';
import { METRICS } from './metrics.js';

/** Rollup grains: `month` for every month, `day` for the recent ones. */
export type RollupGrain = ManifestRollup['grain'];

/** Rollup views: units as recorded, or current units with weights. */
export type RollupView = ManifestRollup['view'];

/** What rollups need. */
export interface RollupOptions {
  store: ManifestStore;
  instance: DuckDBInstance;
  hierarchy: Hierarchy;
  clock: Clock;
  logger: Logger;
  /** Months (counting the clock's) that also get unit × day rollups; default 3. */
  recentMonths?: number;
  land?: LandOptions;
}

/** Directory of rollup files under the data root. */
export const ROLLUPS_DIR = 'rollups';

const VIEWS: readonly RollupView[] = ['recorded', 'current'];
const PERIOD_FORMAT: Readonly<Record<RollupGrain, string>> = { month: '%Y-%m', day: '%Y-%m-%d' };
const SNAPSHOT = 'registry.snapshot';

const quote = (name: string): string => `"${name}"`;
const sums = METRICS.filter((m) => m.aggregate === 'sum');
const lasts = METRICS.filter((m) => m.aggregate === 'last');

/**
 * The rollup query of one view and grain: events of `$files` → (period, view, unit, level, parent, metric,
 * value). Everything spliced in is a constant of this module; the period is computed as `rollup_period`
 * because `period` is also an event attribute (report.submitted).
 */
function rollupSql(view: RollupView, grain: RollupGrain, withClosures: boolean): string {
  const all = METRICS.map((m) => quote(m.metric));
  const flowColumns = [
    ...sums.map(
      (m) =>
        `CASE WHEN type = '${m.type}' THEN CAST((${m.value}) AS DOUBLE) ELSE 0 END AS ${quote(m.metric)}`,
    ),
    ...lasts.map((m) => `CAST(NULL AS DOUBLE) AS ${quote(m.metric)}`),
  ];
  const snapshotColumns = [
    ...sums.map((m) => `CAST(NULL AS DOUBLE) AS ${quote(m.metric)}`),
    ...lasts.map((m) => `CAST(arg_max(${m.value}, (occurred_at, event_id)) AS DOUBLE) AS ${quote(m.metric)}`),
  ];
  const unit =
    view === 'recorded'
      ? 'recorded_unit AS unit, CAST(1 AS DOUBLE) AS weight'
      : 'unnest(current_units) AS unit, unnest(current_weights) AS weight';
  const closures = withClosures
    ? `SELECT case_key, min(occurred_at) AS closed_at, arg_min(outcome, occurred_at) AS close_outcome
       FROM read_parquet($closed, union_by_name = true) GROUP BY case_key`
    : 'SELECT NULL::VARCHAR AS case_key, NULL::TIMESTAMPTZ AS closed_at, NULL::VARCHAR AS close_outcome WHERE false';
  return `
    WITH closures AS (${closures}),
    ev AS (
      SELECT e.*, strftime(make_timestamp((epoch_ms(e.occurred_at) + 25200000) * 1000), '${PERIOD_FORMAT[grain]}') AS rollup_period,
        (epoch_ms(c.closed_at) - epoch_ms(e.occurred_at)) / 86400000.0 AS close_days, c.close_outcome
      FROM read_parquet($files, union_by_name = true) e
      LEFT JOIN closures c ON e.type = 'case.reported' AND e.case_key = c.case_key
    ),
    flows AS (
      SELECT rollup_period, recorded_unit, current_units, current_weights, ${flowColumns.join(', ')}
      FROM ev WHERE type <> '${SNAPSHOT}'
    ),
    snapshots AS (
      SELECT rollup_period, recorded_unit, any_value(current_units) AS current_units, any_value(current_weights) AS current_weights,
        ${snapshotColumns.join(', ')}
      FROM ev WHERE type = '${SNAPSHOT}' GROUP BY rollup_period, recorded_unit
    ),
    expanded AS (
      SELECT rollup_period, ${unit}, ${all.join(', ')} FROM (SELECT * FROM flows UNION ALL BY NAME SELECT * FROM snapshots)
    ),
    per_unit AS (
      SELECT rollup_period, unit, ${all.map((m) => `sum(weight * ${m}) AS ${m}`).join(', ')} FROM expanded GROUP BY rollup_period, unit
    ),
    long AS (UNPIVOT per_unit ON ${all.join(', ')} INTO NAME metric VALUE value)
    SELECT l.rollup_period AS period, '${view}' AS view, a.ancestor AS unit, a.level, a.parent, l.metric, sum(l.value) AS value
    FROM long l JOIN ${ANCESTORS_TABLE} a ON a.unit = l.unit
    WHERE l.value <> 0
    GROUP BY ALL
    ORDER BY unit, period, metric`;
}

async function distinctUnits(
  connection: DuckDBConnection,
  files: readonly string[],
  view: RollupView,
): Promise<string[]> {
  const column = view === 'recorded' ? 'recorded_unit' : 'unnest(current_units)';
  const reader = await connection.runAndReadAll(
    `SELECT DISTINCT ${column} AS unit FROM read_parquet($files, union_by_name = true)`,
    { files: listValue([...files]) },
    { files: LIST(VARCHAR) },
  );
  return reader.getRowObjectsJS().map((r) => String(r['unit']));
}

/** The (grain, view) rollups a month gets at `nowMs`. */
export function rollupKinds(
  month: string,
  nowMs: number,
  recentMonths: number,
): Array<{ grain: RollupGrain; view: RollupView }> {
  const [y, m] = vietnamMonth(nowMs).split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - recentMonths, 1)).toISOString().slice(0, 7);
  const grains: RollupGrain[] = month >= first ? ['month', 'day'] : ['month'];
  return grains.flatMap((grain) => VIEWS.map((view) => ({ grain, view })));
}

/**
 * Months after a case's report in which its closure still counts for the case KPI (closed within N days,
 * N ≤ 90): a `case.closed` file of month M changes the rollups of the report months M − 3 … M.
 */
export const CASE_CLOSE_MONTHS = 3;

/** `YYYY-MM` moved by `delta` months. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + delta, 1)).toISOString().slice(0, 7);
}

/**
 * The months whose rollups some landed files change, for {@link updateRollups}: their own months, and for
 * `case.closed` files the {@link CASE_CLOSE_MONTHS} before (the reports they close).
 */
export function touchedMonths(files: readonly Pick<ManifestFile, 'month' | 'type'>[]): string[] {
  const months = new Set<string>();
  for (const f of files) {
    months.add(f.month);
    if (f.type === 'case.closed')
      for (let d = 1; d <= CASE_CLOSE_MONTHS; d += 1) months.add(addMonths(f.month, -d));
  }
  return [...months].sort();
}

async function rollupMonth(
  options: RollupOptions,
  connection: DuckDBConnection,
  month: string,
): Promise<{ add: ManifestRollup[]; retire: string[] }> {
  const { store } = options;
  const files = store
    .current()
    .files.filter((f) => f.month === month)
    .map((f) => join(store.root, f.path));
  const old = store.current().rollups.filter((r) => r.month === month);
  const closed = store
    .current()
    .files.filter(
      (f) => f.type === 'case.closed' && f.month >= month && f.month <= addMonths(month, CASE_CLOSE_MONTHS),
    )
    .map((f) => join(store.root, f.path));
  if (files.length === 0) return { add: [], retire: old.map((r) => r.path) };
  const add: ManifestRollup[] = [];
  for (const view of VIEWS) {
    const units = await distinctUnits(connection, files, view);
    await loadAncestors(connection, ancestorRows(options.hierarchy, units));
    for (const { grain } of rollupKinds(month, options.clock.now(), options.recentMonths ?? 3).filter(
      (k) => k.view === view,
    )) {
      const dir = join(store.root, ROLLUPS_DIR, `grain=${grain}`, `view=${view}`, `month=${month}`);
      const landed = await landFile(
        (sha256) => join(dir, `r-${sha256.slice(0, 24)}.parquet`),
        async (path) => {
          await connection.run(
            `COPY (${rollupSql(view, grain, closed.length > 0)}) TO $path (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_ROWS})`,
            { files: listValue(files), path, ...(closed.length > 0 ? { closed: listValue(closed) } : {}) },
            { files: LIST(VARCHAR), path: VARCHAR, ...(closed.length > 0 ? { closed: LIST(VARCHAR) } : {}) },
          );
        },
        options.land,
      );
      const counted = await connection.runAndReadAll('SELECT count(*) AS n FROM read_parquet($path)', {
        path: landed.path,
      });
      add.push({
        path: landed.path
          .slice(store.root.length + 1)
          .split('\\')
          .join('/'),
        grain,
        view,
        month,
        rows: Number(counted.getRowObjectsJS()[0]?.['n'] ?? 0),
        bytes: landed.bytes,
        sha256: landed.sha256,
      });
    }
  }
  const kept = new Set(add.map((r) => r.path));
  return {
    add: add.filter((r) => !old.some((o) => o.path === r.path)),
    retire: old.filter((o) => !kept.has(o.path)).map((o) => o.path),
  };
}

/**
 * Recomputes the rollups of the given months from the event files the manifest lists now, and swaps them
 * into the manifest in one write. Call it with the months a flush or a compaction touched.
 *
 * @returns the rollups listed afterwards for those months.
 * @example
 * const { files } = await writer.flushDue(clock.now());
 * await updateRollups({ store, instance, hierarchy, clock, logger }, touchedMonths(files));
 */
export async function updateRollups(
  options: RollupOptions,
  months: readonly string[],
): Promise<ManifestRollup[]> {
  const connection = await options.instance.connect();
  const add: ManifestRollup[] = [];
  const retire: string[] = [];
  try {
    for (const month of new Set(months)) {
      const change = await rollupMonth(options, connection, month);
      add.push(...change.add);
      retire.push(...change.retire);
    }
  } finally {
    connection.closeSync();
  }
  if (add.length > 0 || retire.length > 0)
    await options.store.commit({ rollups: add, retireRollups: retire });
  options.logger.log('info', 'rollups updated', {
    months: months.length,
    added: add.length,
    retired: retire.length,
  });
  const wanted = new Set(months);
  return options.store.current().rollups.filter((r) => wanted.has(r.month));
}
