/**
 * One record of the embedded log, inside a frame (see `frame.ts`):
 *
 *     u8      format version (1)
 *     u64 BE  offset
 *     u64 BE  timestamp, ms since the epoch
 *     i32 BE  key length, −1 for no key
 *     key bytes, then value bytes (the rest of the body)
 *
 * The offset is stored in every record so a reader can check it is where it thinks it is.
 */

const RECORD_VERSION = 1;
const FIXED_BYTES = 1 + 8 + 8 + 4;

/** A decoded record; `key` and `value` are views into the read buffer. */
export interface LogRecord {
  offset: number;
  timestampMs: number;
  key: Buffer | null;
  value: Buffer;
}

/** Encodes a record body (not yet framed). */
export function encodeRecord(
  offset: number,
  timestampMs: number,
  key: Uint8Array | null,
  value: Uint8Array,
): Buffer {
  const keyLength = key === null ? 0 : key.length;
  const body = Buffer.allocUnsafe(FIXED_BYTES + keyLength + value.length);
  body.writeUInt8(RECORD_VERSION, 0);
  body.writeBigUInt64BE(BigInt(offset), 1);
  body.writeBigUInt64BE(BigInt(Math.max(0, Math.trunc(timestampMs))), 9);
  body.writeInt32BE(key === null ? -1 : key.length, 17);
  if (key !== null) body.set(key, FIXED_BYTES);
  body.set(value, FIXED_BYTES + keyLength);
  return body;
}

/** Decodes a record body; `null` when it is not a record of a known version. */
export function decodeRecord(body: Buffer): LogRecord | null {
  if (body.length < FIXED_BYTES || body.readUInt8(0) !== RECORD_VERSION) return null;
  const keyLength = body.readInt32BE(17);
  if (keyLength < -1 || FIXED_BYTES + Math.max(0, keyLength) > body.length) return null;
  const valueStart = FIXED_BYTES + Math.max(0, keyLength);
  return {
    offset: Number(body.readBigUInt64BE(1)),
    timestampMs: Number(body.readBigUInt64BE(9)),
    key: keyLength === -1 ? null : body.subarray(FIXED_BYTES, valueStart),
    value: body.subarray(valueStart),
  };
}
