/**
 * One column chunk of the direct encoder: a single data page (v1) with the repetition and definition levels
 * (RLE runs, bit width 1) and PLAIN values, ZSTD-compressed when that makes it smaller, and the chunk's
 * statistics (null count, min and max in Parquet's sort order — strings by UTF-8 bytes).
 */
import { compress } from './zstd.js';
import { ByteSink } from './byte-sink.js';
import { PhysicalType, type LeafColumn } from './direct-schema.js';
import type { DirectValue } from './direct-values.js';
import { CompactWriter } from './thrift-compact.js';

/** Parquet `CompressionCodec` ids used. */
export const Codec = { UNCOMPRESSED: 0, ZSTD: 6 } as const;

/** ZSTD level of data pages (the level DuckDB and arrow-rs use by default). */
const ZSTD_LEVEL = 3;
/** Page bodies shorter than this are stored plain: compressing them costs more than it saves. */
const MIN_COMPRESS_BYTES = 96;

/** What the footer needs to know about a written column chunk. */
export interface ChunkMeta {
  codec: number;
  /** Level entries: rows, or list items plus empty lists. */
  numValues: number;
  nullCount: number;
  /** Offset of the page header in the file. */
  offset: number;
  compressedBytes: number;
  uncompressedBytes: number;
  min: Uint8Array | null;
  max: Uint8Array | null;
}

/** Compares two strings by their UTF-8 bytes (code points), not UTF-16 units. */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** Writes `count` levels as RLE runs with the v1 page's 4-byte length prefix. */
function writeLevels(page: ByteSink, count: number, levelAt: (i: number) => number): void {
  const at = page.length;
  page.int32(0);
  let i = 0;
  while (i < count) {
    const level = levelAt(i);
    let j = i + 1;
    while (j < count && levelAt(j) === level) j++;
    page.uvarint((j - i) * 2);
    page.byte(level);
    i = j;
  }
  page.int32At(at, page.length - at - 4);
}

function statBytes(physical: number, value: string | number | boolean): Uint8Array {
  const sink = new ByteSink(16);
  if (physical === PhysicalType.BYTE_ARRAY) sink.utf8(value as string);
  else if (physical === PhysicalType.INT32) sink.int32(value as number);
  else if (physical === PhysicalType.INT64) sink.int64(value as number);
  else if (physical === PhysicalType.DOUBLE) sink.double(value as number);
  else sink.byte(value ? 1 : 0);
  return sink.copy();
}

/** Writes the PLAIN values of `items` (no nulls) to `page`; returns their min and max. */
function writeValues(
  page: ByteSink,
  leaf: LeafColumn,
  items: readonly (string | number | boolean)[],
): { min: Uint8Array | null; max: Uint8Array | null } {
  if (items.length === 0) return { min: null, max: null };
  let min = items[0]!;
  let max = min;
  switch (leaf.physical) {
    case PhysicalType.BYTE_ARRAY:
      for (const item of items) {
        const at = page.length;
        page.int32(0);
        page.int32At(at, page.utf8(item as string));
        if (compareUtf8(item as string, min as string) < 0) min = item;
        else if (compareUtf8(item as string, max as string) > 0) max = item;
      }
      break;
    case PhysicalType.BOOLEAN: {
      page.reserve(Math.ceil(items.length / 8));
      let bits = 0;
      items.forEach((item, i) => {
        if (item === true) bits |= 1 << (i % 8);
        if (i % 8 === 7 || i === items.length - 1) {
          page.byte(bits);
          bits = 0;
        }
        if (item !== min) min = false;
        if (item !== max) max = true;
      });
      break;
    }
    default: {
      const write =
        leaf.physical === PhysicalType.INT32
          ? (v: number) => page.int32(v)
          : leaf.physical === PhysicalType.INT64
            ? (v: number) => page.int64(v)
            : (v: number) => page.double(v);
      let seen = false;
      for (const item of items) {
        const v = item as number;
        write(v);
        if (Number.isNaN(v)) continue;
        if (!seen || v < (min as number)) min = v;
        if (!seen || v > (max as number)) max = v;
        seen = true;
      }
      if (!seen) return { min: null, max: null };
      if (leaf.physical === PhysicalType.DOUBLE && min === 0) min = -0;
      if (leaf.physical === PhysicalType.DOUBLE && max === 0) max = 0;
    }
  }
  return { min: statBytes(leaf.physical, min), max: statBytes(leaf.physical, max) };
}

/**
 * Writes rows `[start, end)` of one column as a column chunk (page header and page) at the end of `file`.
 * `values` is `null` for a column that is null in every row. `page` is scratch space.
 *
 * @throws TypeError when a required column has a null value.
 */
export function writeColumnChunk(
  file: ByteSink,
  page: ByteSink,
  leaf: LeafColumn,
  values: readonly DirectValue[] | null,
  start: number,
  end: number,
): ChunkMeta {
  page.reset();
  const rows = end - start;
  let items: (string | number | boolean)[];
  let numValues = rows;
  let nullCount = 0;
  if (leaf.list) {
    if (values === null) throw new TypeError(`column ${leaf.name} is required`);
    const repetition: number[] = [];
    const definition: number[] = [];
    items = [];
    for (let r = start; r < end; r++) {
      const list = values[r] as readonly (string | number)[];
      if (list.length === 0) {
        repetition.push(0);
        definition.push(0);
      }
      list.forEach((item, k) => {
        repetition.push(k === 0 ? 0 : 1);
        definition.push(1);
        items.push(item);
      });
    }
    numValues = repetition.length;
    writeLevels(page, numValues, (i) => repetition[i]!);
    writeLevels(page, numValues, (i) => definition[i]!);
  } else if (leaf.optional) {
    const at = (i: number): number => (values === null || values[start + i] === null ? 0 : 1);
    writeLevels(page, rows, at);
    items = [];
    if (values !== null)
      for (let r = start; r < end; r++) if (values[r] !== null) items.push(values[r] as string);
    nullCount = rows - items.length;
  } else {
    if (values === null) throw new TypeError(`column ${leaf.name} is required`);
    items = values.slice(start, end) as (string | number | boolean)[];
    if (items.includes(null as unknown as string))
      throw new TypeError(`column ${leaf.name} is required, got null`);
  }
  const stats = writeValues(page, leaf, items);
  const raw = page.view();
  let body: Uint8Array = raw;
  let codec: number = Codec.UNCOMPRESSED;
  if (raw.length >= MIN_COMPRESS_BYTES) {
    const packed = compress(raw, ZSTD_LEVEL);
    if (packed.length < raw.length) {
      body = packed;
      codec = Codec.ZSTD;
    }
  }
  const offset = file.length;
  const header = new CompactWriter(file);
  header.i32(1, 0); // DATA_PAGE
  header.i32(2, raw.length);
  header.i32(3, body.length);
  header.struct(5, () => {
    header.i32(1, numValues);
    header.i32(2, 0); // PLAIN
    header.i32(3, 3); // RLE definition levels
    header.i32(4, 3); // RLE repetition levels
  });
  header.stop();
  const headerBytes = file.length - offset;
  file.bytes(body);
  return {
    codec,
    numValues,
    nullCount,
    offset,
    compressedBytes: headerBytes + body.length,
    uncompressedBytes: headerBytes + raw.length,
    min: stats.min,
    max: stats.max,
  };
}
