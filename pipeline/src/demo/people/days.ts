/**
 * Day numbers (local Vietnam days since 1970-01-01) and the fixed dates of the demo members' lives.
 */
const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

/** Local (Vietnam) day number since 1970-01-01 for a UTC instant. */
export function dayOf(ms: number): number {
  return Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
}

/** ISO date 'YYYY-MM-DD' of a local day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** UTC instant of local 00:00 on a local day number. */
export function dayStartMs(day: number): number {
  return day * DAY_MS - VN_OFFSET_MS;
}

export const D_1990 = dayOf(Date.UTC(1990, 0, 1));
export const D_2016 = dayOf(Date.UTC(2016, 0, 1));
export const D_2024 = dayOf(Date.UTC(2024, 0, 1));
export const D_2027 = dayOf(Date.UTC(2027, 0, 1));
export const D_2036 = dayOf(Date.UTC(2036, 0, 1));
/** The smart member card programme opened in June 2023. */
export const D_CARDS = dayOf(Date.UTC(2023, 5, 1));
/** Sentinel for "never". */
export const NEVER = 2_147_483_647;
