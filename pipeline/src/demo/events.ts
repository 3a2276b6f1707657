/**
 * The demo event stream: month by month (so a consumer sees time move forward, as from a live system),
 * unit by unit within a month, each unit-month from its own seeded stream — so any month can be regenerated
 * alone, identically, and memory stays constant whatever the scale.
 */
import type { ActivityEvent } from '@vwu/contracts';
import { emitBranch, emptyTally, type BranchTally } from './activity/branch.js';
import {
  emitCases,
  emitGroupModeration,
  emitSnapshot,
  emitTrainings,
  type CommunityContext,
} from './activity/community.js';
import { emitContestEntries } from './activity/contest.js';
import { UnitMonthEmitter } from './activity/emitter.js';
import { emitRoutine, type OfficeLevel } from './activity/routine.js';
import { monthsBetween, parseDay, type DemoMonth } from './calendar.js';
import { Rng } from './random.js';
import { SCALES } from './scale.js';
import type { DemoWorld, WorldCommune, WorldProvince, WorldStructure, WorldUnit } from './world.js';

/** What to generate. */
export interface EventRange {
  /** First day, 'YYYY-MM-DD' (inclusive). */
  from: string;
  /** Last day, 'YYYY-MM-DD' (inclusive). */
  to: string;
}

/** Where a generation run is, for progress output. */
export interface EventProgress {
  month: string;
  monthIndex: number;
  months: number;
}

const REFORM_MS = parseDay('2025-07-01');
/** Thanh Hóa trains members at scale (seed 004's target of 16,000 a year). */
const THANH_HOA = new Set(['pre2025:38', '2025:38']);

/**
 * Generates the demo events of `world` over `range`, one array per unit-month, in time order within it.
 *
 * @example for (const batch of generateEvents(world, { from: '2024-01-01', to: '2024-12-31' })) write(batch);
 */
export function* generateEvents(
  world: DemoWorld,
  range: EventRange,
  onMonth?: (progress: EventProgress) => void,
): Generator<ActivityEvent[]> {
  const months = monthsBetween(range.from, range.to);
  const last = months[months.length - 1];
  const out = new UnitMonthEmitter(last ? last.endMs : 0);
  for (const [index, month] of months.entries()) {
    onMonth?.({ month: month.id, monthIndex: index, months: months.length });
    const structure = month.startMs < REFORM_MS ? world.pre2025 : world.current;
    const absolute = month.year * 12 + month.month;
    const begin = (unit: WorldUnit): Rng => {
      out.begin(unit.key, unit.hash, absolute, world.seedHash);
      return new Rng(unit.hash, absolute);
    };
    yield* structureMonth({
      world,
      s: structure,
      month,
      out,
      begin,
      routineFraction: SCALES[world.scale].routineFraction,
    });
  }
}

/** What every part of one structure-month shares. */
interface MonthContext {
  world: DemoWorld;
  s: WorldStructure;
  month: DemoMonth;
  out: UnitMonthEmitter;
  /** Starts a unit-month on the emitter and returns its random stream. */
  begin: (unit: WorldUnit) => Rng;
  routineFraction: number;
}

function* structureMonth(m: MonthContext): Generator<ActivityEvent[]> {
  const { s, month, out, begin, routineFraction } = m;
  const after = s.structure === '2025';
  const office = (unit: WorldUnit, level: OfficeLevel, size: number): Rng => {
    const rng = begin(unit);
    emitRoutine({ unit, level, month, size, routineFraction, rng, out });
    return rng;
  };

  office(s.central, 'central', 1);
  yield out.drain();
  for (const province of s.provinces) {
    const size = after ? 1.8 : 1;
    const rng = office(province, 'province', size);
    const ctx = community(province, month, size, province.minorityShare, undefined, rng, out);
    emitTrainings(ctx, THANH_HOA.has(province.key) ? 6 : 1.5, [60, 300]);
    if (province.code === '01' || province.code === '79') emitGroupModeration(ctx, 40);
    yield out.drain();
    for (const district of province.districts) {
      office(district, 'district', 1);
      yield out.drain();
    }
    for (const commune of province.communes) yield* communeMonth(m, province, commune);
  }
}

function* communeMonth(
  m: MonthContext,
  province: WorldProvince,
  commune: WorldCommune,
): Generator<ActivityEvent[]> {
  const { world, s, month, out, begin, routineFraction } = m;
  const tally: BranchTally = emptyTally();
  for (const branch of commune.branches) {
    const rng = begin(branch);
    emitBranch({
      branch,
      month,
      seedHash: world.seedHash,
      urban: commune.urban,
      branchKeys: s.branchKeys,
      rng,
      out,
      tally,
    });
    yield out.drain();
  }
  const size = s.structure === '2025' ? 3 : 1;
  const rng = begin(commune);
  emitRoutine({ unit: commune, level: 'commune', month, size, routineFraction, rng, out });
  const ctx = community(commune, month, size, commune.minorityShare, commune.successors[0], rng, out);
  emitTrainings(ctx, 0.09, [15, 60]);
  emitCases(ctx, 0.45);
  if (commune.onlineGroup) emitGroupModeration(ctx, commune.urban ? 1.5 : 0.6);
  emitContestEntries({ commune, province, month, rng, out });
  emitSnapshot(ctx, tally);
  yield out.drain();
}

function community(
  unit: WorldUnit,
  month: DemoMonth,
  size: number,
  minorityShare: number,
  laterUnit: string | undefined,
  rng: Rng,
  out: UnitMonthEmitter,
): CommunityContext {
  return { unit, month, size, minorityShare, laterUnit, reformMs: REFORM_MS, rng, out };
}
