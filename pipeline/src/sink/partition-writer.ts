/**
 * The sink: buffers records per (source partition, output partition `type/province/month`), rotates a buffer
 * to a Parquet file by record count and by record time, lands idle or old buffers so quiet partitions stay
 * fresh, and says per source partition which offset is safe to commit.
 *
 * Commit rule: a source partition's durable offset is one less than the smallest first offset of its rows
 * still in memory (buffered, sealed or being written), or the highest offset it has seen when none are. The
 * consumer commits `durable + 1`, so a commit never passes a row that is not in a listed file.
 */
import type { ManifestStore } from '../manifest/store.js';
import type { ManifestFile } from '../manifest/manifest.js';
import { occurredAtMs, type SinkRecord } from '../parquet/arrow-batch.js';
import { directEncoder, type EventFileEncoder } from '../parquet/direct-encoder.js';
import type { UnitResolver } from '../parquet/unit-resolver.js';
import type { LandOptions } from './atomic-file.js';
import { recordLanded, watermarkKey, type DurableState } from './durable-state.js';
import { landBuffers, type PendingFile } from './land-files.js';
import { vietnamMonth, type PartitionKey } from './layout.js';
import type { Clock, Logger } from '../ingest/log.js';

/** Rotation and freshness limits of the sink. */
export interface SinkLimits {
  maxRows: number;
  maxRecordSpanMs: number;
  idleMs: number;
  maxAgeMs: number;
  /** Rows held in memory above which everything is landed (memory bound). */
  maxBufferedRows: number;
  /**
   * A source partition this far behind its log end is catching up: its buffers are not landed by age or
   * idleness (readers cannot get fresher data before the backlog is read anyway), only by rotation and the
   * memory bound — far fewer, larger files. 0: never.
   */
  catchUpLag: number;
}

/** Defaults: 100 k rows per file, an hour of record time, idle after 5 s, landed within 10 s. */
export const SINK_DEFAULTS: Readonly<SinkLimits> = {
  maxRows: 100_000,
  maxRecordSpanMs: 3_600_000,
  idleMs: 5_000,
  maxAgeMs: 10_000,
  maxBufferedRows: 200_000,
  catchUpLag: 10_000,
};

/** What the sink needs. */
export interface PartitionWriterOptions {
  /** Data root: files land under `<root>/events/…`. */
  root: string;
  resolver: UnitResolver;
  manifest: ManifestStore;
  clock: Clock;
  logger: Logger;
  /** What {@link recoverSink} found; rows at or below a watermark are duplicates. */
  durable: DurableState;
  encoder?: EventFileEncoder;
  /** Rotate a buffer at this many rows. */
  maxRows?: number;
  /**
   * Rotate before a record would widen the buffer's record-time span (`ingestedAt`, the log's own record
   * timestamp) beyond this. Record time, not wall clock: a replay of the log rotates at the same records.
   */
  maxRecordSpanMs?: number;
  /** Land a buffer that got no record for this long (wall clock). */
  idleMs?: number;
  /** Land a buffer whose first record arrived this long ago (wall clock), however busy it is. */
  maxAgeMs?: number;
  /** See {@link SinkLimits.maxBufferedRows}. */
  maxBufferedRows?: number;
  /** See {@link SinkLimits.catchUpLag}. */
  catchUpLag?: number;
  land?: LandOptions;
}

/** What {@link PartitionWriter.append} did with a record. */
export type AppendOutcome =
  | { status: 'buffered'; partition: PartitionKey }
  | { status: 'duplicate' }
  | { status: 'rejected'; reason: string };

/**
 * One processed batch of a source partition, as the ingest step hands it on (its `IngestResult`): the
 * accepted events, and the offset after the batch's last message — dead letters and dropped duplicates in
 * between are already dealt with.
 */
export interface IngestedBatch {
  partition: number;
  /** `timestampMs` is the log's record timestamp; it becomes the record's `ingestedAt`. */
  accepted: ReadonlyArray<{ event: SinkRecord['event']; offset: string; timestampMs?: number }>;
  nextOffset: string;
  /** The partition's log end when the batch was read: how far behind it is (see `catchUpLag`). */
  highWatermark?: string;
}

/** Files a flush landed, and per source partition the highest offset now safe to commit (commit it + 1). */
export interface FlushResult {
  files: ManifestFile[];
  durable: Map<number, number>;
}

interface Buffer extends PendingFile {
  records: SinkRecord[];
  /** Record-time (`ingestedAt`) range, for rotation. */
  minRecord: number;
  maxRecord: number;
  /** Wall-clock times of the first and last append, for the idle and age flushes. */
  firstAt: number;
  lastAt: number;
}

