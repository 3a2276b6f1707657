/**
 * A kafkajs consumer group as an {@link EventSource}.
 *
 * - `eachBatch` with `eachBatchAutoResolve: false` and `autoCommit: false`: a batch is resolved (marked
 *   read) only when the handler returns, and nothing is committed except what the sink commits.
 * - kafkajs has no background heartbeat: the handler calls `batch.heartbeat()` during long work, and the
 *   source heartbeats after every batch, so a rebalance is usually noticed here, before kafkajs rejoins.
 * - Rebalances (kafkajs uses the eager protocol: every partition is revoked): `onRevoked` runs while the
 *   old generation can still commit; partitions not assigned again are fenced the moment the new
 *   assignment arrives, so a late commit from this instance can never overwrite the new owner's.
 * - A handler error or a consumer crash restarts the consumer (revoke, leave, back off, join again), so
 *   delivery resumes from the committed offsets.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { serializeError, silentLogger, type Logger } from '../ingest/log.js';
import { failedCommit, screenCommits } from './commits.js';
import { createKafkaClient, isRebalanceError } from './kafka-client.js';
import { consumerConfig, type KafkaSourceConfig } from './kafka-config.js';
import { setPaused, toSourceBatch } from './kafka-batch.js';
import { fetchKafkaLag } from './kafka-lag.js';
import type {
  BatchHandler,
  CommitResult,
  EventSource,
  PartitionLag,
  PartitionOffset,
  RevokeReason,
  SourceHooks,
  SourceState,
} from './types.js';

interface Session {
  id: number;
  consumer: Consumer;
  /** kafkajs reported a crash: this consumer is disconnected and will not fetch again. */
  crashed: boolean;
}

class KafkaSource implements EventSource {
  readonly kind = 'kafka' as const;
  readonly topic: string;
  private readonly kafka: Kafka;
  private readonly logger: Logger;
  private status: SourceState = 'idle';
  private handler: BatchHandler = async () => undefined;
  private hooks: SourceHooks = {};
  private session: Session | undefined;
  private sessions = 0;
  private assigned: number[] = [];
  private assignmentVersion = 0;
  private assignReady: Promise<void> = Promise.resolve();
  private revoking: Promise<void> | undefined;
  private restarting: Promise<void> | undefined;
  private restartAttempts = 0;
  private inFlight: Promise<unknown> = Promise.resolve();
  private readonly paused = new Set<number>();
  private admin: Admin | undefined;

  constructor(private readonly config: KafkaSourceConfig) {
    this.topic = config.topic ?? 'activity-events';
    this.logger = (config.logger ?? silentLogger).child({
      component: 'kafka-source',
      topic: this.topic,
      group: config.groupId,
    });
    this.kafka =
      config.kafka ??
      createKafkaClient({
        brokers: config.brokers,
        logger: this.logger,
        ...(config.clientId === undefined ? {} : { clientId: config.clientId }),
      });
  }

  state(): SourceState {
    return this.status;
  }

  assignment(): readonly number[] {
    return this.assigned;
  }

  async start(handler: BatchHandler, hooks: SourceHooks = {}): Promise<void> {
    if (this.status !== 'idle') throw new Error(`kafka source already ${this.status}`);
    this.status = 'starting';
    this.handler = handler;
    this.hooks = hooks;
    try {
      await this.openSession();
      this.status = 'running';
    } catch (error) {
      this.status = 'failed';
      throw error;
    }
    // kafkajs reports a failed first join as a crash, not as an error of run().
    if (this.sessionCrashed()) this.restart();
  }

  async commit(offsets: readonly PartitionOffset[]): Promise<CommitResult> {
    const session = this.session;
    const { accepted, rejected } = screenCommits(offsets, {
      state: session === undefined ? 'stopped' : this.status,
      isAssigned: (p) => this.assigned.includes(p),
    });
    if (accepted.length === 0 || session === undefined) return { committed: [], rejected };
    try {
      await session.consumer.commitOffsets(
        accepted.map(({ partition, offset }) => ({ topic: this.topic, partition, offset })),
      );
      return { committed: accepted, rejected };
    } catch (error) {
      this.logger.log('warn', 'commit failed', { offsets: accepted, error: serializeError(error) });
      return failedCommit(accepted, rejected, error);
    }
  }

  pause(partitions?: readonly number[]): void {
    for (const partition of partitions ?? this.assigned) this.paused.add(partition);
    this.applyPauses();
  }

  resume(partitions?: readonly number[]): void {
    const resumed = partitions ?? [...this.paused];
    for (const partition of resumed) this.paused.delete(partition);
    setPaused(this.session?.consumer, this.topic, resumed, false);
  }

  async lag(): Promise<PartitionLag[]> {
    if (this.admin === undefined) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return fetchKafkaLag(this.admin, this.topic, this.config.groupId, this.assigned);
  }

  async stop(): Promise<void> {
    if (this.status !== 'running') return;
    this.status = 'stopping';
    await this.restarting;
    const session = this.session;
    setPaused(session?.consumer, this.topic, undefined, true);
    await this.inFlight;
    await this.assignReady;
    await this.revoke('stop');
    this.session = undefined;
    await session?.consumer
      .disconnect()
      .catch((error: unknown) =>
        this.logger.log('warn', 'disconnect failed', { error: serializeError(error) }),
      );
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = undefined;
    this.assigned = [];
    this.status = 'stopped';
    this.logger.log('info', 'kafka source stopped');
  }

