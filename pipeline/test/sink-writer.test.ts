import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUnitKey, type ActivityEvent } from '@vwu/contracts';
import {
  TEMP_MARKER,
  landFile,
  parseRawFileName,
  partitionDir,
  rawFileName,
  readManifest,
  vietnamMonth,
} from '@vwu/pipeline';
import { allFiles, fakeClock, records, startSink, tempRoot } from './sink-fixtures.js';

const HOUR = 3_600_000;

/** A document.received event of one commune at an instant. */
function doc(i: number, atMs: number, unit = '2025:01273'): ActivityEvent {
  return {
    event_id: `doc-${String(i).padStart(8, '0')}`,
    type: 'document.received',
    schema_version: 1,
    occurred_at: new Date(atMs).toISOString(),
    unit_code: parseUnitKey(unit),
    attrs: { secret: false, processing: 'online' },
  };
}

const JULY = Date.UTC(2025, 6, 10);

describe('layout', () => {
  it.each([
    ['2025-06-30T16:59:59.999Z', '2025-06'],
    ['2025-06-30T17:00:00.000Z', '2025-07'],
    ['2025-12-31T17:00:00.000Z', '2026-01'],
    ['2025-07-15T00:00:00.000Z', '2025-07'],
  ])('%s is in Vietnam month %s', (instant, month) => {
    expect(vietnamMonth(Date.parse(instant))).toBe(month);
  });

  it.each([
    [
      { type: 'meeting.held', province: '2025:04', month: '2025-07' },
      'events/type=meeting.held/province=2025_04/month=2025-07',
    ],
    [
      { type: 'report.submitted', province: '2025:TW', month: '2024-12' },
      'events/type=report.submitted/province=2025_TW/month=2024-12',
    ],
  ] as const)('partition %j → %s', (key, dir) => {
    expect(partitionDir(key)).toBe(dir);
  });

  it.each([
    [
      { partition: 0, firstOffset: 0, lastOffset: 0 },
      'p0-o00000000000000000000-00000000000000000000.parquet',
    ],
    [
      { partition: 12, firstOffset: 17, lastOffset: 9_007_199_254_740_991 },
      'p12-o00000000000000000017-00009007199254740991.parquet',
    ],
    [
      { partition: 1, firstOffset: 5, lastOffset: 9, more: 2 },
      'p1-o00000000000000000005-00000000000000000009+2.parquet',
    ],
  ])('raw file %j ↔ %s', (offsets, name) => {
    expect(rawFileName(offsets)).toBe(name);
    expect(parseRawFileName(name)).toEqual(offsets);
  });

  it.each([
    'c-0123abcd.parquet',
    `p0-o00000000000000000000-00000000000000000001.parquet${TEMP_MARKER}ab12`,
    'p0-o1-2.parquet',
  ])('%s is not a raw file name', (name) => expect(parseRawFileName(name)).toBeNull());
});

describe('atomic landing', () => {
  it('leaves only the final file', async () => {
    const root = await tempRoot();
    const landed = await landFile(join(root, 'a/b/x.parquet'), new Uint8Array([1, 2, 3]));
    expect(await allFiles(root)).toEqual([join(root, 'a/b/x.parquet')]);
    expect(landed).toMatchObject({
      bytes: 3,
      sha256: '039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81',
    });
  });

  it.each([
    ['a new file', null],
    ['a file that existed', new Uint8Array([9, 9])],
  ])('a crash between write and rename leaves %s as it was', async (_, previous) => {
    const root = await tempRoot();
    const path = join(root, 'x.parquet');
    if (previous !== null) await landFile(path, previous);
    const crash = async (): Promise<void> => {
      throw new Error('power cut');
    };
    await expect(landFile(path, new Uint8Array([1, 2, 3]), { beforeRename: crash })).rejects.toThrow(
      'power cut',
    );
    const files = await allFiles(root);
    expect(files.filter((f) => f.includes(TEMP_MARKER))).toEqual([]);
    if (previous === null) expect(files).toEqual([]);
    else expect(new Uint8Array(await readFile(path))).toEqual(previous);
  });
});

