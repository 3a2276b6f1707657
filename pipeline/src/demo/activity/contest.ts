/**
 * The yearly contest of seed 000 ("IT in organising member meetings"): from January to March communes
 * collect entries; in early April the commune jury scores them and forwards the best to the province jury,
 * which scores them (9–12 April) and announces awards on 15 April. Each province runs the contest in a year
 * with a probability set by its performance; Tây Ninh (the seed's province) always does.
 */
import type { DemoMonth } from '../calendar.js';
import { workingInstant } from '../calendar.js';
import type { Rng } from '../random.js';
import { combine, unitFloat } from '../random.js';
import { quality, type WorldUnit } from '../world.js';
import type { UnitMonthEmitter } from './emitter.js';
import { T } from './targets.js';

const TAY_NINH = new Set(['pre2025:72', 'pre2025:80', '2025:80']);

/** Options of one commune's contest month. */
export interface ContestContext {
  commune: WorldUnit;
  province: WorldUnit & { code: string };
  month: DemoMonth;
  rng: Rng;
  out: UnitMonthEmitter;
}

/** The contest id of a province in a year: 'ct2024-80'. */
export function contestId(year: number, provinceCode: string): string {
  return `ct${year}-${provinceCode}`;
}

function runsContest(province: WorldUnit, year: number): boolean {
  return (
    TAY_NINH.has(province.key) || unitFloat(province.hash, year) < 0.35 + 0.4 * quality(province, T.contest)
  );
}

const HOUR = 3_600_000;

function localDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) - 7 * 3_600_000;
}

/** Emits the entries a commune submits this month and, dated in April, what happens to each. */
export function emitContestEntries(ctx: ContestContext): void {
  const { commune, province, month, rng, out } = ctx;
  if (month.month > 3 || !runsContest(province, month.year)) return;
  const id = contestId(month.year, province.code);
  const perMonth = 0.35 * (0.4 + quality(commune, T.contest)) * month.coverage;
  for (let n = rng.poisson(perMonth); n > 0; n--) {
    const entry = `e${(combine(out.streamHash, out.sequence) >>> 0).toString(36)}`;
    const submittedMs = workingInstant(month.startMs, month.endMs, rng.next());
    const first = Math.round((55 + 40 * rng.next()) * 10) / 10;
    const firstDay = 2 + rng.int(0, 5);
    const firstJudges = rng.int(3, 5);
    const second = Math.round(Math.min(100, first + (rng.next() - 0.4) * 12) * 10) / 10;
    const secondDay = 9 + rng.int(0, 3);
    const secondJudges = rng.int(5, 7);
    const y = month.year;
    const steps: Array<readonly [string, number, Record<string, string | number>]> = [
      ['contest.entry_submitted', submittedMs, { stage: 1 }],
      [
        'contest.entry_scored',
        localDay(y, 4, firstDay) + 9 * HOUR,
        { stage: 1, score: first, judges: firstJudges },
      ],
    ];
    if (first >= 78) {
      steps.push([
        'contest.entry_promoted',
        localDay(y, 4, 8) + 10 * HOUR,
        { from_stage: 1, to_level: 'province' },
      ]);
      steps.push([
        'contest.entry_scored',
        localDay(y, 4, secondDay) + 9 * HOUR,
        { stage: 2, score: second, judges: secondJudges },
      ]);
      const tier = awardTier(second);
      if (tier) steps.push(['contest.entry_awarded', localDay(y, 4, 15) + 9 * HOUR, { tier }]);
      if (tier === 'first')
        steps.push([
          'contest.entry_promoted',
          localDay(y, 4, 15) + 11 * HOUR,
          { from_stage: 2, to_level: 'central' },
        ]);
    }
    for (const [type, timeMs, attrs] of steps)
      out.emit(type, 1, timeMs, { contest_id: id, entry_id: entry, ...attrs });
  }
}

/** Award tier of a province-jury score (documented rule of the demo: 94 / 90 / 86 / 82). */
function awardTier(score: number): string | null {
  return score >= 94
    ? 'first'
    : score >= 90
      ? 'second'
      : score >= 86
        ? 'third'
        : score >= 82
          ? 'consolation'
          : null;
}
