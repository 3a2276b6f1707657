import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildEventBatch,
  compareUtf8,
  directEncoder,
  parquetToArrow,
  parquetWasmEncoder,
  readRowsDuckDB,
  readRowsWasm,
  tableRows,
  type SinkRecord,
} from '@vwu/pipeline';
import { EDGE_EVENTS, asRecords, samplePerType } from './parquet-fixtures.js';
import { duck, resolver } from './sink-fixtures.js';

const dir = await mkdtemp(join(tmpdir(), 'vwu-direct-test-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const sample = asRecords([...samplePerType(25), ...EDGE_EVENTS], 2, 1_000);
const cases: { name: string; records: SinkRecord[]; rowGroupRows?: number }[] = [
  { name: 'every type in one file', records: sample },
  { name: 'one type', records: sample.filter((r) => r.event.type === 'meeting.held') },
  { name: 'one row', records: sample.slice(0, 1) },
  { name: 'no rows', records: [] },
  { name: 'row groups of 7 rows', records: sample, rowGroupRows: 7 },
  {
    name: 'strings beyond the BMP and negative scores',
    records: asRecords(
      sample
        .filter((r) => r.event.type === 'contest.entry_scored')
        .map((r, i) => ({
          ...r.event,
          event_id: i % 2 === 0 ? `😀-${r.event.event_id}` : `\uffff-${r.event.event_id}`,
          attrs: { ...r.event.attrs, score: i % 3 === 0 ? -1.5 : 0 },
        })) as SinkRecord['event'][],
    ),
  },
];

describe('direct encoder', () => {
  it.each(cases)('$name: DuckDB native and parquet-wasm read the rows of the Arrow batch', async (c) => {
    const path = join(dir, `${c.name.replace(/\W+/g, '-')}.parquet`);
    await writeFile(path, directEncoder(c.rowGroupRows).encode(c.records, resolver));
    const expected = tableRows(buildEventBatch(c.records, resolver));
    expect(await readRowsWasm(path)).toEqual(expected);
    const { connection, close } = await duck();
    try {
      expect(await readRowsDuckDB(connection, [path])).toEqual(expected);
      const groups = await connection.runAndReadAll(
        'SELECT count(DISTINCT row_group_id)::INT AS n FROM parquet_metadata($path)',
        { path },
      );
      expect(groups.getRowObjectsJS()[0]?.['n']).toBe(
        Math.max(1, Math.ceil(c.records.length / (c.rowGroupRows ?? 131_072))),
      );
    } finally {
      close();
    }
  });

  it('reads a projection of columns through parquet-wasm as a parquet-wasm file does (the browser engine)', () => {
    const meetings = sample.filter((r) => r.event.type === 'meeting.held');
    const columns = ['occurred_at', 'current_unit', 'current_commune', 'format', 'attendees'];
    const project = (bytes: Uint8Array) =>
      tableFromIPC(readParquet(bytes, { columns, batchSize: 7 }).intoIPCStream());
    const direct = project(directEncoder().encode(meetings, resolver));
    const wasm = project(parquetWasmEncoder().encode([buildEventBatch(meetings, resolver)]));
    expect(direct.schema.fields.map((f) => [f.name, String(f.type)])).toEqual(
      wasm.schema.fields.map((f) => [f.name, String(f.type)]),
    );
    expect(tableRows(direct)).toEqual(tableRows(wasm));
    expect(direct.numRows).toBe(meetings.length);
  });

  it('gives parquet-wasm the same Arrow schema as a parquet-wasm file', () => {
    const direct = parquetToArrow(directEncoder().encode(sample, resolver)).schema;
    const wasm = parquetToArrow(parquetWasmEncoder().encode([buildEventBatch(sample, resolver)])).schema;
    expect(direct.fields.map((f) => [f.name, String(f.type), f.nullable])).toEqual(
      wasm.fields.map((f) => [f.name, String(f.type), f.nullable]),
    );
  });

  it('writes statistics DuckDB prunes by: null counts and min/max of every column', async () => {
    const path = join(dir, 'stats.parquet');
    const records = cases[5]!.records;
    await writeFile(path, directEncoder().encode(records, resolver));
    const { connection, close } = await duck();
    try {
      const stats = await connection.runAndReadAll(
        `SELECT path_in_schema AS col, stats_min_value AS lo, stats_max_value AS hi, stats_null_count AS nulls
         FROM parquet_metadata($path)`,
        { path },
      );
      const byColumn = new Map(stats.getRowObjectsJS().map((r) => [String(r['col']), r]));
      const ids = records.map((r) => r.event.event_id).sort((a, b) => compareUtf8(a, b));
      expect(byColumn.get('event_id')?.['lo']).toBe(ids[0]);
      expect(byColumn.get('event_id')?.['hi']).toBe(ids.at(-1));
      expect(byColumn.get('score')?.['lo']).toBe('-1.5');
      expect(Number(byColumn.get('attendees')?.['nulls'])).toBe(records.length);
      const pruned = await connection.runAndReadAll(
        "SELECT count(*)::INT AS n FROM read_parquet($path) WHERE event_id < '😀'",
        { path },
      );
      expect(pruned.getRowObjectsJS()[0]?.['n']).toBe(ids.filter((id) => compareUtf8(id, '😀') < 0).length);
      expect(ids[0]?.startsWith('\uffff')).toBe(true);
    } finally {
      close();
    }
  });

  it.each([
    ['a', 'b', -1],
    ['\uffff', '😀', -1],
    ['ă', 'a', 1],
    ['ab', 'a', 1],
    ['x', 'x', 0],
  ])('compareUtf8(%j, %j) has the sign of %d', (a, b, sign) => {
    expect(Math.sign(compareUtf8(a, b))).toBe(sign);
    expect(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b)))).toBe(sign);
  });
});
