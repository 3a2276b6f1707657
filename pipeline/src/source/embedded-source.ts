/**
 * The embedded log as an {@link EventSource}: one consumer per group reads every partition, batches come
 * one at a time, commits go to the group's offsets file. New appends are delivered within `pollMs`
 * (default 50 ms), or at once when the writer runs in this process.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { serializeError, silentLogger, systemClock, type Clock, type Logger } from '../ingest/log.js';
import type { EmbeddedLog } from './embedded-log.js';
import { failedCommit, screenCommits } from './commits.js';
import { GroupOffsets } from './group-offsets.js';
import { ensureLogMeta } from './log-layout.js';
import { PartitionReader } from './log-reader.js';
import type {
  BatchHandler,
  CommitResult,
  EventSource,
  PartitionLag,
  PartitionOffset,
  RevokeReason,
  SourceBatch,
  SourceHooks,
  SourceState,
} from './types.js';

/** Configuration of {@link createEmbeddedSource}. */
export interface EmbeddedSourceConfig {
  /** The log directory (`EVENT_LOG_DIR`). */
  dir: string;
  groupId: string;
  /** Name reported as the batches' topic (default `activity-events`). */
  topic?: string;
  /** The writer when it runs in this process: only durable records are read, and appends wake the reader. */
  log?: EmbeddedLog;
  /** Most records per batch (default 1000). */
  maxBatchRecords?: number;
  /** How often to look for appends by another process (default 50 ms). */
  pollMs?: number;
  /** Wait for another consumer of the group to stop (default 0: fail at once). */
  lockTimeoutMs?: number;
  /** Pause before re-delivering after a handler error (default 500 ms). */
  restartDelayMs?: number;
  logger?: Logger;
  clock?: Clock;
}

class EmbeddedSource implements EventSource {
  readonly kind = 'embedded' as const;
  readonly topic: string;
  private status: SourceState = 'idle';
  private partitions: number[] = [];
  private readers: PartitionReader[] = [];
  private endTrackers: PartitionReader[] = [];
  private group: GroupOffsets | undefined;
  private readonly paused = new Set<number>();
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private unsubscribe: (() => void) | undefined;
  private revoking = false;
  private handler: BatchHandler = async () => undefined;
  private hooks: SourceHooks = {};
  private readonly logger: Logger;

  constructor(private readonly config: EmbeddedSourceConfig) {
    this.topic = config.topic ?? 'activity-events';
    this.logger = (config.logger ?? silentLogger).child({
      component: 'embedded-source',
      dir: config.dir,
      group: config.groupId,
    });
  }

  state(): SourceState {
    return this.status;
  }

  assignment(): readonly number[] {
    return this.status === 'running' || this.status === 'stopping' ? this.partitions : [];
  }

  async start(handler: BatchHandler, hooks: SourceHooks = {}): Promise<void> {
    if (this.status !== 'idle') throw new Error(`embedded source already ${this.status}`);
    this.status = 'starting';
    this.handler = handler;
    this.hooks = hooks;
    try {
      const meta = await ensureLogMeta(this.config.dir, this.config.log?.partitions);
      const clock = this.config.clock ?? systemClock;
      this.group = await GroupOffsets.open(
        this.config.dir,
        this.config.groupId,
        this.config.lockTimeoutMs,
        () => clock.now(),
      );
      this.partitions = Array.from({ length: meta.partitions }, (_, partition) => partition);
      this.readers = this.partitions.map((partition) => new PartitionReader(this.config.dir, partition));
      this.endTrackers = this.partitions.map((partition) => new PartitionReader(this.config.dir, partition));
      this.unsubscribe = this.config.log?.onDurable(() => this.wake?.());
      await this.assign();
      this.status = 'running';
      this.loop = this.run();
    } catch (error) {
      await this.release();
      this.status = 'failed';
      throw error;
    }
  }

  async commit(offsets: readonly PartitionOffset[]): Promise<CommitResult> {
    const group = this.group;
    const { accepted, rejected } = screenCommits(offsets, {
      state: group === undefined ? 'stopped' : this.status,
      isAssigned: (partition) => this.readers[partition] !== undefined,
      limit: (partition) => this.readers[partition]?.nextOffset,
    });
    if (accepted.length === 0 || group === undefined) return { committed: [], rejected };
    try {
      await group.commit(accepted.map(({ partition, offset }) => ({ partition, offset: Number(offset) })));
      return { committed: accepted, rejected };
    } catch (error) {
      return failedCommit(accepted, rejected, error);
    }
  }

  pause(partitions: readonly number[] = this.partitions): void {
    for (const partition of partitions) this.paused.add(partition);
  }

  resume(partitions: readonly number[] = this.partitions): void {
    for (const partition of partitions) this.paused.delete(partition);
    this.wake?.();
  }