/**
 * Buffers, rotates and lands event files. `append` is synchronous; `flushDue`/`flushAll` write and run one at
 * a time.
 *
 * @example
 * for (const m of batch.messages) writer.append({ event, partition, offset: Number(m.offset), ingestedAt: clock.now() });
 * const { durable } = await writer.flushDue(clock.now());
 * for (const [p, o] of durable) await consumer.commitOffsets([{ topic, partition: p, offset: String(o + 1) }]);
 */
export class PartitionWriter {
  private readonly open = new Map<string, Buffer>();
  private sealed: Buffer[] = [];
  private readonly inFlight = new Set<Buffer>();
  private readonly seen = new Map<number, number>();
  private readonly catchingUp = new Set<number>();
  private readonly encoder: EventFileEncoder;
  private readonly limits: SinkLimits;
  private flushing: Promise<unknown> = Promise.resolve();
  private readonly directories = new Set<string>();

  constructor(private readonly options: PartitionWriterOptions) {
    this.encoder = options.encoder ?? directEncoder();
    this.limits = {
      maxRows: options.maxRows ?? SINK_DEFAULTS.maxRows,
      maxRecordSpanMs: options.maxRecordSpanMs ?? SINK_DEFAULTS.maxRecordSpanMs,
      idleMs: options.idleMs ?? SINK_DEFAULTS.idleMs,
      maxAgeMs: options.maxAgeMs ?? SINK_DEFAULTS.maxAgeMs,
      maxBufferedRows: options.maxBufferedRows ?? SINK_DEFAULTS.maxBufferedRows,
      catchUpLag: options.catchUpLag ?? SINK_DEFAULTS.catchUpLag,
    };
  }

  /** Rows held in memory (buffered, sealed or being written). */
  get bufferedRows(): number {
    let n = 0;
    for (const b of [...this.open.values(), ...this.sealed, ...this.inFlight]) n += b.records.length;
    return n;
  }

  /** Wall-clock time the oldest row still in memory arrived, `null` when none is: how stale readers are. */
  oldestBufferedAt(): number | null {
    let oldest: number | null = null;
    for (const b of [...this.open.values(), ...this.sealed, ...this.inFlight])
      if (oldest === null || b.firstAt < oldest) oldest = b.firstAt;
    return oldest;
  }

  /**
   * Buffers a validated record. Offsets must arrive in increasing order per source partition (Kafka's
   * order); an offset at or below one already seen, or at or below a landed watermark, is a duplicate. A
   * record whose unit the hierarchy does not know is rejected: the caller dead-letters it, and must land the
   * dead letter before committing past it.
   */
  append(record: SinkRecord): AppendOutcome {
    const { partition, offset } = record;
    const seen = this.seen.get(partition) ?? -1;
    if (offset <= seen) return { status: 'duplicate' };
    this.seen.set(partition, offset);
    let key: PartitionKey;
    let time: number;
    try {
      time = occurredAtMs(record.event);
      const province = this.options.resolver.resolve(record.event.unit_code).currentProvince;
      key = { type: record.event.type, province, month: vietnamMonth(time) };
    } catch (error) {
      return { status: 'rejected', reason: (error as Error).message };
    }
    if (offset <= (this.options.durable.watermarks.get(watermarkKey(partition, key)) ?? -1))
      return { status: 'duplicate' };

    const id = watermarkKey(partition, key);
    const now = this.options.clock.now();
    const recordTime = record.ingestedAt;
    let buffer = this.open.get(id);
    if (
      buffer !== undefined &&
      Math.max(buffer.maxRecord, recordTime) - Math.min(buffer.minRecord, recordTime) >
        this.limits.maxRecordSpanMs
    ) {
      this.seal(id, buffer);
      buffer = undefined;
    }
    if (buffer === undefined) {
      buffer = {
        key,
        partition,
        records: [],
        minTime: time,
        maxTime: time,
        minRecord: recordTime,
        maxRecord: recordTime,
        firstAt: now,
        lastAt: now,
      };
      this.open.set(id, buffer);
    }
    buffer.records.push(record);
    buffer.minTime = Math.min(buffer.minTime, time);
    buffer.maxTime = Math.max(buffer.maxTime, time);
    buffer.minRecord = Math.min(buffer.minRecord, recordTime);
    buffer.maxRecord = Math.max(buffer.maxRecord, recordTime);
    buffer.lastAt = now;
    if (buffer.records.length >= this.limits.maxRows) this.seal(id, buffer);
    return { status: 'buffered', partition: key };
  }

