import type { Language, Period, PeriodGrain } from './types.js';

/** Months in one period of each grain. */
const MONTHS: Record<PeriodGrain, number> = { month: 1, quarter: 3, half: 6, year: 12 };
/** Letter of each grain in a period code (`2025-M10`, `2025-Q3`, `2025-H1`, `2025`). */
const LETTER: Record<PeriodGrain, string> = { month: 'M', quarter: 'Q', half: 'H', year: '' };
const GRAIN_OF: Record<string, PeriodGrain> = { M: 'month', Q: 'quarter', H: 'half' };
const ROMAN = ['I', 'II', 'III', 'IV'];
const EN_MONTHS =
  'January February March April May June July August September October November December'.split(' ');
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** Number of periods of a grain in a year (12, 4, 2, 1). */
export function periodsPerYear(grain: PeriodGrain): number {
  return 12 / MONTHS[grain];
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The period `index` (1-based) of a grain in a year; with `until`, the range up to that later period.
 *
 * @example periodOf('quarter', 2025, 3) // { grain: 'quarter', from: '2025-07-01', to: '2025-09-30' }
 */
export function periodOf(
  grain: PeriodGrain,
  year: number,
  index: number,
  until?: { year: number; index: number },
): Period {
  const months = MONTHS[grain];
  const end = until ?? { year, index };
  const lastMonth = end.index * months;
  return {
    grain,
    from: iso(year, (index - 1) * months + 1, 1),
    to: iso(end.year, lastMonth, lastDay(end.year, lastMonth)),
  };
}

/** Year and 1-based index of the period of `grain` that contains an ISO date. */
export function positionOf(grain: PeriodGrain, date: string): { year: number; index: number } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { year, index: Math.ceil(month / MONTHS[grain]) };
}

/**
 * The period of a grain that holds "now" in Vietnam (UTC+7).
 *
 * @example currentPeriod('month', Date.parse('2025-10-31T20:00:00Z')) // November 2025 in Vietnam
 */
export function currentPeriod(grain: PeriodGrain, nowMs: number): Period {
  const { year, index } = positionOf(grain, new Date(nowMs + VIETNAM_OFFSET_MS).toISOString());
  return periodOf(grain, year, index);
}

function codeAt(grain: PeriodGrain, position: { year: number; index: number }): string {
  if (grain === 'year') return String(position.year);
  const index = grain === 'month' ? String(position.index).padStart(2, '0') : String(position.index);
  return `${position.year}-${LETTER[grain]}${index}`;
}

/**
 * The code of a period as it appears in URLs: `2025-M10` (months in two digits, so codes sort), `2025-Q3`,
 * `2025-H1`, `2025`, or a range `2025-M01..2025-M03`.
 */
export function periodCode(period: Period): string {
  const start = codeAt(period.grain, positionOf(period.grain, period.from));
  const end = codeAt(period.grain, positionOf(period.grain, period.to));
  return start === end ? start : `${start}..${end}`;
}

function parseOne(code: string): { grain: PeriodGrain; year: number; index: number } | undefined {
  const match = /^(\d{4})(?:-([MQH])(\d{1,2}))?$/.exec(code);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const grain = match[2] === undefined ? 'year' : GRAIN_OF[match[2]];
  if (grain === undefined || year < 1900 || year > 2999) return undefined;
  const index = match[3] === undefined ? 1 : Number(match[3]);
  return index >= 1 && index <= periodsPerYear(grain) ? { grain, year, index } : undefined;
}

/**
 * Reads a period code ({@link periodCode}); `undefined` when it is not one.
 *
 * @example parsePeriod('2025-M10') // { grain: 'month', from: '2025-10-01', to: '2025-10-31' }
 */
export function parsePeriod(code: string): Period | undefined {
  const [first, second, extra] = code.trim().split('..');
  if (first === undefined || extra !== undefined) return undefined;
  const start = parseOne(first);
  if (start === undefined) return undefined;
  if (second === undefined) return periodOf(start.grain, start.year, start.index);
  const end = parseOne(second);
  if (end === undefined || end.grain !== start.grain) return undefined;
  if (end.year * 100 + end.index < start.year * 100 + start.index) return undefined;
  return periodOf(start.grain, start.year, start.index, end);
}

function labelAt(
  grain: PeriodGrain,
  { year, index }: { year: number; index: number },
  language: Language,
): string {
  if (language === 'vi') {
    if (grain === 'month') return `Tháng ${String(index).padStart(2, '0')}/${year}`;
    if (grain === 'quarter') return `Quý ${ROMAN[index - 1]}/${year}`;
    if (grain === 'half') return `6 tháng ${index === 1 ? 'đầu' : 'cuối'} năm ${year}`;
    return `Năm ${year}`;
  }
  if (grain === 'month') return `${EN_MONTHS[index - 1]} ${year}`;
  if (grain === 'quarter') return `Q${index} ${year}`;
  if (grain === 'half') return `H${index} ${year}`;
  return String(year);
}

/**
 * A period as people read it.
 *
 * @example periodLabel(parsePeriod('2025-Q3')!, 'vi') // 'Quý III/2025'
 */
export function periodLabel(period: Period, language: Language): string {
  const start = labelAt(period.grain, positionOf(period.grain, period.from), language);
  const end = labelAt(period.grain, positionOf(period.grain, period.to), language);
  return start === end ? start : `${start} – ${end}`;
}

/** Whether two periods are the same. */
export function samePeriod(a: Period, b: Period): boolean {
  return a.grain === b.grain && a.from === b.from && a.to === b.to;
}
