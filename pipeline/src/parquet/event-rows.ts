/**
 * Arrow → plain rows and back to events: the read side of {@link buildEventBatch}. Whatever wrote a file
 * (parquet-wasm with dictionaries and millisecond timestamps, DuckDB with plain strings and microseconds), a
 * row reads back as the same plain values, so readers and tests compare files by value.
 */
import type { RecordBatch, Table, Vector } from 'apache-arrow';
import type { ActivityEvent, EventType } from '@vwu/contracts';
import type { SinkRecord } from './arrow-batch.js';
import { EVENT_SCHEMA, attributesOf, type EventColumn } from './schema.js';

/** One cell as plain JavaScript: timestamps in epoch milliseconds, 64-bit integers as numbers, lists as arrays. */
export type Cell = string | number | boolean | null | readonly string[] | readonly number[];

/** One event row of the event schema as plain values, keyed by column name. */
export type EventRow = { readonly [C in EventColumn]: Cell };

/** Column names of the event schema, in order. */
export const EVENT_COLUMNS: readonly EventColumn[] = EVENT_SCHEMA.fields.map((f) => f.name as EventColumn);

function plain(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object' && Symbol.iterator in value) {
    return Array.from(value as Iterable<string | number>, (item) =>
      typeof item === 'bigint' ? Number(item) : item,
    ) as string[] | number[];
  }
  throw new TypeError(`unexpected cell value ${String(value)}`);
}

/**
 * Every row of a table or record batch as plain values, columns in schema order. A column missing from the
 * source reads as null.
 *
 * @example const rows = tableRows(tableFromIPC(bytes)); rows[0].occurred_at // 1751328000000
 */
export function tableRows(source: Table | RecordBatch): EventRow[] {
  const vectors: Array<[EventColumn, Vector | null]> = EVENT_COLUMNS.map((name) => [
    name,
    source.getChild(name),
  ]);
  const rows: EventRow[] = [];
  for (let i = 0; i < source.numRows; i++) {
    const row: Record<string, Cell> = {};
    for (const [name, vector] of vectors) row[name] = vector === null ? null : plain(vector.get(i));
    rows.push(row as EventRow);
  }
  return rows;
}

/**
 * The record a row was written from: the event as its producer sent it (the attributes of the version it was
 * written at, `occurred_at` as an ISO instant in UTC) and its Kafka position.
 *
 * @example rowToRecord(tableRows(batch)[0]).event.type // 'meeting.held'
 */
export function rowToRecord(row: EventRow): SinkRecord {
  const type = row.type as EventType;
  const version = row.schema_version as number;
  const attrs: Record<string, Cell> = {};
  for (const name of attributesOf(type, version)) attrs[name] = row[name];
  const event = {
    event_id: row.event_id as string,
    type,
    schema_version: version,
    occurred_at: new Date(row.occurred_at as number).toISOString(),
    unit_code: row.recorded_unit as string,
    ...(row.source === null ? {} : { source: row.source as string }),
    attrs,
  } as unknown as ActivityEvent;
  return {
    event,
    partition: row.source_partition as number,
    offset: row.source_offset as number,
    ingestedAt: row.ingested_at as number,
  };
}
