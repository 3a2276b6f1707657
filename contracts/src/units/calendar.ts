import { InvalidDateError } from './errors.js';
import type { StructureId } from './keys.js';

/** First day of the 2025 structure (Vietnam calendar date); the `'pre2025'` structure ends the day before. */
export const REFORM_DATE = '2025-07-01';

/** Half-open validity `[validFrom, validTo)` of every unit of a structure, as ISO calendar dates. */
export interface Validity {
  validFrom: string | null;
  validTo: string | null;
}

const VALIDITY: Record<StructureId, Validity> = {
  pre2025: { validFrom: null, validTo: REFORM_DATE },
  '2025': { validFrom: REFORM_DATE, validTo: null },
};

/**
 * Checks that `isoDate` is a calendar date `YYYY-MM-DD` (a Vietnam local date, not an instant) and returns it.
 *
 * @throws InvalidDateError otherwise.
 */
export function checkIsoDate(isoDate: string): string {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? Date.parse(`${isoDate}T00:00:00Z`) : Number.NaN;
  const valid = !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === isoDate;
  if (!valid) {
    throw new InvalidDateError(
      `Invalid date "${isoDate}": expected a calendar date YYYY-MM-DD (Vietnam local date), e.g. "2025-07-01".`,
    );
  }
  return isoDate;
}

/**
 * The structure in force on a calendar date.
 *
 * @example structureAt('2025-06-30') // 'pre2025'
 * @example structureAt('2025-07-01') // '2025'
 */
export function structureAt(isoDate: string): StructureId {
  return checkIsoDate(isoDate) < REFORM_DATE ? 'pre2025' : '2025';
}

/** The validity shared by every unit of `structure`. */
export function validityOf(structure: StructureId): Validity {
  return VALIDITY[structure];
}
