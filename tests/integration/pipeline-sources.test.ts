// One interface, two sources: the same sink stand-in and the same checks run on the Kafka consumer group
// (real broker) and on the embedded log (the default without KAFKA_BROKERS). Poison among good events goes
// to the dead letters, every good event is stored once, commits reach the end; a restart of the group
// resumes after its commits.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActivityEvent } from '@vwu/contracts';
import { describe, expect, inject, it } from 'vitest';
import {
  EmbeddedLog,
  createDeadLetters,
  createProducer,
  createSource,
  readGroupOffsets,
} from '@vwu/pipeline';
import type { DeadLetter, DeadLetterSink, EventSource, Logger, SourceSettings } from '@vwu/pipeline';
import { Partitioners } from 'kafkajs';
import type { Kafka } from 'kafkajs';
import {
  client,
  committedAndEnd,
  dedupDir,
  demoEvents,
  doubled,
  freshTopic,
  pipelineSuite,
  readKafkaDeadLetters,
  until,
} from './pipeline-harness.js';
import type { StoredEvent } from './pipeline-harness.js';

/** What a test needs from one kind of source. */
interface Backend {
  settings: SourceSettings;
  publish(events: readonly ActivityEvent[]): Promise<void>;
  publishRaw(messages: readonly { key: string; value: Buffer }[]): Promise<void>;
  source(groupId: string, logger: Logger): EventSource;
  deadLetters(): DeadLetterSink;
  readDeadLetters(): Promise<DeadLetter[]>;
  committedAndEnd(groupId: string): Promise<{ committed: number; end: number }>;
}

async function kafkaBackend(brokers: string[]): Promise<Backend> {
  const kafka: Kafka = client(brokers);
  const topic = await freshTopic(kafka, 'it-pipeline-sources');
  const settings: SourceSettings = { type: 'kafka', brokers, topic, groupId: 'unused' };
  return {
    settings,
    async publish(events) {
      const producer = createProducer({ type: 'kafka', brokers, topic, kafka });
      await producer.send(events);
      await producer.close();
    },
    async publishRaw(messages) {
      const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      await producer.send({ topic, acks: -1, messages: [...messages] });
      await producer.disconnect();
    },
    source: (groupId, logger) => createSource({ ...settings, groupId }, { kafka, logger }),
    deadLetters: () => createDeadLetters(settings, { kafka }),
    readDeadLetters: () => readKafkaDeadLetters(kafka, `${topic}.dlq`, 3),
    committedAndEnd: (groupId) => committedAndEnd(kafka, topic, groupId),
  };
}

async function embeddedBackend(): Promise<Backend> {
  const dir = await mkdtemp(join(tmpdir(), 'it-event-log-'));
  const settings: SourceSettings = { type: 'embedded', dir, topic: 'activity-events', groupId: 'unused' };
  const withLog = async <T>(work: (log: EmbeddedLog) => Promise<T>): Promise<T> => {
    const log = await EmbeddedLog.open(dir, { lockTimeoutMs: 10_000 });
    try {
      return await work(log);
    } finally {
      await log.close();
    }
  };
  return {
    settings,
    publish: (events) =>
      withLog(async (log) => void (await createProducer({ type: 'embedded', dir, log }).send(events))),
    publishRaw: (messages) => withLog(async (log) => void (await log.appendMany(messages))),
    source: (groupId, logger) => createSource({ ...settings, groupId }, { logger }),
    deadLetters: () => createDeadLetters(settings),
    async readDeadLetters() {
      const files = await readdir(join(dir, 'dead-letters'));
      const texts = await Promise.all(files.map((file) => readFile(join(dir, 'dead-letters', file), 'utf8')));
      return texts.flatMap((text) => text.trim().split('\n')).map((line) => JSON.parse(line) as DeadLetter);
    },
    async committedAndEnd(groupId) {
      const committed = [...(await readGroupOffsets(dir, groupId)).values()].reduce((a, b) => a + b, 0);
      const end = await withLog(async (log) => log.durableEndOffsets().reduce((a, b) => a + b, 0));
      return { committed, end };
    },
  };
}

describe.each([
  { kind: 'kafka', make: () => kafkaBackend(inject('kafka').brokers) },
  { kind: 'embedded', make: () => embeddedBackend() },
])('the $kind source', ({ make }) => {
  const pipelines = pipelineSuite();
  const events = demoEvents(2500);
  const poison = [
    { key: '2025:04', value: Buffer.from('{"half": ') },
    { key: '2025:80', value: Buffer.from(JSON.stringify({ ...events[0], attrs: { channel: 'tv' } })) },
    { key: '2025:04', value: Buffer.from([0xf0, 0x28, 0x8c, 0x28]) },
  ];

  it('stores every good event once, dead-letters the poison, commits the end and resumes there', async () => {
    const backend = await make();
    await backend.publish(events.slice(0, 1000));
    await backend.publishRaw(poison);
    await backend.publish(events.slice(1000, 2000));
    const groupId = `it-sources-${randomUUID()}`;
    const store: StoredEvent[] = [];
    const options = {
      topic: backend.settings.topic,
      groupId,
      store,
      dedupDir: await dedupDir(),
      deadLetters: backend.deadLetters(),
      flushAt: 300,
    };
    const first = await pipelines.start({
      ...options,
      name: 'first',
      makeSource: (logger) => backend.source(groupId, logger),
    });
    await until(() => store.length >= 2000, 60_000, 'every good event');
    await until(
      async () => (await backend.committedAndEnd(groupId)).committed === 2003,
      30_000,
      'commits past the poison',
    );
    await pipelines.stop(first);

    expect(doubled(store)).toEqual([]);
    expect(store.map((s) => s.id).sort()).toEqual(
      events
        .slice(0, 2000)
        .map((e) => e.event_id)
        .sort(),
    );
    const letters = await backend.readDeadLetters();
    expect(letters.map((l) => Buffer.from(l.original_base64, 'base64').toString('hex')).sort()).toEqual(
      poison.map((p) => p.value.toString('hex')).sort(),
    );
    expect(letters.every((l) => l.reason.length > 0 && l.issues.length > 0)).toBe(true);

    await backend.publish(events.slice(2000));
    const resumed: StoredEvent[] = [];
    const second = await pipelines.start({
      ...options,
      store: resumed,
      name: 'second',
      makeSource: (logger) => backend.source(groupId, logger),
    });
    await until(() => resumed.length >= 500, 60_000, 'the new events');
    await pipelines.stop(second);
    expect(resumed.map((s) => s.id).sort()).toEqual(
      events
        .slice(2000)
        .map((e) => e.event_id)
        .sort(),
    );
    expect(await backend.committedAndEnd(groupId)).toEqual({ committed: 2503, end: 2503 });
  });
});
