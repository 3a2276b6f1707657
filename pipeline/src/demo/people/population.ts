/**
 * The members of one branch over time, designed so that a month's events are found without looking at every
 * member: members are numbered in the order they joined, card activations of long-standing members follow a
 * fixed permutation at a steady pace, and the few who leave are listed once per branch. A month of events
 * then costs O(events) per branch, and the registry reads the same functions, so both always agree.
 */
import { combine, mix32, unitFloat } from '../random.js';
import { D_1990, D_2016, D_2024, D_2027, D_2036, D_CARDS, NEVER } from './days.js';

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

/** Members who joined before 2024; the rest join 2024–2026. */
const OLD_SHARE = 0.9;
/** Share of members who leave at some time between 2016 and 2036. */
const LEAVER_SHARE = 0.12;
/** Long-standing members without a smartphone never activate the card. */
const CARD_UPTAKE = 0.9;
/** New members activate the card two weeks after joining, three in five of them. */
const NEW_CARD_DELAY = 14;
/** One member in 40 is a cadre (and member 0, the branch head). */
const CADRE_EVERY = 40;

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function modInverse(a: number, m: number): number {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

/** A branch's population: dates of joining, card activation and leaving for every member. */
export class Population {
  readonly total: number;
  private readonly old: number;
  /** Members who joined before the card programme: their activations follow the permutation. */
  private readonly preCards: number;
  private readonly cards: number;
  private readonly cardSpan: number;
  private readonly step: number;
  private readonly stepInverse: number;
  private readonly offset: number;
  /** Leavers as (member, day) pairs, sorted by day, then the same pairs sorted by member: one array. */
  private readonly leavers: Int32Array;
  private readonly leaverCount: number;

  constructor(readonly life: BranchLife) {
    const n = life.members;
    this.total = n;
    // Shares round up or down at random (by hash), so small branches keep the right proportions on average.
    this.old = Math.min(n, Math.floor(n * OLD_SHARE + unitFloat(life.hash, 31)));
    this.preCards = this.joinedBefore(D_CARDS);
    this.cards = Math.floor(this.preCards * CARD_UPTAKE);
    this.cardSpan = Math.round((1.6 + 5.5 * (1 - life.cardQuality)) * 365);
    const m = Math.max(1, this.preCards);
    let step = (mix32(life.hash ^ 0x3c6ef372) % m) | 1;
    while (m > 1 && gcd(step, m) !== 1) step++;
    this.step = step % m || 1;
    this.stepInverse = m > 1 ? modInverse(this.step, m) : 0;
    this.offset = mix32(life.hash ^ 0xa54ff53a) % m;
    const pairs = this.pickLeavers(Math.floor(n * LEAVER_SHARE + unitFloat(life.hash, 32)));
    this.leaverCount = pairs.length / 2;
    this.leavers = new Int32Array(pairs.length * 2);
    this.leavers.set(pairs);
    const byMember = Array.from({ length: this.leaverCount }, (_, k) => k).sort(
      (a, b) => (pairs[2 * a] ?? 0) - (pairs[2 * b] ?? 0),
    );
    byMember.forEach((k, j) => {
      this.leavers[pairs.length + 2 * j] = pairs[2 * k] ?? 0;
      this.leavers[pairs.length + 2 * j + 1] = pairs[2 * k + 1] ?? 0;
    });
  }

  /**
   * Leaver k leaves on a day rising with k (2016–2036) and is a member who had joined at least 30 days
   * before; a member already taken passes the turn to the next one. The branch head never leaves.
   */
  private pickLeavers(count: number): number[] {
    const taken = new Set<number>();
    const pairs: number[] = [];
    for (let k = 0; k < count; k++) {
      const day =
        D_2016 +
        Math.floor(((k + combine(this.life.hash ^ 0x510e527f, k) / 4294967296) / count) * (D_2036 - D_2016));
      const pool = this.joinedBefore(day - 30) - 1;
      if (pool <= taken.size) continue;
      let index = 1 + (mix32(this.life.hash ^ k) % pool);
      while (taken.has(index)) index = 1 + (index % pool);
      taken.add(index);
      pairs.push(index, day);
    }
    return pairs;
  }

  /** Day member `i` joined: members are numbered in joining order. */
  joinDay(i: number): number {
    const u = combine(this.life.hash, i) / 4294967296;
    if (i < this.old) return D_1990 + Math.floor(((i + u) / this.old) * (D_2024 - D_1990));
    return D_2024 + Math.floor(((i - this.old + u) / (this.total - this.old)) * (D_2027 - D_2024));
  }

  /** How many members joined before `day`. */
  joinedBefore(day: number): number {
    let lo = 0;
    let hi = this.total;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.joinDay(mid) < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Day member `i` left, or `NEVER`. */
  leftDay(i: number): number {
    const base = 2 * this.leaverCount;
    let lo = 0;
    let hi = this.leaverCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const member = this.leavers[base + 2 * mid] ?? 0;
      if (member === i) return this.leavers[base + 2 * mid + 1] ?? NEVER;
      if (member < i) lo = mid + 1;
      else hi = mid;
    }
    return NEVER;
  }

  /** Whether member `i` is a cadre (the branch head, member 0, always is). */
  isCadre(i: number): boolean {
    return i % CADRE_EVERY === 0;
  }

  private rankDay(rank: number): number {
    const u = combine(this.life.hash ^ 0x9b05688c, rank) / 4294967296;
    return D_CARDS + Math.floor(((rank + u) / this.cards) * this.cardSpan);
  }

  private memberOfRank(rank: number): number {
    return (rank * this.step + this.offset) % this.preCards;
  }

  private ranksBefore(day: number): number {
    let lo = 0;
    let hi = this.cards;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.rankDay(mid) < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Card activation day of member `i` had she never left. */
  private rawCardDay(i: number): number {
    if (i >= this.preCards) return i % 5 < 3 ? this.joinDay(i) + NEW_CARD_DELAY : NEVER;
    const rank = (((i - this.offset + this.preCards) % this.preCards) * this.stepInverse) % this.preCards;
    return rank < this.cards ? this.rankDay(rank) : NEVER;
  }

  /** Day member `i` activated her smart card, or `NEVER` (not yet, never, or she left first). */
  cardDay(i: number): number {
    const day = this.rawCardDay(i);
    return day < this.leftDay(i) ? day : NEVER;
  }

  /** Calls `visit` for every member who joined in [start, end). */
  joinsIn(start: number, end: number, visit: (i: number) => void): void {
    for (let i = this.joinedBefore(start), hi = this.joinedBefore(end); i < hi; i++) visit(i);
  }

  /** Calls `visit` for every card activated in [start, end), with the day. */
  cardsIn(start: number, end: number, visit: (i: number, day: number) => void): void {
    for (let r = this.ranksBefore(start), hi = this.ranksBefore(end); r < hi; r++) {
      const i = this.memberOfRank(r);
      const day = this.rankDay(r);
      if (day < this.leftDay(i)) visit(i, day);
    }
    const from = Math.max(this.preCards, this.joinedBefore(start - NEW_CARD_DELAY));
    for (let i = from, hi = this.joinedBefore(end - NEW_CARD_DELAY); i < hi; i++) {
      const day = this.joinDay(i) + NEW_CARD_DELAY;
      if (i % 5 < 3 && day < this.leftDay(i)) visit(i, day);
    }
  }

  /** Calls `visit` for every member who left in [start, end), with the day. */
  leavesIn(start: number, end: number, visit: (i: number, day: number) => void): void {
    for (let k = 0; k < this.leaverCount; k++) {
      const day = this.leavers[2 * k + 1] ?? NEVER;
      if (day >= start && day < end) visit(this.leavers[2 * k] ?? 0, day);
    }
  }

  /** Members, cadres and card holders on the roll at the start of `day`. */
  tallyAt(day: number): { members: number; cadres: number; cards: number } {
    const joined = this.joinedBefore(day);
    const newJoinedWithCard = this.joinedBefore(day - NEW_CARD_DELAY);
    let members = joined;
    let cadres = joined > 0 ? Math.floor((joined - 1) / CADRE_EVERY) + 1 : 0;
    let cards =
      this.ranksBefore(day) + countNewCards(this.preCards, Math.max(this.preCards, newJoinedWithCard));
    for (let k = 0; k < this.leaverCount; k++) {
      const i = this.leavers[2 * k] ?? 0;
      if ((this.leavers[2 * k + 1] ?? NEVER) >= day) break;
      members--;
      if (this.isCadre(i)) cadres--;
      if (this.rawCardDay(i) < day) cards--;
    }
    return { members, cadres, cards };
  }
}

/** Members i in [from, to) with i % 5 < 3: the new members who take the card. */
function countNewCards(from: number, to: number): number {
  const upTo = (n: number): number => Math.floor(n / 5) * 3 + Math.min(n % 5, 3);
  return Math.max(0, upTo(to) - upTo(from));
}
