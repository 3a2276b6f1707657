/**
 * The dashboard query's rows → each target's figure for the period, its monthly trend and the ranking of
 * the units below, with traffic lights. Months and units without rows still appear (as no data, or as 0 for
 * "communes with a post": a commune that posted nothing is a 0, not a gap).
 */
import type { UnitLevel } from '@vwu/context';
import type { KpiDefinition, KpiId } from './definitions.js';
import { EXTRA_COLUMNS, ranks, type DashboardRow } from './queries.js';
import type { DashboardScope } from './scope.js';
import { assess, targetOf, type Light, type TargetTable } from './targets.js';

/** A figure: numerator, denominator, their share (null without a denominator). */
export interface Figure {
  num: number;
  den: number;
  value: number | null;
}

/** One month of a trend. */
export interface TrendPoint extends Figure {
  month: string;
}

/** One unit of a ranking. */
export interface RankedUnit extends Figure {
  key: string;
  name: string;
  level: UnitLevel;
  light: Light;
}

/** One target on the dashboard. */
export interface KpiResult extends Figure {
  id: KpiId;
  definition: KpiDefinition;
  target: number | undefined;
  light: Light;
  /** Period sums of the definition's extras, by name. */
  extras: Record<string, number>;
  trend: TrendPoint[];
  /** The same figure over the period before (null when the view has no comparison). */
  previous: Figure | null;
  /** Null where the target does not rank the units below this unit. */
  ranking: RankedUnit[] | null;
  /** Target of the ranked units (their level). */
  rankingTarget: number | undefined;
}

/** A unit below the selected one, as the API lists it. */
export interface ChildUnit {
  key: string;
  name: string;
  level: UnitLevel;
}

/** What computing needs besides the rows. */
export interface ComputeContext {
  scope: DashboardScope;
  /** The units below the selected one (names, and the denominator of per-commune targets). */
  children: readonly ChildUnit[];
  targets: TargetTable;
}

/** The level of the units below a unit of a level (when the API listed none). */
const CHILD_LEVEL: Partial<Record<UnitLevel, UnitLevel>> = {
  central: 'province',
  province: 'commune',
  commune: 'branch',
};

function figure(num: number, den: number): Figure {
  return { num, den, value: den > 0 ? num / den : null };
}

function targetLevel(kpi: KpiDefinition, level: UnitLevel): UnitLevel {
  return kpi.targetLevel === 'selected' ? level : kpi.targetLevel;
}

/** Communes the scope's unit stands for in a per-commune count (itself, at commune level). */
function communesIn(ctx: ComputeContext): number {
  if (ctx.scope.level === 'commune') return 1;
  return ctx.children.filter((c) => c.level === 'commune').length;
}

function compareRanked(a: RankedUnit, b: RankedUnit): number {
  if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
  return b.value - a.value || b.den - a.den || a.name.localeCompare(b.name, 'vi', { numeric: true });
}

/** The figure of the trend's months from `range.from` to `range.to`. */
function sumOf(trend: readonly TrendPoint[], range: { from: string; to: string }): Figure {
  const points = trend.filter((p) => p.month >= range.from && p.month <= range.to);
  return figure(
    points.reduce((s, p) => s + p.num, 0),
    points.reduce((s, p) => s + p.den, 0),
  );
}

function resultOf(kpi: KpiDefinition, rows: readonly DashboardRow[], ctx: ComputeContext): KpiResult {
  const { scope } = ctx;
  const perCommune = kpi.measure.kind === 'unit-months';
  const byMonth = new Map(rows.filter((r) => r.grain === 'month').map((r) => [r.key, r]));
  const trend = scope.trend.months.map((month): TrendPoint => {
    const row = byMonth.get(month);
    const num = row?.num ?? 0;
    const den = perCommune ? communesIn(ctx) : (row?.den ?? 0);
    return { month, ...figure(num, den) };
  });
  const total = sumOf(trend, scope.period);
  const previous = scope.previous === null ? null : sumOf(trend, scope.previous);
  const extras: Record<string, number> = {};
  Object.keys(kpi.extras).forEach((name, i) => {
    const column = EXTRA_COLUMNS[i]!;
    extras[name] = [...byMonth.values()]
      .filter((r) => r.key >= scope.period.from && r.key <= scope.period.to)
      .reduce((s, r) => s + (r[column] ?? 0), 0);
  });
  const target = targetOf(ctx.targets, kpi.id, targetLevel(kpi, scope.level));

  let ranking: RankedUnit[] | null = null;
  let rankingTarget: number | undefined;
  if (ranks(kpi, scope)) {
    const byUnit = new Map(rows.filter((r) => r.grain === 'unit').map((r) => [r.key, r]));
    const childLevel = ctx.children[0]?.level ?? CHILD_LEVEL[scope.level] ?? 'branch';
    rankingTarget = targetOf(ctx.targets, kpi.id, targetLevel(kpi, childLevel));
    ranking = ctx.children
      .map((child): RankedUnit => {
        const row = byUnit.get(child.key);
        const f = figure(row?.num ?? 0, perCommune ? scope.period.months : (row?.den ?? 0));
        return { ...child, ...f, light: assess(f.value, rankingTarget) };
      })
      .sort(compareRanked);
  }
  return {
    id: kpi.id,
    definition: kpi,
    ...total,
    target,
    light: assess(total.value, target),
    extras,
    trend,
    previous,
    ranking,
    rankingTarget,
  };
}

/**
 * Every target's result, in the definitions' order.
 *
 * @example computeDashboard(result.rows as DashboardRow[], KPIS, { scope, children, targets: parseTargets(await api.get('/kpi/targets', { query: { unit } })) })
 */
export function computeDashboard(
  rows: readonly DashboardRow[],
  kpis: readonly KpiDefinition[],
  ctx: ComputeContext,
): KpiResult[] {
  return kpis.map((kpi) =>
    resultOf(
      kpi,
      rows.filter((r) => r.kpi === kpi.id),
      ctx,
    ),
  );
}
