/**
 * The sink between the ingest step and the files: hands each ingested batch to the {@link PartitionWriter},
 * lands what is due, and reports per source partition the next offset whose every predecessor is in a listed
 * file — to `durable`, which journals and commits it. A timer lands idle partitions when no batch comes.
 *
 * Wiring (the sources side's `EventSource` and `Ingest`):
 *
 *     const sink = new SinkPipeline({ writer, durable: (p, next) => ingest.durable(p, next), … });
 *     sink.start();
 *     await source.start(async (batch) => void (await sink.write(await ingest.process(batch))), {
 *       onAssigned: (ps) => ingest.assigned(ps),
 *       onRevoked: async (ps) => { await sink.flush(); ingest.revoked(ps); },
 *     });
 */
import type { Clock, Logger } from '../ingest/log.js';
import type { ManifestFile } from '../manifest/manifest.js';
import type { SinkRecord } from '../parquet/arrow-batch.js';
import type { AppendOutcome, FlushResult, IngestedBatch, PartitionWriter } from './partition-writer.js';

/** A record the hierarchy could not place (unknown unit): it must be dead-lettered durably before returning. */
export type RejectedRecord = SinkRecord & { reason: string };

/** What the sink pipeline needs. */
export interface SinkPipelineOptions {
  writer: PartitionWriter;
  /** Everything of `partition` below `nextOffset` is in listed files: journal and commit it. */
  durable: (partition: number, nextOffset: string) => Promise<unknown>;
  /** Lands rejected records durably (dead letters); called before the batch's offsets can be committed. */
  reject: (records: readonly RejectedRecord[]) => Promise<void>;
  clock: Clock;
  logger: Logger;
  /** How often the timer lands idle and old buffers; default 1 s. */
  tickMs?: number;
  /** Called with the files of each flush that landed some (e.g. to update rollups of the touched months). */
  landed?: (files: readonly ManifestFile[]) => Promise<void>;
}

/** Connects ingested batches to the partition writer and the commit of durable offsets. */
export class SinkPipeline {
  private readonly reported = new Map<number, number>();
  private reporting: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private landing: Promise<void> | undefined;
  private failure: Error | undefined;

  constructor(private readonly options: SinkPipelineOptions) {}

  /**
   * Buffers one ingested batch, dead-letters what the writer rejects, and starts landing what is due in the
   * background, so the source keeps reading while files are written and fsynced. Waits for that landing
   * only when the writer holds more than its memory bound; throws when landing keeps failing then (the
   * source rewinds to the committed offsets).
   */
  async write(batch: IngestedBatch): Promise<AppendOutcome[]> {
    const outcomes = this.options.writer.appendBatch(batch);
    const rejected: RejectedRecord[] = [];
    outcomes.forEach((outcome, i) => {
      const accepted = batch.accepted[i]!;
      if (outcome.status !== 'rejected') return;
      rejected.push({
        event: accepted.event,
        partition: batch.partition,
        offset: Number(accepted.offset),
        ingestedAt: accepted.timestampMs ?? this.options.clock.now(),
        reason: outcome.reason,
      });
    });
    if (rejected.length > 0) await this.options.reject(rejected);
    this.kick();
    if (this.options.writer.overBound()) {
      await this.landing;
      this.kick();
      await this.landing;
      if (this.failure !== undefined && this.options.writer.overBound()) throw this.failure;
    }
    return outcomes;
  }

  /**
   * Starts a background landing of what is due, unless one runs. With nothing due, still reports offsets
   * that became durable without a file (dead letters, dropped duplicates, rows already landed before a
   * crash), so the commit follows.
   */
  private kick(): void {
    const { writer } = this.options;
    const now = this.options.clock.now();
    if (this.landing !== undefined) return;
    let work: Promise<FlushResult>;
    if (writer.hasDue(now)) work = writer.flushDue(now);
    else {
      const durable = writer.durableOffsets();
      if (![...durable].some(([p, o]) => o > (this.reported.get(p) ?? -1))) return;
      work = Promise.resolve({ files: [], durable });
    }
    this.landing = work
      .then((result) => this.report(result))
      .then(
        () => void (this.failure = undefined),
        (error: unknown) => {
          this.failure = error instanceof Error ? error : new Error(String(error));
          this.options.logger.log('error', 'sink landing failed; retried', { error: this.failure.message });
        },
      )
      .finally(() => {
        this.landing = undefined;
      });
  }

  /** Lands everything buffered and reports it (partitions revoked, shutdown). */
  async flush(): Promise<void> {
    await this.landing;
    await this.report(await this.options.writer.flushAll());
  }

  /** Starts the timer that lands idle and old buffers between batches (and retries failed landings). */
  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.kick(), this.options.tickMs ?? 1_000);
    this.timer.unref();
  }

  /** Stops the timer and lands everything buffered. */
  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private report(result: FlushResult): Promise<void> {
    const run = this.reporting.then(async () => {
      if (result.files.length > 0) await this.options.landed?.(result.files);
      for (const [partition, offset] of result.durable) {
        if (offset <= (this.reported.get(partition) ?? -1)) continue;
        await this.options.durable(partition, String(offset + 1));
        this.reported.set(partition, offset);
      }
    });
    this.reporting = run.catch(() => undefined);
    return run;
  }
}
