import { describe, expect, it } from 'vitest';
import { IngestMetrics, createJsonLogger, startMetricsReporter, totalLag } from '@vwu/pipeline';
import type { EventSource } from '@vwu/pipeline';
import { manualClock } from './ingest-fixtures.js';

describe('IngestMetrics', () => {
  it('counts batches and gives rates since the previous reading', () => {
    const clock = manualClock();
    const metrics = new IngestMetrics(clock);
    metrics.recordBatch({ messages: 1000, bytes: 300_000, accepted: 990, deadLettered: 4, duplicates: 6 });
    metrics.recordCommit(2, '1000');
    clock.advance(2000);
    const first = metrics.snapshot();
    expect(first).toMatchObject({
      totals: { messages: 1000, accepted: 990, deadLettered: 4, duplicates: 6, batches: 1, commits: 1 },
      rates: { messages: 500, accepted: 495, bytes: 150_000 },
      committed: { '2': '1000' },
    });
    clock.advance(1000);
    expect(metrics.snapshot().rates.messages).toBe(0);
  });

  it('sums lag', () => {
    expect(
      totalLag([
        { partition: 0, highWatermark: '10', committed: '4', lag: 6 },
        { partition: 1, highWatermark: '3', committed: null, lag: 3 },
      ]),
    ).toBe(9);
  });

  it('logs a last structured line with lag when stopped', async () => {
    const lines: string[] = [];
    const logger = createJsonLogger({ write: (line) => void lines.push(line) });
    const source = {
      lag: async () => [{ partition: 0, highWatermark: '5', committed: '2', lag: 3 }],
    } as unknown as EventSource;
    const stop = startMetricsReporter({ metrics: new IngestMetrics(), source, logger, intervalMs: 60_000 });
    await stop();
    const line = JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'info', msg: 'ingest metrics', totalLag: 3 });
  });
});

describe('createJsonLogger', () => {
  it.each([
    { level: 'info' as const, logged: ['info', 'warn', 'error'] },
    { level: 'warn' as const, logged: ['warn', 'error'] },
  ])('writes one JSON line per call at or above $level, errors as plain data', ({ level, logged }) => {
    const lines: string[] = [];
    const logger = createJsonLogger({
      level,
      write: (line) => void lines.push(line),
      clock: manualClock(0),
    }).child({ component: 'test' });
    for (const l of ['debug', 'info', 'warn', 'error'] as const)
      logger.log(l, `at ${l}`, { error: new Error('boom') });
    const parsed = lines.map(
      (line) =>
        JSON.parse(line) as { level: string; component: string; time: string; error: { message: string } },
    );
    expect(parsed.map((p) => p.level)).toEqual(logged);
    expect(parsed[0]).toMatchObject({
      component: 'test',
      time: '1970-01-01T00:00:00.000Z',
      error: { message: 'boom' },
    });
  });
});
