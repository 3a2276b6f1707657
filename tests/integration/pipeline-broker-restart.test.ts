// The broker restarts in the middle of a run, while the pipeline consumes and a producer publishes:
// the source rejoins by itself, the producer's retries carry its batches over the outage, and in the end
// every event is in the files exactly once and the commits reach the end of the topic.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFileDeadLetters, createProducer } from '@vwu/pipeline';
import type { Kafka } from 'kafkajs';
import { restartKafka } from '../infra/kafka.mjs';
import { client, committedAndEnd, dedupDir, demoEvents, doubled, freshTopic, publish, startTestPipeline, until } from './pipeline-harness.js';
import type { StoredEvent, TestPipeline } from './pipeline-harness.js';

describe('broker restart mid-run', () => {
  const { brokers } = inject('kafka');
  let kafka: Kafka;
  let topic: string;
  const running: TestPipeline[] = [];
  const events = demoEvents(9000);
  const before = events.slice(0, 6000);
  const during = events.slice(6000);

  beforeAll(async () => {
    kafka = client(brokers);
    topic = await freshTopic(kafka, 'it-pipeline-restart');
    await publish(kafka, topic, before);
  });

  afterAll(async () => {
    for (const pipeline of running) await pipeline.stop();
  });

  it('loses nothing and doubles nothing', { timeout: 300_000 }, async () => {
    const store: StoredEvent[] = [];
    const groupId = `it-restart-${randomUUID()}`;
    const pipeline = await startTestPipeline({
      name: 'r',
      kafka,
      topic,
      groupId,
      store,
      dedupDir: await dedupDir(),
      deadLetters: createFileDeadLetters(await dedupDir()),
      flushAt: 300,
      batchDelayMs: 40,
      source: { maxBytesPerPartition: 16 * 1024, sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 20_000 },
    });
    running.push(pipeline);
    const producer = createProducer({ type: 'kafka', brokers: [], topic, kafka });
    expect((await producer.send(during.slice(0, 1))).sent).toBe(1);

    await until(() => store.length >= 1500, 60_000, 'a quarter of the events');
    expect(store.length).toBeLessThan(before.length);
    const restarted = restartKafka();
    // Publish while the broker goes down and comes back.
    const published = (async () => {
      let sent = 1;
      for (let start = 1; start < during.length; start += 500) sent += (await producer.send(during.slice(start, start + 500))).sent;
      return sent;
    })();
    expect((await restarted).state).toBe('running');
    expect(await published).toBe(during.length);
    await producer.close();

    await until(() => new Set(store.map((s) => s.id)).size >= events.length, 180_000, 'every event stored');
    await until(async () => (await committedAndEnd(kafka, topic, groupId)).committed === events.length, 60_000, 'commits at the end');
    await pipeline.stop();
    running.pop();

    expect(doubled(store)).toEqual([]);
    expect(store.map((s) => s.id).sort()).toEqual(events.map((e) => e.event_id).sort());
    expect(await committedAndEnd(kafka, topic, groupId)).toEqual({ committed: events.length, end: events.length });
    expect(pipeline.revocations.some((r) => r.startsWith('restart:') || r.startsWith('rebalance:'))).toBe(true);
  });
});
