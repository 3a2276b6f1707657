/**
 * The pipeline as one long-running service: the source of the configuration (Kafka group or embedded log)
 * → validation, dead letters, dedup → Parquet sink (rotation, idle flush, atomic files, offsets committed
 * after the files are listed) → manifest; compaction and rollups on timers; metrics as a snapshot, log
 * lines and optionally Prometheus text over HTTP. `stop()` is the graceful shutdown: stop fetching, land
 * every open buffer, commit, leave the group, then finish the background work.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ActivityEvent, Hierarchy } from '@vwu/contracts';
import { loadHierarchy } from '@vwu/contracts/node';
import type { Kafka } from 'kafkajs';
import { unplacedLetter } from '../ingest/dead-letter.js';
import { DedupStore } from '../ingest/dedup.js';
import { Ingest } from '../ingest/ingest.js';
import { createJsonLogger, serializeError, systemClock, type Clock, type Logger } from '../ingest/log.js';
import { totalLag } from '../ingest/metrics.js';
import { ManifestStore } from '../manifest/store.js';
import type { EventFileEncoder } from '../parquet/direct-encoder.js';
import { UnitResolver } from '../parquet/unit-resolver.js';
import { compact } from '../sink/compact.js';
import { PartitionWriter } from '../sink/partition-writer.js';
import { SinkPipeline } from '../sink/pipeline.js';
import { recoverSink } from '../sink/recovery.js';
import { updateRollups } from '../rollup/rollup.js';
import type { EmbeddedLog } from '../source/embedded-log.js';
import { createDeadLetters, createSource } from '../source/select.js';
import type { PartitionLag, SourceBatch } from '../source/types.js';
import { dedupDirOf, type ServiceConfig } from './config.js';
import { serveMetrics, type MetricsServer } from './http.js';
import { RateWindow, emptySinkCounters, type ServiceSnapshot, type ServiceState } from './metrics.js';
import { startPeriodic } from './periodic.js';
import { RollupTracker } from './rollup-tracker.js';

/** What the service may be given instead of building it (tests, the replay, the benchmark). */
export interface ServiceDependencies {
  logger?: Logger;
  clock?: Clock;
  hierarchy?: Hierarchy;
  /** Kafka mode: a client to reuse. */
  kafka?: Kafka;
  /** Embedded mode: the log writer, when it runs in this process. */
  log?: EmbeddedLog;
  encoder?: EventFileEncoder;
  /** Keep only the events this accepts (replay of a time range); the others are skipped, not dead-lettered. */
  filter?: (event: ActivityEvent) => boolean;
}

/** A running pipeline service. */
export interface PipelineService {
  readonly config: ServiceConfig;
  state(): ServiceState;
  /** The service's numbers now (asks the source for lag). */
  metrics(): Promise<ServiceSnapshot>;
  /** Port of the `/metrics` server, `null` when there is none. */
  readonly metricsPort: number | null;
  /** Runs a compaction pass now (after the one in progress). */
  compactNow(): Promise<void>;
  /** Recomputes the rollups of every touched month now, pass after pass. */
  rollupNow(): Promise<void>;
  /** Resolves with the final state once the service has stopped, after `stop()` or a failure. */
  readonly stopped: Promise<ServiceState>;
  /** Graceful shutdown; safe to call twice. */
  stop(): Promise<void>;
}

/** Months recomputed per rollup pass, newest first: a pass (and so a shutdown waiting for it) stays short. */
const ROLLUP_MONTHS_PER_PASS = 4;

