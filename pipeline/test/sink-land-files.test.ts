import { describe, expect, it } from 'vitest';
import { parseUnitKey, type ActivityEvent } from '@vwu/contracts';
import {
  durableStateOf,
  groupIntoFiles,
  readRowsDuckDB,
  sourceRanges,
  type PendingFile,
} from '@vwu/pipeline';
import { duck, fakeClock, records, startSink, tempRoot } from './sink-fixtures.js';
import { join } from 'node:path';

const JULY = Date.UTC(2025, 6, 10);

function doc(
  i: number,
  unit = '2025:01273',
  type: 'document.received' | 'workfile.processed' = 'document.received',
): ActivityEvent {
  return {
    event_id: `doc-${String(i).padStart(8, '0')}`,
    type,
    schema_version: 1,
    occurred_at: new Date(JULY + i).toISOString(),
    unit_code: parseUnitKey(unit),
    attrs: type === 'document.received' ? { secret: false, processing: 'online' } : { online: true },
  } as ActivityEvent;
}

/** A pending buffer: output partition `key` (A or B), source partition, row count. */
function buffer(key: 'A' | 'B', partition: number, rows: number): PendingFile {
  return {
    key: { type: 'document.received', province: key === 'A' ? '2025:01' : '2025:04', month: '2025-07' },
    partition,
    records: Array.from({ length: rows }, (_, i) => ({ event: doc(i), partition, offset: i, ingestedAt: 0 })),
    minTime: 0,
    maxTime: 0,
  };
}

const shape = (files: PendingFile[][]): string[] =>
  files.map((f) => f.map((b) => `${b.key.province.slice(-2)}:p${b.partition}×${b.records.length}`).join(' '));

describe('grouping buffers into files', () => {
  it.each([
    {
      name: 'one output partition from three source partitions: one file, lowest partition first',
      pending: [buffer('A', 2, 3), buffer('A', 0, 3), buffer('A', 1, 3)],
      maxRows: 100,
      files: ['01:p0×3 01:p1×3 01:p2×3'],
    },
    {
      name: 'two buffers of one source partition (rotated): two files, in order',
      pending: [buffer('A', 0, 5), buffer('A', 0, 2), buffer('A', 1, 1)],
      maxRows: 100,
      files: ['01:p0×5', '01:p0×2 01:p1×1'],
    },
    {
      name: 'output partitions never share a file',
      pending: [buffer('A', 0, 1), buffer('B', 1, 1)],
      maxRows: 100,
      files: ['01:p0×1', '04:p1×1'],
    },
    {
      name: 'a file stays within maxRows; a larger buffer keeps its own',
      pending: [buffer('A', 0, 4), buffer('A', 1, 4), buffer('A', 2, 9)],
      maxRows: 8,
      files: ['01:p0×4 01:p1×4', '01:p2×9'],
    },
  ])('$name', ({ pending, maxRows, files }) => {
    expect(shape(groupIntoFiles(pending, maxRows))).toEqual(files);
  });
});

describe('a file with rows of several source partitions', () => {
  it('lists each range, reads back every row, and makes re-read rows duplicates after a restart', async () => {
    const root = await tempRoot();
    const clock = fakeClock();
    const first = await startSink(root, clock);
    const p0 = records([doc(0), doc(1), doc(2, '2025:01273', 'workfile.processed')], 0, 10, clock);
    const p2 = records([doc(3), doc(4)], 2, 40, clock);
    for (const r of [...p0, ...p2]) first.writer.append(r);
    const { files, durable } = await first.writer.flushAll();
    expect(files.map((f) => [f.path.split('/').at(-1), f.rows, f.source])).toEqual([
      [
        'p0-o00000000000000000010-00000000000000000011+1.parquet',
        4,
        {
          offsets: [
            { partition: 0, first_offset: 10, last_offset: 11 },
            { partition: 2, first_offset: 40, last_offset: 41 },
          ],
        },
      ],
      [
        'p0-o00000000000000000012-00000000000000000012.parquet',
        1,
        { partition: 0, first_offset: 12, last_offset: 12 },
      ],
    ]);
    expect(durable).toEqual(
      new Map([
        [0, 12],
        [2, 41],
      ]),
    );
    expect(files.flatMap((f) => sourceRanges(f.source)).map((r) => r.partition)).toEqual([0, 2, 0]);
    const { connection, close } = await duck();
    try {
      const rows = await readRowsDuckDB(connection, [join(root, files[0]!.path)]);
      expect(rows.map((r) => [r.source_partition, r.source_offset])).toEqual([
        [0, 10],
        [0, 11],
        [2, 40],
        [2, 41],
      ]);
    } finally {
      close();
    }
    const state = durableStateOf(first.store.current().files);
    expect(state.highest).toEqual(
      new Map([
        [0, 12],
        [2, 41],
      ]),
    );
    const second = await startSink(root, clock);
    expect([...p0, ...p2].map((r) => second.writer.append(r).status)).toEqual(Array(5).fill('duplicate'));
  });
});
