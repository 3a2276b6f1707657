/**
 * Events → one Arrow record batch of {@link EVENT_SCHEMA}, built column by column. Events are upcast to the
 * latest version of their type first; attribute columns of types absent from the batch are all-null and
 * cost nothing to make, which is the common case: the sink writes one event type per file.
 */
import type { List } from 'apache-arrow';
import {
  Bool,
  Dictionary,
  Float64,
  Int32,
  Int64,
  Int8,
  RecordBatch,
  Struct,
  TimestampMillisecond,
  Utf8,
  makeData,
  type Data,
  type Field,
} from 'apache-arrow';
import { upcast, type ActivityEvent, type LatestEvent } from '@vwu/contracts';
import {
  boolColumn,
  dictionaryColumn,
  indexedDictionaryColumn,
  float64Column,
  int64Column,
  intColumn,
  listColumn,
  nullColumn,
  utf8Column,
  type Getter,
} from './columns.js';
import {
  ATTRIBUTE_COLUMNS,
  EVENT_SCHEMA,
  attributesOf,
  type AttributeName,
  type EnvelopeColumn,
  type EventColumn,
} from './schema.js';
import type { ResolvedUnit, UnitResolver } from './unit-resolver.js';

/** One validated event with where it came from: the unit of work the sink buffers and writes. */
export interface SinkRecord {
  event: ActivityEvent;
  /** Kafka (or embedded log) partition. */
  partition: number;
  /** Offset within the partition. */
  offset: number;
  /**
   * When the event entered the log, epoch milliseconds: the Kafka (or embedded log) record timestamp, so a
   * replay writes the same value. The sink's record time.
   */
  ingestedAt: number;
}

function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/**
 * Epoch milliseconds of an event's `occurred_at` (an RFC 3339 date-time with a zone, checked by the
 * contracts). The UTC forms producers normally send (`…:SSZ`, `…:SS.sssZ`) are read digit by digit, about
 * ten times faster than `Date.parse`, which handles the rest.
 *
 * @example occurredAtMs(event) // 1751328000000 for '2025-07-01T00:00:00.000Z'
 */
