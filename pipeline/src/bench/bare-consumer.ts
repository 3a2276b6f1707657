#!/usr/bin/env node
/**
 * The baseline of `bench:pipeline`: how many messages per second a bare kafkajs consumer reads from a
 * topic when it does nothing else (a fresh consumer group from the beginning, `eachBatch`, no
 * decoding, no commits). Reads until it has seen every message that was in the topic when it started.
 *
 *   node dist/bench/bare-consumer.js --topic activity-events [--brokers 127.0.0.1:9092] [--timeout 300]
 *
 * Prints one JSON line: { messages, bytes, seconds, messagesPerSecond, megabytesPerSecond }.
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { parseBrokers } from '../source/kafka-client.js';

/** Options of {@link benchBareConsumer}. */
export interface BareConsumerOptions {
  brokers: readonly string[];
  topic: string;
  /** Give up after this long (default 300 s). */
  timeoutMs?: number;
  /** Bytes fetched per partition per request (default 1 MiB). */
  maxBytesPerPartition?: number;
}

/** What the bare consumer measured. */
export interface BareConsumerResult {
  messages: number;
  bytes: number;
  seconds: number;
  messagesPerSecond: number;
  megabytesPerSecond: number;
}

/**
 * Reads the whole topic once with a bare kafkajs consumer and measures it, from the first batch to the
 * last (group join excluded).
 *
 * @example const { messagesPerSecond } = await benchBareConsumer({ brokers, topic: 'activity-events' });
 */
export async function benchBareConsumer(options: BareConsumerOptions): Promise<BareConsumerResult> {
  const kafka = new Kafka({
    brokers: [...options.brokers],
    clientId: 'vwu-bench-bare',
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(options.topic);
  await admin.disconnect();
  const expected = offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  const consumer = kafka.consumer({
    groupId: `vwu-bench-bare-${randomUUID()}`,
    maxBytesPerPartition: options.maxBytesPerPartition ?? 1024 * 1024,
    maxWaitTimeInMs: 100,
  });
  let messages = 0;
  let bytes = 0;
  let first = 0;
  let last = 0;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  await consumer.connect();
  await consumer.subscribe({ topics: [options.topic], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch }) => {
      if (first === 0) first = performance.now();
      messages += batch.messages.length;
      for (const message of batch.messages) bytes += message.value?.length ?? 0;
      last = performance.now();
      if (messages >= expected) done();
    },
  });
  const timeout = setTimeout(done, options.timeoutMs ?? 300_000);
  if (expected > 0) await finished;
  clearTimeout(timeout);
  await consumer.disconnect();
  const seconds = Math.max(0.001, (last - first) / 1000);
  return {
    messages,
    bytes,
    seconds: Math.round(seconds * 1000) / 1000,
    messagesPerSecond: Math.round(messages / seconds),
    megabytesPerSecond: Math.round((bytes / 1e6 / seconds) * 10) / 10,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092' },
      topic: { type: 'string', default: process.env.KAFKA_TOPIC ?? 'activity-events' },
      timeout: { type: 'string', default: '300' },
    },
  });
  const result = await benchBareConsumer({
    brokers: parseBrokers(values.brokers),
    topic: values.topic,
    timeoutMs: Number(values.timeout) * 1000,
  });
  process.stdout.write(
    `${JSON.stringify({ bench: 'bare-kafkajs-consumer', topic: values.topic, ...result })}\n`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
