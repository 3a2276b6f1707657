/**
 * One demo member as the events and the registry see her: the dates of her life from the branch's
 * {@link Population}, and her attributes (ethnic minority, honorary, age when joining) from hashes of her
 * number, so any member can be rebuilt alone.
 */
import { combine, mix32 } from '../random.js';
import { NEVER } from './days.js';
import type { Population } from './population.js';

/** The dates (local day numbers) and attributes of one member; `NEVER` where a date did not happen. */
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

/**
 * The life of member `index` of a branch (no allocation when `into` is given).
 *
 * @example memberLife(population, 7).joinDay
 */
export function memberLife(population: Population, index: number, into?: MemberLife): MemberLife {
  const h = mix32(combine(population.life.hash, index) ^ 0xcc9e2d51);
  const out = into ?? ({} as MemberLife);
  out.joinDay = population.joinDay(index);
  out.leftDay = population.leftDay(index);
  out.cardDay = population.cardDay(index);
  out.cadre = population.isCadre(index);
  out.minority = (h >>> 8) / 16777216 < population.life.minorityShare;
  out.honorary = index !== 0 && (h & 0xff) < 5;
  out.ageAtJoin = 18 + ((h >>> 3) % 47);
  out.spare = mix32(h ^ 0x85ebca6b);
  return out;
}

/** Age band of a member at a given age, as carried by `member.joined` events. */
export function ageBand(age: number): '18-30' | '31-45' | '46-60' | '61+' {
  if (age <= 30) return '18-30';
  if (age <= 45) return '31-45';
  if (age <= 60) return '46-60';
  return '61+';
}

export { NEVER };
