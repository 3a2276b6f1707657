import { describe, expect, it } from 'vitest';
import { ConfigError, serviceConfigFromEnv } from '@vwu/pipeline';

describe('serviceConfigFromEnv', () => {
  it('defaults to the embedded log and var/ directories', () => {
    const config = serviceConfigFromEnv({});
    expect(config.source).toMatchObject({
      type: 'embedded',
      topic: 'activity-events',
      groupId: 'vwu-pipeline',
    });
    expect(config.analyticsDir).toMatch(/var\/analytics$/);
    expect(config.stateDir).toMatch(/var\/pipeline-state$/);
    expect(config).toMatchObject({
      sink: {
        maxRows: 100_000,
        idleMs: 2_000,
        maxAgeMs: 5_000,
        maxBufferedRows: 200_000,
        catchUpLag: 10_000,
      },
      compactIntervalMs: 60_000,
      rollupIntervalMs: 15_000,
      metricsHttp: null,
      logLevel: 'info',
    });
  });

  it.each([
    [
      { KAFKA_BROKERS: '127.0.0.1:9092', KAFKA_TOPIC: 't', KAFKA_GROUP_ID: 'g' },
      { source: { type: 'kafka', brokers: ['127.0.0.1:9092'], topic: 't', groupId: 'g' } },
    ],
    [
      { ANALYTICS_DIR: '/data/out', PIPELINE_STATE_DIR: '/data/state' },
      { analyticsDir: '/data/out', stateDir: '/data/state' },
    ],
    [{ PIPELINE_METRICS_PORT: '9464' }, { metricsHttp: { host: '127.0.0.1', port: 9464 } }],
    [
      { PIPELINE_COMPACT_INTERVAL_S: '0', PIPELINE_ROLLUP_INTERVAL_S: '5' },
      { compactIntervalMs: 0, rollupIntervalMs: 5_000 },
    ],
    [
      { PIPELINE_MAX_ROWS: '500', PIPELINE_IDLE_FLUSH_MS: '100', PIPELINE_MAX_AGE_MS: '900' },
      { sink: { maxRows: 500, idleMs: 100, maxAgeMs: 900 } },
    ],
    [
      { KAFKA_SESSION_TIMEOUT_MS: '6000' },
      { kafka: { sessionTimeoutMs: 6_000, rebalanceTimeoutMs: 60_000 } },
    ],
    [{ LOG_LEVEL: 'debug' }, { logLevel: 'debug' }],
  ])('reads %o', (env, expected) => {
    expect(serviceConfigFromEnv(env)).toMatchObject(expected);
  });

  it.each([
    [{ PIPELINE_MAX_ROWS: '0' }, /PIPELINE_MAX_ROWS must be a whole number ≥ 1, got "0"/],
    [{ PIPELINE_METRICS_PORT: 'http' }, /PIPELINE_METRICS_PORT/],
    [{ PIPELINE_METRICS_PORT: '70000' }, /≤ 65535/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of debug, info, warn, error/],
    [{ PIPELINE_COMPACT_INTERVAL_S: '1.5' }, /PIPELINE_COMPACT_INTERVAL_S/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => serviceConfigFromEnv(env)).toThrow(ConfigError);
    expect(() => serviceConfigFromEnv(env)).toThrow(message);
  });
});
