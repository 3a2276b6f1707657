import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ManifestStore,
  PartitionWriter,
  readManifest,
  readRowsDuckDB,
  recoverSink,
  silentLogger,
  type SinkRecord,
} from '@vwu/pipeline';
import { demoEvents } from './parquet-fixtures.js';
import { duck, fakeClock, resolver, startSink, tempRoot, type FakeClock } from './sink-fixtures.js';

const PARTITIONS = 2;
const TYPES = new Set(['meeting.held', 'document.received', 'post.published', 'registry.snapshot']);
const events = demoEvents()
  .filter((e) => TYPES.has(e.type) && e.occurred_at >= '2025-06-25')
  .slice(0, 600);
/** Count rotation only, plus the final flush: few files, so the test stays fast. */
const LIMITS = { maxRows: 40, idleMs: 600_000, maxAgeMs: 600_000 };

/** The demo events spread over two source partitions, each with its own consecutive offsets. */
function stream(clock: FakeClock): SinkRecord[][] {
  const byPartition: SinkRecord[][] = Array.from({ length: PARTITIONS }, () => []);
  events.forEach((event, i) => {
    const list = byPartition[i % PARTITIONS]!;
    list.push({ event, partition: i % PARTITIONS, offset: list.length, ingestedAt: clock.now() });
  });
  return byPartition;
}

/** Consumes `upTo` records per partition in order, flushing what is due every 50 records. */
async function consume(
  writer: PartitionWriter,
  clock: FakeClock,
  byPartition: SinkRecord[][],
  from: number[],
  upTo: number,
): Promise<Map<number, number>> {
  let committed = new Map<number, number>();
  for (let i = 0; i < upTo; i++) {
    for (let p = 0; p < PARTITIONS; p++) {
      const r = byPartition[p]![(from[p] ?? 0) + i];
      if (r !== undefined) writer.append(r);
    }
    clock.advance(100);
    if (i % 50 === 49) committed = (await writer.flushDue(clock.now())).durable;
  }
  return committed;
}

describe('exactly once across a crash', () => {
  it.each([
    { crash: 'with rows still buffered', firstRun: 200, failManifest: false, limits: LIMITS },
    {
      crash: 'after files landed but before the manifest listed them',
      firstRun: 200,
      failManifest: true,
      limits: LIMITS,
    },
    { crash: 'before anything landed', firstRun: 10, failManifest: false, limits: LIMITS },
  ])(
    'crash $crash: every event is in the files exactly once',
    { timeout: 60_000 },
    async ({ firstRun, failManifest, limits }) => {
      const root = await tempRoot();
      const clock = fakeClock();
      const byPartition = stream(clock);

      const store = await ManifestStore.open(root, clock);
      const { durable } = await recoverSink(store, silentLogger);
      const first = new PartitionWriter({
        root,
        resolver,
        manifest: store,
        clock,
        logger: silentLogger,
        durable,
        ...limits,
      });
      const committed = await consume(first, clock, byPartition, [0, 0], firstRun);
      if (failManifest) {
        const failing = await ManifestStore.open(root, clock, {
          beforeRename: (_, to) => {
            if (to.endsWith('manifest.json')) throw new Error('crash');
          },
        });
        const doomed = new PartitionWriter({
          root,
          resolver,
          manifest: failing,
          clock,
          logger: silentLogger,
          durable: structuredClone(durable),
          ...limits,
        });
        for (const list of byPartition) for (const r of list.slice(firstRun, firstRun + 40)) doomed.append(r);
        await expect(doomed.flushAll()).rejects.toThrow('crash');
      }

      // Restart: recover, then re-read every partition from its committed offset.
      const second = await startSink(root, clock, limits);
      if (failManifest) expect(second.removed.orphans.length).toBeGreaterThan(0);
      const from = Array.from({ length: PARTITIONS }, (_, p) => (committed.get(p) ?? -1) + 1);
      await consume(second.writer, clock, byPartition, from, events.length);
      await second.writer.flushAll();

      const manifest = await readManifest(root);
      const { connection, close } = await duck();
      try {
        const rows = await readRowsDuckDB(
          connection,
          manifest.files.map((f) => join(root, f.path)),
        );
        expect(rows.length).toBe(events.length);
        expect(new Set(rows.map((r) => r.event_id)).size).toBe(events.length);
        expect(new Set(rows.map((r) => `${r.source_partition}/${r.source_offset}`)).size).toBe(events.length);
        expect(manifest.files.reduce((n, f) => n + f.rows, 0)).toBe(events.length);
      } finally {
        close();
      }
    },
  );
});