export function occurredAtMs(event: ActivityEvent): number {
  const text = event.occurred_at;
  const fraction = text.length === 24 && text.charCodeAt(19) === 46;
  if ((text.length === 20 || fraction) && text.charCodeAt(text.length - 1) === 90) {
    return Date.UTC(
      digitsAt(text, 0, 4),
      digitsAt(text, 5, 2) - 1,
      digitsAt(text, 8, 2),
      digitsAt(text, 11, 2),
      digitsAt(text, 14, 2),
      digitsAt(text, 17, 2),
      fraction ? digitsAt(text, 20, 3) : 0,
    );
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new RangeError(`occurred_at "${text}" of ${event.event_id} is not a date-time`);
  return ms;
}

interface Prepared {
  records: readonly SinkRecord[];
  latest: LatestEvent[];
  occurred: Float64Array;
  /** Per row, the index of its recorded unit in {@link distinct}. */
  unitOfRow: Int32Array;
  /** The distinct recorded units of the batch, first-seen order. */
  distinct: ResolvedUnit[];
  recorded: string[];
}

/** Columns read from the record itself, one value per row. */
type RecordColumn =
  | 'event_id'
  | 'type'
  | 'schema_version'
  | 'occurred_at'
  | 'source'
  | 'source_partition'
  | 'source_offset'
  | 'ingested_at';

/** Columns read from the row's recorded unit, one value per distinct unit. */
const UNIT_COLUMNS: Readonly<
  Partial<Record<EnvelopeColumn, (u: ResolvedUnit, recorded: string) => string | null>>
> = {
  recorded_unit: (_, recorded) => recorded,
  recorded_structure: (u) => u.recordedStructure,
  current_unit: (u) => u.currentUnit,
  resolve_rule: (u) => u.rule,
  current_province: (u) => u.currentProvince,
  current_commune: (u) => u.currentCommune,
};

function recordGetter(p: Prepared, name: RecordColumn): Getter<string | number> {
  const { records, latest, occurred } = p;
  switch (name) {
    case 'event_id':
      return (i) => records[i]!.event.event_id;
    case 'type':
      return (i) => records[i]!.event.type;
    case 'schema_version':
      return (i) => records[i]!.event.schema_version;
    case 'occurred_at':
      return (i) => occurred[i];
    case 'source':
      return (i) => latest[i]!.source;
    case 'source_partition':
      return (i) => records[i]!.partition;
    case 'source_offset':
      return (i) => records[i]!.offset;
    case 'ingested_at':
      return (i) => records[i]!.ingestedAt;
  }
}

function prepare(records: readonly SinkRecord[], resolver: UnitResolver): Prepared {
  const length = records.length;
  const latest = new Array<LatestEvent>(length);
  const occurred = new Float64Array(length);
  const unitOfRow = new Int32Array(length);
  const seen = new Map<string, number>();
  const distinct: ResolvedUnit[] = [];
  const recorded: string[] = [];
  for (let i = 0; i < length; i++) {
    const event = records[i]!.event;
    latest[i] = upcast(event);
    occurred[i] = occurredAtMs(event);
    let unit = seen.get(event.unit_code);
    if (unit === undefined) {
      unit = distinct.length;
      seen.set(event.unit_code, unit);
      distinct.push(resolver.resolve(event.unit_code));
      recorded.push(event.unit_code);
    }
    unitOfRow[i] = unit;
  }
  return { records, latest, occurred, unitOfRow, distinct, recorded };
}

/** Makes one column of a type the schema uses from a getter. */
function column(field: Field, length: number, get: Getter<string | number | boolean>): Data {
  const { type } = field;
  if (type instanceof Dictionary)
    return dictionaryColumn(type as Dictionary<Utf8, Int32>, length, get as Getter<string>);
  if (type instanceof Utf8) return utf8Column(type, length, get as Getter<string>);
  if (type instanceof Int8 || type instanceof Int32) return intColumn(type, length, get as Getter<number>);
  if (type instanceof Int64 || type instanceof TimestampMillisecond)
    return int64Column(type, length, get as Getter<number>);
  if (type instanceof Float64) return float64Column(type, length, get as Getter<number>);
  if (type instanceof Bool) return boolColumn(type, length, get as Getter<boolean>);
  throw new TypeError(`column ${field.name}: no maker for Arrow type ${String(type)}`);
}

function attributeGetter(
  latest: readonly LatestEvent[],
  name: AttributeName,
): Getter<string | number | boolean> {
  return (i) => (latest[i]!.attrs as Readonly<Record<string, string | number | boolean | null>>)[name];
}

/**
 * Builds one record batch of {@link EVENT_SCHEMA} from records, in the order given.
 *
 * @throws UnitNotFoundError (from the resolver) when a record's unit is not in the hierarchy.
 * @example
 * const batch = buildEventBatch(records, new UnitResolver(loadHierarchy()));
 * batch.numRows === records.length;
 */
export function buildEventBatch(records: readonly SinkRecord[], resolver: UnitResolver): RecordBatch {
  const length = records.length;
  const p = prepare(records, resolver);
  const present = new Set<AttributeName>();
  for (const type of new Set(p.latest.map((e) => e.type)))
    for (const name of attributesOf(type)) present.add(name);
  const ofUnit = (row: number): ResolvedUnit => p.distinct[p.unitOfRow[row]!]!;

  const children = EVENT_SCHEMA.fields.map((field): Data => {
    const name = field.name as EventColumn;
    const fromUnit = UNIT_COLUMNS[name as EnvelopeColumn];
    if (fromUnit !== undefined) {
      const values = p.distinct.map((u, i) => fromUnit(u, p.recorded[i]!));
      return indexedDictionaryColumn(field.type as Dictionary<Utf8, Int32>, p.unitOfRow, values);
    }
    if (name === 'current_units')
      return listColumn(field.type as List, length, (i) => ofUnit(i).currentUnits);
    if (name === 'current_weights')
      return listColumn(field.type as List, length, (i) => ofUnit(i).currentWeights);
    if (Object.hasOwn(ATTRIBUTE_COLUMNS, name)) {
      const attribute = name as AttributeName;
      return present.has(attribute)
        ? column(field, length, attributeGetter(p.latest, attribute))
        : nullColumn(field.type, length);
    }
    return column(field, length, recordGetter(p, name as RecordColumn));
  });
  const data = makeData({ type: new Struct(EVENT_SCHEMA.fields), length, nullCount: 0, children });
  return new RecordBatch(EVENT_SCHEMA, data);
}
