/** Calendar dates as people type them (dd/MM/yyyy) and as the API carries them (yyyy-MM-dd). */

const TYPED = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function valid(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Reads a date typed as dd/MM/yyyy (also d/M/yyyy, with '.' or '-'); `undefined` when it is not a real date.
 *
 * @example parseTypedDate('5/7/1990') // '1990-07-05'
 * @example parseTypedDate('31/02/1990') // undefined
 */
export function parseTypedDate(text: string): string | undefined {
  const match = TYPED.exec(text);
  if (match === null) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!valid(year, month, day)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * An ISO calendar date as dd/MM/yyyy for an input field; '' for none.
 *
 * @example typedDate('1990-07-05') // '05/07/1990'
 */
export function typedDate(iso: string | null | undefined): string {
  const match = ISO.exec(iso ?? '');
  return match === null ? '' : `${match[3]}/${match[2]}/${match[1]}`;
}

/**
 * Whole years from `born` to `on` (both ISO dates).
 *
 * @example ageOn('1990-07-05', '2025-07-04') // 34
 */
export function ageOn(born: string, on: string): number {
  const [by, bm, bd] = born.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
