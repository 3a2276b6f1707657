import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ManifestConflictError,
  ManifestFormatError,
  ManifestStore,
  compact,
  countRowsDuckDB,
  isCompacted,
  parseManifest,
  readManifest,
  readRowsDuckDB,
  silentLogger,
  sourceRanges,
  type ManifestFile,
} from '@vwu/pipeline';
import { demoEvents } from './parquet-fixtures.js';
import { duck, fakeClock, startSink, tempRoot } from './sink-fixtures.js';

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

function entry(path: string, rows = 1): ManifestFile {
  return {
    path,
    type: 'meeting.held',
    province: '2025:04',
    month: '2025-07',
    rows,
    bytes: 10,
    min_time: '2025-07-01T00:00:00.000Z',
    max_time: '2025-07-01T00:00:00.000Z',
    sha256: '0'.repeat(64),
    source: { partition: 0, first_offset: 0, last_offset: rows - 1 },
  };
}

describe('manifest store', () => {
  it('writes a new generation per change, atomically, and reads it back', async () => {
    const root = await tempRoot();
    const clock = fakeClock();
    const store = await ManifestStore.open(root, clock);
    await store.commit({ add: [entry('events/a.parquet'), entry('events/b.parquet')] });
    clock.advance(1000);
    await store.commit({ add: [entry('events/c.parquet', 2)], retire: ['events/a.parquet'] });
    const read = await readManifest(root);
    expect(read.generation).toBe(2);
    expect(read.files.map((f) => f.path)).toEqual(['events/b.parquet', 'events/c.parquet']);
    expect(read.retired).toEqual([{ path: 'events/a.parquet', retired_at: '2025-09-01T00:00:01.000Z' }]);
    expect((await ManifestStore.open(root, clock)).current()).toEqual(read);
  });

  it.each([
    ['a path listed twice', { add: [entry('events/a.parquet')] }],
    ['a retire of an unlisted file', { retire: ['events/zzz.parquet'] }],
  ])('rejects %s and writes nothing', async (_, change) => {
    const root = await tempRoot();
    const store = await ManifestStore.open(root, fakeClock());
    await store.commit({ add: [entry('events/a.parquet')] });
    await expect(store.commit(change)).rejects.toBeInstanceOf(ManifestConflictError);
    expect((await readManifest(root)).generation).toBe(1);
  });

  it('keeps the previous generation when the write fails', async () => {
    const root = await tempRoot();
    const clock = fakeClock();
    await (await ManifestStore.open(root, clock)).commit({ add: [entry('events/a.parquet')] });
    const failing = await ManifestStore.open(root, clock, {
      beforeRename: () => {
        throw new Error('disk full');
      },
    });
    await expect(failing.commit({ add: [entry('events/b.parquet')] })).rejects.toThrow('disk full');
    expect(failing.current().files.map((f) => f.path)).toEqual(['events/a.parquet']);
    expect((await readManifest(root)).files.map((f) => f.path)).toEqual(['events/a.parquet']);
  });

  it.each([
    ['not JSON', '{'],
    ['another version', JSON.stringify({ version: 2, generation: 1, files: [], retired: [], rollups: [] })],
    [
      'a bad file entry',
      JSON.stringify({ version: 1, generation: 1, files: [{ path: '../x' }], retired: [], rollups: [] }),
    ],
  ])('refuses a manifest that is %s', (_, text) => {
    expect(() => parseManifest(text)).toThrow(ManifestFormatError);
  });
});

describe('compaction', () => {
  const events = demoEvents().filter((e) => e.occurred_at >= '2025-07-29' && e.occurred_at < '2025-08');

  /** Lands the events as many small files over two source partitions. */
  async function landSmallFiles(root: string, clock = fakeClock()) {
    const sink = await startSink(root, clock, { maxRows: 50 });
    events.forEach((event, i) =>
      sink.writer.append({ event, partition: i % 2, offset: i >> 1, ingestedAt: clock.now() }),
    );
    await sink.writer.flushAll();
    return { ...sink, clock };
  }

  it(
    'merges each partition into one sorted file, keeping every row and the offsets',
    { timeout: 60_000 },
    async () => {
      const root = await tempRoot();
      const { store, clock } = await landSmallFiles(root);
      const before = store.current().files;
      const { instance, connection, close } = await duck();
      try {
        const report = await compact({ store, instance, clock, logger: silentLogger, graceMs: 60_000 });
        const after = store.current().files;
        const sizes = new Map<string, number>();
        for (const f of before)
          sizes.set(
            `${f.type}/${f.province}/${f.month}`,
            (sizes.get(`${f.type}/${f.province}/${f.month}`) ?? 0) + 1,
          );
        const merged = [...sizes.values()].filter((n) => n >= 2);
        expect(merged.length).toBeGreaterThan(3);
        expect(after.length).toBe(sizes.size);
        expect(report).toMatchObject({
          partitions: merged.length,
          filesIn: merged.reduce((a, b) => a + b, 0),
          filesOut: merged.length,
        });
        expect(after.reduce((n, f) => n + f.rows, 0)).toBe(events.length);
        for (const file of after.filter((f) => isCompacted(f.source))) {
          const rows = await readRowsDuckDB(connection, [join(root, file.path)]);
          const keys = rows.map((r) => `${String(r.occurred_at).padStart(15, '0')}|${String(r.event_id)}`);
          expect(keys).toEqual([...keys].sort());
        }
        const offsets = after.flatMap((f) => sourceRanges(f.source));
        expect(Math.max(...offsets.map((o) => o.last_offset))).toBe((events.length - 1) >> 1);
        // Retired files stay for the grace period, then go.
        const retired = store.current().retired.map((r) => join(root, r.path));
        expect(retired.length).toBe(report.filesIn);
        expect(await Promise.all(retired.map(exists))).not.toContain(false);
        clock.advance(60_000);
        const swept = await store.sweep(60_000);
        expect(swept.length).toBe(report.filesIn);
        expect(await Promise.all(retired.map(exists))).not.toContain(true);
        expect(store.current().retired).toEqual([]);
      } finally {
        close();
      }
    },
  );

  it('never shows a reader a row twice or missing while it compacts', { timeout: 60_000 }, async () => {
    const root = await tempRoot();
    const { store, clock } = await landSmallFiles(root);
    const reader = await duck();
    const compactor = await duck();
    try {
      let done = false;
      const sums: number[] = [];
      const generations = new Set<number>();
      const readOnce = async (): Promise<void> => {
        const manifest = await readManifest(root);
        generations.add(manifest.generation);
        const paths = manifest.files.map((f) => join(root, f.path));
        const counted = await countRowsDuckDB(reader.connection, paths);
        expect(manifest.files.reduce((n, f) => n + f.rows, 0)).toBe(counted);
        sums.push(counted);
      };
      // One read before compaction starts, so the reader always sees the generation before and after.
      await readOnce();
      const readLoop = (async () => {
        while (!done) await readOnce();
        await readOnce();
      })();
      try {
        const options = { store, instance: compactor.instance, clock, logger: silentLogger, graceMs: 60_000 };
        await compact({ ...options, swapBatch: 1 });
      } finally {
        done = true;
        await readLoop;
      }
      expect(new Set(sums)).toEqual(new Set([events.length]));
      expect(generations.size).toBeGreaterThan(1);
    } finally {
      reader.close();
      compactor.close();
    }
  });
});
