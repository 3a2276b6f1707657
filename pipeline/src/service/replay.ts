/**
 * Replay: the events of a time range, read again from the durable log or the topic, into a fresh output
 * directory — to rebuild analytics after a fix, or to hand one period to someone. It runs the same service
 * (same validation, sink, compaction and rollups) with a fresh consumer group that starts at the beginning,
 * keeps only events whose `occurred_at` is in `[from, to)`, and stops once it has committed every partition
 * up to the end it found at start (events appended later may be included).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { occurredAtMs } from '../parquet/arrow-batch.js';
import type { ServiceConfig } from './config.js';
import { startPipelineService, type ServiceDependencies } from './service.js';

/** Options of {@link replayRange}. */
export interface ReplayOptions {
  /** The running configuration (its source is read; its output and state directories are not touched). */
  config: ServiceConfig;
  /** Inclusive start and exclusive end of `occurred_at`, ISO dates or instants. */
  from: string;
  to: string;
  /** Output directory: must not exist or be empty. */
  outDir: string;
  /** Give up after this long (default 1 hour). */
  timeoutMs?: number;
  deps?: ServiceDependencies;
}

/** What a replay wrote. */
export interface ReplayResult {
  outDir: string;
  groupId: string;
  messages: number;
  rows: number;
  files: number;
  seconds: number;
}

/** A replay that cannot start; the message says what to change. */
export class ReplayError extends Error {
  override readonly name = 'ReplayError';
}

function instant(text: string, what: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms))
    throw new ReplayError(`${what} must be an ISO date or instant (2025-01-01), got "${text}"`);
  return ms;
}

async function ensureFresh(dir: string): Promise<void> {
  try {
    const entries = await readdir(dir);
    if (entries.length > 0)
      throw new ReplayError(`${dir} is not empty: replay writes only into a fresh directory`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Replays `[from, to)` into `outDir`.
 *
 * @example
 * await replayRange({ config: serviceConfigFromEnv(), from: '2025-03-01', to: '2025-04-01', outDir: 'var/replay-2025-03' });
 * @throws ReplayError on a bad range or a directory that is not fresh.
 */
export async function replayRange(options: ReplayOptions): Promise<ReplayResult> {
  const from = instant(options.from, 'from');
  const to = instant(options.to, 'to');
  if (to <= from) throw new ReplayError(`the range is empty: ${options.from} is not before ${options.to}`);
  const outDir = resolve(options.outDir);
  await ensureFresh(outDir);
  const started = performance.now();
  const stateDir = await mkdtemp(join(tmpdir(), 'vwu-replay-state-'));
  const groupId = `vwu-replay-${new Date().toISOString().replace(/[:.]/g, '')}-${process.pid}`;
  const config: ServiceConfig = {
    ...options.config,
    source: { ...options.config.source, groupId },
    analyticsDir: outDir,
    stateDir,
    compactIntervalMs: 0,
    rollupIntervalMs: 0,
    metricsHttp: null,
  };
  const service = await startPipelineService(config, {
    ...options.deps,
    filter: (event) => {
      const t = occurredAtMs(event);
      return t >= from && t < to;
    },
  });
  const deadline = Date.now() + (options.timeoutMs ?? 3_600_000);
  try {
    let targets: Map<number, number> | undefined;
    for (;;) {
      if (service.state() !== 'running') throw new Error(`the replay's pipeline is ${service.state()}`);
      if (Date.now() > deadline) throw new Error('the replay did not finish in time');
      const { lag } = await service.metrics();
      if (targets === undefined && lag.length > 0)
        targets = new Map(lag.map((p) => [p.partition, Number(p.highWatermark)]));
      const done =
        targets !== undefined &&
        [...targets].every(([partition, end]) => {
          const p = lag.find((l) => l.partition === partition);
          return end === 0 || (p !== undefined && Number(p.committed ?? 0) >= end);
        });
      if (done) break;
      await sleep(250);
    }
    await service.compactNow();
    await service.rollupNow();
    await service.stop();
    const snapshot = await service.metrics();
    return {
      outDir,
      groupId,
      messages: snapshot.ingest.messages,
      rows: snapshot.manifest.rows,
      files: snapshot.manifest.files,
      seconds: Math.round(performance.now() - started) / 1000,
    };
  } finally {
    await service.stop();
    await rm(stateDir, { recursive: true, force: true });
  }
}
