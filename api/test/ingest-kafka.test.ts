// POST /events against the real Kafka broker (tests/infra/kafka.mjs), in the integration run only: the
// accepted events arrive on the topic, keyed by unit, with the API as their source; rejected ones do not.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createKafkaClient, ensureTopics, silentLogger } from '@vwu/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/index.js';
import { signIn, startTestApp, testConfig, type TestApp } from './helpers/app.js';
import { testDatabaseUrl } from './helpers/store.js';

interface KafkaInfra {
  ensureKafka(): Promise<{ brokers: string[]; startedNow: boolean }>;
  stopKafka(): Promise<unknown>;
}

const INFRA = fileURLToPath(new URL('../../tests/infra/kafka.mjs', import.meta.url));
const integration = testDatabaseUrl() !== undefined;
const topic = `vwu-api-ingest-${randomBytes(4).toString('hex')}`;

describe.runIf(integration)('POST /events on a real Kafka broker', () => {
  let t: TestApp;
  let infra: KafkaInfra;
  let brokers: string[] = [];
  let startedNow = false;

  beforeAll(async () => {
    infra = (await import(INFRA)) as KafkaInfra;
    ({ brokers, startedNow } = await infra.ensureKafka());
    const kafka = createKafkaClient({ brokers, logger: silentLogger, clientId: 'vwu-api-test' });
    await ensureTopics({ kafka, topics: [topic], partitions: 3 });
    t = await startTestApp({
      config: { ingest: { ...testConfig().ingest, target: { type: 'kafka', brokers, topic } } },
    });
  }, 300_000);

  afterAll(async () => {
    await t?.close();
    if (startedNow && process.env.VWU_KEEP_SERVERS !== '1') await infra.stopKafka();
  });

  it('publishes the accepted events keyed by unit, and only those', async () => {
    const { accessToken } = await signIn(t.app, 'officer.tanninh', DEMO_PASSWORD);
    const event = (n: number, unit: string) => ({
      event_id: `evt-kafka-${topic}-${n}`,
      type: 'post.published',
      schema_version: 1,
      occurred_at: '2025-09-15T08:30:00+07:00',
      unit_code: unit,
      attrs: { channel: 'fanpage', purpose: 'propaganda' },
    });
    const batch = [event(1, '2025:25459'), event(2, '2025:00004'), event(3, '2025:25459-01')];
    const response = await t.app.inject({
      method: 'POST',
      url: '/events',
      headers: { authorization: `Bearer ${accessToken}` },
      payload: batch,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ accepted: 2, rejected: [{ index: 1 }] });

    const kafka = createKafkaClient({ brokers, logger: silentLogger, clientId: 'vwu-api-test' });
    const consumer = kafka.consumer({ groupId: `${topic}-check` });
    const seen: Array<{ key: string; id: string; source: string }> = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${seen.length} messages in 60 s`)), 60_000);
        void consumer.run({
          eachMessage: async ({ message }) => {
            const value = JSON.parse(message.value?.toString('utf8') ?? '{}') as {
              event_id: string;
              source: string;
            };
            seen.push({ key: message.key?.toString('utf8') ?? '', id: value.event_id, source: value.source });
            if (seen.length >= 2) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
    expect(seen.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { key: '2025:25459', id: `evt-kafka-${topic}-1`, source: 'api' },
      { key: '2025:25459-01', id: `evt-kafka-${topic}-3`, source: 'api' },
    ]);
  }, 120_000);
});
