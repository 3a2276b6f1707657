import type { UnitLevel } from '@vwu/contracts';
import type { Role } from '../access/rules.js';
import { apiError } from '../errors.js';

/** How a target's figure is computed (see migrations/0020_kpi.sql). */
export type KpiMeasure = 'ratio' | 'unit_share' | 'total';

/** How often a target is measured. */
export type KpiPeriod = 'monthly' | 'yearly' | 'cumulative';

/** Where a target value came from: the national plan or the province's own plan. */
export type TargetSource = 'national' | 'province';

/** The unit key under which national values are kept. */
export const NATIONAL_UNIT = '2025:TW';

/** Largest count target (above the Union's whole membership). */
export const MAX_COUNT_TARGET = 50_000_000;

/** A definition as the rules need it. */
export interface KpiRuleDefinition {
  id: string;
  measure: KpiMeasure;
  levels: readonly UnitLevel[];
  provinceEditable: boolean;
}

/** One stored target value. */
export interface TargetRow {
  kpiId: string;
  unitKey: string;
  level: UnitLevel;
  /** `null`: every year without a row of its own. */
  year: number | null;
  value: number;
}

/** The value in force for a definition × level in a year, and where it came from. */
export interface EffectiveTarget extends TargetRow {
  source: TargetSource;
}

/** A requested change of one target value. */
export interface TargetChange {
  kpiId: string;
  unitKey: string;
  level: UnitLevel;
  year: number | null;
  /** `null` removes the row. */
  value: number | null;
}

/** Whether a measure's values are percentages (0–100) rather than counts. */
export function isPercent(measure: KpiMeasure): boolean {
  return measure !== 'total';
}

/**
 * The values in force in `year` for the national plan and one province: for each definition × level, the
 * province's row of that year, else the province's standing row, else the national row of that year, else
 * the national standing row.
 *
 * @example effectiveTargets(rows, '2025:38', 2025) // Thanh Hóa's 16,000 trained, national 70 % elsewhere…
 */
export function effectiveTargets(
  rows: readonly TargetRow[],
  province: string | null,
  year: number,
): EffectiveTarget[] {
  const rank = (row: TargetRow): number => {
    const own = province !== null && row.unitKey === province;
    if (!own && row.unitKey !== NATIONAL_UNIT) return -1;
    if (row.year !== null && row.year !== year) return -1;
    return (own ? 2 : 0) + (row.year === null ? 0 : 1);
  };
  const best = new Map<string, { row: TargetRow; rank: number }>();
  for (const row of rows) {
    const r = rank(row);
    if (r < 0) continue;
    const key = `${row.kpiId}\n${row.level}`;
    const held = best.get(key);
    if (held === undefined || r > held.rank) best.set(key, { row, rank: r });
  }
  return [...best.values()].map(({ row, rank: r }) => ({
    ...row,
    source: r >= 2 ? ('province' as const) : ('national' as const),
  }));
}

/**
 * Checks a change against the definition and the caller's role. The unit (already known to lie in the
 * caller's scope) must be the country or a 2025 province; the level one the target applies to and not above
 * the unit; the value a percentage 0–100 or a whole count. A province leader edits her own province only
 * (the scope check), only targets central lets provinces edit, and never a percentage below the national
 * value of the same level and year: provinces may raise the national plan, not lower it.
 *
 * @throws ApiError KPI_TARGET_UNIT, KPI_TARGET_LEVEL, KPI_TARGET_VALUE, KPI_TARGET_NOT_EDITABLE,
 *   KPI_TARGET_BELOW_NATIONAL.
 */
export function checkTargetChange(
  definition: KpiRuleDefinition,
  change: TargetChange,
  unitLevel: UnitLevel,
  role: Role,
  national: number | undefined,
): void {
  const isNational = change.unitKey === NATIONAL_UNIT;
  if (!isNational && !(unitLevel === 'province' && /^2025:\d{2}$/.test(change.unitKey)))
    throw apiError('KPI_TARGET_UNIT', { unit: change.unitKey });
  const allowed = definition.levels.filter((l) => isNational || l !== 'central');
  if (!allowed.includes(change.level)) {
    throw apiError('KPI_TARGET_LEVEL', {
      kpiId: definition.id,
      level: change.level,
      levels: allowed.join(', ') || '—',
    });
  }
  if (change.value !== null) {
    const percent = isPercent(definition.measure);
    const ok = percent
      ? change.value >= 0 && change.value <= 100
      : Number.isInteger(change.value) && change.value >= 0 && change.value <= MAX_COUNT_TARGET;
    if (!ok) {
      const expected = percent
        ? 'a percentage from 0 to 100'
        : `a whole number from 0 to ${MAX_COUNT_TARGET.toLocaleString('en')}`;
      const expectedVi = percent
        ? 'tỷ lệ phần trăm từ 0 đến 100'
        : `số nguyên từ 0 đến ${MAX_COUNT_TARGET.toLocaleString('vi')}`;
      throw apiError('KPI_TARGET_VALUE', { kpiId: definition.id, expected, expectedVi });
    }
  }
  if (role === 'central_analyst') return;
  if (!definition.provinceEditable) throw apiError('KPI_TARGET_NOT_EDITABLE', { kpiId: definition.id });
  if (
    change.value !== null &&
    isPercent(definition.measure) &&
    national !== undefined &&
    change.value < national
  ) {
    throw apiError('KPI_TARGET_BELOW_NATIONAL', {
      kpiId: definition.id,
      level: change.level,
      national,
    });
  }
}