/** Sends heartbeats every 3 s while `work` runs (kafkajs has no background heartbeat). */
async function heartbeating<T>(batch: SourceBatch, work: Promise<T>): Promise<T> {
  const timer = setInterval(() => void batch.heartbeat().catch(() => undefined), 3_000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

/**
 * Starts the pipeline service: recovers the output directory, joins the source, and runs until `stop()`.
 *
 * @example
 * const service = await startPipelineService(serviceConfigFromEnv());
 * process.once('SIGTERM', () => void service.stop());
 * await service.stopped;
 */
export async function startPipelineService(
  config: ServiceConfig,
  deps: ServiceDependencies = {},
): Promise<PipelineService> {
  const clock = deps.clock ?? systemClock;
  const logger = (deps.logger ?? createJsonLogger({ level: config.logLevel })).child({
    component: 'pipeline',
  });
  let state: ServiceState = 'starting';
  const started = clock.now();
  await mkdir(config.analyticsDir, { recursive: true });
  await mkdir(config.stateDir, { recursive: true });

  const store = await ManifestStore.open(config.analyticsDir, clock);
  const { durable } = await recoverSink(store, logger);
  const hierarchy = deps.hierarchy ?? loadHierarchy();
  const duck = await DuckDBInstance.create(':memory:', { threads: String(config.duckdbThreads) });
  const writer = new PartitionWriter({
    root: config.analyticsDir,
    resolver: new UnitResolver(hierarchy),
    manifest: store,
    clock,
    logger,
    durable,
    ...config.sink,
    ...(deps.encoder === undefined ? {} : { encoder: deps.encoder }),
  });
  const sourceDeps = {
    logger,
    kafkaTuning: {
      ...config.kafka,
      heartbeatIntervalMs: Math.min(3_000, Math.floor(config.kafka.sessionTimeoutMs / 3)),
    },
    ...(deps.kafka && { kafka: deps.kafka }),
    ...(deps.log && { log: deps.log }),
  };
  const source = createSource(config.source, sourceDeps);
  const deadLetters = createDeadLetters(config.source, sourceDeps);
  const dedup = new DedupStore({ dir: dedupDirOf(config), clock, logger });
  const ingest = new Ingest({ source, deadLetters, dedup, logger, clock });
  const tracker = await RollupTracker.open(join(config.stateDir, 'rollups.json'), store.current());
  const counters = emptySinkCounters();
  const rates = new RateWindow();
  const sink = new SinkPipeline({
    writer,
    durable: (partition, next) => ingest.durable(partition, next),
    reject: async (records) => {
      counters.rowsRejected += records.length;
      await deadLetters.write(records.map((r) => unplacedLetter(r, source.topic, clock)));
    },
    clock,
    logger,
    tickMs: 500,
    landed: async (files) => {
      counters.filesLanded += files.length;
      counters.rowsLanded += files.reduce((n, f) => n + f.rows, 0);
      tracker.touched(files);
    },
  });

  const compaction = startPeriodic(
    'compaction',
    config.compactIntervalMs,
    async () => {
      const report = await compact({ store, instance: duck, clock, logger });
      counters.compactionPasses += 1;
      counters.compactedRows += report.rows;
      if (report.rows > 0)
        counters.compactionRowsPerSecond = Math.round(report.rows / Math.max(report.seconds, 0.001));
    },
    logger,
  );
  const rollups = startPeriodic(
    'rollups',
    config.rollupIntervalMs,
    async () => {
      const months = tracker.take(ROLLUP_MONTHS_PER_PASS);
      if (months.length === 0) return;
      const files = store.current().files;
      const t0 = performance.now();
      try {
        await updateRollups({ store, instance: duck, hierarchy, clock, logger }, months);
      } catch (error) {
        tracker.failed(months);
        throw error;
      }
      await tracker.updated(months, files);
      counters.rollupPasses += 1;
      counters.rollupMonths += months.length;
      counters.rollupSeconds = Math.round(performance.now() - t0) / 1000;
    },
    logger,
  );

  let lastLag: PartitionLag[] = [];
  const snapshot = async (): Promise<ServiceSnapshot> => {
    if (state === 'running') lastLag = await source.lag().catch(() => lastLag);
    const ingestCounters = ingest.metrics.counters();
    rates.add({ at: clock.now(), messages: ingestCounters.messages, rows: counters.rowsLanded });
    const manifest = store.current();
    const oldest = writer.oldestBufferedAt();
    return {
      state,
      source: source.kind,
      topic: source.topic,
      at: new Date(clock.now()).toISOString(),
      uptimeSeconds: Math.round((clock.now() - started) / 1000),
      ingest: ingestCounters,
      sink: { ...counters },
      rates: rates.rates(),
      lag: lastLag,
      totalLag: totalLag(lastLag),
      bufferedRows: writer.bufferedRows,
      oldestBufferedSeconds: oldest === null ? 0 : Math.max(0, (clock.now() - oldest) / 1000),
      manifest: {
        generation: manifest.generation,
        files: manifest.files.length,
        rows: manifest.files.reduce((n, f) => n + f.rows, 0),
        rollups: manifest.rollups.length,
      },
      rollupMonthsPending: tracker.pending().length,
    };
  };
  const sampler = setInterval(() => {
    const c = ingest.metrics.counters();
    rates.add({ at: clock.now(), messages: c.messages, rows: counters.rowsLanded });
  }, 1_000);
  sampler.unref();
  const metricsLog = startPeriodic(
    'metrics',
    config.metricsLogIntervalMs,
    async () => logger.log('info', 'pipeline metrics', { ...(await snapshot()) }),
    logger,
  );

  let resolveStopped: (s: ServiceState) => void = () => undefined;
  const stopped = new Promise<ServiceState>((resolve) => (resolveStopped = resolve));
  let stopping: Promise<void> | undefined;
  let server: MetricsServer | undefined;
  const shutdown = (failure?: Error): Promise<void> => {
    stopping ??= (async () => {
      state = 'stopping';
      logger.log(
        'info',
        'pipeline stopping',
        failure === undefined ? {} : { error: serializeError(failure) },
      );
      clearInterval(sampler);
      await source
        .stop()
        .catch((error: unknown) =>
          logger.log('error', 'source stop failed', { error: serializeError(error) }),
        );
      await sink
        .stop()
        .catch((error: unknown) =>
          logger.log('error', 'final flush failed', { error: serializeError(error) }),
        );
      // Months not rolled up yet stay dirty on disk (RollupTracker): the next start recomputes them.
      await compaction.stop();
      await rollups.stop();
      await metricsLog.runNow();
      await metricsLog.stop();
      await deadLetters.close().catch(() => undefined);
      await server?.close();
      duck.closeSync();
      state = failure === undefined ? 'stopped' : 'failed';
      logger.log('info', 'pipeline stopped', { state });
      resolveStopped(state);
    })();
    return stopping;
  };

  sink.start();
  await source.start(
    async (batch) => {
      let result = await ingest.process(batch);
      if (deps.filter !== undefined)
        result = { ...result, accepted: result.accepted.filter((a) => deps.filter!(a.event)) };
      await heartbeating(batch, sink.write({ ...result, highWatermark: batch.highWatermark }));
    },
    {
      onAssigned: (partitions) => ingest.assigned(partitions),
      onRevoked: async (partitions) => {
        await sink.flush();
        ingest.revoked(partitions);
      },
      onError: (error) => {
        logger.log('error', 'source failed', { error: serializeError(error) });
        void shutdown(error);
      },
    },
  );
  if (config.metricsHttp !== null)
    server = await serveMetrics(snapshot, config.metricsHttp.host, config.metricsHttp.port);
  if (state === 'starting') state = 'running';
  logger.log('info', 'pipeline running', {
    source: source.kind,
    topic: source.topic,
    analyticsDir: config.analyticsDir,
    metricsPort: server?.port ?? null,
  });
  return {
    config,
    state: () => state,
    metrics: snapshot,
    metricsPort: server?.port ?? null,
    compactNow: () => compaction.runNow(),
    rollupNow: async () => {
      for (let left = tracker.pending().length; left > 0;) {
        await rollups.runNow();
        const now = tracker.pending().length;
        if (now >= left) break;
        left = now;
      }
    },
    stopped,
    stop: () => shutdown(),
  };
}
