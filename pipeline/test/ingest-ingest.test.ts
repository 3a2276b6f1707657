import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DedupStore, Ingest } from '@vwu/pipeline';
import type { DeadLetter, DeadLetterSink, EventSource, PartitionOffset } from '@vwu/pipeline';
import { batchOf, meeting, message, post } from './ingest-fixtures.js';

let dir: string;
let letters: DeadLetter[];
let commits: { offsets: PartitionOffset[]; journalExisted: boolean }[];

const deadLetters: DeadLetterSink = {
  write: async (l) => void letters.push(...l),
  close: async () => undefined,
};

function fakeSource(): EventSource {
  return {
    kind: 'embedded',
    topic: 'activity-events',
    state: () => 'running',
    start: async () => undefined,
    stop: async () => undefined,
    assignment: () => [0],
    pause: () => undefined,
    resume: () => undefined,
    lag: async () => [],
    commit: async (offsets) => {
      const journalExisted = await stat(join(dir, 'p0.journal')).then(
        () => true,
        () => false,
      );
      commits.push({ offsets: [...offsets], journalExisted });
      return { committed: [...offsets], rejected: [] };
    },
  };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vwu-ingest-'));
  letters = [];
  commits = [];
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Ingest', () => {
  it('passes good events on, dead-letters poison, drops duplicates, and the rest of the batch proceeds', async () => {
    const ingest = new Ingest({ source: fakeSource(), deadLetters, dedup: new DedupStore({ dir }) });
    await ingest.assigned([0]);
    const result = await ingest.process(
      batchOf([
        message(10, post(1)),
        message(11, 'not json'),
        message(12, meeting(1, 1)),
        message(13, post(1)),
        message(14, { ...post(2), unit_code: 'nowhere' }),
        message(15, meeting(2, 2)),
      ]),
    );
    expect(result.accepted.map((a) => [a.offset, a.event.event_id])).toEqual([
      ['10', 'evt-00000001'],
      ['12', 'mtg-1-000001'],
      ['15', 'mtg-2-000002'],
    ]);
    expect(result).toMatchObject({ partition: 0, deadLettered: 2, duplicates: 1, nextOffset: '16' });
    expect(letters.map((l) => [l.offset, l.type])).toEqual([
      ['11', 'undecodable'],
      ['14', 'invalid'],
    ]);
    expect(ingest.metrics.snapshot().totals).toMatchObject({
      messages: 6,
      accepted: 3,
      deadLettered: 2,
      duplicates: 1,
      batches: 1,
    });
  });

  it('journals dedup ids before it commits, so a restart after the commit still knows them', async () => {
    const ingest = new Ingest({ source: fakeSource(), deadLetters, dedup: new DedupStore({ dir }) });
    await ingest.assigned([0]);
    await ingest.process(batchOf([message(0, post(1)), message(1, post(2))]));
    const result = await ingest.durable(0, '2');
    expect(result.committed).toEqual([{ partition: 0, offset: '2' }]);
    expect(commits).toEqual([{ offsets: [{ partition: 0, offset: '2' }], journalExisted: true }]);

    const restarted = new Ingest({ source: fakeSource(), deadLetters, dedup: new DedupStore({ dir }) });
    await restarted.assigned([0]);
    const again = await restarted.process(
      batchOf([message(0, post(1)), message(1, post(2)), message(2, post(3))]),
    );
    expect(again.accepted.map((a) => a.event.event_id)).toEqual(['evt-00000003']);
    expect(again.duplicates).toBe(2);
  });
});
