#!/usr/bin/env node
/**
 * `vwu-produce` — publishes an NDJSON file of activity events to Kafka (`KAFKA_BROKERS` or `--brokers`) or
 * to the embedded log (`EVENT_LOG_DIR` or `--dir`, default var/event-log).
 *
 *   vwu-produce --file events.ndjson [--topic activity-events] [--brokers host:port,…] [--dir DIR]
 *               [--batch 1000] [--create-topic] [--partitions 3] [--errors rejected.ndjson]
 *
 * Every rejected line is reported (line number and reason) on standard error, or as NDJSON in the
 * `--errors` file; all good lines are still sent. Exit code 0: every line sent; 1: some lines rejected;
 * 2: the run failed (bad arguments, broker unreachable).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { createJsonLogger } from '../ingest/log.js';
import { createKafkaClient, parseBrokers } from '../source/kafka-client.js';
import { sourceSettingsFromEnv } from '../source/select.js';
import { produceFile, type RejectedLine } from './produce-file.js';
import { createProducer, type EventProducer } from './producer.js';
import { ensureTopics, eventTopics } from './topics.js';

const USAGE = `usage: vwu-produce --file events.ndjson [--topic NAME] [--brokers host:port,…] [--dir DIR]
                   [--batch N] [--create-topic] [--partitions N] [--errors FILE]`;

interface Options {
  file: string;
  batch: number;
  createTopic: boolean;
  partitions: number;
  errors: string | undefined;
}

function parse(argv: string[]): { options: Options; env: Record<string, string | undefined> } {
  const { values } = parseArgs({
    args: argv,
    options: {
      file: { type: 'string' },
      topic: { type: 'string' },
      brokers: { type: 'string' },
      dir: { type: 'string' },
      batch: { type: 'string', default: '1000' },
      'create-topic': { type: 'boolean', default: false },
      partitions: { type: 'string', default: '3' },
      errors: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.file === undefined) throw new Error(`--file is required\n${USAGE}`);
  const batch = Number(values.batch);
  const partitions = Number(values.partitions);
  if (!Number.isInteger(batch) || batch < 1)
    throw new Error(`--batch must be a positive integer, got "${values.batch}"`);
  if (!Number.isInteger(partitions) || partitions < 1)
    throw new Error(`--partitions must be a positive integer, got "${values.partitions}"`);
  const env = { ...process.env };
  if (values.brokers !== undefined) env.KAFKA_BROKERS = values.brokers;
  if (values.dir !== undefined) env.EVENT_LOG_DIR = values.dir;
  if (values.topic !== undefined) env.KAFKA_TOPIC = values.topic;
  return {
    options: {
      file: values.file,
      batch,
      createTopic: values['create-topic'],
      partitions,
      errors: values.errors,
    },
    env,
  };
}

async function openProducer(
  env: Record<string, string | undefined>,
  options: Options,
): Promise<EventProducer> {
  const settings = sourceSettingsFromEnv(env);
  const logger = createJsonLogger({ level: 'warn' });
  if (settings.type === 'embedded') {
    console.error(`[produce] embedded log ${settings.dir}`);
    return createProducer({ type: 'embedded', dir: settings.dir, logger });
  }
  const kafka = createKafkaClient({
    brokers: parseBrokers(env.KAFKA_BROKERS ?? ''),
    clientId: 'vwu-produce',
    logger,
  });
  console.error(`[produce] Kafka ${settings.brokers.join(',')} topic ${settings.topic}`);
  if (options.createTopic) {
    const created = await ensureTopics({
      kafka,
      topics: eventTopics(settings.topic),
      partitions: options.partitions,
    });
    if (created.length > 0) console.error(`[produce] created ${created.join(', ')}`);
  }
  return createProducer({ type: 'kafka', brokers: settings.brokers, topic: settings.topic, kafka, logger });
}

async function main(): Promise<number> {
  const { options, env } = parse(process.argv.slice(2));
  const producer = await openProducer(env, options);
  const errors: WriteStream | undefined =
    options.errors === undefined ? undefined : createWriteStream(options.errors);
  const started = performance.now();
  let lastReport = 0;
  const onRejected = (rejected: RejectedLine): void => {
    if (errors !== undefined) errors.write(`${JSON.stringify(rejected)}\n`);
    else console.error(`[produce] line ${rejected.line}: ${rejected.reason}`);
  };
  try {
    const totals = await produceFile({
      input: options.file,
      producer,
      batchLines: options.batch,
      onRejected,
      onProgress: (p) => {
        const now = performance.now();
        if (now - lastReport < 1000) return;
        lastReport = now;
        const rate = Math.round(p.sent / ((now - started) / 1000));
        console.error(
          `[produce] ${p.lines.toLocaleString('en')} lines, ${p.sent.toLocaleString('en')} sent, ${p.rejected} rejected, ${rate.toLocaleString('en')}/s`,
        );
      },
    });
    const seconds = (performance.now() - started) / 1000;
    console.error(
      `[produce] done: ${totals.lines.toLocaleString('en')} lines, ${totals.sent.toLocaleString('en')} sent, ${totals.rejected} rejected in ${seconds.toFixed(1)} s`,
    );
    return totals.rejected === 0 ? 0 : 1;
  } finally {
    await producer.close();
    if (errors !== undefined) {
      errors.end();
      await once(errors, 'finish');
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[produce] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
