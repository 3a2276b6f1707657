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

/**
 * A pseudonymous key ('m' + 13 characters, 62 hashed bits) for member `index` of the branch whose identity
 * hash is `branchHash`. It carries no personal data and is the only member reference in events.
 */
export function memberKey(seedHash: number, branchHash: number, index: number): string {
  const a = combine(combine(seedHash, branchHash), index);
  const b = mix32(a ^ 0x27d4eb2f);
  return 'm' + b30(a) + b30(b) + (CROCKFORD[(a >>> 30) & 3] ?? '0');
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
