/**
 * The sink's Parquet encoder: records straight to Parquet bytes, without an Arrow batch, an IPC round trip or
 * a WebAssembly writer per file. Raw event files are many and small (month-ordered data spreads a landing over
 * thousands of type × province × month partitions), and parquet-wasm spends ~5–10 ms per file on work per
 * column chunk of the 63-column schema (`npm run bench:encoders`); this writer spends microseconds on an
 * all-null column and writes each non-null one as one PLAIN page, ZSTD-compressed when that is smaller.
 *
 * The file is what parquet-wasm writes for the same batch, by value: the same columns, types and logical
 * annotations, the Arrow schema embedded (`ARROW:schema`, so parquet-wasm reads dictionaries and UTC
 * timestamps back), column statistics, row groups of {@link ROW_GROUP_ROWS}. Compaction rewrites raw files
 * with DuckDB (dictionary pages, sorted) anyway.
 */
import type { SinkRecord } from './arrow-batch.js';
import { ByteSink } from './byte-sink.js';
import { writeColumnChunk, type ChunkMeta } from './direct-pages.js';
import { FILE_METADATA, LEAF_COLUMNS, type LeafColumn } from './direct-schema.js';
import { columnValues } from './direct-values.js';
import { ROW_GROUP_ROWS } from './encoders.js';
import type { EventColumn } from './schema.js';
import { CompactWriter } from './thrift-compact.js';
import type { UnitResolver } from './unit-resolver.js';

/** Turns the records of one raw file into Parquet bytes. */
export interface EventFileEncoder {
  readonly name: string;
  /** @throws UnitNotFoundError when a record's unit is not in the hierarchy. */
  encode(records: readonly SinkRecord[], resolver: UnitResolver): Uint8Array;
}

const MAGIC = Buffer.from('PAR1', 'ascii');
const CREATED_BY = 'vwu-pipeline version 1.0.0 (direct encoder)';
const COLUMNS = LEAF_COLUMNS.map((leaf) => leaf.name as EventColumn);
/** Parquet `ConvertedType` and `FieldRepetitionType` ids used. */
const CONVERTED = { UTF8: 0, LIST: 3, TIMESTAMP_MILLIS: 9, INT_8: 15 } as const;
const REPETITION = { REQUIRED: 0, OPTIONAL: 1, REPEATED: 2 } as const;

function writeAnnotation(t: CompactWriter, leaf: LeafColumn): void {
  if (leaf.annotation === 'string') {
    t.i32(6, CONVERTED.UTF8);
    t.struct(10, () => t.struct(1, () => undefined));
  } else if (leaf.annotation === 'int8') {
    t.i32(6, CONVERTED.INT_8);
    t.struct(10, () =>
      t.struct(10, () => {
        t.i8(1, 8);
        t.bool(2, true);
      }),
    );
  } else if (leaf.annotation === 'timestamp-ms-utc') {
    t.i32(6, CONVERTED.TIMESTAMP_MILLIS);
    t.struct(10, () =>
      t.struct(8, () => {
        t.bool(1, true);
        t.struct(2, () => t.struct(1, () => undefined));
      }),
    );
  }
}

/** The schema elements of the footer: the root, then each column (a list as three elements). */
function writeSchema(t: CompactWriter): void {
  type Element = () => void;
  const elements: Element[] = [
    () => {
      t.binary(4, 'arrow_schema');
      t.i32(5, LEAF_COLUMNS.length);
    },
  ];
  for (const leaf of LEAF_COLUMNS) {
    const leafElement =
      (repetition: number, name: string): Element =>
      () => {
        t.i32(1, leaf.physical);
        t.i32(3, repetition);
        t.binary(4, name);
        writeAnnotation(t, leaf);
      };
    if (!leaf.list) {
      elements.push(leafElement(leaf.optional ? REPETITION.OPTIONAL : REPETITION.REQUIRED, leaf.name));
      continue;
    }
    elements.push(
      () => {
        t.i32(3, REPETITION.REQUIRED);
        t.binary(4, leaf.path[0]!);
        t.i32(5, 1);
        t.i32(6, CONVERTED.LIST);
        t.struct(10, () => t.struct(3, () => undefined));
      },
      () => {
        t.i32(3, REPETITION.REPEATED);
        t.binary(4, leaf.path[1]!);
        t.i32(5, 1);
      },
      leafElement(REPETITION.REQUIRED, leaf.path[2]!),
    );
  }
  t.structList(2, elements, (element) => element());
}

