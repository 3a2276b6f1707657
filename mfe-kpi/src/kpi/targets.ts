/**
 * Target values and traffic lights. Values are DATA served by the API (`GET /kpi/targets`: the national
 * plan, a province's own plan over it, edited by authorised staff); this module only parses them into a
 * {@link TargetTable}. A figure is green at or above its target, amber within {@link NEAR_MARGIN} below
 * it, red further below.
 */
import type { UnitLevel } from '@vwu/context';
import { KPIS, type KpiId } from './definitions.js';

/** Target values (shares 0–1) by level; a level without a value has no target. */
export type TargetTable = Readonly<Record<KpiId, Partial<Record<UnitLevel, number>>>>;

/** What the API sent is not a list of targets this module can read. */
export class TargetsError extends Error {
  override readonly name = 'TargetsError';
}

const LEVELS: readonly string[] = ['central', 'province', 'district', 'commune', 'branch'];

/**
 * The targets in force from `GET /kpi/targets` (its `effective` list; percentages 0–100, every target of
 * this dashboard is a share). Targets of other KPIs are ignored; a KPI without a value has no target.
 *
 * @throws TargetsError for a body of another shape (a value that is not a number 0–100, an unknown level).
 * @example parseTargets({ effective: [{ kpiId: 'docs-online', level: 'commune', value: 70 }] })['docs-online'].commune // 0.7
 */
export function parseTargets(body: unknown): TargetTable {
  const list = (body as { effective?: unknown } | null)?.effective;
  if (!Array.isArray(list)) throw new TargetsError('the targets answer has no "effective" list');
  const table = Object.fromEntries(KPIS.map((k) => [k.id, {}])) as Record<
    KpiId,
    Partial<Record<UnitLevel, number>>
  >;
  for (const item of list as unknown[]) {
    const { kpiId, level, value } = (item ?? {}) as { kpiId?: unknown; level?: unknown; value?: unknown };
    if (typeof kpiId !== 'string' || !Object.hasOwn(table, kpiId)) continue;
    if (typeof level !== 'string' || !LEVELS.includes(level)) {
      throw new TargetsError(`target ${String(kpiId)}: unknown level ${JSON.stringify(level)}`);
    }
    if (typeof value !== 'number' || !(value >= 0 && value <= 100)) {
      throw new TargetsError(`target ${kpiId} at ${level}: ${JSON.stringify(value)} is not a percentage`);
    }
    table[kpiId as KpiId][level as UnitLevel] = value / 100;
  }
  return table;
}

/** How close below a target still counts as "near" (10 percentage points). */
export const NEAR_MARGIN = 0.1;

/** A traffic light. */
export type Light = 'met' | 'near' | 'missed' | 'no-target' | 'no-data';

/**
 * The light of a figure against a target.
 *
 * @example assess(0.72, 0.7) // 'met'
 * @example assess(0.65, 0.7) // 'near'
 * @example assess(null, 0.7) // 'no-data'
 */
export function assess(value: number | null, target: number | undefined): Light {
  if (value === null || Number.isNaN(value)) return 'no-data';
  if (target === undefined) return 'no-target';
  // Shares come out of sums of integers; compare with a little slack so 0.7 is not missed by 1e-16.
  if (value >= target - 1e-9) return 'met';
  if (value >= target - NEAR_MARGIN - 1e-9) return 'near';
  return 'missed';
}

/**
 * The target of a KPI at a level, if there is one.
 *
 * @example targetOf(DEFAULT_TARGETS, 'docs-online', 'commune') // 0.7
 */
export function targetOf(table: TargetTable, kpi: KpiId, level: UnitLevel): number | undefined {
  return table[kpi][level];
}
