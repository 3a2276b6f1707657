/**
 * What a dashboard of one unit and one period reads: which rows belong to the unit (by the event's current
 * unit, province or commune — events recorded against pre-2025 units are already resolved to the current
 * structure by the pipeline), how rows group into the units below it, which months the figures and the
 * trend cover, and which partitions that is.
 */
import type { Period, SelectedUnit, UnitLevel } from '@vwu/context';
import { monthsBetween, type PartitionNeed } from '../engine/partitions.js';
import type { EventType } from '../engine/tables.js';

/** Months the trend shows at least (the period's own months when it is longer). */
export const TREND_MONTHS = 6;

/**
 * Months the trend reaches back at most to hold the previous period too (a year is compared with nothing:
 * 24 months of a province's events would double what a leader's dashboard fetches).
 */
export const COMPARISON_MONTHS = 12;

/** Column of the event tables that places a row under a unit of a level. */
export type UnitColumn = 'current_province' | 'current_commune' | 'current_unit';

/** A dashboard's reading of the data. */
export interface DashboardScope {
  unitKey: string;
  level: UnitLevel;
  /** The unit's province (its partition key); null for the country (every province). */
  province: string | null;
  /** Rows of the unit: `filterColumn = unitKey`; null for the country (every row). */
  filterColumn: UnitColumn | null;
  /** Rows grouped into the units below (null at branch level). */
  childColumn: UnitColumn | null;
  /** The period's months, 'YYYY-MM'. */
  period: { from: string; to: string; months: number };
  /** The period before, as long as this one, when the trend covers it (the comparison); else null. */
  previous: { from: string; to: string } | null;
  /** The trend's months (ends with the period). */
  trend: { from: string; to: string; months: string[] };
}

const COLUMNS: Partial<Record<UnitLevel, { filter: UnitColumn | null; child: UnitColumn | null }>> = {
  central: { filter: null, child: 'current_province' },
  province: { filter: 'current_province', child: 'current_commune' },
  commune: { filter: 'current_commune', child: 'current_unit' },
  branch: { filter: 'current_unit', child: null },
};

/**
 * Whether a dashboard can be drawn from events for a unit of this level (the country's reads every
 * province's partitions of the trend's months: fine for the demo and a central analyst, rollups at scale).
 */
export function hasEventDashboard(level: UnitLevel): boolean {
  return COLUMNS[level] !== undefined;
}

function shift(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The province of a selected unit: itself, or the province in its breadcrumb; null for the country. */
function provinceOf(unit: SelectedUnit): string | null | undefined {
  if (unit.level === 'central') return null;
  if (unit.level === 'province') return unit.key;
  return unit.breadcrumb.find((u) => u.level === 'province')?.key;
}

/**
 * The scope of a unit's dashboard over a period; `undefined` for a level without an event dashboard
 * (district) or a unit outside the 2025 structure. The country's units below are its provinces.
 *
 * @example
 * dashboardScope({ key: '2025:80', level: 'province', … }, { grain: 'month', from: '2026-11-01', to: '2026-11-30' })
 * // { filterColumn: 'current_province', childColumn: 'current_commune', trend: { from: '2026-06', … } }
 */
export function dashboardScope(unit: SelectedUnit, period: Period): DashboardScope | undefined {
  const columns = COLUMNS[unit.level];
  const province = provinceOf(unit);
  if (columns === undefined || province === undefined || !unit.key.startsWith('2025:')) return undefined;
  const from = period.from.slice(0, 7);
  const to = period.to.slice(0, 7);
  const months = monthsBetween(from, to).length;
  const span = Math.max(months, TREND_MONTHS, Math.min(COMPARISON_MONTHS, 2 * months));
  const trendFrom = shift(to, 1 - span);
  return {
    unitKey: unit.key,
    level: unit.level,
    province,
    filterColumn: columns.filter,
    childColumn: columns.child,
    period: { from, to, months },
    previous: span >= 2 * months ? { from: shift(from, -months), to: shift(from, -1) } : null,
    trend: { from: trendFrom, to, months: monthsBetween(trendFrom, to) },
  };
}

/**
 * The partitions a dashboard needs: its province (every province for the country), the trend's months (which include the period's), the
 * event types of its targets.
 *
 * @example partitionNeed(scope, ['meeting.held']) // { provinces: ['2025:80'], months: ['2026-06', …], types: ['meeting.held'] }
 */
export function partitionNeed(scope: DashboardScope, types: readonly EventType[]): PartitionNeed {
  return { provinces: scope.province === null ? null : [scope.province], months: scope.trend.months, types };
}
