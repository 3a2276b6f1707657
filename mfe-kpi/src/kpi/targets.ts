/**
 * Target values and traffic lights. Values are DATA: each province writes its own plan and staff edit them
 * (DOMAIN.md); the defaults below are the national plan's figures and give way to what the API serves
 * once it serves targets. A figure is green at or above its target, amber within
 * {@link NEAR_MARGIN} below it, red further below.
 */
import type { UnitLevel } from '@vwu/context';
import type { KpiId } from './definitions.js';

/** Target values (shares 0–1) by level; a level without a value has no target. */
export type TargetTable = Readonly<Record<KpiId, Partial<Record<UnitLevel, number>>>>;

/** The national plan's values (seeds 001, 003, 004; DOMAIN.md "Targets the dashboards measure"). */
export const DEFAULT_TARGETS: TargetTable = {
  'docs-online': { central: 1, province: 1, district: 0.9, commune: 0.7 },
  'docs-signed': { central: 1, province: 1, district: 0.8 },
  'posts-communes': { district: 1, commune: 0.4 },
  'training-minority': { central: 0.3, province: 0.3, district: 0.3, commune: 0.3 },
  'meetings-digital': {},
};

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
