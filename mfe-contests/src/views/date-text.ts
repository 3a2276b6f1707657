// Dates typed as people write them here (dd/MM/yyyy), whatever the browser's locale: a native date input
// follows the browser's language (MM/dd/yyyy in an English browser).

/**
 * `YYYY-MM-DD` as dd/MM/yyyy.
 *
 * @example toDayText('2025-09-01') // '01/09/2025'
 */
export function toDayText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m === null ? '' : `${m[3]}/${m[2]}/${m[1]}`;
}

/**
 * dd/MM/yyyy (or d/M/yyyy) as `YYYY-MM-DD`; `null` when it is not a calendar date.
 *
 * @example fromDayText('1/9/2025') // '2025-09-01'
 * @example fromDayText('31/02/2025') // null
 */
export function fromDayText(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (m === null) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}
