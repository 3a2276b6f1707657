/**
 * Drops duplicate `event_id`s within a bounded window, also across restarts and partition moves.
 *
 * Design. Events are keyed by `unit_code`, so every copy of an event (a producer retry, a client posting
 * twice, a redelivery) lands in the same partition: dedup state is per partition and moves with it. An id
 * is first `pending` (handed to the sink, not yet in a durable file); `persistThrough(partition, next)`,
 * called by the sink once its files up to `next` are durable and BEFORE it commits `next`, makes the
 * pending ids below `next` durable and appends them to the partition's journal. Only durable ids survive a
 * restart, so an event whose file was lost is never wrongly dropped when it is delivered again.
 *
 * Window. Ids are kept by the hour they were first seen by the pipeline (its clock, not `occurred_at`:
 * duplicates come from retries and redeliveries, which are close in arrival time, whereas an import may
 * carry events of any age). Default: 7 days, at most 1,000,000 ids per partition; when the cap is reached
 * the oldest hours go first and a warning says how far back the window now reaches. Memory is bounded by
 * the cap (about 100 bytes per id: ~100 MB per partition at the cap). The bound is safe because the copies
 * it must catch arrive within minutes of each other — a redelivery within one commit interval, a retry
 * within its back-off — far inside even a shrunken window; the duplicates it cannot catch (the same event
 * sent again more than 7 days later) are the business of the producer.
 */
import { join } from 'node:path';
import { silentLogger, systemClock, type Clock, type Logger } from './log.js';
import { appendJournal, readJournal, rewriteJournal, type JournalEntry } from './dedup-journal.js';

/** Options of {@link DedupStore}. */
export interface DedupOptions {
  /** Where the journals live, e.g. `<state>/dedup/<topic>`; shared by every instance of the group. */
  dir: string;
  /** How long an id is remembered (default 7 days). */
  windowMs?: number;
  /** Granularity of forgetting (default 1 hour). */
  bucketMs?: number;
  /** Most ids remembered per partition (default 1,000,000). */
  maxIdsPerPartition?: number;
  clock?: Clock;
  logger?: Logger;
}

/** Whether an id was seen before. */
export type DedupVerdict = 'new' | 'duplicate';

/** Where one partition's dedup stands. */
export interface DedupPartitionStats {
  partition: number;
  durableIds: number;
  pendingIds: number;
  /** Start of the oldest hour remembered, `null` when empty. */
  oldestBucketMs: number | null;
}

interface PartitionState {
  durable: Map<string, number>;
  buckets: Map<number, string[]>;
  pending: Map<string, { offset: number; bucket: number }>;
  journalBytes: number;
  liveBytes: number;
}

const DAY = 24 * 60 * 60 * 1000;

/** The dedup state of the partitions this instance holds. */
export class DedupStore {
  private readonly partitions = new Map<number, PartitionState>();
  private readonly shrinkLoggedAt = new Map<number, number>();
  private readonly windowMs: number;
  private readonly bucketMs: number;
  private readonly maxIds: number;
  private readonly clock: Clock;
  private readonly logger: Logger;

  constructor(private readonly options: DedupOptions) {
    this.windowMs = options.windowMs ?? 7 * DAY;
    this.bucketMs = options.bucketMs ?? 60 * 60 * 1000;
    this.maxIds = options.maxIdsPerPartition ?? 1_000_000;
    this.clock = options.clock ?? systemClock;
    this.logger = (options.logger ?? silentLogger).child({ component: 'dedup' });
  }

  /** Loads a partition's journal (once; later calls keep the state in memory). */
  async acquire(partition: number): Promise<void> {
    if (this.partitions.has(partition)) return;
    const path = this.journalPath(partition);
    const journal = await readJournal(path);
    const state: PartitionState = {
      durable: new Map(),
      buckets: new Map(),
      pending: new Map(),
      journalBytes: journal.bytes,
      liveBytes: 0,
    };
    for (const entry of journal.entries) this.addDurable(state, entry.bucket, entry.ids);
    this.evict(partition, state);
    this.partitions.set(partition, state);
    if (journal.torn) {
      this.logger.log('warn', 'dedup journal had a torn tail; rewriting it', { partition });
      await this.compact(partition, state, '0');
    }
    this.logger.log('debug', 'dedup partition loaded', { partition, ids: state.durable.size });
  }

  /** Forgets a partition (revoked): pending ids are dropped, durable ones stay in the journal. */
  release(partition: number): void {
    this.partitions.delete(partition);
  }

