import { describe, expect, it } from 'vitest';
import { prometheusText, startPeriodic, silentLogger } from '@vwu/pipeline';
import type { ServiceSnapshot } from '@vwu/pipeline';

const snapshot: ServiceSnapshot = {
  state: 'running',
  source: 'kafka',
  topic: 'activity-events',
  at: '2025-09-01T00:00:00.000Z',
  uptimeSeconds: 12,
  ingest: {
    messages: 1000,
    bytes: 250_000,
    accepted: 990,
    deadLettered: 4,
    duplicates: 6,
    batches: 2,
    commits: 3,
  },
  sink: {
    filesLanded: 5,
    rowsLanded: 980,
    rowsRejected: 1,
    compactionPasses: 1,
    compactedRows: 500,
    compactionRowsPerSecond: 250_000,
    rollupPasses: 2,
    rollupMonths: 3,
    rollupSeconds: 0.4,
  },
  rates: { messages: 100, rowsLanded: 98 },
  lag: [
    { partition: 0, highWatermark: '600', committed: '590', lag: 10 },
    { partition: 1, highWatermark: '400', committed: null, lag: 400 },
  ],
  totalLag: 410,
  bufferedRows: 10,
  oldestBufferedSeconds: 1.5,
  manifest: { generation: 7, files: 5, rows: 980, rollups: 4 },
  rollupMonthsPending: 1,
};

describe('prometheusText', () => {
  const text = prometheusText(snapshot);
  it.each([
    ['vwu_pipeline_up{topic="activity-events",state="running"} 1'],
    ['vwu_pipeline_up{topic="activity-events",state="failed"} 0'],
    ['vwu_pipeline_messages_total{topic="activity-events"} 1000'],
    ['vwu_pipeline_lag{topic="activity-events",partition="1"} 400'],
    ['vwu_pipeline_lag_total{topic="activity-events"} 410'],
    ['vwu_pipeline_rows_landed_total{topic="activity-events"} 980'],
    ['vwu_pipeline_oldest_buffered_seconds{topic="activity-events"} 1.5'],
    ['# TYPE vwu_pipeline_messages_total counter'],
    ['# TYPE vwu_pipeline_lag gauge'],
  ])('has the line %s', (line) => {
    expect(text.split('\n')).toContain(line);
  });

  it('writes every sample as name{labels} number', () => {
    const samples = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(samples.every((l) => /^vwu_pipeline_[a-z_]+\{[^}]*\} -?[0-9.e+]+$/.test(l))).toBe(true);
  });
});

describe('startPeriodic', () => {
  it('runs now on demand, never twice at once, and not after stop', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const task = startPeriodic(
      'test',
      0,
      async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 10));
        running -= 1;
        runs += 1;
      },
      silentLogger,
    );
    await Promise.all([task.runNow(), task.runNow(), task.runNow()]);
    expect({ runs, most }).toEqual({ runs: 3, most: 1 });
    await task.stop();
    await task.runNow();
    expect(runs).toBe(3);
    expect(task.state()).toBe('stopped');
  });

  it('logs a failed run and keeps going', async () => {
    const lines: string[] = [];
    const logger = { log: (_: string, message: string) => void lines.push(message), child: () => logger };
    let calls = 0;
    const task = startPeriodic(
      'flaky',
      0,
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('boom');
      },
      logger,
    );
    await task.runNow();
    await task.runNow();
    await task.stop();
    expect(calls).toBe(2);
    expect(lines).toEqual(['flaky failed; retried on the next tick']);
  });
});
