import { appendFile, mkdtemp, readFile, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EmbeddedLog,
  EventLogError,
  LockHeldError,
  PartitionReader,
  listSegments,
  partitionForKey,
  segmentPath,
} from '@vwu/pipeline';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vwu-log-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(
  partition: number,
  from = 0,
): Promise<{ offset: number; key: string | null; value: string }[]> {
  const reader = new PartitionReader(dir, partition);
  await reader.seek(from);
  const out: { offset: number; key: string | null; value: string }[] = [];
  for (let records = await reader.read(1000); records.length > 0; records = await reader.read(1000)) {
    out.push(
      ...records.map((r) => ({
        offset: r.offset,
        key: r.key?.toString() ?? null,
        value: r.value.toString(),
      })),
    );
  }
  await reader.close();
  return out;
}

describe('EmbeddedLog', () => {
  it('appends keyed records to stable partitions with consecutive offsets, read back in order', async () => {
    const log = await EmbeddedLog.open(dir, { partitions: 3 });
    const units = ['2025:00004', '2025:00007', '2025:04', '2025:80', 'pre2025:001'];
    const results = await log.appendMany(
      Array.from({ length: 50 }, (_, i) => ({ key: units[i % units.length] ?? null, value: `event-${i}` })),
    );
    await log.close();

    for (const [i, result] of results.entries())
      expect(result.partition).toBe(partitionForKey(Buffer.from(units[i % units.length] ?? ''), 3));
    for (let partition = 0; partition < 3; partition += 1) {
      const records = await readAll(partition);
      expect(records.map((r) => r.offset)).toEqual(records.map((_, i) => i));
      const mine = results.flatMap((r, i) => (r.partition === partition ? [`event-${i}`] : []));
      expect(records.map((r) => r.value)).toEqual(mine);
    }
  });

  it.each([
    { name: 'a torn frame header', tail: Buffer.from([0, 0]) },
    { name: 'a frame cut short', tail: Buffer.from([0, 0, 0, 50, 1, 2, 3, 4, 9, 9, 9]) },
    {
      name: 'a frame with a wrong checksum',
      tail: Buffer.concat([Buffer.from([0, 0, 0, 3, 0, 0, 0, 0]), Buffer.from('abc')]),
    },
  ])('truncates $name after a crash and appends after the last good record', async ({ tail }) => {
    const log = await EmbeddedLog.open(dir, { partitions: 1 });
    await log.appendMany([
      { key: 'k', value: 'one' },
      { key: 'k', value: 'two' },
    ]);
    await log.close();
    const segment = segmentPath(dir, 0, 0);
    const goodSize = (await stat(segment)).size;
    await appendFile(segment, tail);

    const reopened = await EmbeddedLog.open(dir);
    expect((await stat(segment)).size).toBe(goodSize);
    expect(await reopened.append('k', 'three')).toEqual({ partition: 0, offset: '2' });
    await reopened.close();
    expect((await readAll(0)).map((r) => r.value)).toEqual(['one', 'two', 'three']);
  });

  it('loses nothing acknowledged when a crash tears the last record in half', async () => {
    const log = await EmbeddedLog.open(dir, { partitions: 1 });
    await log.appendMany(Array.from({ length: 10 }, (_, i) => ({ key: null, value: `v${i}` })));
    await log.close();
    const segment = segmentPath(dir, 0, 0);
    await truncate(segment, (await stat(segment)).size - 3);

    const reopened = await EmbeddedLog.open(dir);
    expect(reopened.durableEndOffsets()).toEqual([9]);
    await reopened.close();
    expect((await readAll(0)).map((r) => r.value)).toEqual(Array.from({ length: 9 }, (_, i) => `v${i}`));
  });

  it('rolls segments and reads across them, also from an offset in a later segment', async () => {
    const log = await EmbeddedLog.open(dir, { partitions: 1, segmentBytes: 200 });
    for (let i = 0; i < 40; i += 1) await log.append('k', `value-${i}`);
    await log.close();
    const segments = await listSegments(dir, 0);
    expect(segments.length).toBeGreaterThan(3);
    expect((await readAll(0)).map((r) => r.value)).toEqual(
      Array.from({ length: 40 }, (_, i) => `value-${i}`),
    );
    expect((await readAll(0, 33)).map((r) => r.offset)).toEqual([33, 34, 35, 36, 37, 38, 39]);
  });

  it('keeps its partition count and refuses another one', async () => {
    await (await EmbeddedLog.open(dir, { partitions: 5 })).close();
    const reopened = await EmbeddedLog.open(dir);
    expect(reopened.partitions).toBe(5);
    await reopened.close();
    await expect(EmbeddedLog.open(dir, { partitions: 3 })).rejects.toBeInstanceOf(EventLogError);
    expect(JSON.parse(await readFile(join(dir, 'log.json'), 'utf8'))).toMatchObject({ partitions: 5 });
  });

  it('lets one writer at a time hold the log', async () => {
    const log = await EmbeddedLog.open(dir);
    await expect(EmbeddedLog.open(dir)).rejects.toBeInstanceOf(LockHeldError);
    await log.close();
    await (await EmbeddedLog.open(dir)).close();
  });

  it('a follower sees records appended after it reached the end', async () => {
    const log = await EmbeddedLog.open(dir, { partitions: 1 });
    const reader = new PartitionReader(dir, 0);
    await reader.seek(0);
    expect(await reader.read(10)).toEqual([]);
    await log.append('k', 'late');
    const records = await reader.read(10);
    expect(records.map((r) => r.value.toString())).toEqual(['late']);
    await reader.close();
    await log.close();
  });

  it('group-commits concurrent appends with fsync per write', async () => {
    const log = await EmbeddedLog.open(dir, { partitions: 2, fsync: 'batch' });
    const results = await Promise.all(
      Array.from({ length: 2000 }, (_, i) => log.append(`unit-${i % 17}`, `v${i}`)),
    );
    expect(log.durableEndOffsets().reduce((a, b) => a + b, 0)).toBe(2000);
    expect(new Set(results.map((r) => `${r.partition}:${r.offset}`)).size).toBe(2000);
    await log.close();
  });
});
