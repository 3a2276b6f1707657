import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { parseUnitKey, type ActivityEvent } from '@vwu/contracts';
import {
  ReplayError,
  loadEventsIntoLog,
  occurredAtMs,
  readManifest,
  readRowsDuckDB,
  replayRange,
  serviceConfigFromEnv,
  silentLogger,
  startPipelineService,
  type PipelineService,
  type ServiceConfig,
} from '@vwu/pipeline';
import { hierarchy, samplePerType } from './parquet-fixtures.js';
import { duck, tempRoot } from './sink-fixtures.js';

const valid = samplePerType(20);
const unknownUnit: ActivityEvent = {
  ...valid[0]!,
  event_id: 'unknown-unit-0001',
  unit_code: parseUnitKey('pre2025:99999'),
};

function configFor(dir: string): ServiceConfig {
  return {
    ...serviceConfigFromEnv({
      EVENT_LOG_DIR: join(dir, 'log'),
      ANALYTICS_DIR: join(dir, 'out'),
      PIPELINE_STATE_DIR: join(dir, 'state'),
      PIPELINE_IDLE_FLUSH_MS: '100',
      PIPELINE_MAX_AGE_MS: '300',
      PIPELINE_COMPACT_INTERVAL_S: '0',
      PIPELINE_ROLLUP_INTERVAL_S: '0',
      PIPELINE_METRICS_LOG_S: '0',
      PIPELINE_METRICS_PORT: '0',
    }),
  };
}

async function caughtUp(service: PipelineService, total: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const m = await service.metrics();
    if (m.lag.length > 0 && m.lag.reduce((n, p) => n + Number(p.committed ?? 0), 0) >= total) return;
    if (Date.now() > deadline) throw new Error(`not caught up: ${JSON.stringify(m.lag)}`);
    await sleep(50);
  }
}

describe('the pipeline service on the embedded log', () => {
  it(
    'loads an NDJSON file once, lands every valid event, dead-letters the rest, serves metrics and rolls up',
    { timeout: 180_000 },
    async () => {
      const dir = await tempRoot();
      const file = join(dir, 'events.ndjson');
      const lines = [
        ...valid.map((e) => JSON.stringify(e)),
        '{"not": "an event"}',
        JSON.stringify(unknownUnit),
      ];
      await writeFile(file, `${lines.join('\n')}\n`);
      expect(await loadEventsIntoLog({ file, dir: join(dir, 'log') })).toMatchObject({
        status: 'loaded',
        lines: lines.length,
      });
      expect(await loadEventsIntoLog({ file, dir: join(dir, 'log') })).toMatchObject({
        status: 'already-loaded',
        lines: lines.length,
      });

      const config = configFor(dir);
      const service = await startPipelineService(config, { hierarchy, logger: silentLogger });
      try {
        await caughtUp(service, lines.length);
        const text = await (await fetch(`http://127.0.0.1:${service.metricsPort}/metrics`)).text();
        expect(text).toContain(`vwu_pipeline_messages_total{topic="activity-events"} ${lines.length}`);
        expect(text).toContain(`vwu_pipeline_dead_letters_total{topic="activity-events"} 1`);
        expect((await fetch(`http://127.0.0.1:${service.metricsPort}/healthz`)).status).toBe(200);
        await service.rollupNow();
        await service.compactNow();
      } finally {
        await service.stop();
      }
      expect(service.state()).toBe('stopped');
      const snapshot = await service.metrics();
      expect(snapshot.sink).toMatchObject({ rowsLanded: valid.length, rowsRejected: 1 });

      const manifest = await readManifest(config.analyticsDir);
      expect(manifest.rollups.length).toBeGreaterThan(0);
      const { connection, close } = await duck();
      try {
        const rows = await readRowsDuckDB(
          connection,
          manifest.files.map((f) => join(config.analyticsDir, f.path)),
        );
        expect(rows.map((r) => r.event_id).sort()).toEqual(valid.map((e) => e.event_id).sort());
      } finally {
        close();
      }
      const deadDir = join(dir, 'log', 'dead-letters');
      const letters = (
        await Promise.all((await readdir(deadDir)).map((f) => readFile(join(deadDir, f), 'utf8')))
      )
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; event_id?: string });
      expect(letters.map((l) => l.event_id ?? l.type).sort()).toEqual(
        ['invalid', 'unknown-unit-0001'].sort(),
      );

      // Replay one month into a fresh directory: exactly the events of that month.
      const month = valid.filter(
        (e) => e.occurred_at >= '2025-05-01' && occurredAtMs(e) < Date.parse('2025-06-01T00:00:00+07:00'),
      );
      const outDir = join(dir, 'replay');
      const result = await replayRange({
        config,
        from: '2025-05-01T00:00:00+07:00',
        to: '2025-06-01T00:00:00+07:00',
        outDir,
        deps: { hierarchy, logger: silentLogger },
      });
      expect(result).toMatchObject({ rows: month.length, messages: lines.length });
      await expect(
        replayRange({ config, from: '2025-05-01', to: '2025-06-01', outDir, deps: { hierarchy } }),
      ).rejects.toThrow(ReplayError);
      await expect(
        replayRange({ config, from: '2025-06-01', to: '2025-05-01', outDir: join(dir, 'x') }),
      ).rejects.toThrow(/range is empty/);
    },
  );

  it('restarts where it stopped: a second run lands only the new events', { timeout: 120_000 }, async () => {
    const dir = await tempRoot();
    const config = configFor(dir);
    const first = join(dir, 'a.ndjson');
    const second = join(dir, 'b.ndjson');
    const half = Math.floor(valid.length / 2);
    await writeFile(
      first,
      valid
        .slice(0, half)
        .map((e) => JSON.stringify(e))
        .join('\n'),
    );
    await writeFile(
      second,
      valid
        .slice(half)
        .map((e) => JSON.stringify(e))
        .join('\n'),
    );
    await loadEventsIntoLog({ file: first, dir: join(dir, 'log') });
    let service = await startPipelineService(config, { hierarchy, logger: silentLogger });
    await caughtUp(service, half);
    await service.stop();
    await loadEventsIntoLog({ file: second, dir: join(dir, 'log') });
    service = await startPipelineService(config, { hierarchy, logger: silentLogger });
    await caughtUp(service, valid.length);
    await service.stop();
    expect((await service.metrics()).ingest.messages).toBe(valid.length - half);
    const manifest = await readManifest(config.analyticsDir);
    expect(manifest.files.reduce((n, f) => n + f.rows, 0)).toBe(valid.length);
  });
});
