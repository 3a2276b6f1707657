/**
 * A growable little-endian byte buffer: what the direct Parquet encoder writes pages, Thrift headers and
 * files into. Reused across pages (`reset`), so encoding many small files allocates little.
 */

const TWO_32 = 2 ** 32;

/**
 * Appends bytes, integers and UTF-8 text to one growing buffer.
 *
 * @example const sink = new ByteSink(); sink.int32(7); sink.utf8('Hà Nội'); sink.view() // 11 bytes
 */
export class ByteSink {
  private buffer: Buffer;
  /** Bytes written so far. */
  length = 0;

  constructor(initialBytes = 4096) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + n));
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }

  /** Forgets the content, keeping the memory. */
  reset(): void {
    this.length = 0;
  }

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  bytes(value: Uint8Array): void {
    this.reserve(value.length);
    this.buffer.set(value, this.length);
    this.length += value.length;
  }

  /** Unsigned LEB128 varint of a non-negative safe integer. */
  uvarint(value: number): void {
    let v = value;
    while (v >= 0x80) {
      this.byte((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.byte(v);
  }

  int32(value: number): void {
    this.reserve(4);
    this.buffer.writeInt32LE(value, this.length);
    this.length += 4;
  }

  /** Writes `value` at an earlier position (a length prefix known only afterwards). */
  int32At(position: number, value: number): void {
    this.buffer.writeInt32LE(value, position);
  }

  /** A signed 64-bit integer from a safe JavaScript integer. */
  int64(value: number): void {
    this.reserve(8);
    if (value >= 0) {
      this.buffer.writeUInt32LE(value % TWO_32, this.length);
      this.buffer.writeUInt32LE(Math.floor(value / TWO_32), this.length + 4);
    } else {
      this.buffer.writeBigInt64LE(BigInt(value), this.length);
    }
    this.length += 8;
  }

  double(value: number): void {
    this.reserve(8);
    this.buffer.writeDoubleLE(value, this.length);
    this.length += 8;
  }

  /** UTF-8 bytes of `text`, no length; returns how many. */
  utf8(text: string): number {
    this.reserve(text.length * 3);
    const written = this.buffer.write(text, this.length, 'utf8');
    this.length += written;
    return written;
  }

  /** The bytes written, as a view (valid until the next write or reset). */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /** A copy of the bytes written. */
  copy(): Uint8Array {
    return Uint8Array.prototype.slice.call(this.buffer, 0, this.length);
  }
}
