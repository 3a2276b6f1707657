// Poison messages among good ones, and two schema versions of one event type in one topic, against the
// real broker: every poison message lands in `<topic>.dlq` with its reason and original bytes, every good
// event reaches the files once, and the commits pass the poison.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { Partitioners } from 'kafkajs';
import type { Kafka, Message } from 'kafkajs';
import { createKafkaDeadLetters, deadLetterTopic } from '@vwu/pipeline';
import type { DeadLetter } from '@vwu/pipeline';
import {
  client,
  committedAndEnd,
  demoEvents,
  doubled,
  freshTopic,
  groupState,
  pipelineSuite,
  readKafkaDeadLetters,
  until,
} from './pipeline-harness.js';

const good = demoEvents(2000);
const meetings = good.filter((e) => e.type === 'meeting.held');

/** Poison of every kind, each with the dead-letter type it must get. */
const poison: { value: Buffer | null; type: DeadLetter['type'] }[] = [
  { value: Buffer.from([0xff, 0xfe, 0xfd]), type: 'undecodable' },
  { value: Buffer.from('{"event_id": "cut-off'), type: 'undecodable' },
  { value: null, type: 'undecodable' },
  { value: Buffer.from('[]'), type: 'invalid' },
  {
    value: Buffer.from(
      JSON.stringify({ ...good[0], event_id: 'poison-attrs-0001', attrs: { channel: 'fax' } }),
    ),
    type: 'invalid',
  },
  {
    value: Buffer.from(JSON.stringify({ ...meetings[0], event_id: 'poison-version-01', schema_version: 9 })),
    type: 'invalid',
  },
  {
    value: Buffer.from(JSON.stringify({ ...good[1], event_id: 'poison-unit-00001', unit_code: '2025:ABC' })),
    type: 'invalid',
  },
  { value: Buffer.from('x'.repeat(70_000)), type: 'undecodable' },
];

describe('poison messages and schema versions on Kafka', () => {
  const { brokers } = inject('kafka');
  let kafka: Kafka;
  let topic: string;
  const pipelines = pipelineSuite();

  beforeAll(async () => {
    kafka = client(brokers);
    topic = await freshTopic(kafka, 'it-pipeline-poison');
    // Raw messages, as any producer could send them: poison spread among the good events.
    const messages: Message[] = [];
    for (const [i, event] of good.entries()) {
      messages.push({ key: event.unit_code, value: JSON.stringify(event) });
      const bad = i % 250 === 100 ? poison[Math.floor(i / 250)] : undefined;
      if (bad !== undefined) messages.push({ key: good[i]?.unit_code ?? null, value: bad.value });
    }
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    for (let start = 0; start < messages.length; start += 200)
      await producer.send({ topic, acks: -1, messages: messages.slice(start, start + 200) });
    await producer.disconnect();
  });

  it('dead-letters the poison with its reason and bytes, stores every good event once, and commits past it', async () => {
    expect(new Set(meetings.map((e) => e.schema_version))).toEqual(new Set([1, 2]));
    const group = await groupState('it-poison');
    const { groupId, store } = group;
    const deadLetters = createKafkaDeadLetters({ kafka, topic: deadLetterTopic(topic) });
    const pipeline = await pipelines.start({ ...group, deadLetters, name: 'p', kafka, topic });
    await until(() => store.length >= good.length, 60_000, 'every good event');
    await until(
      async () => (await committedAndEnd(kafka, topic, groupId)).committed === good.length + poison.length,
      20_000,
      'commits past the poison',
    );
    await pipelines.stop(pipeline);
    await deadLetters.close();

    expect(doubled(store)).toEqual([]);
    expect(store.map((s) => s.id).sort()).toEqual(good.map((e) => e.event_id).sort());
    // Both versions of meeting.held arrived, each as published.
    const versions = new Map(
      store.filter((s) => s.type === 'meeting.held').map((s) => [s.id, s.schemaVersion]),
    );
    expect(versions).toEqual(new Map(meetings.map((e) => [e.event_id, e.schema_version])));

    const letters = await readKafkaDeadLetters(kafka, deadLetterTopic(topic), poison.length);
    expect(letters.map((l) => l.type).sort()).toEqual(poison.map((p) => p.type).sort());
    for (const letter of letters) {
      expect(letter.reason).toMatch(/^invalid event/);
      expect(letter.topic).toBe(topic);
      const original = Buffer.from(letter.original_base64, 'base64');
      expect(poison.some((p) => (p.value ?? Buffer.alloc(0)).equals(original))).toBe(true);
    }
    expect(new Set(letters.map((l) => `${l.partition}/${l.offset}`)).size).toBe(poison.length);
  });
});
