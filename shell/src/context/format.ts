/**
 * Formatting for the console: dates are always dd/MM/yyyy in Vietnam time, numbers always in the Vietnamese
 * way (1.234.567,8), whatever the interface language, as the Union's documents write them.
 */

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const numberFormats = new Map<string, Intl.NumberFormat>();

function parts(date: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of dateParts.formatToParts(date)) out[part.type] = part.value;
  return out;
}

/** A calendar date 'YYYY-MM-DD' (no time: not shifted by time zones). */
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * dd/MM/yyyy. A calendar date string is printed as it is; an instant (Date, epoch ms, ISO date-time) is
 * printed in Vietnam time. Returns '' for an invalid value.
 *
 * @example formatDate('2025-07-01') // '01/07/2025'
 * @example formatDate('2025-06-30T18:00:00Z') // '01/07/2025'
 */
export function formatDate(value: Date | string | number): string {
  if (typeof value === 'string') {
    const match = CALENDAR_DATE.exec(value);
    if (match !== null) return `${match[3]}/${match[2]}/${match[1]}`;
  }
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const p = parts(date);
  return `${p.day}/${p.month}/${p.year}`;
}

/**
 * HH:mm dd/MM/yyyy in Vietnam time; '' for an invalid value.
 *
 * @example formatDateTime('2025-11-21T07:30:00Z') // '14:30 21/11/2025'
 */
export function formatDateTime(value: Date | string | number): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const p = parts(date);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

/**
 * A number in the Vietnamese format (Intl 'vi-VN'): '.' groups thousands, ',' marks decimals.
 *
 * @example formatNumber(1234567.5) // '1.234.567,5'
 * @example formatNumber(0.452, { style: 'percent', maximumFractionDigits: 1 }) // '45,2%'
 */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  const key = JSON.stringify(options);
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat('vi-VN', options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}
