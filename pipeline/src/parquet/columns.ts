/**
 * Column makers: one Arrow `Data` from a getter over rows, written straight into typed arrays with
 * `makeData` — one pass per column, no per-value builder objects. Dictionary columns are encoded here with a
 * `Map` (one lookup per value, the strings of the dictionary encoded once), which is what makes
 * low-cardinality string columns cheap.
 */
import type { TimestampMillisecond } from 'apache-arrow';
import {
  Bool,
  Dictionary,
  Float64,
  Int32,
  Int64,
  Int8,
  List,
  Utf8,
  makeData,
  makeVector,
  type Data,
  type DataType,
  type Field,
} from 'apache-arrow';

/** Reads the value of one row; `null` (or `undefined`) is a null. */
export type Getter<T> = (row: number) => T | null | undefined;

const encoder = new TextEncoder();

class Validity {
  readonly bitmap: Uint8Array;
  nulls = 0;

  constructor(length: number) {
    this.bitmap = new Uint8Array((length + 7) >> 3);
  }

  set(row: number): void {
    this.bitmap[row >> 3]! |= 1 << (row & 7);
  }
}

/**
 * A column of `length` nulls of any type, made without touching a value: the attribute columns of the
 * other event types in a one-type file.
 */
export function nullColumn(type: DataType, length: number): Data {
  const nullBitmap = new Uint8Array((length + 7) >> 3);
  if (type instanceof Dictionary) {
    const dictionary = makeVector(utf8Data([]));
    return makeData({
      type,
      length,
      nullCount: length,
      nullBitmap,
      data: new Int32Array(length),
      dictionary,
    });
  }
  if (type instanceof Utf8) {
    return makeData({
      type,
      length,
      nullCount: length,
      nullBitmap,
      valueOffsets: new Int32Array(length + 1),
    });
  }
  if (type instanceof List) {
    const child = nullColumn((type.children[0] as Field).type, 0);
    return makeData({
      type,
      length,
      nullCount: length,
      nullBitmap,
      valueOffsets: new Int32Array(length + 1),
      child,
    });
  }
  if (type instanceof Bool)
    return makeData({ type, length, nullCount: length, nullBitmap, data: new Uint8Array(nullBitmap.length) });
  if (type instanceof Float64)
    return makeData({ type, length, nullCount: length, nullBitmap, data: new Float64Array(length) });
  if (type instanceof Int32)
    return makeData({ type, length, nullCount: length, nullBitmap, data: new Int32Array(length) });
  throw new TypeError(`no null column for Arrow type ${String(type)}`);
}

/** Utf8 data of an array of strings (no nulls). */
function utf8Data(values: readonly string[]): Data<Utf8> {
  return utf8Column(new Utf8(), values.length, (i) => values[i]);
}

/** A utf8 column; each value is UTF-8 encoded once into one growing buffer. */
export function utf8Column(type: Utf8, length: number, get: Getter<string>): Data<Utf8> {
  const validity = new Validity(length);
  const valueOffsets = new Int32Array(length + 1);
  let bytes = new Uint8Array(Math.max(64, length * 16));
  let end = 0;
  for (let row = 0; row < length; row++) {
    const value = get(row);
    if (value == null) {
      validity.nulls++;
    } else {
      validity.set(row);
      if (bytes.length - end < value.length * 3) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, end + value.length * 3));
        grown.set(bytes.subarray(0, end));
        bytes = grown;
      }
      end += encoder.encodeInto(value, bytes.subarray(end)).written;
    }
    valueOffsets[row + 1] = end;
  }
  return makeData({
    type,
    length,
    nullCount: validity.nulls,
    nullBitmap: validity.bitmap,
    valueOffsets,
    data: bytes.subarray(0, end),
  });
}

/** A dictionary-encoded utf8 column: Int32 indices into the distinct values, in first-seen order. */
export function dictionaryColumn(type: Dictionary<Utf8, Int32>, length: number, get: Getter<string>): Data {
  const validity = new Validity(length);
  const indices = new Int32Array(length);
  const codes = new Map<string, number>();
  const values: string[] = [];
  for (let row = 0; row < length; row++) {
    const value = get(row);
    if (value == null) {
      validity.nulls++;
      continue;
    }
    validity.set(row);
    let code = codes.get(value);
    if (code === undefined) {
      code = values.length;
      codes.set(value, code);
      values.push(value);
    }
    indices[row] = code;
  }
  return makeData({
    type,
    length,
    nullCount: validity.nulls,
    nullBitmap: validity.bitmap,
    data: indices,
    dictionary: makeVector(utf8Data(values)),
  });
}

