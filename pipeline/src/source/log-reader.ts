/**
 * Follows one partition of an embedded log: seeks to an offset, then returns records as they are appended,
 * moving to the next segment when the writer rolls. Readers never modify the log; they stop at a partial
 * or not yet checksummed frame and read it once it is complete.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { EventLogError, listSegments, segmentPath } from './log-layout.js';
import type { LogRecord } from './log-record.js';
import { readRecords } from './segment-io.js';

/** Reads one partition of the log in `dir`. */
export class PartitionReader {
  private handle: FileHandle | undefined;
  private base = 0;
  private position = 0;
  private next = 0;

  constructor(
    readonly dir: string,
    readonly partition: number,
  ) {}

  /** Offset of the next record `read` returns. */
  get nextOffset(): number {
    return this.next;
  }

  /**
   * Positions the reader at `offset`. Returns where it actually is: `offset`, or the end of the log when
   * `offset` lies beyond it, or the first retained offset when `offset` lies before it.
   */
  async seek(offset: number): Promise<number> {
    const segments = await listSegments(this.dir, this.partition);
    const first = segments[0] ?? 0;
    const target = Math.max(offset, first);
    const base = [...segments].reverse().find((candidate) => candidate <= target) ?? first;
    await this.openSegment(base);
    while (this.next < target) {
      const skipped = await this.read(Math.min(10_000, target - this.next));
      if (skipped.length === 0) break;
    }
    return this.next;
  }

  /**
   * Up to `maxRecords` records from the current position, never at or beyond `endOffset`; empty when
   * nothing new is complete yet.
   */
  async read(maxRecords: number, endOffset?: number): Promise<LogRecord[]> {
    if (this.handle === undefined) await this.openSegment(this.base);
    const records: LogRecord[] = [];
    while (records.length < maxRecords) {
      const handle = this.handle;
      if (handle === undefined) break;
      const size = (await handle.stat()).size;
      const limits = {
        expectedOffset: this.next,
        maxRecords: maxRecords - records.length,
        ...(endOffset === undefined ? {} : { endOffset }),
      };
      const read = await readRecords(handle, this.position, size, limits);
      records.push(...read.records);
      this.position = read.position;
      this.next += read.records.length;
      if (read.stop === 'limit') break;
      const nextSegment = await this.nextSegment();
      if (nextSegment === undefined) break;
      if (read.stop !== 'end') {
        throw new EventLogError(
          `partition ${this.partition}: corrupt record in sealed segment ${segmentPath(this.dir, this.partition, this.base)} at byte ${this.position}`,
        );
      }
      if (nextSegment !== this.next) {
        throw new EventLogError(
          `partition ${this.partition}: segment ${nextSegment} does not follow offset ${this.next}`,
        );
      }
      await this.openSegment(nextSegment);
    }
    return records;
  }

  /** Closes the open segment. */
  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
  }

  private async nextSegment(): Promise<number | undefined> {
    const segments = await listSegments(this.dir, this.partition);
    return segments.find((base) => base > this.base);
  }

  private async openSegment(base: number): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
    try {
      this.handle = await open(segmentPath(this.dir, this.partition, base), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || base !== 0) throw error;
      // The writer has not created the partition yet: wait for it at offset 0.
      this.handle = undefined;
    }
    this.base = base;
    this.position = 0;
    this.next = base;
  }
}
