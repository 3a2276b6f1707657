/**
 * Crash recovery of the embedded log's writer: the last segment of each partition is read through, every
 * record's checksum and offset checked, and a torn or corrupt tail (a crash mid-write) truncated, so that
 * appending resumes right after the last good record.
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import type { Logger } from '../ingest/log.js';
import { fsyncDir } from './files.js';
import { listSegments, partitionDir, segmentPath } from './log-layout.js';
import { readRecords } from './segment-io.js';

/** Where a partition's writing resumes. */
export interface RecoveredTail {
  /** The last segment, open for reading and writing. */
  handle: FileHandle;
  base: number;
  /** Bytes of good records in it. */
  size: number;
  /** Next offset to assign. */
  next: number;
}

/** Opens a partition's last segment, checks every record and truncates a torn or corrupt tail. */
export async function recoverPartition(
  dir: string,
  partition: number,
  logger: Logger,
): Promise<RecoveredTail> {
  await mkdir(partitionDir(dir, partition), { recursive: true });
  const segments = await listSegments(dir, partition);
  const base = segments[segments.length - 1] ?? 0;
  const path = segmentPath(dir, partition, base);
  const handle = await open(path, segments.length === 0 ? 'wx+' : 'r+');
  if (segments.length === 0) await fsyncDir(partitionDir(dir, partition));
  const size = (await handle.stat()).size;
  let position = 0;
  let next = base;
  for (;;) {
    const read = await readRecords(handle, position, size, { expectedOffset: next, maxRecords: 10_000 });
    position = read.position;
    next += read.records.length;
    if (read.stop !== 'limit') break;
  }
  if (position < size) {
    logger.log('warn', 'truncating a torn or corrupt tail', {
      partition,
      segment: path,
      validBytes: position,
      droppedBytes: size - position,
    });
    await handle.truncate(position);
    await handle.sync();
  }
  return { handle, base, size: position, next };
}