  private async openSession(): Promise<void> {
    const config = this.config;
    const consumer = this.kafka.consumer(consumerConfig(this.config));
    const session: Session = { id: ++this.sessions, consumer, crashed: false };
    this.session = session;
    consumer.on(consumer.events.GROUP_JOIN, (event) =>
      this.onJoin(session, event.payload.memberAssignment[this.topic] ?? []),
    );
    consumer.on(
      consumer.events.REBALANCING,
      () => void (session === this.session && this.revoke('rebalance')),
    );
    consumer.on(consumer.events.CRASH, (event) => {
      session.crashed = true;
      if (session !== this.session) return;
      this.logger.log('error', 'consumer crashed; restarting it', {
        error: serializeError(event.payload.error),
      });
      // While starting or restarting, the code that opened this session sees `crashed` and tries again.
      if (this.status === 'running' && this.restarting === undefined) this.restart();
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [this.topic], fromBeginning: config.fromBeginning ?? true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 1,
      eachBatch: async (payload) => {
        const work = this.eachBatch(session, payload);
        this.inFlight = work.catch(() => undefined);
        await work;
      },
    });
  }

  private onJoin(session: Session, partitions: readonly number[]): void {
    if (session !== this.session) return;
    // Fence at once: from now on this member may commit only what it was just given.
    this.assigned = [...partitions].sort((a, b) => a - b);
    this.assignmentVersion += 1;
    this.restartAttempts = 0;
    const given = this.assigned;
    this.assignReady = (this.revoking ?? Promise.resolve()).then(async () => {
      if (session !== this.session) return;
      this.applyPauses();
      this.logger.log('info', 'partitions assigned', { partitions: given });
      try {
        await this.hooks.onAssigned?.(given);
      } catch (error) {
        this.logger.log('error', 'onAssigned failed; restarting the consumer', {
          error: serializeError(error),
        });
        this.restart();
      }
    });
  }

  private async eachBatch(session: Session, payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    await this.assignReady;
    if (session !== this.session || this.status !== 'running' || this.restarting !== undefined) return;
    if (!this.assigned.includes(batch.partition) || this.paused.has(batch.partition)) return;
    const sourceBatch = toSourceBatch(
      payload,
      (nextOffset) => this.commit([{ partition: batch.partition, offset: nextOffset }]),
      () =>
        this.status === 'running' && this.revoking === undefined && this.assigned.includes(batch.partition),
    );
    try {
      if (sourceBatch.messages.length > 0) await this.handler(sourceBatch);
      payload.resolveOffset(batch.lastOffset());
      await payload.heartbeat();
    } catch (error) {
      if (isRebalanceError(error)) {
        // Revoke now, while the old generation can still commit; kafkajs rejoins when this rethrows.
        await this.revoke('rebalance');
        throw error;
      }
      this.logger.log('error', 'batch handler failed; restarting from the committed offsets', {
        partition: batch.partition,
        error: serializeError(error),
      });
      this.restart();
    }
  }

  private revoke(reason: RevokeReason): Promise<void> {
    if (this.revoking !== undefined) return this.revoking;
    const partitions = this.assigned;
    if (partitions.length === 0) return Promise.resolve();
    const version = this.assignmentVersion;
    this.revoking = (async () => {
      this.logger.log('info', 'partitions revoked', { partitions, reason });
      try {
        await this.hooks.onRevoked?.(partitions, reason);
      } catch (error) {
        this.logger.log('error', 'onRevoked failed', { partitions, reason, error: serializeError(error) });
      } finally {
        if (this.assignmentVersion === version) this.assigned = [];
        this.revoking = undefined;
      }
    })();
    return this.revoking;
  }

  /** Revokes, leaves the group, backs off and joins again; repeats until it works or the source stops. */
  private restart(): void {
    if (this.restarting !== undefined) return;
    const session = this.session;
    setPaused(session?.consumer, this.topic, undefined, true);
    this.restarting = (async () => {
      await sleep(0);
      await this.revoke('restart');
      this.session = undefined;
      this.assigned = [];
      await session?.consumer
        .disconnect()
        .catch((error: unknown) =>
          this.logger.log('warn', 'disconnect failed', { error: serializeError(error) }),
        );
      const backoff = this.config.restartDelayMs ?? { initial: 500, max: 30_000 };
      while (this.status === 'running') {
        await sleep(Math.min(backoff.max, backoff.initial * 2 ** Math.min(this.restartAttempts, 16)));
        this.restartAttempts += 1;
        if (this.status !== 'running') break;
        try {
          await this.openSession();
          if (!this.sessionCrashed()) return;
          throw new Error('the consumer crashed while joining the group');
        } catch (error) {
          this.logger.log('error', 'consumer restart failed; retrying', {
            attempt: this.restartAttempts,
            error: serializeError(error),
          });
          const failed = this.session as Session | undefined;
          this.session = undefined;
          await failed?.consumer.disconnect().catch(() => undefined);
        }
      }
    })().finally(() => {
      this.restarting = undefined;
      if (this.sessionCrashed() && this.status === 'running') this.restart();
    });
  }

  /** Whether kafkajs gave up on the current consumer (read through a method: async code reassigns it). */
  private sessionCrashed(): boolean {
    return this.session?.crashed === true;
  }

  private applyPauses(): void {
    if (this.paused.size > 0) setPaused(this.session?.consumer, this.topic, [...this.paused], true);
  }
}

/**
 * A source reading `config.topic` as member of consumer group `config.groupId`.
 *
 * @example
 * const source = createKafkaSource({ brokers: ['127.0.0.1:9092'], groupId: 'vwu-pipeline', logger });
 * await source.start(handler, { onRevoked: (partitions) => sink.flushAndCommit(partitions) });
 */
export function createKafkaSource(config: KafkaSourceConfig): EventSource {
  return new KafkaSource(config);
}
