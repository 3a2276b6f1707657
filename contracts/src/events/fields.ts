/**
 * Field schemas shared by every activity event: identifiers, unit keys, timestamps and counts.
 *
 * Patterned strings carry a `description` phrased as a noun ("a unit key …"): it documents the field in
 * OpenAPI and completes the validator's "expected …" messages.
 */
import { Type, type TObject, type TProperties } from 'typebox';
import type { UnitKey } from '../units/keys.js';

/**
 * A unit key `structure:code`, typed as the hierarchy's branded `UnitKey`: the pattern accepts exactly the
 * shapes `parseUnitKey` accepts. Districts (3 digits) exist only in the pre-2025 structure, where the island
 * districts without communes also have branches of their own (`pre2025:123-01`).
 */
export const UnitKeySchema = Type.Unsafe<UnitKey>(
  Type.String({
    maxLength: 24,
    pattern:
      '^(pre2025:(TW|\\d{2}|\\d{3}(-(0[1-9]|[1-9]\\d))?|\\d{5}(-(0[1-9]|[1-9]\\d))?)' +
      '|2025:(TW|\\d{2}|\\d{5}(-(0[1-9]|[1-9]\\d))?))$',
    description:
      'a unit key "structure:code" such as 2025:01, 2025:00004, 2025:00004-01 or pre2025:001 ' +
      '(structure pre2025 or 2025; code TW, a 2-digit province, a 3-digit district (pre2025 only), ' +
      'a 5-digit commune, or a branch <commune>-<01..99>)',
  }),
);

/** The event's own id: 8–64 URL-safe characters, so UUIDs and ULIDs fit. */
export const EventIdSchema = Type.String({
  minLength: 8,
  maxLength: 64,
  pattern: '^[A-Za-z0-9_-]+$',
  description: "an id of 8–64 letters, digits, '_' or '-' (a UUID or ULID fits)",
});

/**
 * A pseudonymous key for a member, case or group. Events never carry personal data; the operational
 * store maps keys to people.
 */
export const PseudonymKeySchema = Type.String({
  minLength: 8,
  maxLength: 64,
  pattern: '^[A-Za-z0-9_-]+$',
  description: "a pseudonymous key of 8–64 letters, digits, '_' or '-' (never a name or phone number)",
});

/** A contest or contest-entry id: 1–64 URL-safe characters. */
export const ContestIdSchema = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9_-]+$',
  description: "an id of 1–64 letters, digits, '_' or '-'",
});

/** A calendar date `YYYY-MM-DD` that exists: month lengths and leap years (2000 yes, 1900 no) are in the pattern. */
const REAL_DATE =
  '(\\d{4}-(0[13578]|1[02])-(0[1-9]|[12]\\d|3[01])' +
  '|\\d{4}-(0[469]|11)-(0[1-9]|[12]\\d|30)' +
  '|\\d{4}-02-(0[1-9]|1\\d|2[0-8])' +
  '|(\\d{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)';

/** A time of day with seconds, optional fraction, and `Z` or a `±hh:mm` offset. */
const TIME_WITH_ZONE = '([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,9})?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)';

/**
 * When the activity happened: an RFC 3339 date-time (upper-case `T`, `Z` or a `±hh:mm` offset) on a real
 * calendar date. One pattern says it all, rather than `format: 'date-time'`: any JSON Schema validator
 * enforces it the same way, and it checks about three times faster than TypeBox's date-time format.
 */
export const OccurredAtSchema = Type.String({
  maxLength: 40,
  pattern: `^${REAL_DATE}T${TIME_WITH_ZONE}$`,
  description:
    'an ISO 8601 date-time on a real calendar date with Z or an offset, e.g. 2025-07-01T08:30:00+07:00',
});

/** Which producer emitted the event. */
export const SourceSchema = Type.Enum(['api', 'demo', 'import', 'kafka']);

/**
 * Largest head count an event may carry: above the Union's whole membership (about 19 million) and
 * inside a 32-bit integer column.
 */
const MAX_COUNT = 50_000_000;

/** A head count or tally: an integer from 0 to {@link MAX_COUNT}. */
export const CountSchema = Type.Integer({ minimum: 0, maximum: MAX_COUNT });

/** Wraps attribute schemas in a closed object: unknown fields are rejected. */
export function attrsSchema<P extends TProperties>(properties: P): TObject<P> {
  return Type.Object(properties, { additionalProperties: false });
}