  /** Whether `eventId` was seen on `partition`; a new id becomes pending at `offset`. */
  check(partition: number, offset: number, eventId: string): DedupVerdict {
    const state = this.state(partition);
    if (state.durable.has(eventId) || state.pending.has(eventId)) return 'duplicate';
    state.pending.set(eventId, { offset, bucket: this.bucketOf(this.clock.now()) });
    return 'new';
  }

  /** Drops pending ids at or after `fromOffset` (the sink threw those events away). */
  discardPending(partition: number, fromOffset = 0): void {
    const state = this.partitions.get(partition);
    if (state === undefined) return;
    for (const [id, entry] of state.pending) if (entry.offset >= fromOffset) state.pending.delete(id);
  }

  /**
   * The sink's files hold every event of `partition` below `nextOffset` durably: their ids become durable
   * and are journaled. Call before committing `nextOffset`.
   */
  async persistThrough(partition: number, nextOffset: string): Promise<void> {
    const state = this.state(partition);
    const limit = Number(nextOffset);
    const byBucket = new Map<number, string[]>();
    for (const [id, entry] of state.pending) {
      if (entry.offset >= limit) continue;
      state.pending.delete(id);
      const ids = byBucket.get(entry.bucket) ?? [];
      byBucket.set(entry.bucket, ids);
      ids.push(id);
    }
    const entries: JournalEntry[] = [...byBucket].map(([bucket, ids]) => ({ bucket, ids }));
    for (const entry of entries) this.addDurable(state, entry.bucket, entry.ids);
    this.evict(partition, state);
    if (entries.length === 0) return;
    state.journalBytes += await appendJournal(this.journalPath(partition), nextOffset, entries);
    if (state.journalBytes > 4 * 1024 * 1024 && state.journalBytes > 2 * state.liveBytes)
      await this.compact(partition, state, nextOffset);
  }

  /** Per held partition: ids remembered and pending. */
  stats(): DedupPartitionStats[] {
    return [...this.partitions].map(([partition, state]) => ({
      partition,
      durableIds: state.durable.size,
      pendingIds: state.pending.size,
      oldestBucketMs: state.buckets.size === 0 ? null : Math.min(...state.buckets.keys()),
    }));
  }

  private state(partition: number): PartitionState {
    const state = this.partitions.get(partition);
    if (state === undefined)
      throw new Error(`dedup: partition ${partition} is not acquired (call acquire() when it is assigned)`);
    return state;
  }

  private journalPath(partition: number): string {
    return join(this.options.dir, `p${partition}.journal`);
  }

  private bucketOf(timeMs: number): number {
    return Math.floor(timeMs / this.bucketMs) * this.bucketMs;
  }

  private addDurable(state: PartitionState, bucket: number, ids: readonly string[]): void {
    const list = state.buckets.get(bucket) ?? [];
    state.buckets.set(bucket, list);
    for (const id of ids) {
      if (state.durable.has(id)) continue;
      state.durable.set(id, bucket);
      list.push(id);
      state.liveBytes += id.length + 3;
    }
  }

  private evict(partition: number, state: PartitionState): void {
    const oldestKept = this.bucketOf(this.clock.now() - this.windowMs);
    const ordered = [...state.buckets.keys()].sort((a, b) => a - b);
    let shrunk = false;
    for (const bucket of ordered) {
      const ids = state.buckets.get(bucket) ?? [];
      const excess = state.durable.size - this.maxIds;
      if (bucket >= oldestKept && excess <= 0) break;
      // Ids leave in the order they came: a whole expired hour, or the oldest ids over the cap.
      const count = bucket < oldestKept ? ids.length : Math.min(excess, ids.length);
      if (bucket >= oldestKept) shrunk = true;
      for (const id of ids.splice(0, count)) {
        state.durable.delete(id);
        state.liveBytes -= id.length + 3;
      }
      if (ids.length === 0) state.buckets.delete(bucket);
    }
    const now = this.clock.now();
    if (shrunk && now - (this.shrinkLoggedAt.get(partition) ?? 0) >= 60_000) {
      this.shrinkLoggedAt.set(partition, now);
      const oldest = Math.min(...state.buckets.keys());
      this.logger.log('warn', 'dedup window shrunk to stay under its id cap', {
        partition,
        maxIds: this.maxIds,
        windowHours: Number.isFinite(oldest) ? Math.round((now - oldest) / 36_000) / 100 : 0,
      });
    }
  }

  private async compact(partition: number, state: PartitionState, nextOffset: string): Promise<void> {
    const entries = [...state.buckets].sort(([a], [b]) => a - b).map(([bucket, ids]) => ({ bucket, ids }));
    state.journalBytes = await rewriteJournal(this.journalPath(partition), nextOffset, entries);
    state.liveBytes = state.journalBytes;
  }
}
