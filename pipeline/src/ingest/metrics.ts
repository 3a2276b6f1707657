/**
 * Operational numbers of the ingest side: throughput counters (messages, bytes, accepted, dead-lettered,
 * duplicates, commits) and per-partition lag, logged as one structured line at a fixed interval.
 */
import type { EventSource, PartitionLag } from '../source/types.js';
import { serializeError, systemClock, type Clock, type Logger } from './log.js';

/** Counters, all since start. */
export interface IngestCounters {
  messages: number;
  bytes: number;
  accepted: number;
  deadLettered: number;
  duplicates: number;
  batches: number;
  commits: number;
}

/** Counters of one batch. */
export type BatchCounts = Pick<
  IngestCounters,
  'messages' | 'bytes' | 'accepted' | 'deadLettered' | 'duplicates'
>;

/** One reading of the metrics. */
export interface MetricsSnapshot {
  at: string;
  uptimeMs: number;
  totals: IngestCounters;
  /** Per second since the previous snapshot (or start). */
  rates: { messages: number; accepted: number; bytes: number };
  /** Per partition: committed next offset as last recorded. */
  committed: Record<string, string>;
}

const zero = (): IngestCounters => ({
  messages: 0,
  bytes: 0,
  accepted: 0,
  deadLettered: 0,
  duplicates: 0,
  batches: 0,
  commits: 0,
});

/** Counts what the ingest side does; cheap enough to call on every batch. */
export class IngestMetrics {
  private readonly totals = zero();
  private readonly committed = new Map<number, string>();
  private readonly started: number;
  private last: { at: number; totals: IngestCounters };

  constructor(private readonly clock: Clock = systemClock) {
    this.started = clock.now();
    this.last = { at: this.started, totals: zero() };
  }

  /** Adds one processed batch. */
  recordBatch(counts: BatchCounts): void {
    this.totals.messages += counts.messages;
    this.totals.bytes += counts.bytes;
    this.totals.accepted += counts.accepted;
    this.totals.deadLettered += counts.deadLettered;
    this.totals.duplicates += counts.duplicates;
    this.totals.batches += 1;
  }

  /** Records a stored commit. */
  recordCommit(partition: number, nextOffset: string): void {
    this.totals.commits += 1;
    this.committed.set(partition, nextOffset);
  }

  /** The counters since start, without touching the rate window of {@link IngestMetrics.snapshot}. */
  counters(): IngestCounters {
    return { ...this.totals };
  }

  /** Committed next offsets as last recorded, per partition. */
  commits(): ReadonlyMap<number, string> {
    return this.committed;
  }

  /** The counters now, with rates since the previous call. */
  snapshot(): MetricsSnapshot {
    const now = this.clock.now();
    const seconds = Math.max(0.001, (now - this.last.at) / 1000);
    const rate = (key: 'messages' | 'accepted' | 'bytes') =>
      Math.round((this.totals[key] - this.last.totals[key]) / seconds);
    const snapshot: MetricsSnapshot = {
      at: new Date(now).toISOString(),
      uptimeMs: now - this.started,
      totals: { ...this.totals },
      rates: { messages: rate('messages'), accepted: rate('accepted'), bytes: rate('bytes') },
      committed: Object.fromEntries(
        [...this.committed].map(([partition, offset]) => [String(partition), offset]),
      ),
    };
    this.last = { at: now, totals: { ...this.totals } };
    return snapshot;
  }
}

/** Options of {@link startMetricsReporter}. */
export interface MetricsReporterOptions {
  metrics: IngestMetrics;
  /** Asked for lag on every report. */
  source: EventSource;
  logger: Logger;
  /** Default 10 s. */
  intervalMs?: number;
}

/** Total lag over partitions. */
export function totalLag(lag: readonly PartitionLag[]): number {
  return lag.reduce((sum, partition) => sum + partition.lag, 0);
}

/**
 * Logs `ingest metrics` every `intervalMs`: totals, rates and lag per partition. Returns a function that
 * stops it and logs a last line.
 *
 * @example const stopReporting = startMetricsReporter({ metrics, source, logger });
 */
export function startMetricsReporter(options: MetricsReporterOptions): () => Promise<void> {
  const report = async (): Promise<void> => {
    const snapshot = options.metrics.snapshot();
    try {
      const lag = await options.source.lag();
      options.logger.log('info', 'ingest metrics', { ...snapshot, lag, totalLag: totalLag(lag) });
    } catch (error) {
      options.logger.log('warn', 'ingest metrics (lag unavailable)', {
        ...snapshot,
        error: serializeError(error),
      });
    }
  };
  let running = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(report);
  }, options.intervalMs ?? 10_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    await report();
  };
}
