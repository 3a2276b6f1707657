/**
 * Deterministic identifiers and timestamps for demo data: event ids shaped like ULIDs (time-ordered prefix,
 * 80 hashed bits), pseudonymous keys for members and cases, and ISO instants — all built from lookup
 * tables because the generator makes hundreds of thousands of them a second.
 */
import { combine, mix32 } from './random.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Every 10-bit value as two Crockford base32 characters. */
const PAIRS: readonly string[] = Array.from(
  { length: 1024 },
  (_, v) => (CROCKFORD[v >>> 5] ?? '0') + (CROCKFORD[v & 31] ?? '0'),
);
const TWO_DIGITS: readonly string[] = Array.from({ length: 60 }, (_, v) => String(v).padStart(2, '0'));

/** `value`'s low 30 bits as six base32 characters. */
function b30(value: number): string {
  return (
    (PAIRS[(value >>> 20) & 1023] ?? '') + (PAIRS[(value >>> 10) & 1023] ?? '') + (PAIRS[value & 1023] ?? '')
  );
}

/**
 * A 26-character ULID-shaped event id: 10 characters of the event time (48-bit milliseconds), then 16
 * characters hashed from (`stream`, `sequence`).
 *
 * @example eventId(Date.UTC(2024, 0, 1), 1234, 0).slice(0, 10) // '01HK1A0000' (the time part)
 */
export function eventId(timeMs: number, stream: number, sequence: number): string {
  const high = Math.floor(timeMs / 1073741824);
  const a = combine(stream, sequence);
  const b = mix32(a ^ 0x68e31da4);
  const c = mix32(b ^ 0xb5297a4d);
  return (
    (PAIRS[(high >>> 10) & 1023] ?? '') +
    (PAIRS[high & 1023] ?? '') +
    b30(timeMs % 1073741824) +
    b30(a) +
    b30(b) +
    (PAIRS[(c >>> 10) & 1023] ?? '') +
    (PAIRS[c & 1023] ?? '')
  );
}

/** Round keys of the member-key permutation, from the demo seed. */
function roundKeys(seedHash: number): readonly number[] {
  return [0x27d4eb2f, 0x165667b1, 0xd3a2646c, 0xfd7046c5].map((k) => mix32(seedHash ^ k));
}
const keysBySeed = new Map<number, readonly number[]>();

/** Which register a member key belongs to: the member herself, or her second registration elsewhere. */
export type MemberKeyKind = 'member' | 'twin';

/**
 * A pseudonymous key ('m' + 13 characters) for member `index` of the branch numbered `serial` (its ordinal
 * among all 2025 branches). The 64-bit value (kind, serial, index) goes through a seed-keyed four-round
 * Feistel permutation, so two different members can never share a key (a permutation has no collisions)
 * and the key reveals neither branch nor index. It is the only member reference in events.
 *
 * @example memberKey(seedHash, 0, 0) !== memberKey(seedHash, 0, 1) // always
 */
export function memberKey(
  seedHash: number,
  serial: number,
  index: number,
  kind: MemberKeyKind = 'member',
): string {
  if (serial < 0 || serial >= 0x40000000 || index < 0 || index > 0xffffffff)
    throw new RangeError(`member key out of range: branch ${serial}, index ${index}`);
  let keys = keysBySeed.get(seedHash);
  if (keys === undefined) keysBySeed.set(seedHash, (keys = roundKeys(seedHash)));
  let left = (serial | (kind === 'twin' ? 0x40000000 : 0)) >>> 0;
  let right = index >>> 0;
  for (const k of keys) {
    const next = (left ^ combine(k, right)) >>> 0;
    left = right;
    right = next;
  }
  return 'm' + b30(left) + b30(right) + (CROCKFORD[((left >>> 30) << 2) | (right >>> 30)] ?? '0');
}

/** A pseudonymous case key ('c' + 13 characters) for a case reported in a unit-month stream. */
export function caseKey(stream: number, sequence: number): string {
  const a = combine(stream ^ 0x165667b1, sequence);
  const b = mix32(a ^ 0xd3a2646c);
  return 'c' + b30(a) + b30(b) + (CROCKFORD[(b >>> 30) & 3] ?? '0');
}

const DAY_MS = 86_400_000;
/** 'YYYY-MM-DDT' per UTC day number, filled on first use (a few thousand strings at most). */
const dayPrefixes: string[] = [];

/**
 * `new Date(ms).toISOString()` for whole seconds, faster: the date part comes from a per-day table.
 *
 * @example isoInstant(Date.UTC(2024, 0, 1, 2, 3, 4)) // '2024-01-01T02:03:04.000Z'
 */
export function isoInstant(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const prefix = dayPrefixes[day] ?? (dayPrefixes[day] = new Date(day * DAY_MS).toISOString().slice(0, 11));
  const seconds = Math.floor((ms - day * DAY_MS) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return prefix + TWO_DIGITS[h] + ':' + TWO_DIGITS[m] + ':' + TWO_DIGITS[seconds % 60] + '.000Z';
}
