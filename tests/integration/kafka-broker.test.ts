// The real broker behaves as the pipeline relies on: a consumer group with manual commits reads every
// message once, and its committed offsets survive a broker restart.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import type { Admin, Consumer, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { restartKafka } from '../infra/kafka.mjs';

const messageCount = 1000;
const partitions = 3;

describe('single-node Kafka broker', () => {
  const { brokers } = inject('kafka');
  const topic = `it-broker-${randomUUID()}`;
  const groupId = `it-group-${randomUUID()}`;
  const kafka = () => new Kafka({ clientId: 'kafka-broker-test', brokers, logLevel: logLevel.NOTHING });
  const clients: Array<Admin | Consumer | Producer> = [];
  const track = <T extends Admin | Consumer | Producer>(client: T): T => {
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    const admin = track(kafka().admin());
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  });

  afterAll(async () => {
    for (const client of clients) await client.disconnect().catch(() => undefined);
  });

  it('refuses to produce to a topic that was never created (auto-creation is off)', async () => {
    const impatient = new Kafka({
      brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 1, initialRetryTime: 100 },
    });
    const producer = track(impatient.producer({ createPartitioner: Partitioners.DefaultPartitioner }));
    await producer.connect();
    await expect(
      producer.send({ topic: `it-missing-${randomUUID()}`, messages: [{ value: 'x' }], timeout: 2_000 }),
    ).rejects.toThrow();
  });

  it(`delivers ${messageCount} messages to a consumer group that commits by hand`, async () => {
    await produce(kafka(), topic, 0, messageCount);
    const seen = await consume(kafka(), topic, groupId, messageCount);
    expect(seen.length).toBe(messageCount);
    expect(new Set(seen).size).toBe(messageCount);
    expect(await committedTotal(kafka(), topic, groupId)).toBe(messageCount);
  });

  it('keeps the committed offsets across a broker restart and resumes after them', async () => {
    const before = await restartKafka();
    expect(before.state).toBe('running');
    expect(await committedTotal(kafka(), topic, groupId)).toBe(messageCount);

    await produce(kafka(), topic, messageCount, 10);
    const resumed = await consume(kafka(), topic, groupId, 10);
    expect(resumed.sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => messageCount + i));
  });

  async function produce(client: Kafka, name: string, first: number, count: number): Promise<void> {
    const producer = track(client.producer({ createPartitioner: Partitioners.DefaultPartitioner }));
    await producer.connect();
    for (let start = first; start < first + count; start += 100) {
      const end = Math.min(start + 100, first + count);
      const messages = Array.from({ length: end - start }, (_, i) => ({
        key: `member-${(start + i) % 37}`,
        value: JSON.stringify({ seq: start + i }),
      }));
      await producer.send({ topic: name, acks: -1, messages });
    }
    await producer.disconnect();
  }

  /** Reads until `expected` messages arrived, committing each batch's offset + 1; returns the `seq`s. */
  async function consume(client: Kafka, name: string, group: string, expected: number): Promise<number[]> {
    // A short fetch wait: disconnect() waits for the fetch in flight (5 s by default).
    const consumer = track(client.consumer({ groupId: group, maxWaitTimeInMs: 200 }));
    const seen: number[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: name, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) seen.push(JSON.parse(String(message.value)).seq);
        const next = (BigInt(batch.lastOffset()) + 1n).toString();
        await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: next }]);
      },
    });
    const deadline = Date.now() + 60_000;
    while (seen.length < expected && Date.now() < deadline) await sleep(100);
    // A moment longer, so that a duplicate delivery would be seen.
    await sleep(500);
    await consumer.disconnect();
    return seen;
  }

  async function retryRetriable<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await call();
      } catch (error) {
        const retriable = error instanceof Error && 'retriable' in error && error.retriable === true;
        if (!retriable || attempt >= 50) throw error;
        await sleep(200);
      }
    }
  }

  async function committedTotal(client: Kafka, name: string, group: string): Promise<number> {
    const admin = track(client.admin());
    await admin.connect();
    // Right after a restart the coordinator may still be loading the group (a retriable error).
    const [offsets] = await retryRetriable(() => admin.fetchOffsets({ groupId: group, topics: [name] }));
    await admin.disconnect();
    return (offsets?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  }
});