  /**
   * Appends the accepted events of one ingested batch and marks the whole batch consumed. A record's
   * `ingestedAt` is its log timestamp (the clock when there is none). Returns the outcomes in order; a
   * `rejected` one still needs a dead letter from the caller.
   */
  appendBatch(batch: IngestedBatch): AppendOutcome[] {
    const now = this.options.clock.now();
    const outcomes = batch.accepted.map(({ event, offset, timestampMs }) =>
      this.append({
        event,
        partition: batch.partition,
        offset: Number(offset),
        ingestedAt: timestampMs ?? now,
      }),
    );
    this.skip(batch.partition, Number(batch.nextOffset) - 1);
    if (batch.highWatermark !== undefined) {
      const behind = Number(batch.highWatermark) - Number(batch.nextOffset);
      if (this.limits.catchUpLag > 0 && behind >= this.limits.catchUpLag)
        this.catchingUp.add(batch.partition);
      else this.catchingUp.delete(batch.partition);
    }
    return outcomes;
  }

  /** Marks an offset consumed without a row (a dead letter already landed, a filtered message). */
  skip(partition: number, offset: number): void {
    if (offset > (this.seen.get(partition) ?? -1)) this.seen.set(partition, offset);
  }

  /**
   * Lands every rotated buffer and every buffer idle for `idleMs` or older than `maxAgeMs` at `nowMs`
   * (except those of partitions catching up), or everything when more than `maxBufferedRows` are held.
   */
  flushDue(nowMs: number): Promise<FlushResult> {
    if (this.bufferedRows > this.limits.maxBufferedRows) return this.flushAll();
    return this.flush(
      (b) =>
        !this.catchingUp.has(b.partition) &&
        (nowMs - b.lastAt >= this.limits.idleMs || nowMs - b.firstAt >= this.limits.maxAgeMs),
    );
  }

  /** Whether more rows than `maxBufferedRows` are held: the caller should wait for a landing. */
  overBound(): boolean {
    return this.bufferedRows > this.limits.maxBufferedRows;
  }

  /** Whether any buffer would land at `nowMs` (cheap; lets a caller skip an empty flush). */
  hasDue(nowMs: number): boolean {
    if (this.sealed.length > 0 || this.bufferedRows > this.limits.maxBufferedRows) return true;
    for (const b of this.open.values()) {
      if (this.catchingUp.has(b.partition)) continue;
      if (nowMs - b.lastAt >= this.limits.idleMs || nowMs - b.firstAt >= this.limits.maxAgeMs) return true;
    }
    return false;
  }

  /** Lands everything buffered (shutdown, partition revoked). */
  flushAll(): Promise<FlushResult> {
    return this.flush(() => true);
  }

  /** Per source partition, the highest offset with every row at or below it in a listed file. */
  durableOffsets(): Map<number, number> {
    const pending = new Map<number, number>();
    for (const b of [...this.open.values(), ...this.sealed, ...this.inFlight]) {
      const first = b.records[0]!.offset;
      pending.set(b.partition, Math.min(pending.get(b.partition) ?? first, first));
    }
    const durable = new Map<number, number>();
    for (const [partition, seen] of this.seen) {
      const offset = pending.has(partition) ? pending.get(partition)! - 1 : seen;
      if (offset >= 0) durable.set(partition, offset);
    }
    return durable;
  }

  private seal(id: string, buffer: Buffer): void {
    this.open.delete(id);
    this.sealed.push(buffer);
  }

  private flush(due: (b: Buffer) => boolean): Promise<FlushResult> {
    const run = this.flushing.then(() => this.land(due));
    this.flushing = run.catch(() => undefined);
    return run;
  }

  private async land(due: (b: Buffer) => boolean): Promise<FlushResult> {
    const batch = [...this.sealed];
    this.sealed = [];
    for (const [id, b] of this.open) {
      if (due(b)) {
        this.open.delete(id);
        batch.push(b);
      }
    }
    for (const b of batch) this.inFlight.add(b);
    const files: ManifestFile[] = [];
    try {
      files.push(
        ...(await landBuffers(batch, this.options.root, this.encoder, this.options.resolver, {
          ...(this.options.land === undefined ? {} : { land: this.options.land }),
          directories: this.directories,
          maxRowsPerFile: this.limits.maxRows,
        })),
      );
      if (files.length > 0) await this.options.manifest.commit({ add: files });
    } catch (error) {
      for (const b of batch) this.inFlight.delete(b);
      this.sealed = [...batch, ...this.sealed];
      this.options.logger.log('error', 'sink flush failed; buffers kept for the next flush', {
        files: batch.length,
        error: (error as Error).message,
      });
      throw error;
    }
    for (const b of batch) {
      this.inFlight.delete(b);
      recordLanded(this.options.durable, b.partition, b.key, b.records[b.records.length - 1]!.offset);
    }
    if (files.length > 0) {
      this.options.logger.log('info', 'sink landed files', {
        files: files.length,
        rows: files.reduce((n, f) => n + f.rows, 0),
      });
    }
    return { files, durable: this.durableOffsets() };
  }
}
