/**
 * Decoded files of one event type → ONE Arrow IPC stream for one `insertArrowFromIPCStream`. Each file's
 * record batches get two leading columns, `file_no` (which resident file a row came from, so it can be
 * dropped again) and `month` (the file's partition: Vietnam calendar month), and `occurred_at` becomes a
 * plain UTC timestamp (DuckDB's time-zone functions would need the ICU extension, which is not loaded).
 * Batches of many files share one schema; each keeps its own string dictionaries (the stream carries them
 * as replacement dictionaries), so nothing is re-encoded.
 *
 * One insert per type instead of one (or four) per file: every DuckDB statement has a fixed cost, and while
 * DuckDB's WebAssembly still runs baseline-compiled code (the first seconds of a visit) it is not small.
 */
import {
  Field,
  Int32,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMillisecond,
  Timestamp,
  Utf8,
  makeData,
  tableFromIPC,
  tableToIPC,
  type Data,
} from 'apache-arrow';

/** One decoded file waiting for its insert. */
export interface DecodedFile {
  fileNo: number;
  month: string;
  /** Arrow IPC stream from parquet-wasm. */
  ipc: Uint8Array;
}

/** Rows and the IPC stream of a type's files. */
export interface CombinedBatches {
  rows: number;
  ipc: Uint8Array;
}

/** A Utf8 column holding one text in every row (plain, not a dictionary: no id to clash with the file's). */
function constantText(text: string, length: number): Data<Utf8> {
  const bytes = new TextEncoder().encode(text);
  const data = new Uint8Array(bytes.length * length);
  if (length > 0) {
    data.set(bytes);
    for (let filled = bytes.length; filled < data.length; filled *= 2) data.copyWithin(filled, 0, filled);
  }
  const valueOffsets = new Int32Array(length + 1);
  for (let i = 0; i <= length; i += 1) valueOffsets[i] = i * bytes.length;
  return makeData({ type: new Utf8(), length, nullCount: 0, valueOffsets, data });
}

/** The same buffers under the shared schema's field type (its dictionary id), dictionary kept. */
function retype(data: Data, field: Field): Data {
  return data.type === field.type ? data : data.clone(field.type);
}

function plainTimestamp(field: Field, data: Data): { field: Field; data: Data } {
  if (!(field.type instanceof Timestamp) || field.type.timezone === null) return { field, data };
  const type = new TimestampMillisecond();
  return { field: new Field(field.name, type, field.nullable), data: data.clone(type) };
}

/**
 * Concatenates decoded files of one type into one IPC stream with `file_no` and `month` in front.
 *
 * @throws Error when the files do not share their columns (they come from one projection of one schema).
 * @example const { ipc, rows } = combineFiles([{ fileNo: 1, month: '2025-10', ipc }]);
 */
export function combineFiles(files: readonly DecodedFile[]): CombinedBatches {
  const fileNoField = new Field('file_no', new Int32(), false);
  const monthField = new Field('month', new Utf8(), false);
  let schema: Schema | undefined;
  const batches: RecordBatch[] = [];
  let rows = 0;
  for (const file of files) {
    const table = tableFromIPC(file.ipc);
    for (const batch of table.batches) {
      const length = batch.numRows;
      const columns = batch.schema.fields.map((field, i) => plainTimestamp(field, batch.data.children[i]!));
      if (schema === undefined) {
        schema = new Schema([fileNoField, monthField, ...columns.map((c) => c.field)]);
      } else if (schema.fields.length !== columns.length + 2) {
        throw new Error(
          `file ${file.fileNo}: ${columns.length} columns, expected ${schema.fields.length - 2}`,
        );
      }
      const children = [
        makeData({ type: new Int32(), length, nullCount: 0, data: new Int32Array(length).fill(file.fileNo) }),
        constantText(file.month, length),
        ...columns.map((c, i) => retype(c.data, schema!.fields[i + 2]!)),
      ];
      const data = makeData({ type: new Struct(schema.fields), length, nullCount: 0, children });
      batches.push(new RecordBatch(schema, data));
      rows += length;
    }
  }
  if (schema === undefined) return { rows: 0, ipc: new Uint8Array(0) };
  return { rows, ipc: tableToIPC(new Table(schema, batches), 'stream') };
}
