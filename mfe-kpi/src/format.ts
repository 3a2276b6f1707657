/**
 * Formats of the KPI module, Vietnamese conventions whatever the language (as the Union's documents write
 * them): 45,2%, 1.234.567, 3,4 MB, months as 11/2026.
 */
import { formatNumber, type Language } from '@vwu/context';

/**
 * A share as a percentage with at most one decimal; '—' without a value.
 *
 * @example percent(0.4523) // '45,2%'
 */
export function percent(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return formatNumber(value, { style: 'percent', maximumFractionDigits: 1 });
}

/**
 * A change between two shares in percentage points, signed, with an arrow; '' when either is missing.
 *
 * @example points(0.52, 0.45) // '▲ 7 điểm %' (vi), '▲ 7 pts' (en)
 */
export function points(now: number | null, before: number | null, language: Language): string {
  if (now === null || before === null) return '';
  const delta = (now - before) * 100;
  const arrow = delta > 0.05 ? '▲' : delta < -0.05 ? '▼' : '=';
  const size = formatNumber(Math.abs(delta), { maximumFractionDigits: 1 });
  return `${arrow} ${size} ${language === 'vi' ? 'điểm %' : 'pts'}`;
}

/**
 * A count.
 *
 * @example count(12345) // '12.345'
 */
export function count(value: number): string {
  return formatNumber(Math.round(value));
}

/**
 * Bytes in KB or MB (1 MB = 1,000,000 bytes, as a download is counted).
 *
 * @example bytes(3_476_382) // '3,5 MB'
 */
export function bytes(value: number): string {
  if (value < 1_000_000) return `${formatNumber(value / 1000, { maximumFractionDigits: 0 })} KB`;
  return `${formatNumber(value / 1_000_000, { maximumFractionDigits: 1 })} MB`;
}

/**
 * Milliseconds as people read them.
 *
 * @example duration(1234) // '1,2 giây' (vi) / '1.2 s'
 */
export function duration(ms: number, language: Language): string {
  if (ms < 1000) return `${formatNumber(Math.round(ms))} ms`;
  const seconds = formatNumber(ms / 1000, { maximumFractionDigits: 1 });
  return language === 'vi' ? `${seconds} giây` : `${seconds} s`;
}

/**
 * A month 'YYYY-MM' as MM/yyyy.
 *
 * @example monthLabel('2026-11') // '11/2026'
 */
export function monthLabel(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/**
 * A month in words: 'Tháng 11/2026' or 'November 2026'.
 */
export function monthName(month: string, language: Language): string {
  if (language === 'vi') return `Tháng ${monthLabel(month)}`;
  const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
  return date.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A localized text with `{name}` filled in (the console's shared helper). */
export { fill } from '@vwu/context';
