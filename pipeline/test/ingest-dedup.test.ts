import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DedupStore } from '@vwu/pipeline';
import type { DedupOptions } from '@vwu/pipeline';
import { manualClock } from './ingest-fixtures.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vwu-dedup-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function store(options: Partial<DedupOptions> = {}, partitions = [0]): Promise<DedupStore> {
  const created = new DedupStore({ dir, ...options });
  for (const partition of partitions) await created.acquire(partition);
  return created;
}

describe('DedupStore', () => {
  it('drops a second copy of an id on the same partition, at another offset or the same', async () => {
    const dedup = await store();
    expect([
      dedup.check(0, 0, 'a'),
      dedup.check(0, 1, 'b'),
      dedup.check(0, 2, 'a'),
      dedup.check(0, 0, 'a'),
    ]).toEqual(['new', 'new', 'duplicate', 'duplicate']);
  });

  it('keeps partitions apart (copies of an event share a partition: the key is its unit)', async () => {
    const dedup = await store({}, [0, 1]);
    expect([dedup.check(0, 0, 'a'), dedup.check(1, 0, 'a')]).toEqual(['new', 'new']);
  });

  it.each([
    {
      name: 'ids made durable are remembered after a restart',
      persistThrough: '2',
      expected: ['duplicate', 'duplicate', 'new'],
    },
    {
      name: 'only ids below the durable offset are journaled',
      persistThrough: '1',
      expected: ['duplicate', 'new', 'new'],
    },
    {
      name: 'pending ids are forgotten after a restart (their file may be lost)',
      persistThrough: null,
      expected: ['new', 'new', 'new'],
    },
  ])('$name', async ({ persistThrough, expected }) => {
    const first = await store();
    first.check(0, 0, 'a');
    first.check(0, 1, 'b');
    if (persistThrough !== null) await first.persistThrough(0, persistThrough);
    const second = await store();
    expect([second.check(0, 5, 'a'), second.check(0, 6, 'b'), second.check(0, 7, 'c')]).toEqual(expected);
  });

  it('forgets what the sink discarded', async () => {
    const dedup = await store();
    dedup.check(0, 10, 'kept');
    dedup.check(0, 11, 'dropped');
    dedup.discardPending(0, 11);
    expect([dedup.check(0, 11, 'dropped'), dedup.check(0, 12, 'kept')]).toEqual(['new', 'duplicate']);
  });

  it('gives up a partition on release and reloads its durable ids on acquire', async () => {
    const dedup = await store();
    dedup.check(0, 0, 'durable');
    await dedup.persistThrough(0, '1');
    dedup.check(0, 1, 'pending');
    dedup.release(0);
    expect(() => dedup.check(0, 2, 'x')).toThrow(/not acquired/);
    await dedup.acquire(0);
    expect([dedup.check(0, 2, 'durable'), dedup.check(0, 3, 'pending')]).toEqual(['duplicate', 'new']);
  });

  it.each([
    { after: 6 * DAY, expected: 'duplicate' },
    { after: 8 * DAY, expected: 'new' },
  ])('remembers an id for the 7-day window: $after ms later it is $expected', async ({ after, expected }) => {
    const clock = manualClock();
    const first = await store({ clock });
    first.check(0, 0, 'a');
    await first.persistThrough(0, '1');
    clock.advance(after);
    const second = await store({ clock });
    expect(second.check(0, 1, 'a')).toBe(expected);
  });

  it('keeps at most maxIdsPerPartition ids, forgetting the oldest first', async () => {
    const clock = manualClock();
    const dedup = await store({ clock, maxIdsPerPartition: 3 });
    for (let i = 0; i < 5; i += 1) {
      dedup.check(0, i, `id-${i}`);
      await dedup.persistThrough(0, String(i + 1));
      clock.advance(HOUR / 2);
    }
    expect(dedup.stats()).toEqual([
      { partition: 0, durableIds: 3, pendingIds: 0, oldestBucketMs: expect.any(Number) },
    ]);
    expect(['id-0', 'id-1', 'id-2', 'id-3', 'id-4'].map((id, i) => dedup.check(0, 10 + i, id))).toEqual([
      'new',
      'new',
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
  });

  it('drops a torn journal tail and rewrites the journal', async () => {
    const first = await store();
    first.check(0, 0, 'a');
    await first.persistThrough(0, '1');
    const path = join(dir, 'p0.journal');
    await appendFile(path, Buffer.from([0, 0, 0, 40, 1, 2, 3]));
    const second = await store();
    expect(second.check(0, 1, 'a')).toBe('duplicate');
    const rewritten = await readFile(path);
    expect(rewritten.length).toBeGreaterThan(8);
    expect(rewritten.subarray(-3)).not.toEqual(Buffer.from([1, 2, 3]));
  });
});
