// The broker restarts in the middle of a run, while the pipeline consumes and a producer publishes. With
// the pipeline's client retries the consumer rides the outage out; with almost none it crashes, and the
// source restarts it (revoke, leave, back off, join again). Either way the producer's retries carry its
// batches over the outage, and in the end every event is in the files exactly once and the commits reach
// the end of the topic.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createFileDeadLetters, createProducer } from '@vwu/pipeline';
import { restartKafka } from '../infra/kafka.mjs';
import {
  client,
  committedAndEnd,
  dedupDir,
  demoEvents,
  doubled,
  freshTopic,
  publish,
  startTestPipeline,
  until,
} from './pipeline-harness.js';
import type { StoredEvent, TestPipeline } from './pipeline-harness.js';

describe('broker restart mid-run', () => {
  const { brokers } = inject('kafka');
  const running: TestPipeline[] = [];
  const events = demoEvents(9000);
  const before = events.slice(0, 6000);
  const during = events.slice(6000);

  afterAll(async () => {
    for (const pipeline of running) await pipeline.stop();
  });

  it.each([
    { name: 'the consumer rides the outage out', consumerRetries: undefined, minRevocations: 1 },
    { name: 'the consumer crashes and the source restarts it', consumerRetries: 1, minRevocations: 2 },
  ])(
    'loses nothing and doubles nothing: $name',
    { timeout: 300_000 },
    async ({ consumerRetries, minRevocations }) => {
      const kafka = client(brokers);
      const topic = await freshTopic(kafka, 'it-pipeline-restart');
      await publish(kafka, topic, before);
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
        source: {
          kafka: client(brokers, consumerRetries),
          maxBytesPerPartition: 16 * 1024,
          sessionTimeoutMs: 10_000,
          rebalanceTimeoutMs: 20_000,
        },
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
        for (let start = 1; start < during.length; start += 500)
          sent += (await producer.send(during.slice(start, start + 500))).sent;
        return sent;
      })();
      const [broker, sent] = await Promise.all([restarted, published]);
      expect(broker.state).toBe('running');
      expect(sent).toBe(during.length);
      await producer.close();

      await until(() => new Set(store.map((s) => s.id)).size >= events.length, 180_000, 'every event stored');
      await until(
        async () => (await committedAndEnd(kafka, topic, groupId)).committed === events.length,
        60_000,
        'commits at the end',
      );
      await pipeline.stop();
      running.pop();

      expect(doubled(store)).toEqual([]);
      expect(store.map((s) => s.id).sort()).toEqual(events.map((e) => e.event_id).sort());
      expect(await committedAndEnd(kafka, topic, groupId)).toEqual({
        committed: events.length,
        end: events.length,
      });
      // The crashing consumer gave its partitions up (rebalance or restart) before the final stop.
      expect(pipeline.revocations.length).toBeGreaterThanOrEqual(minRevocations);
      expect(pipeline.revocations.at(-1)).toMatch(/^stop:/);
    },
  );
});
