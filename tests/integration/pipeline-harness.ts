// What the pipeline integration tests share: topics, demo events, per-group state, the pipelines a suite
// started (stopped after it), dead-letter reading, and a stand-in for the file sink that
// behaves as the real one must (events become durable in "files" — a shared in-memory store — then the
// dedup ids are journaled, then the offset is committed; on revoke it flushes and commits), so the tests
// can count every event that reached a file.
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ActivityEvent } from '@vwu/contracts';
import { loadHierarchy } from '@vwu/contracts/node';
import { afterAll } from 'vitest';
import {
  DedupStore,
  createFileDeadLetters,
  Ingest,
  buildWorld,
  createJsonLogger,
  createKafkaClient,
  createKafkaSource,
  createProducer,
  ensureTopics,
  eventTopics,
  generateEvents,
  silentLogger,
} from '@vwu/pipeline';
import type {
  AcceptedEvent,
  DeadLetter,
  DeadLetterSink,
  EventSource,
  KafkaSourceConfig,
  Logger,
} from '@vwu/pipeline';
import type { Kafka } from 'kafkajs';

/** A fresh topic (and its `.dlq`) with `partitions` partitions. */
export async function freshTopic(kafka: Kafka, prefix: string, partitions = 3): Promise<string> {
  const topic = `${prefix}-${randomUUID()}`;
  await ensureTopics({ kafka, topics: eventTopics(topic), partitions });
  return topic;
}

/** A kafkajs client that logs only errors (kafkajs warns on every rebalance); `retries` as the pipeline's. */
export function client(brokers: string[], retries?: number): Kafka {
  return createKafkaClient({
    brokers,
    logger: silentLogger,
    level: 'error',
    clientId: 'it-pipeline',
    ...(retries === undefined ? {} : { retries }),
  });
}

let demo: ActivityEvent[] | undefined;

/** The first `count` demo events of June–July 2025 (both `meeting.held` versions, thousands of units). */
export function demoEvents(count: number): ActivityEvent[] {
  demo ??= [
    ...generateEvents(buildWorld(loadHierarchy(), 2025, 'small'), { from: '2025-06-01', to: '2025-07-31' }),
  ].flat();
  if (count > demo.length) throw new Error(`only ${demo.length} demo events`);
  return demo.slice(0, count);
}

/** Publishes events through the pipeline's producer; fails the test if any is rejected. */
export async function publish(kafka: Kafka, topic: string, events: readonly ActivityEvent[]): Promise<void> {
  const producer = createProducer({ type: 'kafka', brokers: [], topic, kafka });
  try {
    const result = await producer.send(events);
    if (result.rejected.length > 0) throw new Error(`rejected: ${result.rejected[0]?.reason}`);
  } finally {
    await producer.close();
  }
}

/** One event as it reached a "file". */
export interface StoredEvent {
  id: string;
  type: string;
  schemaVersion: number;
  partition: number;
  offset: string;
  instance: string;
}

/** Options of {@link startTestPipeline}. */
export interface TestPipelineOptions {
  name: string;
  /** The Kafka source's client; not needed with `makeSource`. */
  kafka?: Kafka;
  topic: string;
  groupId: string;
  /** Another source than the Kafka one (the embedded log): the same sink and checks run on it. */
  makeSource?: (logger: Logger) => EventSource;
  /** Shared by every instance of the group: the files. */
  store: StoredEvent[];
  /** Shared by every instance of the group: dedup journals. */
  dedupDir: string;
  deadLetters: DeadLetterSink;
  /** Events buffered per partition before a flush (default 200). */
  flushAt?: number;
  /** Idle flush of every partition (default 250 ms; 0: none, only `flushAt` and revocation flush). */
  flushIntervalMs?: number;
  /** Pause per batch, heartbeating, to make a run long enough to disturb (default 0). */
  batchDelayMs?: number;
  /** On revoke, make files durable but "crash" before committing: forces redelivery to the next owner. */
  skipCommitOnRevoke?: boolean;
  source?: Partial<KafkaSourceConfig>;
  logger?: Logger;
}

/** A running test pipeline. */
export interface TestPipeline {
  source: EventSource;
  ingest: Ingest;
  /** Offsets handed to this instance, per partition (accepted, dead-lettered or dropped). */
  handled: Map<number, Set<string>>;
  revocations: string[];
  stop(): Promise<void>;
}

