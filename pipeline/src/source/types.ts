/**
 * The one consumer interface of the pipeline. Kafka (a kafkajs consumer group) and the embedded local log
 * both implement {@link EventSource}, so the sink and the tests run unchanged on either.
 *
 * Offsets are int64 values written as decimal strings, as Kafka writes them. A commit names the NEXT offset
 * to read (`lastDurableOffset + 1`); a restarted or newly assigned reader starts exactly there.
 */

/** Which implementation a source is. */
export type SourceKind = 'kafka' | 'embedded';

/** Lifecycle of a source. `failed`: stopped by an error it could not recover from (see `onError`). */
export type SourceState = 'idle' | 'starting' | 'running' | 'stopping' | 'stopped' | 'failed';

/** One message as the log stored it. */
export interface SourceMessage {
  partition: number;
  /** int64 as a decimal string. */
  offset: string;
  key: Buffer | null;
  value: Buffer;
  /** When the message was appended (Kafka: the record timestamp), ms since the epoch. */
  timestampMs: number;
}

/** A partition and the next offset to read on it. */
export interface PartitionOffset {
  partition: number;
  /** The next offset to read: the last processed (durable) offset + 1. */
  offset: string;
}

/** Why a commit was not stored. */
export type CommitRejection = 'not-assigned' | 'not-running' | 'invalid-offset' | 'error';

/** A commit that was not stored, and why. */
export interface RejectedCommit extends PartitionOffset {
  reason: CommitRejection;
  message: string;
}

/** What a commit did: every requested partition is in exactly one of the two lists. */
export interface CommitResult {
  committed: PartitionOffset[];
  rejected: RejectedCommit[];
}

/** Consecutive messages of one partition. */
export interface SourceBatch {
  readonly topic: string;
  readonly partition: number;
  /** In offset order; never empty. */
  readonly messages: readonly SourceMessage[];
  /** The partition's end (next offset the log will write) when the batch was read. */
  readonly highWatermark: string;
  /** Keeps group membership alive during long work; call it every few seconds. Throws on a rebalance. */
  heartbeat(): Promise<void>;
  /** Same as `source.commit([{ partition: this.partition, offset: nextOffset }])`. */
  commit(nextOffset: string): Promise<CommitResult>;
  /** False once the source is stopping or this partition is being revoked: finish early. */
  isRunning(): boolean;
}

/**
 * Receives batches one at a time (never concurrently). Returning means every message of the batch was
 * taken: the source will not deliver them again unless the partition is revoked before they are committed.
 * Throwing means the batch was not taken: the source revokes every partition (`onRevoked` with reason
 * `'restart'`), rewinds to the committed offsets and delivers again.
 */
export type BatchHandler = (batch: SourceBatch) => Promise<void>;

/** Why partitions are taken away. */
export type RevokeReason = 'rebalance' | 'restart' | 'stop';

/** Partition lifecycle callbacks; the source awaits each before going on. */
export interface SourceHooks {
  /**
   * These partitions are now read by this instance, starting at their committed offsets. Called before
   * the first batch of any of them.
   */
  onAssigned?(partitions: readonly number[]): Promise<void>;
  /**
   * These partitions are about to be taken away: flush what is buffered for them and commit now (commits
   * are still accepted while this runs). Anything not committed will be delivered again, here or elsewhere.
   */
  onRevoked?(partitions: readonly number[], reason: RevokeReason): Promise<void>;
  /** The source stopped on an error it could not recover from; its state is `failed`. */
  onError?(error: Error): void;
}

/** Where one partition stands. */
export interface PartitionLag {
  partition: number;
  /** Next offset the log will write. */
  highWatermark: string;
  /** Committed next-offset of this group, `null` when it never committed. */
  committed: string | null;
  /** `highWatermark − committed` (the whole partition when nothing is committed). */
  lag: number;
}

/** A consumer of activity-event messages: Kafka or the embedded log. */
export interface EventSource {
  readonly kind: SourceKind;
  /** The topic (Kafka) or log name (embedded) read. */
  readonly topic: string;
  state(): SourceState;
  /** Starts reading; resolves once the source runs (partitions are announced through `onAssigned`). */
  start(handler: BatchHandler, hooks?: SourceHooks): Promise<void>;
  /**
   * Stores next offsets for this consumer group, at any time (not only inside a batch). Never throws:
   * a partition not assigned to this instance, or a failed request, comes back in `rejected`.
   */
  commit(offsets: readonly PartitionOffset[]): Promise<CommitResult>;
  /** Partitions this instance currently reads. */
  assignment(): readonly number[];
  /** Stops fetching these partitions (all when omitted) until `resume`: back-pressure. */
  pause(partitions?: readonly number[]): void;
  resume(partitions?: readonly number[]): void;
  /** Per assigned partition: end of the log, committed offset, lag. */
  lag(): Promise<PartitionLag[]>;
  /**
   * Graceful shutdown: stops fetching, waits for the batch in hand, calls `onRevoked(…, 'stop')` so the
   * sink can flush and commit, then leaves the group.
   */
  stop(): Promise<void>;
}
