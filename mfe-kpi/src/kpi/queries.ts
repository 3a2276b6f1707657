/**
 * The dashboard's one query: for every target, its monthly figures over the trend's months and its figures
 * per unit below over the period — as a single `UNION ALL` statement, so a dashboard (or a drill-down) is
 * one round trip to the worker. Unit keys and months are bound parameters; the SQL text is built only from
 * the constant definitions and column names of this module.
 */
import type { QueryParam } from '../engine/protocol.js';
import { tableOf, type EventType } from '../engine/tables.js';
import type { KpiDefinition } from './definitions.js';
import type { DashboardScope } from './scope.js';

/** Extra sums carried per row (the columns `x1`, `x2`). */
export const EXTRA_COLUMNS = ['x1', 'x2'] as const;

/** A statement with its parameters. */
export interface BoundQuery {
  sql: string;
  params: QueryParam[];
}

/** Rows of the dashboard query. `grain` says whether `key` is a month or a unit key. */
export interface DashboardRow {
  kpi: string;
  grain: 'month' | 'unit';
  key: string;
  num: number | null;
  den: number | null;
  x1: number | null;
  x2: number | null;
}

function part(
  kpi: KpiDefinition,
  scope: DashboardScope,
  grain: 'month' | 'unit',
  params: QueryParam[],
): string {
  const child = scope.childColumn!;
  const keyColumn = grain === 'month' ? 'month' : child;
  const [from, to] =
    grain === 'month' ? [scope.trend.from, scope.trend.to] : [scope.period.from, scope.period.to];
  const measure = kpi.measure;
  const [num, den] =
    measure.kind === 'ratio'
      ? [measure.numerator, measure.denominator]
      : [`count(DISTINCT ${grain === 'month' ? measure.column : 'month'})`, 'NULL'];
  const extras = Object.values(kpi.extras);
  const x = EXTRA_COLUMNS.map((_, i) => (extras[i] === undefined ? 'NULL' : `CAST(${extras[i]} AS DOUBLE)`));
  let where = `month BETWEEN ? AND ? AND (${kpi.where})`;
  if (scope.filterColumn !== null) {
    where = `${scope.filterColumn} = ? AND ${where}`;
    params.push(scope.unitKey);
  }
  params.push(from, to);
  if (grain === 'unit') {
    where += ` AND ${child} IS NOT NULL AND ${child} <> ?`;
    params.push(scope.unitKey);
  }
  return (
    `SELECT '${kpi.id}' AS kpi, '${grain}' AS grain, ${keyColumn} AS key, ` +
    `CAST(${num} AS DOUBLE) AS num, CAST(${den} AS DOUBLE) AS den, ${x[0]} AS x1, ${x[1]} AS x2 ` +
    `FROM ${tableOf(kpi.eventType)} WHERE ${where} GROUP BY ${keyColumn}`
  );
}

/** Whether a target ranks the units below a scope's unit. */
export function ranks(kpi: KpiDefinition, scope: DashboardScope): boolean {
  return scope.childColumn !== null && kpi.rankedFrom.includes(scope.level);
}

/**
 * The statement for some targets over a scope; targets whose event table does not exist yet (no file of
 * their type is resident) are left out — `available` names the types that have one.
 *
 * @returns `undefined` when no target can be queried.
 * @example const q = dashboardQuery(KPIS, scope, new Set(['meeting.held'])); engine.query(q.sql, q.params);
 */
export function dashboardQuery(
  kpis: readonly KpiDefinition[],
  scope: DashboardScope,
  available: ReadonlySet<EventType>,
): BoundQuery | undefined {
  const params: QueryParam[] = [];
  const parts: string[] = [];
  for (const kpi of kpis) {
    if (!available.has(kpi.eventType)) continue;
    parts.push(part(kpi, scope, 'month', params));
    if (ranks(kpi, scope)) parts.push(part(kpi, scope, 'unit', params));
  }
  if (parts.length === 0) return undefined;
  return { sql: parts.join('\nUNION ALL\n'), params };
}
