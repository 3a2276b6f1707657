// The Kafka source and producer against the real broker: validated, keyed publishing; a consumer group
// that commits by hand what the sink made durable; a graceful stop that commits and leaves; a restart
// that resumes exactly after the commits.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createKafkaSource, createProducer, partitionForKey } from '@vwu/pipeline';
import type { Kafka } from 'kafkajs';
import {
  client,
  committedAndEnd,
  demoEvents,
  doubled,
  freshTopic,
  groupState,
  pipelineSuite,
  publish,
  topicEnds,
  until,
} from './pipeline-harness.js';

describe('pipeline source and producer on Kafka', () => {
  const { brokers } = inject('kafka');
  let kafka: Kafka;
  let topic: string;
  const pipelines = pipelineSuite();

  beforeAll(async () => {
    kafka = client(brokers);
    topic = await freshTopic(kafka, 'it-pipeline-source');
  });

  it('publishes the valid events keyed by unit and returns the invalid ones, one by one', async () => {
    const events = demoEvents(3000);
    const broken = [{ ...events[0], attrs: {} }, { nonsense: true }, { ...events[1], unit_code: 'Hà Nội' }];
    const producer = createProducer({ type: 'kafka', brokers: [], topic, kafka });
    const result = await producer.send([...events.slice(0, 1500), ...broken, ...events.slice(1500)]);
    await producer.close();
    expect(result.sent).toBe(3000);
    expect(result.rejected.map((r) => r.index)).toEqual([1500, 1501, 1502]);
    expect(result.rejected.every((r) => r.reason.startsWith('invalid event'))).toBe(true);

    const ends = await topicEnds(kafka, topic);
    expect(ends.reduce((sum, p) => sum + Number(p.high), 0)).toBe(3000);
  });

  it('consumes every event once with manual commits, and commits the end on a graceful stop', async () => {
    const group = await groupState('it-group');
    const { groupId, store } = group;
    const pipeline = await pipelines.start({ ...group, name: 'a', kafka, topic, flushAt: 500 });
    await until(() => store.length >= 3000, 60_000, '3000 stored events');
    await pipelines.stop(pipeline);

    expect(doubled(store)).toEqual([]);
    expect(new Set(store.map((s) => s.id))).toEqual(new Set(demoEvents(3000).map((e) => e.event_id)));
    const unitOf = new Map(demoEvents(3000).map((e) => [e.event_id, e.unit_code]));
    expect(
      store.filter((s) => s.partition !== partitionForKey(Buffer.from(unitOf.get(s.id) ?? ''), 3)),
    ).toEqual([]);
    expect(await committedAndEnd(kafka, topic, groupId)).toEqual({ committed: 3000, end: 3000 });
    expect(pipeline.revocations.at(-1)).toMatch(/^stop:/);

    // A restart of the same group resumes after the commits: only new events arrive.
    const more = demoEvents(3200).slice(3000);
    await publish(kafka, topic, more);
    const fresh = await groupState('unused');
    const again = fresh.store;
    const restarted = await pipelines.start({ ...fresh, groupId, name: 'b', kafka, topic });
    await until(() => again.length >= 200, 60_000, '200 new events');
    await pipelines.stop(restarted);
    expect(again.map((s) => s.id).sort()).toEqual(more.map((e) => e.event_id).sort());
    expect(await committedAndEnd(kafka, topic, groupId)).toEqual({ committed: 3200, end: 3200 });
  });

  it('pauses a partition for back-pressure and resumes it', async () => {
    const source = createKafkaSource({
      brokers: [],
      kafka,
      topic,
      groupId: `it-pause-${randomUUID()}`,
      maxWaitTimeMs: 200,
    });
    const seen = new Map<number, number>();
    source.pause([0]);
    await source.start(
      async (batch) =>
        void seen.set(batch.partition, (seen.get(batch.partition) ?? 0) + batch.messages.length),
    );
    try {
      await until(() => seen.has(1) && seen.has(2), 30_000, 'partitions 1 and 2');
      await sleep(1_000);
      expect(seen.has(0)).toBe(false);
      source.resume([0]);
      await until(() => seen.has(0), 30_000, 'partition 0 after resume');
    } finally {
      await source.stop();
    }
  });

  it('reports lag per assigned partition', async () => {
    const group = await groupState('it-lag');
    const { store } = group;
    const pipeline = await pipelines.start({ ...group, name: 'lag', kafka, topic });
    await until(() => store.length >= 3200, 60_000, 'all events');
    await until(async () => (await pipeline.source.lag()).every((p) => p.lag === 0), 10_000, 'zero lag');
    const lag = await pipeline.source.lag();
    expect(lag.map((p) => p.partition)).toEqual([0, 1, 2]);
    expect(lag.reduce((sum, p) => sum + Number(p.highWatermark), 0)).toBe(3200);
    await pipelines.stop(pipeline);
  });
});
