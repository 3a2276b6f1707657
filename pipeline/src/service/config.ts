/**
 * The pipeline service's configuration, from environment variables. Every variable is optional; a value
 * that cannot be used stops the start with a message that names the variable and what it accepts.
 *
 *     KAFKA_BROKERS, KAFKA_TOPIC, KAFKA_GROUP_ID, EVENT_LOG_DIR   the source (see `source/select.ts`)
 *     ANALYTICS_DIR                  output: manifest.json, events/, rollups/ (default var/analytics)
 *     PIPELINE_STATE_DIR             dedup journals (default var/pipeline-state)
 *     PIPELINE_MAX_ROWS              rows per raw file before rotation (default 100000)
 *     PIPELINE_IDLE_FLUSH_MS         land a buffer that got nothing for this long (default 2000)
 *     PIPELINE_MAX_AGE_MS            land a buffer at the latest this long after its first row (default 5000)
 *     PIPELINE_MAX_BUFFERED_ROWS     rows held in memory before everything is landed (default 200000)
 *     PIPELINE_CATCH_UP_LAG          a partition this far behind lands only by rotation and the memory bound
 *                                    (default 10000; 0: always by age)
 *     PIPELINE_COMPACT_INTERVAL_S    seconds between compaction passes; 0 = never (default 60)
 *     PIPELINE_ROLLUP_INTERVAL_S     seconds between rollup updates of touched months; 0 = never (default 15)
 *     PIPELINE_METRICS_LOG_S         seconds between `pipeline metrics` log lines; 0 = never (default 30)
 *     PIPELINE_METRICS_PORT          serve Prometheus text on http://HOST:PORT/metrics (default: no server)
 *     PIPELINE_METRICS_HOST          address of that server (default 127.0.0.1)
 *     PIPELINE_DUCKDB_THREADS        DuckDB threads for compaction and rollups (default 2)
 *     KAFKA_SESSION_TIMEOUT_MS       consumer session timeout (default 30000; a killed instance's partitions
 *                                    move after this long)
 *     KAFKA_REBALANCE_TIMEOUT_MS     how long a rebalance waits for members (default 60000)
 *     LOG_LEVEL                      debug | info | warn | error (default info)
 */
import { join, resolve } from 'node:path';
import type { LogLevel } from '../ingest/log.js';
import { sourceSettingsFromEnv, type SourceSettings } from '../source/select.js';

/** Default output directory, relative to the working directory. */
export const DEFAULT_ANALYTICS_DIR = 'var/analytics';
/** Default state directory (dedup journals), relative to the working directory. */
export const DEFAULT_STATE_DIR = 'var/pipeline-state';

/** Everything the pipeline service needs to run. */
export interface ServiceConfig {
  source: SourceSettings;
  /** Output root: `manifest.json`, `events/`, `rollups/`. */
  analyticsDir: string;
  /** Dedup journals (`<stateDir>/dedup/<topic>`); shared by every instance of a Kafka group. */
  stateDir: string;
  sink: { maxRows: number; idleMs: number; maxAgeMs: number; maxBufferedRows: number; catchUpLag: number };
  /** Milliseconds between compaction passes; 0: never. */
  compactIntervalMs: number;
  /** Milliseconds between rollup updates of the months the sink touched; 0: never. */
  rollupIntervalMs: number;
  /** Milliseconds between metrics log lines; 0: never. */
  metricsLogIntervalMs: number;
  /** Where `/metrics` is served; `null`: no HTTP server. */
  metricsHttp: { host: string; port: number } | null;
  duckdbThreads: number;
  /** Kafka consumer timeouts (ignored in embedded mode). */
  kafka: { sessionTimeoutMs: number; rebalanceTimeoutMs: number };
  logLevel: LogLevel;
}

/** A configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

function integer(env: Env, name: string, fallback: number, min: number): number {
  const text = env[name]?.trim();
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min)
    throw new ConfigError(`${name} must be a whole number ≥ ${min}, got "${text}"`);
  return value;
}

/**
 * Reads the service configuration from environment variables (see the module comment for the list).
 *
 * @example
 * const config = serviceConfigFromEnv({ EVENT_LOG_DIR: 'var/event-log', ANALYTICS_DIR: 'var/analytics' });
 * config.source.type; // 'embedded'
 * @throws ConfigError when a variable holds a value that cannot be used.
 */
export function serviceConfigFromEnv(env: Env = process.env): ServiceConfig {
  const level = (env.LOG_LEVEL?.trim() || 'info') as LogLevel;
  if (!LEVELS.includes(level))
    throw new ConfigError(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const port = integer(env, 'PIPELINE_METRICS_PORT', -1, 0);
  if (port > 65_535) throw new ConfigError(`PIPELINE_METRICS_PORT must be ≤ 65535, got ${port}`);
  return {
    source: sourceSettingsFromEnv(env),
    analyticsDir: resolve(env.ANALYTICS_DIR?.trim() || DEFAULT_ANALYTICS_DIR),
    stateDir: resolve(env.PIPELINE_STATE_DIR?.trim() || DEFAULT_STATE_DIR),
    sink: {
      maxRows: integer(env, 'PIPELINE_MAX_ROWS', 100_000, 1),
      idleMs: integer(env, 'PIPELINE_IDLE_FLUSH_MS', 2_000, 0),
      maxAgeMs: integer(env, 'PIPELINE_MAX_AGE_MS', 5_000, 0),
      maxBufferedRows: integer(env, 'PIPELINE_MAX_BUFFERED_ROWS', 200_000, 1),
      catchUpLag: integer(env, 'PIPELINE_CATCH_UP_LAG', 10_000, 0),
    },
    compactIntervalMs: integer(env, 'PIPELINE_COMPACT_INTERVAL_S', 60, 0) * 1000,
    rollupIntervalMs: integer(env, 'PIPELINE_ROLLUP_INTERVAL_S', 15, 0) * 1000,
    metricsLogIntervalMs: integer(env, 'PIPELINE_METRICS_LOG_S', 30, 0) * 1000,
    metricsHttp: port < 0 ? null : { host: env.PIPELINE_METRICS_HOST?.trim() || '127.0.0.1', port },
    duckdbThreads: integer(env, 'PIPELINE_DUCKDB_THREADS', 2, 1),
    kafka: {
      sessionTimeoutMs: integer(env, 'KAFKA_SESSION_TIMEOUT_MS', 30_000, 1000),
      rebalanceTimeoutMs: integer(env, 'KAFKA_REBALANCE_TIMEOUT_MS', 60_000, 1000),
    },
    logLevel: level,
  };
}

/** Where the dedup journals of a configuration live. */
export function dedupDirOf(config: Pick<ServiceConfig, 'stateDir' | 'source'>): string {
  return join(config.stateDir, 'dedup', config.source.topic);
}
