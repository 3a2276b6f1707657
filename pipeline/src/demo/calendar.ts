/**
 * Calendar helpers for the demo generator: the months of a date range, their bounds in UTC milliseconds,
 * seasonality, and the 2025 reform date that switches recording from the old to the new units.
 */

const DAY_MS = 86_400_000;
/** Vietnam is UTC+7 all year; local working hours are computed against this offset. */
const VN_OFFSET_MS = 7 * 3_600_000;

/** One calendar month of the generated range, clamped to the range's first and last day. */
export interface DemoMonth {
  /** 'YYYY-MM' */
  id: string;
  year: number;
  /** 1–12 */
  month: number;
  /** First instant covered, UTC ms (inclusive). */
  startMs: number;
  /** Last instant covered, UTC ms (exclusive). */
  endMs: number;
  /** Share of the full month covered by the range (partial first/last months). */
  coverage: number;
  /** 0 at 2024-01, rising 1/24 per month: the digital-transformation trend. */
  progress: number;
}

/** Parses an ISO date 'YYYY-MM-DD' to UTC ms at local (Vietnam) midnight; throws on anything else. */
export function parseDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`expected a date as YYYY-MM-DD, got "${iso}"`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - VN_OFFSET_MS;
  const check = new Date(ms + VN_OFFSET_MS);
  if (check.getUTCDate() !== Number(m[3])) throw new RangeError(`"${iso}" is not a real date`);
  return ms;
}

/** Today's date in Vietnam as 'YYYY-MM-DD'. */
export function todayInVietnam(nowMs: number): string {
  return new Date(nowMs + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Lists the months from `from` to `to` (both inclusive, 'YYYY-MM-DD').
 *
 * @example monthsBetween('2024-01-15', '2024-03-01').map((m) => m.id) // ['2024-01', '2024-02', '2024-03']
 */
export function monthsBetween(from: string, to: string): DemoMonth[] {
  const fromMs = parseDay(from);
  const toMs = parseDay(to) + DAY_MS;
  if (toMs <= fromMs) throw new RangeError(`the range ends (${to}) before it starts (${from})`);
  const months: DemoMonth[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const monthStart = Date.UTC(year, month - 1, 1) - VN_OFFSET_MS;
    const monthEnd = Date.UTC(year, month, 1) - VN_OFFSET_MS;
    if (monthStart >= toMs) break;
    const startMs = Math.max(monthStart, fromMs);
    const endMs = Math.min(monthEnd, toMs);
    months.push({
      id: `${year}-${String(month).padStart(2, '0')}`,
      year,
      month,
      startMs,
      endMs,
      coverage: (endMs - startMs) / (monthEnd - monthStart),
      progress: Math.max(0, (year - 2024) * 12 + (month - 1)) / 24,
    });
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/** Activity level of ordinary work by calendar month: the Tết holiday (Jan/Feb) slows everything down. */
const WORK_SEASON = [0.9, 0.6, 1.05, 1.05, 1.05, 1, 0.95, 0.95, 1.05, 1.1, 1.1, 1.15] as const;

/** Seasonal multiplier for routine work (documents, posts, meetings) in a calendar month (1–12). */
export function workSeason(month: number): number {
  return WORK_SEASON[month - 1] ?? 1;
}

/** Trainings cluster in spring and early autumn. */
const TRAINING_SEASON = [0.4, 0.3, 1.4, 1.6, 1.4, 1, 0.7, 1.2, 1.5, 1.3, 1, 0.5] as const;

/** Seasonal multiplier for trainings in a calendar month (1–12). */
export function trainingSeason(month: number): number {
  return TRAINING_SEASON[month - 1] ?? 1;
}

/** True for the contest window (January to April) of seed 000. */
export function inContestWindow(month: number): boolean {
  return month >= 1 && month <= 4;
}

/**
 * A timestamp inside [startMs, endMs) during Vietnamese working hours (07:30–17:30 local), from a float
 * `u` in [0, 1). Weekends are allowed but rarer than weekdays only through the caller's choice of `u`.
 */
export function workingInstant(startMs: number, endMs: number, u: number): number {
  const days = Math.max(1, Math.floor((endMs - startMs) / DAY_MS));
  const day = Math.min(days - 1, Math.floor(u * days));
  const within = (u * days - day) * 10 * 3_600_000;
  const instant = startMs + day * DAY_MS + 7.5 * 3_600_000 + within;
  return Math.min(endMs - 1, Math.floor(instant / 1000) * 1000);
}