interface RowGroup {
  rows: number;
  chunks: ChunkMeta[];
}

/** Pre-encoded footer fields that are the same in every file: version and schema (1–2), then 5–7. */
function constantFooterParts(): { head: Uint8Array; tail: Uint8Array } {
  const head = new ByteSink(16 * 1024);
  const t = new CompactWriter(head);
  t.i32(1, 1);
  writeSchema(t);
  const tail = new ByteSink(16 * 1024);
  const u = new CompactWriter(tail, 4);
  u.structList(5, FILE_METADATA, ([key, value]) => {
    u.binary(1, key);
    u.binary(2, value);
  });
  u.binary(6, CREATED_BY);
  u.structList(7, LEAF_COLUMNS, () => u.struct(1, () => undefined));
  u.stop();
  return { head: head.copy(), tail: tail.copy() };
}

const FOOTER = constantFooterParts();

function writeFooter(file: ByteSink, rows: number, groups: readonly RowGroup[]): void {
  const start = file.length;
  file.bytes(FOOTER.head);
  const t = new CompactWriter(file, 2);
  t.i64(3, rows);
  t.structList(4, groups, (group) => {
    const columns = group.chunks.map((chunk, i) => ({ chunk, leaf: LEAF_COLUMNS[i]! }));
    t.structList(1, columns, ({ chunk, leaf }) => {
      t.i64(2, chunk.offset);
      t.struct(3, () => {
        t.i32(1, leaf.physical);
        t.i32List(2, leaf.optional || leaf.list ? [0, 3] : [0]);
        t.stringList(3, leaf.path);
        t.i32(4, chunk.codec);
        t.i64(5, chunk.numValues);
        t.i64(6, chunk.uncompressedBytes);
        t.i64(7, chunk.compressedBytes);
        t.i64(9, chunk.offset);
        t.struct(12, () => {
          t.i64(3, chunk.nullCount);
          if (chunk.max !== null) t.binary(5, chunk.max);
          if (chunk.min !== null) t.binary(6, chunk.min);
        });
      });
    });
    t.i64(
      2,
      group.chunks.reduce((n, c) => n + c.uncompressedBytes, 0),
    );
    t.i64(3, group.rows);
    t.i64(5, group.chunks[0]!.offset);
    t.i64(
      6,
      group.chunks.reduce((n, c) => n + c.compressedBytes, 0),
    );
  });
  file.bytes(FOOTER.tail);
  file.int32(file.length - start);
  file.bytes(MAGIC);
}

/**
 * The direct encoder. Scratch buffers are reused across files (one encoder per writer; not re-entrant).
 *
 * @example const bytes = directEncoder().encode(records, resolver); await writeFile(path, bytes);
 */
export function directEncoder(rowGroupRows: number = ROW_GROUP_ROWS): EventFileEncoder {
  const file = new ByteSink(64 * 1024);
  const page = new ByteSink(64 * 1024);
  return {
    name: 'direct',
    encode(records, resolver) {
      const values = columnValues(records, resolver, COLUMNS);
      file.reset();
      file.bytes(MAGIC);
      const groups: RowGroup[] = [];
      for (let start = 0; start < records.length || start === 0; start += rowGroupRows) {
        const end = Math.min(records.length, start + rowGroupRows);
        const chunks = LEAF_COLUMNS.map((leaf) =>
          writeColumnChunk(file, page, leaf, values.get(leaf.name as EventColumn)!, start, end),
        );
        groups.push({ rows: end - start, chunks });
        if (end === records.length) break;
      }
      writeFooter(file, records.length, groups);
      return file.copy();
    },
  };
}
