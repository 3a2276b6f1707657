import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { encodeEvent, parseUnitKey, type ActivityEvent } from '@vwu/contracts';
import {
  DedupStore,
  EmbeddedLog,
  Ingest,
  SinkPipeline,
  createEmbeddedSource,
  createFileDeadLetters,
  readManifest,
  readRowsDuckDB,
  silentLogger,
  systemClock,
  type RejectedRecord,
} from '@vwu/pipeline';
import { samplePerType } from './parquet-fixtures.js';
import { duck, startSink, tempRoot } from './sink-fixtures.js';

const valid = samplePerType(8);
const unknownUnit: ActivityEvent = {
  ...valid[0]!,
  event_id: 'unknown-unit-0001',
  unit_code: parseUnitKey('pre2025:99999'),
};
const clock = systemClock;

/** Appends events (and, with `junk`, an invalid message and a repeated event) to the embedded log. */
async function produce(logDir: string, events: readonly ActivityEvent[], junk: boolean): Promise<void> {
  const log = await EmbeddedLog.open(logDir, { partitions: 2 });
  try {
    await log.appendMany(events.map((e) => ({ key: e.unit_code, value: encodeEvent(e) })));
    if (junk) {
      await log.append('2025:04', '{"not": "an event"}');
      await log.append(events[0]!.unit_code, encodeEvent(events[0]!));
    }
  } finally {
    await log.close();
  }
}

/** One run of the whole path: embedded log → ingest → sink → Parquet, until the log is consumed. */
async function consume(dir: string, rejected: RejectedRecord[]): Promise<void> {
  const { writer } = await startSink(join(dir, 'data'), clock, { idleMs: 50, maxAgeMs: 200 });
  const source = createEmbeddedSource({
    dir: join(dir, 'log'),
    groupId: 'sink',
    pollMs: 20,
    restartDelayMs: 10,
  });
  const ingest = new Ingest({
    source,
    deadLetters: createFileDeadLetters(join(dir, 'dead')),
    dedup: new DedupStore({ dir: join(dir, 'dedup') }),
  });
  const sink = new SinkPipeline({
    writer,
    durable: (p, next) => ingest.durable(p, next),
    reject: async (records) => void rejected.push(...records),
    clock,
    logger: silentLogger,
    tickMs: 20,
  });
  sink.start();
  await source.start(async (batch) => void (await sink.write(await ingest.process(batch))), {
    onAssigned: (ps) => ingest.assigned(ps),
    onRevoked: async (ps) => {
      await sink.flush();
      ingest.revoked(ps);
    },
  });
  const deadline = Date.now() + 30_000;
  while ((await source.lag()).some((l) => l.lag > 0)) {
    if (Date.now() > deadline) throw new Error('the sink did not catch up');
    await sleep(20);
  }
  await source.stop();
  await sink.stop();
}

describe('produce → Parquet end to end', () => {
  it(
    'lands every valid event once across a restart; junk is dead-lettered or dropped',
    { timeout: 90_000 },
    async () => {
      const dir = await tempRoot();
      const rejected: RejectedRecord[] = [];
      const half = Math.floor(valid.length / 2);
      await produce(join(dir, 'log'), [...valid.slice(0, half), unknownUnit], true);
      await consume(dir, rejected);
      await produce(join(dir, 'log'), valid.slice(half), false);
      await consume(dir, rejected);

      const manifest = await readManifest(join(dir, 'data'));
      const { connection, close } = await duck();
      try {
        const rows = await readRowsDuckDB(
          connection,
          manifest.files.map((f) => join(dir, 'data', f.path)),
        );
        expect(rows.map((r) => r.event_id).sort()).toEqual(valid.map((e) => e.event_id).sort());
        expect(manifest.files.reduce((n, f) => n + f.rows, 0)).toBe(valid.length);
      } finally {
        close();
      }
      expect(rejected.map((r) => r.event.event_id)).toEqual(['unknown-unit-0001']);
    },
  );
});
