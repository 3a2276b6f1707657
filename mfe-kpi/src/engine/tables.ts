/**
 * The tables of the in-browser database: ONE TABLE PER EVENT TYPE. Every event file has the pipeline's one
 * wide schema (16 envelope columns + 47 nullable attribute columns, `pipeline/src/parquet/schema.ts`), but a
 * file holds one type, so all attributes of other types are null. Decoded to Arrow, each such column still
 * costs 4–8 bytes per row (a null Int32 or dictionary index is a full buffer), so a wide `events` table
 * would decode, copy and insert ~40 dead columns for every row. Reading only a type's own columns
 * (parquet-wasm's column projection) keeps tables narrow; every target reads one type anyway.
 *
 * Each table holds: `month` (the file's partition, Vietnam calendar month 'YYYY-MM'), `file_no` (which
 * resident file a row came from, so a file can be dropped again), the envelope columns below, and the
 * attributes of its type (mirrors the contracts' latest versions; test/tables.test.ts checks them).
 */

/**
 * Envelope columns read from every file: when, and where in the current structure. The event id, Kafka
 * position, the unit as recorded and the re-attribution rule stay in the file: every column read costs
 * decode and insert time at each cold start (strings most: a unit key is a 13-byte string per row), and
 * the targets need none of them. The analyst workbench will read a wider projection.
 */
export const ENVELOPE_COLUMNS = [
  'occurred_at',
  'current_unit',
  'current_province',
  'current_commune',
] as const;

/** Attributes of each event type at its latest version, in the schema's order. */
export const EVENT_ATTRIBUTES = {
  'post.published': ['channel', 'purpose'],
  'meeting.held': ['format', 'attendees', 'minority_attendees', 'duration_min'],
  'document.received': ['secret', 'processing'],
  'document.issued': ['secret', 'digitally_signed', 'electronic'],
  'workfile.processed': ['online'],
  'training.held': ['topic', 'participants', 'minority_participants', 'audience'],
  'case.reported': ['case_key', 'channel', 'category'],
  'case.closed': ['case_key', 'outcome'],
  'member.joined': ['member_key', 'honorary', 'minority', 'age_band', 'via'],
  'member.left': ['member_key', 'reason'],
  'member.transferred': ['member_key', 'from_unit', 'to_unit'],
  'card.activated': ['member_key', 'reissue'],
  'group.moderated': ['group_key', 'action', 'count'],
  'comms.published': ['kind', 'digitised'],
  'report.submitted': ['period', 'via_software'],
  'registry.snapshot': [
    'members_total',
    'members_in_software',
    'cadres_total',
    'cadres_in_software',
    'cards_active',
  ],
  'contest.entry_submitted': ['contest_id', 'entry_id', 'stage'],
  'contest.entry_scored': ['contest_id', 'entry_id', 'stage', 'score', 'judges'],
  'contest.entry_promoted': ['contest_id', 'entry_id', 'from_stage', 'to_level'],
  'contest.entry_awarded': ['contest_id', 'entry_id', 'tier'],
} as const satisfies Record<string, readonly string[]>;

/** An event type the engine has a table for. */
export type EventType = keyof typeof EVENT_ATTRIBUTES;

/** Every event type, in the catalogue's order. */
export const EVENT_TYPE_NAMES = Object.freeze(Object.keys(EVENT_ATTRIBUTES)) as readonly EventType[];

/** Whether a string names an event type the engine knows. */
export function isEventType(name: string): name is EventType {
  return Object.hasOwn(EVENT_ATTRIBUTES, name);
}

/**
 * The table of an event type: the type with `.` replaced by `_`, so SQL needs no quoting.
 *
 * @example tableOf('meeting.held') // 'meeting_held'
 */
export function tableOf(type: EventType): string {
  return type.replace('.', '_');
}

/**
 * Columns read from a file of `type` (envelope, then attributes).
 *
 * @example columnsOf('document.received') // ['occurred_at', …, 'resolve_rule', 'secret', 'processing']
 */
export function columnsOf(type: EventType): string[] {
  return [...ENVELOPE_COLUMNS, ...EVENT_ATTRIBUTES[type]];
}
