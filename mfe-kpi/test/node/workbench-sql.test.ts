// The workbench's SQL, run for real: on DuckDB native over tables built from a demo data root the way the
// worker builds them (same columns per type), every dimension and every measure of the catalogue gives a
// query that runs, and the pivot's figures equal independent hand-written SQL over the same tables.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEventType, type EventType } from '../../src/engine/index.js';
// Straight from the modules: the workbench's index also carries views and formats that need a browser.
import { DIMENSIONS, MEASURES } from '../../src/workbench/catalogue.js';
import { toPivot } from '../../src/workbench/pivot.js';
import { buildPivotQuery, type QueryContext } from '../../src/workbench/query-builder.js';
import { defaultSpec, type ViewSpec } from '../../src/workbench/spec.js';
import { writeDemoData, type DemoData } from '../../test-kit/demo-data.js';
import { loadNativeTables, plainRows } from '../../test-kit/native-tables.js';

let data: DemoData;
let instance: DuckDBInstance;
let db: DuckDBConnection;
let context: QueryContext;

async function rows(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const reader = await db.runAndReadAll(sql, params as DuckDBValue[]);
  return plainRows(reader.getRowObjects() as Record<string, unknown>[]);
}

beforeAll(async () => {
  data = writeDemoData({
    out: join(tmpdir(), `vwu-kpi-workbench-${process.pid}`),
    scale: 'small',
    from: '2026-09-01',
    to: '2026-10-31',
  });
  instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
  await loadNativeTables(db, data.root, data.manifest.files);
  const province = data.manifest.files.find((f) => f.type === 'meeting.held')!.province;
  context = {
    unit: { key: province, level: 'province' },
    from: '2026-09',
    to: '2026-10',
    available: new Set(data.manifest.files.map((f) => f.type).filter(isEventType) as EventType[]),
  };
  // Generating and loading the demo data takes seconds alone, much longer next to the other suites.
}, 180_000);

afterAll(() => {
  db?.closeSync();
  instance?.closeSync();
  if (data !== undefined) rmSync(data.root, { recursive: true, force: true });
});

describe('workbench SQL on DuckDB native', () => {
  it.each(DIMENSIONS.map((d) => [d.id]))('dimension %s runs (rows) against every measure', async (id) => {
    const spec: ViewSpec = {
      ...defaultSpec(),
      rows: [id],
      cols: [],
      measures: MEASURES.map((m) => m.id),
      types: ['meeting.held'],
    };
    const query = buildPivotQuery(spec, context)!;
    const answer = await rows(query.sql, query.params);
    expect(answer.length).toBeGreaterThan(0);
    expect(Object.keys(answer[0]!)).toEqual(['d0', ...MEASURES.map((_, i) => `m${i}`)]);
  });

  it('meetings by month × format equal a hand-written GROUP BY', async () => {
    const query = buildPivotQuery(defaultSpec(), context)!;
    const pivot = toPivot((await rows(query.sql, query.params)) as never, {
      rowDims: query.dims.slice(0, 1),
      colDims: query.dims.slice(1),
      measures: query.measures,
    });
    const expected = await rows(
      'SELECT month, format, count(*) AS n FROM meeting_held WHERE current_province = ? AND month BETWEEN ? AND ? GROUP BY ALL',
      [context.unit.key, '2026-09', '2026-10'],
    );
    expect(expected.length).toBeGreaterThan(2);
    for (const e of expected) {
      const r = pivot.rowKeys.findIndex((k) => k[0] === e.month);
      const c = pivot.columns.findIndex((col) => col.key[0] === e.format);
      expect(pivot.cells[r]![c]).toBe(e.n);
    }
  });

  it('rates, distinct members and filters equal hand-written SQL', async () => {
    const spec: ViewSpec = {
      ...defaultSpec(),
      rows: ['commune'],
      cols: [],
      measures: ['it_meeting_rate', 'minority_attendance_rate', 'members_joined'],
      filters: { format: ['online', 'in_person'] },
    };
    const query = buildPivotQuery(spec, context)!;
    const got = await rows(query.sql, query.params);
    const meetings = await rows(
      `SELECT current_commune AS c, avg(CASE WHEN format IN ('online','hybrid') THEN 1 ELSE 0 END) AS it,
              sum(minority_attendees) / sum(attendees) AS mi
       FROM meeting_held WHERE current_province = ? AND format IN ('online', 'in_person') GROUP BY 1`,
      [context.unit.key],
    );
    const joined = await rows(
      'SELECT current_commune AS c, count(DISTINCT member_key) AS n FROM member_joined WHERE current_province = ? GROUP BY 1',
      [context.unit.key],
    );
    expect(meetings.length).toBeGreaterThan(5);
    for (const m of meetings) {
      const row = got.find((g) => g.d0 === m.c)!;
      expect(row.m0 as number).toBeCloseTo(m.it as number, 12);
      expect(row.m1 as number).toBeCloseTo(m.mi as number, 12);
    }
    for (const j of joined) {
      // A filter on meeting format leaves member rows out (they have no format): the pivot shows none.
      expect(got.find((g) => g.d0 === j.c)?.m2 ?? 0).toBe(0);
    }
  });
});
