/**
 * A branch's month: its member meeting (sinh hoạt hội) and the life events of its members — joining,
 * activating the smart card, leaving or moving away — plus the tallies its commune reports at month end.
 */
import { workingInstant, workSeason, type DemoMonth } from '../calendar.js';
import { memberKey } from '../ids.js';
import { dayOf, dayStartMs } from '../people/days.js';
import { ageBand, memberLife, type MemberLife } from '../people/lifecycle.js';
import { combine, type Rng } from '../random.js';
import { quality, type WorldBranch } from '../world.js';
import type { UnitMonthEmitter } from './emitter.js';
import { clamp01, T } from './targets.js';

/** What a commune reports about its branches at the end of a month. */
export interface BranchTally {
  members: number;
  cadres: number;
  cards: number;
}

/** A fresh, zeroed tally. */
export function emptyTally(): BranchTally {
  return { members: 0, cadres: 0, cards: 0 };
}

/** Options of one branch month. */
export interface BranchContext {
  branch: WorldBranch;
  month: DemoMonth;
  seedHash: number;
  urban: boolean;
  /** Branch keys of the same structure, for members who move to another branch. */
  branchKeys: readonly string[];
  rng: Rng;
  out: UnitMonthEmitter;
  tally: BranchTally;
}

/** meeting.held v2 (with minority attendance) from July 2024; some older clients keep sending v1. */
const MEETING_V2_FROM = Date.UTC(2024, 6, 1);
const LEGACY_CLIENTS = 0.08;
const LEAVE_REASONS = ['moved', 'moved', 'deceased', 'deceased', 'resigned', 'other'] as const;
const VIA = [
  'branch',
  'branch',
  'branch',
  'branch',
  'branch',
  'branch',
  'branch',
  'online_group',
  'application',
  'application',
] as const;
const scratch = {} as MemberLife;

/** Emits one branch's meeting and member events for a month and adds its members to `tally`. */
export function emitBranch(ctx: BranchContext): void {
  emitMeeting(ctx);
  const { branch, month, tally, out } = ctx;
  const population = branch.population;
  const startDay = dayOf(month.startMs);
  const endDay = dayOf(month.endMs - 1) + 1;
  const key = (i: number): string => memberKey(ctx.seedHash, branch.serial, i);
  population.joinsIn(startDay, endDay, (i) => {
    const m = memberLife(population, i, scratch);
    out.emit('member.joined', 1, dayTime(m.joinDay, m.spare), {
      member_key: key(i),
      honorary: m.honorary,
      minority: m.minority,
      age_band: ageBand(m.ageAtJoin),
      via: VIA[m.spare % VIA.length] ?? 'branch',
    });
  });
  population.cardsIn(startDay, endDay, (i, day) => {
    out.emit('card.activated', 1, dayTime(day, combine(branch.identity, i)), {
      member_key: key(i),
      reissue: false,
    });
  });
  population.leavesIn(startDay, endDay, (i) => emitLeaving(ctx, i, memberLife(population, i, scratch)));
  const roll = population.tallyAt(endDay);
  tally.members += roll.members;
  tally.cadres += roll.cadres;
  tally.cards += roll.cards;
}

/** An instant on local day `day` between 08:00 and 17:00, picked by `spare`. */
function dayTime(day: number, spare: number): number {
  return dayStartMs(day) + 8 * 3_600_000 + (spare % 32_400) * 1000;
}

function emitLeaving(ctx: BranchContext, index: number, m: MemberLife): void {
  const timeMs = dayTime(m.leftDay, m.spare);
  const key = memberKey(ctx.seedHash, ctx.branch.serial, index);
  const reason = LEAVE_REASONS[(m.spare >>> 8) % LEAVE_REASONS.length] ?? 'other';
  const target = ctx.branchKeys[(m.spare >>> 3) % ctx.branchKeys.length];
  if (reason === 'moved' && target !== undefined && target !== ctx.branch.key && (m.spare & 1) === 0) {
    ctx.out.emit('member.transferred', 1, timeMs, {
      member_key: key,
      from_unit: ctx.branch.key,
      to_unit: target,
    });
    return;
  }
  ctx.out.emit('member.left', 1, timeMs, { member_key: key, reason });
}

function emitMeeting({ branch, month, rng, out, urban }: BranchContext): void {
  const q = quality(branch, T.meetings);
  const held = clamp01((0.74 + 0.26 * q) * Math.min(1, workSeason(month.month) + 0.25) * month.coverage);
  if (!rng.chance(held)) return;
  const timeMs = workingInstant(month.startMs, month.endMs, rng.next());
  const attendees = rng.binomial(branch.fullMembers, clamp01(0.38 + 0.4 * q) * (month.month === 2 ? 0.8 : 1));
  const remote = (urban ? 0.1 : 0.03) + 0.12 * month.progress;
  const u = rng.next();
  const format = u < remote ? 'online' : u < remote * 2 ? 'hybrid' : 'in_person';
  const v1 = timeMs < MEETING_V2_FROM || rng.chance(LEGACY_CLIENTS);
  if (v1) {
    out.emit('meeting.held', 1, timeMs, { format, attendees });
    return;
  }
  out.emit('meeting.held', 2, timeMs, {
    format,
    attendees,
    minority_attendees: rng.binomial(attendees, branch.minorityShare),
    duration_min: 60 + rng.int(0, 8) * 15,
  });
}
