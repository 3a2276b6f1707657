/**
 * The life of a demo member as cheap pure functions of (branch, index): when she joined, activated her smart
 * member card and left. The event stream and the member registry both derive from these, so they agree, and
 * a month of events can be produced by scanning a branch without keeping any state between months.
 */
import { combine, mix32 } from '../random.js';

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

const D_1990 = dayOf(Date.UTC(1990, 0, 1));
const D_2024 = dayOf(Date.UTC(2024, 0, 1));
const D_2027 = dayOf(Date.UTC(2027, 0, 1));
/** The smart member card programme opened in mid-2023. */
const D_CARDS = dayOf(Date.UTC(2023, 5, 1));
/** Sentinel for "never". */
export const NEVER = 2_147_483_647;

/** Per-branch inputs of the lifecycle. */
export interface BranchLife {
  /** Stable hash of the branch's identity (its 2025 key), mixed with the demo seed. */
  hash: number;
  /** Members ever registered in the branch (joined before 2027, including those who left). */
  members: number;
  /** 0–1: how fast the commune gets members onto the smart card. */
  cardQuality: number;
  /** 0–1: share of the branch's members from ethnic minorities. */
  minorityShare: number;
}

/** The dates (local day numbers) of one member's life; `NEVER` where it did not happen. */
export interface MemberLife {
  joinDay: number;
  cardDay: number;
  leftDay: number;
  minority: boolean;
  honorary: boolean;
  cadre: boolean;
  /** Age when she joined, 18–64. */
  ageAtJoin: number;
  /** A spare well-mixed 32-bit value for further per-member choices. */
  spare: number;
}

/** Slots of {@link memberDays}' output array. */
export const JOIN = 0;
export const CARD = 1;
export const LEFT = 2;
export const CADRE = 3;

/**
 * The three dates of member `index` (join, card, left — local day numbers, `NEVER` where none) and her
 * cadre flag, written into `out`. The hot path of the monthly scan: no allocation, four hashes.
 */
export function memberDays(branch: BranchLife, index: number, out: Int32Array): void {
  const h1 = combine(branch.hash, index);
  const h2 = mix32(h1 ^ 0x5bd1e995);
  const h3 = mix32(h2 ^ 0x1b873593);
  const u1 = h1 / 4294967296;
  const joinDay =
    index === 0 || u1 < 0.9
      ? D_1990 + Math.floor(((index === 0 ? u1 * 0.5 : u1) / 0.9) * (D_2024 - D_1990))
      : D_2024 + Math.floor(((u1 - 0.9) / 0.1) * (D_2027 - D_2024));
  const u3 = h3 / 4294967296;
  const leftDay = u3 < 0.04 && index !== 0 ? joinDay + 30 + Math.floor((u3 / 0.04) * 3650) : NEVER;
  const noSmartphone = (h2 & 0xff) < 26;
  const meanDelay = (4.6 - 3.8 * branch.cardQuality) * 365;
  const cardDay = noSmartphone
    ? NEVER
    : Math.max(joinDay, D_CARDS) + Math.floor((h2 / 4294967296) * 2 * meanDelay);
  out[JOIN] = joinDay;
  out[CARD] = cardDay < leftDay ? cardDay : NEVER;
  out[LEFT] = leftDay;
  out[CADRE] = index === 0 || (h3 & 0xff) < 6 ? 1 : 0;
}

const days = new Int32Array(4);

/**
 * The whole life of member `index` of a branch: {@link memberDays} plus the attributes events and the
 * registry need. The branch head (index 0) is always a long-standing member.
 *
 * @example memberLife({ hash: 1, members: 200, cardQuality: 0.5, minorityShare: 0.1 }, 7).joinDay
 */
export function memberLife(branch: BranchLife, index: number, into?: MemberLife): MemberLife {
  memberDays(branch, index, days);
  const h4 = mix32(combine(branch.hash, index) ^ 0xcc9e2d51);
  const out = into ?? ({} as MemberLife);
  out.joinDay = days[JOIN] ?? NEVER;
  out.cardDay = days[CARD] ?? NEVER;
  out.leftDay = days[LEFT] ?? NEVER;
  out.cadre = days[CADRE] === 1;
  out.minority = (h4 >>> 8) / 16777216 < branch.minorityShare;
  out.honorary = index !== 0 && (h4 & 0xff) < 5;
  out.ageAtJoin = 18 + ((h4 >>> 3) % 47);
  out.spare = mix32(h4 ^ 0x85ebca6b);
  return out;
}

/** Age band of a member at a given age, as carried by `member.joined` events. */
export function ageBand(age: number): '18-30' | '31-45' | '46-60' | '61+' {
  if (age <= 30) return '18-30';
  if (age <= 45) return '31-45';
  if (age <= 60) return '46-60';
  return '61+';
}