  async lag(): Promise<PartitionLag[]> {
    const durable = this.config.log?.durableEndOffsets();
    const result: PartitionLag[] = [];
    for (const partition of this.assignment()) {
      let end = durable?.[partition];
      if (end === undefined) {
        const tracker = this.endTrackers[partition] as PartitionReader;
        while ((await tracker.read(50_000)).length > 0);
        end = tracker.nextOffset;
      }
      const committed = this.group?.get(partition);
      result.push({
        partition,
        highWatermark: String(end),
        committed: committed === undefined ? null : String(committed),
        lag: Math.max(0, end - (committed ?? 0)),
      });
    }
    return result;
  }

  async stop(): Promise<void> {
    if (this.status !== 'running') return;
    this.status = 'stopping';
    this.wake?.();
    await this.loop;
    try {
      await this.revoke('stop');
    } finally {
      await this.release();
      this.status = 'stopped';
    }
  }

  private async run(): Promise<void> {
    const maxRecords = this.config.maxBatchRecords ?? 1000;
    try {
      while (this.status === 'running') {
        let delivered = false;
        for (const partition of this.partitions) {
          if (this.status !== 'running') break;
          if (this.paused.has(partition)) continue;
          const reader = this.readers[partition] as PartitionReader;
          const records = await reader.read(maxRecords, this.config.log?.durableEndOffsets()[partition]);
          if (records.length === 0) continue;
          delivered = true;
          try {
            await this.handler(this.batch(partition, reader.nextOffset, records));
          } catch (error) {
            await this.restartAfter(error);
            break;
          }
        }
        if (!delivered && this.status === 'running') await this.idle();
      }
    } catch (error) {
      this.fail(error);
    }
  }

  private batch(
    partition: number,
    end: number,
    records: Awaited<ReturnType<PartitionReader['read']>>,
  ): SourceBatch {
    return {
      topic: this.topic,
      partition,
      messages: records.map((record) => ({
        partition,
        offset: String(record.offset),
        key: record.key,
        value: record.value,
        timestampMs: record.timestampMs,
      })),
      highWatermark: String(Math.max(end, this.config.log?.durableEndOffsets()[partition] ?? end)),
      heartbeat: async () => undefined,
      commit: (nextOffset) => this.commit([{ partition, offset: nextOffset }]),
      isRunning: () => this.status === 'running' && !this.revoking,
    };
  }

  private async idle(): Promise<void> {
    const woken = new Promise<void>((resolve) => (this.wake = resolve));
    await Promise.race([woken, sleep(this.config.pollMs ?? 50)]);
    this.wake = undefined;
  }

  /** A handler failed: revoke, rewind every partition to its committed offset, assign again. */
  private async restartAfter(error: unknown): Promise<void> {
    this.logger.log('error', 'batch handler failed; rewinding to the committed offsets', {
      error: serializeError(error),
    });
    await this.revoke('restart');
    await sleep(this.config.restartDelayMs ?? 500);
    if (this.status === 'running') await this.assign();
  }

  private async assign(): Promise<void> {
    for (const [partition, reader] of this.readers.entries()) {
      const wanted = this.group?.get(partition) ?? 0;
      const at = await reader.seek(wanted);
      if (at !== wanted)
        this.logger.log('error', 'committed offset is outside the log; reading from the nearest end', {
          partition,
          committed: wanted,
          from: at,
        });
    }
    this.logger.log('info', 'partitions assigned', { partitions: this.partitions });
    await this.hooks.onAssigned?.(this.partitions);
  }

  private async revoke(reason: RevokeReason): Promise<void> {
    this.revoking = true;
    try {
      this.logger.log('info', 'partitions revoked', { partitions: this.partitions, reason });
      await this.hooks.onRevoked?.(this.partitions, reason);
    } finally {
      this.revoking = false;
    }
  }

  private fail(error: unknown): void {
    const failure = error instanceof Error ? error : new Error(String(error));
    this.logger.log('error', 'embedded source failed', { error: serializeError(failure) });
    this.status = 'failed';
    void this.release().finally(() => this.hooks.onError?.(failure));
  }

  private async release(): Promise<void> {
    this.unsubscribe?.();
    for (const reader of [...this.readers, ...this.endTrackers]) await reader.close();
    await this.group?.close();
    this.group = undefined;
  }
}

/**
 * A source reading the embedded log in `config.dir` as consumer group `config.groupId`.
 *
 * @example
 * const source = createEmbeddedSource({ dir: 'var/event-log', groupId: 'pipeline' });
 * await source.start(async (batch) => sink.write(batch), { onRevoked: (parts) => sink.flush(parts) });
 */
export function createEmbeddedSource(config: EmbeddedSourceConfig): EventSource {
  return new EmbeddedSource(config);
}
