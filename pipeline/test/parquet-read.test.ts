import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildEventBatch,
  compact,
  parquetToArrow,
  readRowsDuckDB,
  readRowsWasm,
  rowToRecord,
  sha256File,
  silentLogger,
  tableRows,
  type EventRow,
  type ManifestFile,
} from '@vwu/pipeline';
import { EDGE_EVENTS, normalised, samplePerType } from './parquet-fixtures.js';
import { duck, fakeClock, resolver, startSink } from './sink-fixtures.js';

const events = [...samplePerType(12), ...EDGE_EVENTS];

/** Lands every event type as raw files, then compacts half of the partitions' files, listing both kinds. */
async function landedFiles(): Promise<{
  root: string;
  files: ManifestFile[];
  expected: Map<string, EventRow>;
}> {
  const root = await mkdtemp(join(tmpdir(), 'vwu-read-test-'));
  const clock = fakeClock();
  const { writer, store } = await startSink(root, clock, { maxRows: 4 });
  const records = events.map((event, offset) => ({
    event,
    partition: 0,
    offset,
    ingestedAt: clock.now() + offset,
  }));
  for (const r of records) writer.append(r);
  await writer.flushAll();
  const { instance, close } = await duck();
  try {
    await compact({ store, instance, clock, logger: silentLogger, minFiles: 3 });
  } finally {
    close();
  }
  const expected = new Map(
    tableRows(buildEventBatch(records, resolver)).map((row) => [row.event_id as string, row]),
  );
  return { root, files: store.current().files, expected };
}

describe('event files read back', async () => {
  const { root, files, expected } = await landedFiles();
  afterAll(() => rm(root, { recursive: true, force: true }));
  const cases = files.map((file) => ({
    name: `${file.path.split('/').slice(1, 4).join(' ')} ${'compacted_from' in file.source ? 'compacted' : 'raw'}`,
    file,
  }));

  it('lists raw and compacted files of every type', () => {
    expect(cases.some((c) => c.name.endsWith('compacted'))).toBe(true);
    expect(cases.some((c) => c.name.endsWith('raw'))).toBe(true);
    expect(new Set(files.map((f) => f.type)).size).toBe(20);
  });

  it.each(cases)('$name: DuckDB native and parquet-wasm read identical rows', async ({ file }) => {
    const path = join(root, file.path);
    const viaWasm = await readRowsWasm(path);
    const { connection, close } = await duck();
    let viaDuck: EventRow[];
    try {
      viaDuck = await readRowsDuckDB(connection, [path]);
    } finally {
      close();
    }
    expect(viaWasm).toEqual(viaDuck);
    expect(viaWasm).toEqual(viaWasm.map((row) => expected.get(row.event_id as string)));
    expect(viaWasm.map(rowToRecord).map((r) => r.event)).toEqual(
      viaWasm.map((row) => normalised(events.find((e) => e.event_id === row.event_id)!)),
    );
  });

  it.each(cases)('$name: rows, size, hash and time range match the manifest', async ({ file }) => {
    const path = join(root, file.path);
    const bytes = await readFile(path);
    const table = parquetToArrow(bytes);
    expect(table.numRows).toBe(file.rows);
    expect(bytes.byteLength).toBe(file.bytes);
    expect(await sha256File(path)).toBe(file.sha256);
    const times = tableRows(table).map((r) => r.occurred_at as number);
    expect(new Date(Math.min(...times)).toISOString()).toBe(file.min_time);
    expect(new Date(Math.max(...times)).toISOString()).toBe(file.max_time);
  });
});