describe('rotation and idle flush', () => {
  it('rotates by record count', async () => {
    const clock = fakeClock();
    const { writer, store } = await startSink(await tempRoot(), clock, { maxRows: 5 });
    for (const r of records(
      Array.from({ length: 12 }, (_, i) => doc(i, JULY + i * 1000)),
      0,
      100,
      clock,
    ))
      writer.append(r);
    const { files, durable } = await writer.flushDue(clock.now());
    expect(files.map((f) => [f.rows, f.source])).toEqual([
      [5, { partition: 0, first_offset: 100, last_offset: 104 }],
      [5, { partition: 0, first_offset: 105, last_offset: 109 }],
    ]);
    expect(durable.get(0)).toBe(109);
    expect(writer.bufferedRows).toBe(2);
    expect(store.current().files).toHaveLength(2);
  });

  it('rotates by record time (the log timestamp) span, in either direction', async () => {
    const clock = fakeClock();
    const { writer } = await startSink(await tempRoot(), clock, { maxRecordSpanMs: HOUR });
    const logTimes = [0, 30 * 60_000, 2 * HOUR, 2 * HOUR + 1, 0];
    logTimes.forEach((t, i) =>
      writer.append({ event: doc(i, JULY + i), partition: 0, offset: i, ingestedAt: clock.now() + t }),
    );
    const { files } = await writer.flushAll();
    expect(files.map((f) => f.source)).toEqual([
      { partition: 0, first_offset: 0, last_offset: 1 },
      { partition: 0, first_offset: 2, last_offset: 3 },
      { partition: 0, first_offset: 4, last_offset: 4 },
    ]);
    expect(files[0]).toMatchObject({
      min_time: '2025-07-10T00:00:00.000Z',
      max_time: '2025-07-10T00:00:00.001Z',
    });
  });

  it.each([
    { name: 'idle 4.999 s: kept', appendsEveryMs: null, at: 4_999, landed: 0 },
    { name: 'idle 5 s: landed', appendsEveryMs: null, at: 5_000, landed: 1 },
    { name: 'busy for 9 s: kept', appendsEveryMs: 1_000, at: 9_000, landed: 0 },
    { name: 'busy for 10 s: landed by age', appendsEveryMs: 1_000, at: 10_000, landed: 1 },
  ])('$name', async ({ appendsEveryMs, at, landed }) => {
    const clock = fakeClock();
    const start = clock.now();
    const { writer } = await startSink(await tempRoot(), clock);
    let offset = 0;
    writer.append({ event: doc(offset, JULY), partition: 0, offset, ingestedAt: clock.now() });
    if (appendsEveryMs !== null) {
      while (clock.now() + appendsEveryMs < start + at) {
        clock.advance(appendsEveryMs);
        offset += 1;
        writer.append({ event: doc(offset, JULY + offset), partition: 0, offset, ingestedAt: clock.now() });
      }
    }
    clock.set(start + at);
    expect((await writer.flushDue(clock.now())).files).toHaveLength(landed);
  });
});

describe('commit offsets', () => {
  it('never passes a row still in memory', async () => {
    const clock = fakeClock();
    const { writer } = await startSink(await tempRoot(), clock);
    const a = (i: number): ActivityEvent => doc(i, JULY, '2025:01273');
    const b = (i: number): ActivityEvent => doc(i, JULY, '2025:00004');
    writer.append({ event: a(0), partition: 0, offset: 0, ingestedAt: clock.now() });
    writer.append({ event: b(1), partition: 0, offset: 1, ingestedAt: clock.now() });
    writer.append({ event: a(2), partition: 1, offset: 0, ingestedAt: clock.now() });
    clock.advance(3_000);
    writer.append({ event: b(3), partition: 0, offset: 2, ingestedAt: clock.now() });
    writer.append({ event: a(4), partition: 0, offset: 3, ingestedAt: clock.now() });
    clock.advance(2_000);
    writer.skip(1, 5);
    // Partition 0: key A holds offsets 0 and 3 and key B 1 and 2; both were last touched at 3 s.
    expect((await writer.flushDue(clock.now())).durable).toEqual(new Map([[1, 5]]));
    clock.advance(3_000);
    const { files, durable } = await writer.flushDue(clock.now());
    expect(files).toHaveLength(2);
    expect(durable).toEqual(
      new Map([
        [0, 3],
        [1, 5],
      ]),
    );
  });

  it('hands on ingested batches and marks dead letters and duplicates consumed', async () => {
    const clock = fakeClock();
    const { writer } = await startSink(await tempRoot(), clock);
    const outcomes = writer.appendBatch({
      partition: 2,
      accepted: [
        { event: doc(1, JULY), offset: '10' },
        { event: doc(2, JULY, 'pre2025:99999'), offset: '12' },
        { event: doc(3, JULY), offset: '10' },
      ],
      nextOffset: '15',
    });
    expect(outcomes.map((o) => o.status)).toEqual(['buffered', 'rejected', 'duplicate']);
    expect((await writer.flushAll()).durable).toEqual(new Map([[2, 14]]));
  });
});

describe('recovery', () => {
  it('deletes temporaries and unlisted files, keeps listed and retired ones', async () => {
    const root = await tempRoot();
    const clock = fakeClock();
    const first = await startSink(root, clock);
    for (const r of records([doc(0, JULY), doc(1, JULY)], 0, 0, clock)) first.writer.append(r);
    const { files } = await first.writer.flushAll();
    const dir = join(root, 'events/type=document.received/province=2025_04/month=2025-07');
    await writeFile(
      join(dir, `p0-o00000000000000000002-00000000000000000009.parquet${TEMP_MARKER}dead`),
      'half',
    );
    await writeFile(
      join(dir, 'p0-o00000000000000000002-00000000000000000009.parquet'),
      'landed, never listed',
    );
    await mkdir(join(root, 'events/type=x'), { recursive: true });
    await writeFile(join(root, `manifest.json${TEMP_MARKER}beef`), '{');
    const second = await startSink(root, clock);
    expect(second.removed.orphans).toEqual([
      'events/type=document.received/province=2025_04/month=2025-07/p0-o00000000000000000002-00000000000000000009.parquet',
    ]);
    expect(second.removed.temp).toHaveLength(2);
    expect((await allFiles(root)).sort()).toEqual(
      [join(root, files[0]!.path), join(root, 'manifest.json')].sort(),
    );
    expect((await readManifest(root)).files).toEqual(files);
  });
});
