/**
 * Writing Thrift's compact protocol, the encoding of Parquet's page headers and file footer — only the
 * parts Parquet uses: structs, lists, i8/i32/i64, bool, binary. Field ids are written as deltas from the
 * previous field of the same struct, so fields must come in increasing id order.
 */
import type { ByteSink } from './byte-sink.js';

/** Compact-protocol type ids. */
const CompactType = {
  True: 1,
  False: 2,
  Byte: 3,
  I32: 5,
  I64: 6,
  Binary: 8,
  List: 9,
  Struct: 12,
} as const;

type CompactTypeId = (typeof CompactType)[keyof typeof CompactType];

const zigzag = (value: number): number => (value >= 0 ? value * 2 : -value * 2 - 1);

/**
 * Writes one Thrift struct (and the structs inside it) to a {@link ByteSink}.
 *
 * @example
 * const t = new CompactWriter(sink);
 * t.i32(1, 0); t.i32(2, 120); t.struct(5, () => t.i32(1, 10)); t.stop();
 */
export class CompactWriter {
  /**
   * @param lastField the id of the field written last in the current struct, when the struct's earlier
   * fields were written before (pre-encoded bytes).
   */
  constructor(
    private readonly out: ByteSink,
    private last = 0,
  ) {}

  private field(id: number, type: CompactTypeId): void {
    const delta = id - this.last;
    if (delta > 0 && delta <= 15) this.out.byte((delta << 4) | type);
    else {
      this.out.byte(type);
      this.out.uvarint(zigzag(id));
    }
    this.last = id;
  }

  i32(id: number, value: number): void {
    this.field(id, CompactType.I32);
    this.out.uvarint(zigzag(value));
  }

  i64(id: number, value: number): void {
    this.field(id, CompactType.I64);
    this.out.uvarint(zigzag(value));
  }

  i8(id: number, value: number): void {
    this.field(id, CompactType.Byte);
    this.out.byte(value & 0xff);
  }

  bool(id: number, value: boolean): void {
    this.field(id, value ? CompactType.True : CompactType.False);
  }

  /** A binary or string field (strings as UTF-8). */
  binary(id: number, value: Uint8Array | string): void {
    this.field(id, CompactType.Binary);
    this.rawBinary(value);
  }

  /** A nested struct field: `body` writes its fields. */
  struct(id: number, body: () => void): void {
    this.field(id, CompactType.Struct);
    this.nested(body);
  }

  /** A list of structs, each written by `item`. */
  structList<T>(id: number, items: readonly T[], item: (value: T) => void): void {
    this.listHeader(id, CompactType.Struct, items.length);
    for (const value of items) this.nested(() => item(value));
  }

  /** A list of i32 (enum) values. */
  i32List(id: number, items: readonly number[]): void {
    this.listHeader(id, CompactType.I32, items.length);
    for (const value of items) this.out.uvarint(zigzag(value));
  }

  /** A list of strings. */
  stringList(id: number, items: readonly string[]): void {
    this.listHeader(id, CompactType.Binary, items.length);
    for (const value of items) this.rawBinary(value);
  }

  /** Ends the outermost struct. */
  stop(): void {
    this.out.byte(0);
  }

  private nested(body: () => void): void {
    const saved = this.last;
    this.last = 0;
    body();
    this.out.byte(0);
    this.last = saved;
  }

  private listHeader(id: number, type: CompactTypeId, size: number): void {
    this.field(id, CompactType.List);
    if (size < 15) this.out.byte((size << 4) | type);
    else {
      this.out.byte(0xf0 | type);
      this.out.uvarint(size);
    }
  }

  private rawBinary(value: Uint8Array | string): void {
    if (typeof value === 'string') {
      this.out.uvarint(Buffer.byteLength(value, 'utf8'));
      this.out.utf8(value);
    } else {
      this.out.uvarint(value.length);
      this.out.bytes(value);
    }
  }
}