/** Starts one pipeline instance: Kafka source → ingest → the stand-in sink. */
export async function startTestPipeline(options: TestPipelineOptions): Promise<TestPipeline> {
  // VWU_TEST_LOG=info (or debug) shows what the source and ingest do, one JSON line each.
  const level = process.env.VWU_TEST_LOG;
  const logger =
    options.logger ??
    (level === 'debug' || level === 'info'
      ? createJsonLogger({ level, bindings: { instance: options.name } })
      : silentLogger);
  const source =
    options.makeSource?.(logger) ??
    createKafkaSource({
      brokers: [],
      topic: options.topic,
      groupId: options.groupId,
      heartbeatIntervalMs: 500,
      maxWaitTimeMs: 200,
      restartDelayMs: { initial: 300, max: 3_000 },
      logger,
      ...(options.kafka === undefined ? {} : { kafka: options.kafka }),
      ...options.source,
    });
  const dedup = new DedupStore({ dir: options.dedupDir, logger });
  const ingest = new Ingest({ source, deadLetters: options.deadLetters, dedup, logger });
  const buffers = new Map<number, { events: AcceptedEvent[]; next: string | undefined }>();
  const handled = new Map<number, Set<string>>();
  const revocations: string[] = [];
  const flushAt = options.flushAt ?? 200;

  const flush = async (partition: number, commit = true): Promise<void> => {
    const buffer = buffers.get(partition);
    if (buffer === undefined || buffer.next === undefined) return;
    for (const { event, offset } of buffer.events)
      options.store.push({
        id: event.event_id,
        type: event.type,
        schemaVersion: event.schema_version,
        partition,
        offset,
        instance: options.name,
      });
    const next = buffer.next;
    buffer.events = [];
    // The files are durable: journal the ids, then commit (kept for a retry when the commit fails).
    if (!commit) {
      await dedup.persistThrough(partition, next);
      if (buffer.next === next) buffer.next = undefined;
      return;
    }
    const result = await ingest.durable(partition, next);
    if (result.rejected.length === 0 && buffer.next === next) buffer.next = undefined;
  };

  const flushIntervalMs = options.flushIntervalMs ?? 250;
  const timer = setInterval(() => {
    if (flushIntervalMs === 0) return;
    void (async () => {
      for (const partition of source.assignment()) await flush(partition).catch(() => undefined);
    })();
  }, flushIntervalMs || 1_000);

  await source.start(
    async (batch) => {
      const result = await ingest.process(batch);
      const offsets = handled.get(batch.partition) ?? new Set<string>();
      handled.set(batch.partition, offsets);
      for (const message of batch.messages) offsets.add(message.offset);
      const buffer = buffers.get(batch.partition) ?? { events: [], next: undefined };
      buffers.set(batch.partition, buffer);
      buffer.events.push(...result.accepted);
      buffer.next = result.nextOffset;
      if (options.batchDelayMs !== undefined) {
        await sleep(options.batchDelayMs);
        await batch.heartbeat();
      }
      if (buffer.events.length >= flushAt) await flush(batch.partition);
    },
    {
      onAssigned: (partitions) => ingest.assigned(partitions),
      onRevoked: async (partitions, reason) => {
        revocations.push(`${reason}:${partitions.join(',')}`);
        for (const partition of partitions)
          await flush(partition, !options.skipCommitOnRevoke).catch(() => undefined);
        ingest.revoked(partitions);
        for (const partition of partitions) buffers.delete(partition);
      },
    },
  );
  return {
    source,
    ingest,
    handled,
    revocations,
    async stop() {
      clearInterval(timer);
      await source.stop();
    },
  };
}

/**
 * The pipelines a suite starts, stopped after it even when a test fails: call in the `describe` body.
 *
 * @example const pipelines = pipelineSuite(); const p = await pipelines.start({ … }); await pipelines.stop(p);
 */
export function pipelineSuite(): {
  start(options: TestPipelineOptions): Promise<TestPipeline>;
  stop(pipeline: TestPipeline): Promise<void>;
} {
  const running = new Set<TestPipeline>();
  afterAll(async () => {
    for (const pipeline of running) await pipeline.stop();
  });
  return {
    async start(options) {
      const pipeline = await startTestPipeline(options);
      running.add(pipeline);
      return pipeline;
    },
    async stop(pipeline) {
      running.delete(pipeline);
      await pipeline.stop();
    },
  };
}

/** What every instance of one consumer group shares: the "files", the dedup journals, file dead letters. */
export async function groupState(prefix: string): Promise<{
  groupId: string;
  store: StoredEvent[];
  dedupDir: string;
  deadLetters: DeadLetterSink;
}> {
  return {
    groupId: `${prefix}-${randomUUID()}`,
    store: [],
    dedupDir: await dedupDir(),
    deadLetters: createFileDeadLetters(await dedupDir()),
  };
}

/** Reads `expected` dead letters from the start of a dead-letter topic. */
export async function readKafkaDeadLetters(
  kafka: Kafka,
  topic: string,
  expected: number,
): Promise<DeadLetter[]> {
  const consumer = kafka.consumer({ groupId: `it-dlq-${randomUUID()}`, maxWaitTimeInMs: 200 });
  const letters: DeadLetter[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => void letters.push(JSON.parse(String(message.value)) as DeadLetter),
  });
  await until(() => letters.length >= expected, 30_000, 'dead letters');
  await consumer.disconnect();
  return letters;
}

/** End offsets of a topic, per partition. */
export async function topicEnds(kafka: Kafka, topic: string): Promise<{ partition: number; high: string }[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await admin.fetchTopicOffsets(topic);
  } finally {
    await admin.disconnect();
  }
}

/** A directory for dedup journals shared by the instances of one test. */
export async function dedupDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'it-dedup-'));
}

/** Waits until `condition` holds, or throws after `timeoutMs`. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Committed next offsets of a group, summed over partitions, and the topic's end offsets summed. */
export async function committedAndEnd(
  kafka: Kafka,
  topic: string,
  groupId: string,
): Promise<{ committed: number; end: number }> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const [group] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const ends = await admin.fetchTopicOffsets(topic);
        return {
          committed: (group?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0),
          end: ends.reduce((sum, p) => sum + Number(p.high), 0),
        };
      } catch (error) {
        if (attempt > 50) throw error;
        await sleep(200);
      }
    }
  } finally {
    await admin.disconnect();
  }
}

/** Ids stored more than once. */
export function doubled(store: readonly StoredEvent[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { id } of store) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}
