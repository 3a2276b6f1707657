/**
 * Records → the values of each event column, for the direct encoder: the same values
 * {@link buildEventBatch} puts in an Arrow batch (events upcast to their type's latest version, units resolved
 * to the current structure, Kafka position and record time), as plain arrays per column. A column no record
 * of the file can fill (the attributes of other event types) is `null`: all null, nothing to allocate.
 */
import { upcast, type LatestEvent } from '@vwu/contracts';
import { occurredAtMs, type SinkRecord } from './arrow-batch.js';
import { ATTRIBUTE_COLUMNS, attributesOf, type AttributeName, type EventColumn } from './schema.js';
import type { ResolvedUnit, UnitResolver } from './unit-resolver.js';

/** A cell: a string, number, boolean, list, or null. */
export type DirectValue = string | number | boolean | readonly string[] | readonly number[] | null;

/** The values of a file's columns, by column name; `null` for a column that is null in every row. */
export type ColumnValues = ReadonlyMap<EventColumn, readonly DirectValue[] | null>;

const UNIT_COLUMNS: Readonly<
  Partial<Record<EventColumn, (u: ResolvedUnit, recorded: string) => DirectValue>>
> = {
  recorded_unit: (_, recorded) => recorded,
  recorded_structure: (u) => u.recordedStructure,
  current_unit: (u) => u.currentUnit,
  current_units: (u) => u.currentUnits,
  current_weights: (u) => u.currentWeights,
  resolve_rule: (u) => u.rule,
  current_province: (u) => u.currentProvince,
  current_commune: (u) => u.currentCommune,
};

function perRow(length: number, value: (i: number) => DirectValue): DirectValue[] {
  const values = new Array<DirectValue>(length);
  for (let i = 0; i < length; i++) values[i] = value(i);
  return values;
}

/**
 * The column values of some records, in the order given.
 *
 * @throws UnitNotFoundError (from the resolver) when a record's unit is not in the hierarchy.
 * @example columnValues(records, resolver).get('occurred_at') // [1751328000000, …]
 */
export function columnValues(
  records: readonly SinkRecord[],
  resolver: UnitResolver,
  columns: readonly EventColumn[],
): ColumnValues {
  const length = records.length;
  const latest = new Array<LatestEvent>(length);
  const units = new Array<ResolvedUnit>(length);
  const resolved = new Map<string, ResolvedUnit>();
  const present = new Set<AttributeName>();
  const types = new Set<string>();
  for (let i = 0; i < length; i++) {
    const event = records[i]!.event;
    latest[i] = upcast(event);
    let unit = resolved.get(event.unit_code);
    if (unit === undefined) {
      unit = resolver.resolve(event.unit_code);
      resolved.set(event.unit_code, unit);
    }
    units[i] = unit;
    if (!types.has(event.type)) {
      types.add(event.type);
      for (const name of attributesOf(event.type)) present.add(name);
    }
  }
  const out = new Map<EventColumn, readonly DirectValue[] | null>();
  for (const name of columns) {
    const fromUnit = UNIT_COLUMNS[name];
    if (fromUnit !== undefined) {
      out.set(
        name,
        perRow(length, (i) => fromUnit(units[i]!, records[i]!.event.unit_code)),
      );
      continue;
    }
    if (Object.hasOwn(ATTRIBUTE_COLUMNS, name)) {
      const attribute = name as AttributeName;
      out.set(
        name,
        present.has(attribute)
          ? perRow(
              length,
              (i) =>
                (latest[i]!.attrs as Readonly<Record<string, DirectValue | undefined>>)[attribute] ?? null,
            )
          : null,
      );
      continue;
    }
    out.set(name, envelope(name, records, latest));
  }
  return out;
}

function envelope(
  name: EventColumn,
  records: readonly SinkRecord[],
  latest: readonly LatestEvent[],
): DirectValue[] {
  const n = records.length;
  switch (name) {
    case 'event_id':
      return perRow(n, (i) => records[i]!.event.event_id);
    case 'type':
      return perRow(n, (i) => records[i]!.event.type);
    case 'schema_version':
      return perRow(n, (i) => records[i]!.event.schema_version);
    case 'occurred_at':
      return perRow(n, (i) => occurredAtMs(records[i]!.event));
    case 'source':
      return perRow(n, (i) => latest[i]!.source ?? null);
    case 'source_partition':
      return perRow(n, (i) => records[i]!.partition);
    case 'source_offset':
      return perRow(n, (i) => records[i]!.offset);
    case 'ingested_at':
      return perRow(n, (i) => records[i]!.ingestedAt);
    default:
      throw new TypeError(`no values for column ${name}`);
  }
}
