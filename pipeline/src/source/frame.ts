/**
 * Length-prefixed, checksummed frames: the on-disk unit of the embedded log and of the dedup journal.
 *
 *     u32 BE  body length
 *     u32 BE  CRC-32 (zlib/IEEE) of the body
 *     body
 *
 * A frame is either complete with a matching checksum, or the file ends in a torn tail (a crash mid-write)
 * that readers stop at and the writer truncates.
 */
import { crc32 } from 'node:zlib';

/** Bytes before the body. */
export const FRAME_HEADER_BYTES = 8;

/** Largest body accepted; anything longer is treated as corruption. */
export const MAX_FRAME_BODY_BYTES = 16 * 1024 * 1024;

/** One complete frame found in a buffer. */
export interface Frame {
  body: Buffer;
  /** Byte position of the frame's header in the scanned buffer. */
  start: number;
  /** Byte position just after the frame. */
  end: number;
}

/**
 * Why a scan stopped: the buffer's `end`, the frame `limit` asked for, an `incomplete` frame (more bytes
 * may still come) or a `corrupt` one (wrong length or checksum).
 */
export type FrameStop = 'end' | 'limit' | 'incomplete' | 'corrupt';

/** The frames of a buffer, and where and why the scan stopped. */
export interface FrameScan {
  frames: Frame[];
  /** Position after the last complete frame: where the next read (or a truncation) starts. */
  validEnd: number;
  stop: FrameStop;
}

/**
 * Wraps a body in a frame.
 *
 * @example const bytes = encodeFrame(Buffer.from('hello'));
 */
export function encodeFrame(body: Uint8Array): Buffer {
  if (body.length > MAX_FRAME_BODY_BYTES)
    throw new RangeError(`frame body of ${body.length} bytes exceeds ${MAX_FRAME_BODY_BYTES}`);
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + body.length);
  frame.writeUInt32BE(body.length, 0);
  frame.writeUInt32BE(crc32(body), 4);
  frame.set(body, FRAME_HEADER_BYTES);
  return frame;
}

/**
 * Reads consecutive frames from `buffer` starting at `start`, at most `maxFrames`. Stops at the end, at an
 * incomplete frame (more bytes may still come) or at a frame whose length or checksum is wrong.
 * Bodies are views into `buffer`, not copies.
 */
export function scanFrames(buffer: Buffer, start = 0, maxFrames = Number.POSITIVE_INFINITY): FrameScan {
  const frames: Frame[] = [];
  let position = start;
  while (frames.length < maxFrames) {
    if (position === buffer.length) return { frames, validEnd: position, stop: 'end' };
    if (buffer.length - position < FRAME_HEADER_BYTES)
      return { frames, validEnd: position, stop: 'incomplete' };
    const length = buffer.readUInt32BE(position);
    if (length > MAX_FRAME_BODY_BYTES) return { frames, validEnd: position, stop: 'corrupt' };
    const end = position + FRAME_HEADER_BYTES + length;
    if (end > buffer.length) return { frames, validEnd: position, stop: 'incomplete' };
    const body = buffer.subarray(position + FRAME_HEADER_BYTES, end);
    if (crc32(body) !== buffer.readUInt32BE(position + 4))
      return { frames, validEnd: position, stop: 'corrupt' };
    frames.push({ body, start: position, end });
    position = end;
  }
  return { frames, validEnd: position, stop: position === buffer.length ? 'end' : 'limit' };
}
