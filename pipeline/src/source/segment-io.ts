/**
 * Reading records out of one segment file in chunks, for the writer's crash recovery and for readers.
 */
import type { FileHandle } from 'node:fs/promises';
import { FRAME_HEADER_BYTES, MAX_FRAME_BODY_BYTES, scanFrames, type FrameStop } from './frame.js';
import { decodeRecord, type LogRecord } from './log-record.js';

/** Default bytes read at a time. */
export const READ_CHUNK_BYTES = 1 << 20;

/** Records read from a segment, and where reading stopped. */
export interface SegmentRead {
  records: LogRecord[];
  /** Byte position after the last record returned. */
  position: number;
  /**
   * `end`: no more bytes; `limit`: stopped at the record or byte limit; `incomplete`: a partial frame (a
   * write in progress, or a torn tail); `corrupt`: a bad checksum, length, record or offset.
   */
  stop: FrameStop;
}

/** Limits of one {@link readRecords} call. */
export interface ReadLimits {
  /** Offset the first record must carry (records are checked to be consecutive). */
  expectedOffset: number;
  maxRecords: number;
  /** Stop before this offset (exclusive), e.g. the durable end of a writer in the same process. */
  endOffset?: number;
  chunkBytes?: number;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === length ? buffer : buffer.subarray(0, filled);
}

/**
 * Reads up to `maxRecords` consecutive records starting at byte `position` of a segment whose readable
 * size is `size`. Record bodies are copies-free views into freshly allocated buffers.
 */
export async function readRecords(
  handle: FileHandle,
  position: number,
  size: number,
  limits: ReadLimits,
): Promise<SegmentRead> {
  const records: LogRecord[] = [];
  const chunkBytes = limits.chunkBytes ?? READ_CHUNK_BYTES;
  let at = position;
  let expected = limits.expectedOffset;
  const endOffset = limits.endOffset ?? Number.POSITIVE_INFINITY;
  while (records.length < limits.maxRecords) {
    if (expected >= endOffset) return { records, position: at, stop: 'limit' };
    const available = size - at;
    if (available <= 0) return { records, position: at, stop: 'end' };
    let buffer = await readAt(handle, at, Math.min(available, chunkBytes));
    let scan = scanFrames(buffer, 0, Math.min(limits.maxRecords - records.length, endOffset - expected));
    if (scan.frames.length === 0 && scan.stop === 'incomplete' && buffer.length >= FRAME_HEADER_BYTES) {
      // One frame larger than the chunk: read exactly that frame.
      const length = buffer.readUInt32BE(0);
      if (length <= MAX_FRAME_BODY_BYTES && FRAME_HEADER_BYTES + length <= available) {
        buffer = await readAt(handle, at, FRAME_HEADER_BYTES + length);
        scan = scanFrames(buffer, 0, 1);
      }
    }
    for (const frame of scan.frames) {
      const record = decodeRecord(frame.body);
      if (record === null || record.offset !== expected) return { records, position: at, stop: 'corrupt' };
      records.push(record);
      expected += 1;
      at += frame.end - frame.start;
    }
    if (scan.stop === 'corrupt' || (scan.stop === 'incomplete' && scan.frames.length === 0)) {
      return { records, position: at, stop: scan.stop };
    }
  }
  return { records, position: at, stop: 'limit' };
}
