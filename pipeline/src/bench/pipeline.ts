#!/usr/bin/env node
/**
 * `npm run bench:pipeline` — the pipeline against the real broker (tests/infra/kafka.mjs is started when
 * `KAFKA_BROKERS` is unset), on a prefix of the medium demo data (from January 2024, `BENCH_EVENTS`, default
 * 300,000) in a fresh 3-partition topic:
 *
 * 1. the bare kafkajs consumer reads the topic (`benchBareConsumer`): its events/s;
 * 2. the pipeline service (`vwu-pipeline run`, a child process) consumes the same topic into a fresh
 *    directory: events/s from its first message to the commit of the last (commits follow listed files, so
 *    this is Kafka → durable Parquet), and its peak RSS (VmHWM);
 * 3. freshness: live events published at `BENCH_LIVE_RATE`/s (default 500) for `BENCH_LIVE_S` s (default
 *    30) while the service runs; each row's latency is the moment its file appeared in `manifest.json`
 *    minus its Kafka record timestamp (`ingested_at`): p50 / p99;
 * 4. one compaction pass over what the service landed: rows/s.
 *
 * The last line is the JSON the issue names.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { ActivityEvent } from '@vwu/contracts';
import { Partitioners, type Message } from 'kafkajs';
import { loadHierarchy } from '@vwu/contracts/node';
import { buildWorld } from '../demo/world.js';
import { generateEvents } from '../demo/events.js';
import { silentLogger, systemClock } from '../ingest/log.js';
import { readManifest } from '../manifest/manifest.js';
import { ManifestStore } from '../manifest/store.js';
import { createProducer } from '../produce/producer.js';
import { ensureTopics, eventTopics } from '../produce/topics.js';
import { compact } from '../sink/compact.js';
import { createKafkaClient, parseBrokers } from '../source/kafka-client.js';
import { benchBareConsumer } from './bare-consumer.js';
import { requireRealBroker } from './real-broker.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../service/cli.js', import.meta.url));
const EVENTS = Number(process.env.BENCH_EVENTS ?? 300_000);
const LIVE_RATE = Number(process.env.BENCH_LIVE_RATE ?? 500);
const LIVE_SECONDS = Number(process.env.BENCH_LIVE_S ?? 30);

const say = (line: string): void => void process.stderr.write(`[bench:pipeline] ${line}\n`);
const round = (n: number, digits = 0): number => Math.round(n * 10 ** digits) / 10 ** digits;

function brokers(): string[] {
  if (process.env.KAFKA_BROKERS) return parseBrokers(process.env.KAFKA_BROKERS);
  const out = spawnSync(process.execPath, [join(REPO, 'tests/infra/kafka.mjs'), 'ensure'], {
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`tests/infra/kafka.mjs ensure failed: ${out.stderr}`);
  return (JSON.parse(out.stdout) as { brokers: string[] }).brokers;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kb === undefined ? 0 : Number(kb) / 1024;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function main(): Promise<void> {
  const list = brokers();
  const kafka = createKafkaClient({
    brokers: list,
    logger: silentLogger,
    level: 'error',
    clientId: 'vwu-bench',
  });
  await requireRealBroker(kafka);
  const topic = `bench-pipeline-${Date.now()}`;
  await ensureTopics({ kafka, topics: eventTopics(topic), partitions: 3 });

  // 1. Publish a prefix of the medium demo data (keyed by unit, murmur2 like the pipeline's producer; large
  //    batches, several in flight); keep a sample for the live phase.
  say(`publishing ${EVENTS.toLocaleString('en')} medium demo events (from 2024-01) to ${topic}…`);
  const raw = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await raw.connect();
  const sample: ActivityEvent[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let chunk: Message[] = [];
  let sent = 0;
  const t0 = performance.now();
  const flush = async (): Promise<void> => {
    const request = raw.send({ topic, acks: -1, messages: chunk });
    chunk = [];
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request)).catch(() => undefined);
    if (inFlight.size >= 4) await Promise.race(inFlight);
  };
  const world = buildWorld(loadHierarchy(), 2025, 'medium');
  outer: for (const unitMonth of generateEvents(world, { from: '2024-01-01', to: '2026-12-31' })) {
    for (const event of unitMonth) {
      if (sent === EVENTS) break outer;
      chunk.push({ key: event.unit_code, value: JSON.stringify(event) });
      sent += 1;
      if (sample.length < 50_000 && sent % 7 === 0) sample.push(event);
      if (chunk.length === 2000) await flush();
    }
  }
  if (chunk.length > 0) await flush();
  await Promise.all(inFlight);
  await raw.disconnect();
  const producer = createProducer({ type: 'kafka', brokers: list, topic, kafka });
  say(`published ${sent.toLocaleString('en')} in ${round((performance.now() - t0) / 1000, 1)} s`);

  // 2. The bare consumer.
  const bare = await benchBareConsumer({ brokers: list, topic });
  say(
    `bare kafkajs consumer: ${bare.messagesPerSecond.toLocaleString('en')} events/s (${bare.messages} in ${bare.seconds} s)`,
  );

  // 3. The pipeline service on the same topic.
  const dir = await mkdtemp(join(tmpdir(), 'vwu-bench-pipeline-'));
  const port = await freePort();
  const groupId = `bench-pipeline-${Date.now()}`;
  const child = spawn(process.execPath, [CLI, 'run'], {
    env: {
      ...process.env,
      KAFKA_BROKERS: list.join(','),
      KAFKA_TOPIC: topic,
      KAFKA_GROUP_ID: groupId,
      ANALYTICS_DIR: join(dir, 'analytics'),
      PIPELINE_STATE_DIR: join(dir, 'state'),
      PIPELINE_METRICS_PORT: String(port),
      PIPELINE_COMPACT_INTERVAL_S: '0',
      PIPELINE_ROLLUP_INTERVAL_S: '0',
      PIPELINE_METRICS_LOG_S: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let peak = 0;
  const admin = kafka.admin();
  await admin.connect();
  const committed = async (): Promise<number> => {
    const [group] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return (group?.partitions ?? []).reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
  };
  const messages = async (): Promise<number> => {
    const text = await fetch(`http://127.0.0.1:${port}/metrics`).then(
      (r) => r.text(),
      () => '',
    );
    return Number(/vwu_pipeline_messages_total\{[^}]*\} (\d+)/.exec(text)?.[1] ?? 0);
  };
  let first = 0;
  for (;;) {
    peak = Math.max(peak, await peakRssMb(child.pid!));
    if (first === 0 && (await messages()) > 0) first = performance.now();
    if ((await committed()) >= sent) break;
    if (child.exitCode !== null) throw new Error(`the pipeline exited with ${child.exitCode}`);
    await sleep(250);
  }
  const pipelineSeconds = (performance.now() - first) / 1000;
  const pipelineRate = sent / pipelineSeconds;
  say(
    `pipeline Kafka → durable Parquet: ${round(pipelineRate).toLocaleString('en')} events/s (${sent} in ${round(pipelineSeconds, 1)} s)`,
  );

  // 4. Freshness: live events, latency from the record timestamp to the file listed in the manifest.
  const root = join(dir, 'analytics');
  const seen = new Set((await readManifest(root)).files.map((f) => f.path));
  const duck = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await duck.connect();
  const latencies: number[] = [];
  const live = LIVE_RATE * LIVE_SECONDS;
  let published = 0;
  const publishing = (async () => {
    const start = performance.now();
    for (let tick = 0; published < live; tick += 1) {
      const due = Math.min(live, Math.round(((performance.now() - start) / 1000) * LIVE_RATE));
      const batch = [];
      for (; published < due; published += 1) {
        const base = sample[published % sample.length]!;
        batch.push({ ...base, event_id: `live-${published}-${base.event_id}`.slice(0, 64) });
      }
      if (batch.length > 0) await producer.send(batch);
      await sleep(100);
    }
  })();
  const deadline = performance.now() + (LIVE_SECONDS + 90) * 1000;
  while (latencies.length < live && performance.now() < deadline) {
    await sleep(200);
    peak = Math.max(peak, await peakRssMb(child.pid!));
    const manifest = await readManifest(root).catch(() => undefined);
    if (manifest === undefined) continue;
    const now = Date.now();
    const fresh = manifest.files.filter((f) => !seen.has(f.path));
    if (fresh.length === 0) continue;
    for (const f of fresh) seen.add(f.path);
    const reader = await connection.runAndReadAll(
      "SELECT epoch_ms(ingested_at) AS t FROM read_parquet($files) WHERE starts_with(event_id, 'live-')",
      { files: listValue(fresh.map((f) => join(root, f.path))) },
      { files: LIST(VARCHAR) },
    );
    for (const row of reader.getRowObjectsJS()) latencies.push((now - Number(row['t'])) / 1000);
  }
  await publishing;
  await producer.close();
  connection.closeSync();
  latencies.sort((a, b) => a - b);
  const p50 = percentile(latencies, 0.5);
  const p99 = percentile(latencies, 0.99);
  say(
    `freshness (${latencies.length} of ${live} live events at ${LIVE_RATE}/s): p50 ${round(p50, 2)} s, p99 ${round(p99, 2)} s`,
  );

  child.kill('SIGTERM');
  await exited;
  await admin.disconnect();
  say(`pipeline peak RSS ${round(peak)} MB`);

  // 5. Compaction of what the service landed.
  const store = await ManifestStore.open(root, systemClock);
  const report = await compact({ store, instance: duck, clock: systemClock, logger: silentLogger });
  duck.closeSync();
  const compactionRate = report.rows / Math.max(report.seconds, 0.001);
  say(
    `compaction: ${report.filesIn} files → ${report.filesOut} in ${round(report.seconds, 1)} s, ${round(compactionRate).toLocaleString('en')} rows/s`,
  );
  process.stdout.write(
    `${JSON.stringify({
      pipeline_events_per_s: round(pipelineRate),
      bare_consumer_events_per_s: bare.messagesPerSecond,
      ratio: round(pipelineRate / bare.messagesPerSecond, 3),
      freshness_p50_s: round(p50, 2),
      freshness_p99_s: round(p99, 2),
      peak_rss_mb: round(peak),
      compaction_rows_per_s: round(compactionRate),
    })}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    say(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
