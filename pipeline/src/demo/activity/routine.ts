/**
 * Routine office work of a union at any level above the branch: incoming and issued documents, work files,
 * communication materials and activities, posts, and the monthly report. Rates and the share done
 * digitally depend on the level and on the unit's performance, and improve month by month.
 */
import type { DemoMonth } from '../calendar.js';
import { workingInstant, workSeason } from '../calendar.js';
import type { Rng } from '../random.js';
import { quality, type WorldUnit } from '../world.js';
import type { UnitMonthEmitter } from './emitter.js';
import { clamp01, T } from './targets.js';

/** The office levels that do routine work. */
export type OfficeLevel = 'central' | 'province' | 'district' | 'commune';

interface LevelRates {
  received: number;
  issued: number;
  workfiles: number;
  materials: number;
  activities: number;
  posts: number;
  /** Floor and span of the online / digital shares: share = floor + span × quality. */
  onlineFloor: number;
  signedFloor: number;
  workfileFloor: number;
}

const RATES: Readonly<Record<OfficeLevel, LevelRates>> = {
  central: {
    received: 400,
    issued: 180,
    workfiles: 250,
    materials: 20,
    activities: 30,
    posts: 60,
    onlineFloor: 0.96,
    signedFloor: 0.9,
    workfileFloor: 0.75,
  },
  province: {
    received: 150,
    issued: 75,
    workfiles: 100,
    materials: 6,
    activities: 10,
    posts: 20,
    onlineFloor: 0.84,
    signedFloor: 0.78,
    workfileFloor: 0.6,
  },
  district: {
    received: 50,
    issued: 25,
    workfiles: 40,
    materials: 0,
    activities: 3,
    posts: 3,
    onlineFloor: 0.68,
    signedFloor: 0.5,
    workfileFloor: 0.45,
  },
  commune: {
    received: 12,
    issued: 5,
    workfiles: 10,
    materials: 0,
    activities: 1.5,
    posts: 1.2,
    onlineFloor: 0.38,
    signedFloor: 0.3,
    workfileFloor: 0.22,
  },
};

const CHANNELS = ['website', 'fanpage', 'fanpage', 'zalo_oa', 'zalo_group', 'facebook_group'] as const;

/** Options of one routine month. */
export interface RoutineContext {
  unit: WorldUnit;
  level: OfficeLevel;
  month: DemoMonth;
  /** Multiplier of unit size: new communes and provinces after the reform are about 3 × and 1.8 × larger. */
  size: number;
  /** Share of document and work-file flows generated at this scale. */
  routineFraction: number;
  rng: Rng;
  out: UnitMonthEmitter;
}

/** Emits one unit's routine work for one month. */
export function emitRoutine(ctx: RoutineContext): void {
  const { unit, level, month, rng, out } = ctx;
  const r = RATES[level];
  const season = workSeason(month.month) * month.coverage;
  const flow = season * ctx.size * ctx.routineFraction;
  const lift = 0.08 * month.progress;
  const at = (): number => workingInstant(month.startMs, month.endMs, rng.next());

  const online = clamp01(r.onlineFloor + (1 - r.onlineFloor) * quality(unit, T.receivedOnline) + lift);
  for (let n = rng.poisson(r.received * flow); n > 0; n--) {
    out.emit('document.received', 1, at(), {
      secret: rng.chance(0.03),
      processing: rng.chance(online) ? 'online' : 'paper',
    });
  }
  const signed = clamp01(r.signedFloor + (1 - r.signedFloor) * quality(unit, T.issuedDigital) + lift);
  for (let n = rng.poisson(r.issued * flow); n > 0; n--) {
    const digital = rng.chance(signed);
    out.emit('document.issued', 1, at(), {
      secret: rng.chance(0.03),
      digitally_signed: digital || rng.chance(0.3),
      electronic: digital,
    });
  }
  const files = clamp01(r.workfileFloor + (0.98 - r.workfileFloor) * quality(unit, T.workfileOnline) + lift);
  for (let n = rng.poisson(r.workfiles * flow); n > 0; n--) {
    out.emit('workfile.processed', 1, at(), { online: rng.chance(files) });
  }
  const materials = clamp01(0.45 + 0.55 * quality(unit, T.materialsDigitised) + lift);
  for (let n = rng.poisson(r.materials * flow); n > 0; n--) {
    out.emit('comms.published', 1, at(), { kind: 'material', digitised: rng.chance(materials) });
  }
  const activities = clamp01(0.12 + 0.5 * quality(unit, T.activitiesDigitised) + lift);
  for (let n = rng.poisson(r.activities * flow); n > 0; n--) {
    out.emit('comms.published', 1, at(), { kind: 'activity', digitised: rng.chance(activities) });
  }
  const postRate =
    r.posts * season * ctx.size * (0.1 + 1.8 * quality(unit, T.posts)) * (1 + month.progress * 0.4);
  for (let n = rng.poisson(postRate); n > 0; n--) {
    out.emit('post.published', 1, at(), {
      channel: rng.pick(CHANNELS),
      purpose: rng.chance(0.6) ? 'propaganda' : 'information',
    });
  }
  emitMonthlyReport(ctx);
}

function emitMonthlyReport({ unit, month, rng, out }: RoutineContext): void {
  if (month.coverage < 1 || !rng.chance(clamp01(0.82 + 0.2 * quality(unit, T.reports)))) return;
  const viaSoftware = rng.chance(
    clamp01(0.35 + 0.6 * quality(unit, T.reportsViaSoftware) + 0.25 * month.progress),
  );
  const dueMs = month.endMs - 3 * 86_400_000;
  out.emit('report.submitted', 1, workingInstant(dueMs, month.endMs, rng.next()), {
    period: month.id,
    via_software: viaSoftware,
  });
}
