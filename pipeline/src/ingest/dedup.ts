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
 * carry events of any age). Default: 7 days, at most 500,000 ids per partition; when the cap is reached
 * the oldest ids go first and a warning says how far back the window now reaches. Memory is bounded by
 * the cap: about 90 bytes per 26-character id (measured), so ~45 MB per partition at the cap. Normal
 * national traffic (~60,000 events a day) keeps 7 days far below it; a bulk import at full speed (~80,000
 * events/s over 3 partitions) shrinks the window to the latest ~20 s. The bound is safe because the copies
 * it must catch arrive close together: a redelivery repeats what came after the last commit (the sink
 * commits every few seconds), a producer retry follows within its back-off. A copy sent again after the
 * window (days later, or after 500,000 newer events of its partition) is not caught.
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
  /** Most ids remembered per partition (default 500,000). */
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
  /** Every id remembered: a value ≥ 0 is the bucket of a durable id, −1 marks a pending one. */
  ids: Map<string, number>;
  /** Durable ids per bucket, oldest first within a bucket (for forgetting). */
  buckets: Map<number, string[]>;
  /** Pending ids in arrival order, with their offsets and buckets (parallel arrays). */
  pending: { ids: string[]; offsets: number[]; buckets: number[] };
  durableCount: number;
  journalBytes: number;
  liveBytes: number;
}

const PENDING = -1;
const emptyPending = (): PartitionState['pending'] => ({ ids: [], offsets: [], buckets: [] });

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
    this.maxIds = options.maxIdsPerPartition ?? 500_000;
    this.clock = options.clock ?? systemClock;
    this.logger = (options.logger ?? silentLogger).child({ component: 'dedup' });
  }

  /** Loads a partition's journal (once; later calls keep the state in memory). */
  async acquire(partition: number): Promise<void> {
    if (this.partitions.has(partition)) return;
    const path = this.journalPath(partition);
    const journal = await readJournal(path);
    const state: PartitionState = {
      ids: new Map(),
      buckets: new Map(),
      pending: emptyPending(),
      durableCount: 0,
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
    this.logger.log('debug', 'dedup partition loaded', { partition, ids: state.durableCount });
  }

  /** Forgets a partition (revoked): pending ids are dropped, durable ones stay in the journal. */
  release(partition: number): void {
    this.partitions.delete(partition);
  }

  /** Whether `eventId` was seen on `partition`; a new id becomes pending at `offset`. */
  check(partition: number, offset: number, eventId: string): DedupVerdict {
    const state = this.state(partition);
    if (state.ids.has(eventId)) return 'duplicate';
    state.ids.set(eventId, PENDING);
    state.pending.ids.push(eventId);
    state.pending.offsets.push(offset);
    state.pending.buckets.push(this.bucketOf(this.clock.now()));
    return 'new';
  }

  /** Drops pending ids at or after `fromOffset` (the sink threw those events away). */
  discardPending(partition: number, fromOffset = 0): void {
    const state = this.partitions.get(partition);
    if (state === undefined) return;
    const kept = emptyPending();
    const { ids, offsets, buckets } = state.pending;
    for (let i = 0; i < ids.length; i += 1) {
      const id = ids[i] as string;
      if ((offsets[i] as number) >= fromOffset) {
        state.ids.delete(id);
        continue;
      }
      kept.ids.push(id);
      kept.offsets.push(offsets[i] as number);
      kept.buckets.push(buckets[i] as number);
    }
    state.pending = kept;
  }

  /**
   * The sink's files hold every event of `partition` below `nextOffset` durably: their ids become durable
   * and are journaled. Call before committing `nextOffset`.
   */
  async persistThrough(partition: number, nextOffset: string): Promise<void> {
    const state = this.state(partition);
    const limit = Number(nextOffset);
    const byBucket = new Map<number, string[]>();
    const kept = emptyPending();
    const { ids, offsets, buckets } = state.pending;
    for (let i = 0; i < ids.length; i += 1) {
      const id = ids[i] as string;
      const bucket = buckets[i] as number;
      if ((offsets[i] as number) >= limit) {
        kept.ids.push(id);
        kept.offsets.push(offsets[i] as number);
        kept.buckets.push(bucket);
        continue;
      }
      const list = byBucket.get(bucket) ?? [];
      byBucket.set(bucket, list);
      list.push(id);
    }
    state.pending = kept;
    const entries: JournalEntry[] = [...byBucket].map(([bucket, list]) => ({ bucket, ids: list }));
    for (const entry of entries) this.addDurable(state, entry.bucket, entry.ids);
    this.evict(partition, state);
    if (entries.length === 0) return;
    state.journalBytes += await appendJournal(this.journalPath(partition), nextOffset, entries);
    if (state.journalBytes > 4 * 1024 * 1024 && state.journalBytes > 2 * state.liveBytes) {
      await this.compact(partition, state, nextOffset);
    }
  }

  /** Per held partition: ids remembered and pending. */
  stats(): DedupPartitionStats[] {
    return [...this.partitions].map(([partition, state]) => ({
      partition,
      durableIds: state.durableCount,
      pendingIds: state.pending.ids.length,
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
      const current = state.ids.get(id);
      if (current !== undefined && current !== PENDING) continue;
      state.ids.set(id, bucket);
      list.push(id);
      state.durableCount += 1;
      state.liveBytes += id.length + 3;
    }
  }

  private evict(partition: number, state: PartitionState): void {
    const oldestKept = this.bucketOf(this.clock.now() - this.windowMs);
    const ordered = [...state.buckets.keys()].sort((a, b) => a - b);
    let shrunk = false;
    for (const bucket of ordered) {
      const ids = state.buckets.get(bucket) ?? [];
      const excess = state.durableCount - this.maxIds;
      if (bucket >= oldestKept && excess <= 0) break;
      // Ids leave in the order they came: a whole expired hour, or the oldest ids over the cap.
      const count = bucket < oldestKept ? ids.length : Math.min(excess, ids.length);
      if (bucket >= oldestKept) shrunk = true;
      for (const id of ids.splice(0, count)) {
        state.ids.delete(id);
        state.durableCount -= 1;
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
