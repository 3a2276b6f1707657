/**
 * The one wide Arrow schema every event file shares, whatever its type: envelope columns (identity, time,
 * the unit as recorded and as resolved to the current structure, Kafka position), then every attribute of
 * every event type as its own nullable typed column. One schema means a reader can union any set of files.
 */
import {
  Bool,
  Dictionary,
  Field,
  Float64,
  Int32,
  Int64,
  Int8,
  List,
  Schema,
  TimestampMillisecond,
  Utf8,
  type DataType,
} from 'apache-arrow';
import { EVENT_TYPES, LATEST_VERSION, eventSchema, type EventType, type LatestEvent } from '@vwu/contracts';

/** Name of an attribute of any event type at its latest version, e.g. `'minority_attendees'`. */
export type AttributeName = LatestEvent extends infer E
  ? E extends { attrs: infer A }
    ? keyof A & string
    : never
  : never;

/**
 * How an attribute is stored: `dict` = dictionary-encoded utf8 (enums and low-cardinality ids), `utf8` = plain
 * utf8 (high-cardinality pseudonymous keys), `int32` = counts and stages, `float64` = scores, `bool` = flags.
 */
export type AttributeKind = 'bool' | 'int32' | 'float64' | 'dict' | 'utf8';

/**
 * Every attribute of every event type and its column kind. `satisfies` makes a new attribute in the contracts
 * fail to compile here until it has a column, and rejects a column no event type has.
 */
export const ATTRIBUTE_COLUMNS = {
  channel: 'dict',
  purpose: 'dict',
  format: 'dict',
  attendees: 'int32',
  minority_attendees: 'int32',
  duration_min: 'int32',
  topic: 'dict',
  participants: 'int32',
  minority_participants: 'int32',
  audience: 'dict',
  kind: 'dict',
  digitised: 'bool',
  group_key: 'dict',
  action: 'dict',
  count: 'int32',
  case_key: 'utf8',
  category: 'dict',
  outcome: 'dict',
  member_key: 'utf8',
  honorary: 'bool',
  minority: 'bool',
  age_band: 'dict',
  via: 'dict',
  reason: 'dict',
  from_unit: 'dict',
  to_unit: 'dict',
  reissue: 'bool',
  members_total: 'int32',
  members_in_software: 'int32',
  cadres_total: 'int32',
  cadres_in_software: 'int32',
  cards_active: 'int32',
  secret: 'bool',
  processing: 'dict',
  digitally_signed: 'bool',
  electronic: 'bool',
  online: 'bool',
  period: 'dict',
  via_software: 'bool',
  contest_id: 'dict',
  entry_id: 'utf8',
  stage: 'int32',
  score: 'float64',
  judges: 'int32',
  from_stage: 'int32',
  to_level: 'dict',
  tier: 'dict',
} as const satisfies Record<AttributeName, AttributeKind>;

/** Attribute names in column order. */
export const ATTRIBUTE_NAMES = Object.freeze(Object.keys(ATTRIBUTE_COLUMNS)) as readonly AttributeName[];

/** Name of an envelope column. */
export type EnvelopeColumn =
  | 'event_id'
  | 'type'
  | 'schema_version'
  | 'occurred_at'
  | 'source'
  | 'recorded_unit'
  | 'recorded_structure'
  | 'current_unit'
  | 'current_units'
  | 'current_weights'
  | 'resolve_rule'
  | 'current_province'
  | 'current_commune'
  | 'source_partition'
  | 'source_offset'
  | 'ingested_at';

/** Name of any column of the event schema. */
export type EventColumn = EnvelopeColumn | AttributeName;

const utf8Dictionary = (): Dictionary<Utf8, Int32> => new Dictionary(new Utf8(), new Int32());
const utcMillis = (): TimestampMillisecond => new TimestampMillisecond('UTC');

function attributeType(kind: AttributeKind): DataType {
  switch (kind) {
    case 'bool':
      return new Bool();
    case 'int32':
      return new Int32();
    case 'float64':
      return new Float64();
    case 'dict':
      return utf8Dictionary();
    case 'utf8':
      return new Utf8();
  }
}

/**
 * Envelope fields in column order. `schema_version` is the version the producer wrote (attributes are
 * always in the latest shape, so a v1 meeting has a null `minority_attendees`); `source` is the producer
 * named by the event; `current_*` come from `Hierarchy.resolve(recorded_unit, REFORM_DATE)`;
 * `current_unit` is the current unit with the largest weight (the first on a tie).
 */
function envelopeFields(): Field[] {
  return [
    new Field('event_id', new Utf8(), false),
    new Field('type', utf8Dictionary(), false),
    new Field('schema_version', new Int8(), false),
    new Field('occurred_at', utcMillis(), false),
    new Field('source', utf8Dictionary(), true),
    new Field('recorded_unit', utf8Dictionary(), false),
    new Field('recorded_structure', utf8Dictionary(), false),
    new Field('current_unit', utf8Dictionary(), false),
    new Field('current_units', new List(new Field('item', new Utf8(), false)), false),
    new Field('current_weights', new List(new Field('item', new Float64(), false)), false),
    new Field('resolve_rule', utf8Dictionary(), false),
    new Field('current_province', utf8Dictionary(), false),
    new Field('current_commune', utf8Dictionary(), true),
    new Field('source_partition', new Int32(), false),
    new Field('source_offset', new Int64(), false),
    new Field('ingested_at', utcMillis(), false),
  ];
}

/**
 * Builds the event schema. Each call makes fresh dictionary types (Arrow gives every dictionary field its
 * own id), so a schema is built once per process and shared through {@link EVENT_SCHEMA}.
 */
function buildEventSchema(): Schema {
  const attributes = ATTRIBUTE_NAMES.map(
    (name) => new Field(name, attributeType(ATTRIBUTE_COLUMNS[name]), true),
  );
  return new Schema([...envelopeFields(), ...attributes], new Map([['vwu.schema', 'activity-events/1']]));
}

/**
 * The Arrow schema of every event file: 16 envelope columns, then one nullable column per attribute.
 *
 * @example EVENT_SCHEMA.fields.map((f) => f.name) // ['event_id', 'type', …, 'tier']
 */
export const EVENT_SCHEMA: Schema = buildEventSchema();

/** The columns an event file is sorted by after compaction. */
export const SORT_COLUMNS: readonly EventColumn[] = ['occurred_at', 'event_id'];

interface AttrsSchemaShape {
  properties: { attrs: { properties: Record<string, unknown> } };
}

function attributesAt(type: EventType, version: number): readonly AttributeName[] {
  const schema = eventSchema(type, version) as unknown as AttrsSchemaShape;
  return Object.keys(schema.properties.attrs.properties) as AttributeName[];
}

const ATTRIBUTES_BY_VERSION: ReadonlyMap<string, readonly AttributeName[]> = new Map(
  EVENT_TYPES.flatMap((type) =>
    Array.from(
      { length: LATEST_VERSION[type] },
      (_, i) => [`${type}@${i + 1}`, attributesAt(type, i + 1)] as const,
    ),
  ),
);

/**
 * The attributes an event type carries at a schema version, read from the contracts' own schemas.
 *
 * @throws RangeError for a type × version the contracts do not know.
 * @example attributesOf('meeting.held', 1) // ['format', 'attendees']
 */
export function attributesOf(
  type: EventType,
  version: number = LATEST_VERSION[type],
): readonly AttributeName[] {
  const names = ATTRIBUTES_BY_VERSION.get(`${type}@${version}`);
  if (names === undefined) throw new RangeError(`no schema for event type "${type}" version ${version}`);
  return names;
}
