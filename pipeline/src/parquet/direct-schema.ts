/**
 * The Parquet schema of {@link EVENT_SCHEMA} as the direct encoder writes it: one leaf column per Arrow
 * field (lists as Parquet's three-level LIST of required items), with the logical types parquet-wasm
 * (arrow-rs) writes for the same Arrow types, and the Arrow schema itself embedded as `ARROW:schema` so Arrow
 * readers get dictionary columns and UTC timestamps back exactly as from a parquet-wasm file.
 */
import {
  Bool,
  Dictionary,
  Float64,
  Int32,
  Int64,
  Int8,
  List,
  Table,
  TimestampMillisecond,
  Utf8,
  tableToIPC,
  type DataType,
  type Field,
} from 'apache-arrow';
import { EVENT_SCHEMA } from './schema.js';

/** Parquet physical types (`parquet.thrift` `Type`). */
export const PhysicalType = { BOOLEAN: 0, INT32: 1, INT64: 2, DOUBLE: 5, BYTE_ARRAY: 6 } as const;

/** A Parquet physical type id. */
export type Physical = (typeof PhysicalType)[keyof typeof PhysicalType];

/** How a leaf's logical type is annotated in the footer. */
export type Annotation = 'string' | 'int8' | 'timestamp-ms-utc' | 'none';

/** One leaf column of the file, in schema order. */
export interface LeafColumn {
  /** The Arrow field (top-level column) name. */
  name: string;
  /** Path of the leaf in the Parquet schema (`['current_units', 'list', 'item']` for a list). */
  path: readonly string[];
  physical: Physical;
  annotation: Annotation;
  /** The top-level field may be null (definition level 1 = present). */
  optional: boolean;
  /** A list of required items: repetition level 1 continues a list, definition level 1 = an item. */
  list: boolean;
}

function leafOf(type: DataType): { physical: Physical; annotation: Annotation } {
  if (type instanceof Utf8 || type instanceof Dictionary)
    return { physical: PhysicalType.BYTE_ARRAY, annotation: 'string' };
  if (type instanceof Int8) return { physical: PhysicalType.INT32, annotation: 'int8' };
  if (type instanceof Int32) return { physical: PhysicalType.INT32, annotation: 'none' };
  if (type instanceof Int64) return { physical: PhysicalType.INT64, annotation: 'none' };
  if (type instanceof TimestampMillisecond)
    return { physical: PhysicalType.INT64, annotation: 'timestamp-ms-utc' };
  if (type instanceof Float64) return { physical: PhysicalType.DOUBLE, annotation: 'none' };
  if (type instanceof Bool) return { physical: PhysicalType.BOOLEAN, annotation: 'none' };
  throw new TypeError(`the direct encoder has no Parquet type for ${String(type)}`);
}

function leafColumn(field: Field): LeafColumn {
  if (field.type instanceof List) {
    const item = (field.type as List).children[0]!;
    if (item.nullable || field.nullable)
      throw new TypeError(`${field.name}: only required lists of required items are supported`);
    return {
      name: field.name,
      path: [field.name, 'list', item.name],
      ...leafOf(item.type),
      optional: false,
      list: true,
    };
  }
  return {
    name: field.name,
    path: [field.name],
    ...leafOf(field.type),
    optional: field.nullable,
    list: false,
  };
}

/** Every leaf column of the event schema, in order. */
export const LEAF_COLUMNS: readonly LeafColumn[] = EVENT_SCHEMA.fields.map(leafColumn);

/**
 * The `ARROW:schema` footer value: the IPC schema message of {@link EVENT_SCHEMA}, base64, as arrow-rs
 * writes it (continuation marker, length, flatbuffer).
 */
function arrowSchemaMetadata(): string {
  const stream = tableToIPC(new Table(EVENT_SCHEMA), 'stream');
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const length = view.getInt32(4, true);
  return Buffer.from(stream.subarray(0, 8 + length)).toString('base64');
}

/** Key-value metadata of every file: the Arrow schema and the schema's own metadata (`vwu.schema`). */
export const FILE_METADATA: ReadonlyArray<readonly [string, string]> = [
  ...EVENT_SCHEMA.metadata.entries(),
  ['ARROW:schema', arrowSchemaMetadata()],
];
