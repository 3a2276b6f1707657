/**
 * Work a commune or province union does with and for members beyond routine paperwork: trainings
 * (digital skills, e-commerce, online public services), women's cases reported and closed, online-group
 * moderation (seed 002), and the monthly registry snapshot built from its branches' tallies.
 */
import { trainingSeason, workingInstant, type DemoMonth } from '../calendar.js';
import { caseKey } from '../ids.js';
import { combine, type Rng } from '../random.js';
import { quality, type WorldUnit } from '../world.js';
import type { BranchTally } from './branch.js';
import type { UnitMonthEmitter } from './emitter.js';
import { clamp01, T } from './targets.js';

const DAY_MS = 86_400_000;
const TOPICS = [
  'digital_skills',
  'digital_skills',
  'digital_skills',
  'digital_skills',
  'e_commerce',
  'online_public_services',
] as const;
const CASE_CHANNELS = ['hotline', 'in_person', 'online_group'] as const;
const CATEGORIES = [
  'domestic_violence',
  'legal_advice',
  'legal_advice',
  'livelihood',
  'family',
  'family',
  'trafficking',
  'other',
] as const;

/** Options shared by the community builders. */
export interface CommunityContext {
  unit: WorldUnit;
  month: DemoMonth;
  /** Size multiplier (new communes are ~3 × old ones). */
  size: number;
  /** Share of members from ethnic minorities in the unit. */
  minorityShare: number;
  /** Unit that records events dated after the 2025 reform for a pre-2025 unit (its first successor). */
  laterUnit: string | undefined;
  reformMs: number;
  rng: Rng;
  out: UnitMonthEmitter;
}

/** Trainings held in the month; `scale` is the expected number per month before seasonality. */
export function emitTrainings(
  ctx: CommunityContext,
  perMonth: number,
  participants: readonly [number, number],
): void {
  const { unit, month, rng, out } = ctx;
  const rate =
    perMonth * (0.2 + 1.6 * quality(unit, T.itTraining)) * trainingSeason(month.month) * month.coverage;
  for (let n = rng.poisson(rate); n > 0; n--) {
    const count = Math.round(rng.int(participants[0], participants[1]) * ctx.size);
    const audience = rng.chance(0.85) ? 'members' : rng.chance(0.6) ? 'mixed' : 'cadres';
    out.emit('training.held', 1, workingInstant(month.startMs, month.endMs, rng.next()), {
      topic: rng.pick(TOPICS),
      participants: count,
      minority_participants: rng.binomial(count, clamp01(ctx.minorityShare * 1.15)),
      audience,
    });
  }
}

/** Women's cases reported in the month, and their closing (advised / resolved) when it falls in range. */
export function emitCases(ctx: CommunityContext, perMonth: number): void {
  const { unit, month, rng, out } = ctx;
  const q = quality(unit, T.cases);
  const portal = clamp01(0.3 + 0.45 * month.progress);
  for (let n = rng.poisson(perMonth * ctx.size * month.coverage); n > 0; n--) {
    const reportedMs = workingInstant(month.startMs, month.endMs, rng.next());
    const key = caseKey(combine(out.streamHash, 77), out.sequence);
    out.emit('case.reported', 1, reportedMs, {
      case_key: key,
      channel: rng.chance(portal) ? 'portal' : rng.pick(CASE_CHANNELS),
      category: rng.pick(CATEGORIES),
    });
    const closes = rng.chance(clamp01(0.72 + 0.3 * q));
    const closedMs = reportedMs + rng.int(1, 45) * DAY_MS;
    const u = rng.next();
    if (!closes) continue;
    const recorder = reportedMs < ctx.reformMs && closedMs >= ctx.reformMs ? ctx.laterUnit : undefined;
    const outcome = u < 0.55 ? 'advised' : u < 0.93 ? 'resolved' : 'referred';
    out.emit('case.closed', 1, closedMs, { case_key: key, outcome }, recorder);
  }
}

/** Moderation of the unit's online group: join requests, posts, small contests, membership wishes. */
export function emitGroupModeration(ctx: CommunityContext, activity: number): void {
  const { unit, month, rng, out } = ctx;
  const q = quality(unit, T.groups);
  const group = `g${(unit.hash >>> 0).toString(36)}`.padEnd(8, '0');
  const actions: ReadonlyArray<readonly [string, number]> = [
    ['join_approved', 18 * q],
    ['post_approved', 14 * q],
    ['post_rejected', 2],
    ['wish_collected', 3 * q],
    ['contest_held', 0.08],
  ];
  for (const [action, mean] of actions) {
    const count = rng.poisson(mean * activity * month.coverage);
    if (count > 0) {
      out.emit('group.moderated', 1, workingInstant(month.startMs, month.endMs, rng.next()), {
        group_key: group,
        action,
        count,
      });
    }
  }
}

/** The registry snapshot a commune reports at the end of each full month. */
export function emitSnapshot(ctx: CommunityContext, tally: BranchTally): void {
  const { unit, month, out } = ctx;
  if (month.coverage < 1) return;
  const digitised = clamp01(0.5 + 0.45 * quality(unit, T.registryDigitised) + 0.3 * month.progress);
  out.emit('registry.snapshot', 1, month.endMs - 2 * 3_600_000, {
    members_total: tally.members,
    members_in_software: Math.round(tally.members * digitised),
    cadres_total: tally.cadres,
    cadres_in_software: Math.round(tally.cadres * clamp01(digitised + 0.15)),
    cards_active: tally.cards,
  });
}
