/**
 * The ingest step between a source and the sink: per batch, validate every message, dead-letter the
 * rejected ones (durably, before returning), drop duplicate event ids, and hand the rest on with their
 * partition and offset. It also owns the order of the durable point: dedup journal first, then commit.
 *
 * Wiring (what the sink does):
 *
 *     source.start(async (batch) => sink.write(await ingest.process(batch)), {
 *       onAssigned: (ps) => ingest.assigned(ps),
 *       onRevoked: async (ps) => { await sink.flush(ps); ingest.revoked(ps); },
 *     });
 *     // whenever files holding everything of partition p below `next` are durable:
 *     await ingest.durable(p, next);
 */
import type { ActivityEvent } from '@vwu/contracts';
import type { CommitResult, EventSource, SourceBatch } from '../source/types.js';
import { toDeadLetter, type DeadLetter, type DeadLetterSink } from './dead-letter.js';
import type { DedupStore } from './dedup.js';
import { silentLogger, systemClock, type Clock, type Logger } from './log.js';
import { IngestMetrics } from './metrics.js';
import { checkMessage } from './validate.js';

/** A valid, first-seen event and where it came from. */
export interface AcceptedEvent {
  event: ActivityEvent;
  partition: number;
  offset: string;
  timestampMs: number;
}

/** What became of one batch. */
export interface IngestResult {
  partition: number;
  accepted: AcceptedEvent[];
  deadLettered: number;
  duplicates: number;
  /** The batch's last offset + 1: once the accepted events are durable, this may be committed. */
  nextOffset: string;
}

/** What {@link Ingest} needs. */
export interface IngestConfig {
  source: EventSource;
  deadLetters: DeadLetterSink;
  dedup: DedupStore;
  metrics?: IngestMetrics;
  logger?: Logger;
  clock?: Clock;
}

/** Validates, dead-letters and dedups batches of one source. */
export class Ingest {
  readonly metrics: IngestMetrics;
  private readonly logger: Logger;
  private readonly clock: Clock;

  constructor(private readonly config: IngestConfig) {
    this.clock = config.clock ?? systemClock;
    this.metrics = config.metrics ?? new IngestMetrics(this.clock);
    this.logger = (config.logger ?? silentLogger).child({ component: 'ingest', topic: config.source.topic });
  }

  /** Processes one batch; dead letters are durable when it resolves. */
  async process(batch: SourceBatch): Promise<IngestResult> {
    const accepted: AcceptedEvent[] = [];
    const letters: DeadLetter[] = [];
    let duplicates = 0;
    let bytes = 0;
    for (const message of batch.messages) {
      bytes += message.value.length;
      const verdict = checkMessage(message);
      if (verdict.type !== 'event') {
        letters.push(toDeadLetter(verdict, batch.topic, this.clock));
        continue;
      }
      if (
        this.config.dedup.check(batch.partition, Number(message.offset), verdict.event.event_id) ===
        'duplicate'
      ) {
        duplicates += 1;
        continue;
      }
      accepted.push({
        event: verdict.event,
        partition: batch.partition,
        offset: message.offset,
        timestampMs: message.timestampMs,
      });
    }
    if (letters.length > 0) {
      await this.config.deadLetters.write(letters);
      for (const letter of letters) {
        this.logger.log('warn', 'message dead-lettered', {
          partition: letter.partition,
          offset: letter.offset,
          type: letter.type,
          reason: letter.reason,
        });
      }
      await batch.heartbeat();
    }
    if (duplicates > 0)
      this.logger.log('info', 'duplicate events dropped', { partition: batch.partition, duplicates });
    this.metrics.recordBatch({
      messages: batch.messages.length,
      bytes,
      accepted: accepted.length,
      deadLettered: letters.length,
      duplicates,
    });
    const last = batch.messages[batch.messages.length - 1];
    const nextOffset = last === undefined ? '0' : (BigInt(last.offset) + 1n).toString();
    return { partition: batch.partition, accepted, deadLettered: letters.length, duplicates, nextOffset };
  }

  /** Loads dedup state for newly assigned partitions. */
  async assigned(partitions: readonly number[]): Promise<void> {
    for (const partition of partitions) await this.config.dedup.acquire(partition);
  }

  /** Forgets revoked partitions (after the sink flushed and called {@link Ingest.durable}). */
  revoked(partitions: readonly number[]): void {
    for (const partition of partitions) this.config.dedup.release(partition);
  }

  /**
   * Everything of `partition` below `nextOffset` is durable in the sink's files: journal the dedup ids,
   * then commit `nextOffset`.
   */
  async durable(partition: number, nextOffset: string): Promise<CommitResult> {
    await this.config.dedup.persistThrough(partition, nextOffset);
    const result = await this.config.source.commit([{ partition, offset: nextOffset }]);
    for (const entry of result.committed) this.metrics.recordCommit(entry.partition, entry.offset);
    for (const rejected of result.rejected) this.logger.log('warn', 'commit rejected', { ...rejected });
    return result;
  }
}