/**
 * A dictionary-encoded utf8 column whose rows point at a few distinct entities (units): `index[row]` selects
 * `values[index[row]]`. The distinct values are encoded once; each row costs one typed-array read.
 */
export function indexedDictionaryColumn(
  type: Dictionary<Utf8, Int32>,
  index: Int32Array,
  values: readonly (string | null)[],
): Data {
  const length = index.length;
  const distinct = dictionaryColumn(type, values.length, (i) => values[i]);
  const codes = distinct.values as Int32Array;
  const valid = distinct.nullBitmap;
  const validity = new Validity(length);
  const indices = new Int32Array(length);
  for (let row = 0; row < length; row++) {
    const entity = index[row]!;
    if (valid !== undefined && distinct.nullCount > 0 && (valid[entity >> 3]! & (1 << (entity & 7))) === 0) {
      validity.nulls++;
    } else {
      validity.set(row);
      indices[row] = codes[entity]!;
    }
  }
  return makeData({
    type,
    length,
    nullCount: validity.nulls,
    nullBitmap: validity.bitmap,
    data: indices,
    dictionary: distinct.dictionary,
  });
}

/** An Int8 or Int32 column. */
export function intColumn(type: Int8 | Int32, length: number, get: Getter<number>): Data {
  const validity = new Validity(length);
  const data = type instanceof Int8 ? new Int8Array(length) : new Int32Array(length);
  for (let row = 0; row < length; row++) {
    const value = get(row);
    if (value == null) validity.nulls++;
    else {
      validity.set(row);
      data[row] = value;
    }
  }
  return makeData({ type, length, nullCount: validity.nulls, nullBitmap: validity.bitmap, data });
}

/**
 * An Int64 or millisecond-timestamp column from non-negative safe-integer numbers (Kafka offsets, epoch
 * milliseconds), written as two 32-bit little-endian halves so no `BigInt` is allocated per value.
 */
export function int64Column(type: Int64 | TimestampMillisecond, length: number, get: Getter<number>): Data {
  const validity = new Validity(length);
  const data = new BigInt64Array(length);
  const halves = new Uint32Array(data.buffer);
  for (let row = 0; row < length; row++) {
    const value = get(row);
    if (value == null) validity.nulls++;
    else {
      if (!(value >= 0 && value <= Number.MAX_SAFE_INTEGER))
        throw new RangeError(`${value} is not a safe non-negative integer`);
      validity.set(row);
      halves[row * 2] = value % 0x1_0000_0000;
      halves[row * 2 + 1] = Math.floor(value / 0x1_0000_0000);
    }
  }
  const nullBitmap = validity.bitmap;
  return type instanceof Int64
    ? makeData({ type, length, nullCount: validity.nulls, nullBitmap, data })
    : makeData({ type, length, nullCount: validity.nulls, nullBitmap, data });
}

/** A Float64 column. */
export function float64Column(type: Float64, length: number, get: Getter<number>): Data<Float64> {
  const validity = new Validity(length);
  const data = new Float64Array(length);
  for (let row = 0; row < length; row++) {
    const value = get(row);
    if (value == null) validity.nulls++;
    else {
      validity.set(row);
      data[row] = value;
    }
  }
  return makeData({ type, length, nullCount: validity.nulls, nullBitmap: validity.bitmap, data });
}

/** A boolean column, bit-packed. */
export function boolColumn(type: Bool, length: number, get: Getter<boolean>): Data<Bool> {
  const validity = new Validity(length);
  const data = new Uint8Array((length + 7) >> 3);
  for (let row = 0; row < length; row++) {
    const value = get(row);
    if (value == null) validity.nulls++;
    else {
      validity.set(row);
      if (value) data[row >> 3]! |= 1 << (row & 7);
    }
  }
  return makeData({ type, length, nullCount: validity.nulls, nullBitmap: validity.bitmap, data });
}

/**
 * A non-null list column whose items are utf8 or float64, e.g. `current_units` / `current_weights`.
 */
export function listColumn<T extends string | number>(
  type: List,
  length: number,
  get: (row: number) => readonly T[],
): Data {
  const valueOffsets = new Int32Array(length + 1);
  const items: T[] = [];
  for (let row = 0; row < length; row++) {
    for (const item of get(row)) items.push(item);
    valueOffsets[row + 1] = items.length;
  }
  const itemType = (type.children[0] as Field).type;
  const child =
    itemType instanceof Utf8
      ? utf8Column(itemType, items.length, (i) => items[i] as string)
      : float64Column(itemType as Float64, items.length, (i) => items[i] as number);
  const nullBitmap = new Uint8Array((length + 7) >> 3).fill(0xff);
  return makeData({ type, length, nullCount: 0, nullBitmap, valueOffsets, child });
}
