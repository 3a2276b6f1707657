// The workbench store over a fake engine and API: only the view's partitions are loaded, the pivot comes
// from the builder's query with unit names from the API, a large download asks first, and the editor's
// statement is refused on the page before it reaches the worker.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Context from '@vwu/context';
import type { LoadFile, QueryResult } from '../src/engine/index.js';
import { SUMMARY, detail, engine, get, instance, manifest } from './fake-engine.js';

vi.mock('@vwu/context', async (original) => ({
  ...(await original<typeof Context>()),
  api: { get: (path: string, options?: { signal?: AbortSignal }) => get(path, options) },
}));
const queryReadOnly = vi.hoisted(() => vi.fn());
vi.mock('../src/stores/engine-instance.js', () => ({
  useEngine: () => ({ ...instance, engine: { ...instance.engine, queryReadOnly } }),
  resetEngine: vi.fn(),
}));

const { useWorkbench, SQL_MAX_ROWS } = await import('../src/workbench/store.js');
const { defaultSpec } = await import('../src/workbench/spec.js');

const TAY_NINH = { key: '2025:80', name: 'Tỉnh Tây Ninh', level: 'province' as const, breadcrumb: [] };
const NOVEMBER = { grain: 'month' as const, from: '2026-11-01', to: '2026-11-30' };
const result = (rows: QueryResult['rows']): QueryResult => ({
  columns: [],
  rows,
  rowCount: rows.length,
  ms: 3,
});

beforeEach(() => {
  setActivePinia(createPinia());
  engine.load.mockReset().mockResolvedValue(SUMMARY);
  engine.query
    .mockReset()
    .mockResolvedValueOnce(
      result([
        { d0: '2026-10', d1: 'online', m0: 4 },
        { d0: '2026-11', d1: 'hybrid', m0: 2 },
      ]),
    )
    .mockResolvedValue(result([{ t: 'meeting_held', c: 'format', d: 'VARCHAR' }]));
  queryReadOnly.mockReset().mockResolvedValue(result([{ n: 1 }]));
  get
    .mockReset()
    .mockImplementation(async (path: string) =>
      path === '/analytics/manifest.json'
        ? manifest()
        : detail('2025:80', 'Tỉnh Tây Ninh', 'province', [['2025:1', 'Xã Một']]),
    );
});

describe('workbench store', () => {
  it("loads only the province's files of the view's months and types, then the pivot and the schema", async () => {
    const wb = useWorkbench();
    await wb.load({ ...defaultSpec(), from: '2026-10' }, TAY_NINH, NOVEMBER);
    const files = engine.load.mock.calls[0]![0] as LoadFile[];
    expect(files.map((f) => [f.eventType, f.province, f.month])).toEqual([
      ['meeting.held', '2025:80', '2026-10'],
      ['meeting.held', '2025:80', '2026-11'],
    ]);
    const [sql, params] = engine.query.mock.calls[0]!;
    expect(sql).toContain('FROM "meeting_held"');
    expect(params).toEqual(['2026-10', '2026-11', '2025:80']);
    expect(wb.status).toBe('done');
    expect(wb.pivot?.rowKeys).toEqual([['2026-10'], ['2026-11']]);
    expect(wb.pivot?.cells).toEqual([
      [null, 4],
      [2, null],
    ]);
    expect(wb.names.get('2025:1')).toBe('Xã Một');
    expect(wb.tables).toEqual([{ name: 'meeting_held', columns: [{ name: 'format', type: 'VARCHAR' }] }]);
    expect(wb.data).toMatchObject({ files: 2, from: '2026-10', to: '2026-11', types: ['meeting.held'] });
  });

  it('asks before a download above 60 MB, and fetches once confirmed', async () => {
    const big = manifest();
    for (const f of big.files) f.bytes = 40_000_000;
    get.mockImplementation(async (path: string) =>
      path === '/analytics/manifest.json' ? big : detail('2025:80', 'Tỉnh Tây Ninh', 'province', []),
    );
    const wb = useWorkbench();
    await wb.load({ ...defaultSpec(), from: '2026-10' }, TAY_NINH, NOVEMBER);
    expect(wb.problem).toBe('confirm');
    expect(wb.pending).toEqual({ files: 2, bytes: 80_000_000 });
    expect(engine.load).not.toHaveBeenCalled();
    wb.confirmLarge();
    await wb.load({ ...defaultSpec(), from: '2026-10' }, TAY_NINH, NOVEMBER);
    expect(wb.problem).toBeNull();
    expect(engine.load).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['no measure', { measures: [] }, 'no-measure'],
    ['months the wrong way round', { from: '2026-11', to: '2026-10' }, 'months'],
    ['a type-less measure without types', { measures: ['events'] }, 'no-type'],
  ])('says what to fix for %s, without loading', async (_, patch, problem) => {
    const wb = useWorkbench();
    await wb.load({ ...defaultSpec(), ...patch }, TAY_NINH, NOVEMBER);
    expect(wb.problem).toBe(problem);
    expect(engine.load).not.toHaveBeenCalled();
  });

  it('refuses a district of the old structure', async () => {
    const wb = useWorkbench();
    await wb.load(
      defaultSpec(),
      { key: '2024:001', name: 'Huyện cũ', level: 'district', breadcrumb: [] },
      NOVEMBER,
    );
    expect(wb.problem).toBe('scope');
  });

  it('refuses a write on the page; a SELECT goes to the worker as read-only, capped', async () => {
    const wb = useWorkbench();
    await wb.runSql('DELETE FROM meeting_held');
    expect(wb.sqlRefused).toEqual({ code: 'statement', word: 'DELETE' });
    expect(wb.sqlStatus).toBe('error');
    expect(queryReadOnly).not.toHaveBeenCalled();
    await wb.runSql('SELECT 1 AS n');
    expect(queryReadOnly).toHaveBeenCalledWith('SELECT 1 AS n', SQL_MAX_ROWS);
    expect(wb.sqlRefused).toBeNull();
    expect(wb.sqlResult?.rows).toEqual([{ n: 1 }]);
  });

  it("shows the worker's error for a statement DuckDB rejects", async () => {
    queryReadOnly.mockRejectedValueOnce(
      Object.assign(new Error('Catalog Error: Table nope does not exist'), { name: 'Error' }),
    );
    const wb = useWorkbench();
    await wb.runSql('SELECT * FROM nope');
    expect(wb.sqlStatus).toBe('error');
    expect(wb.sqlError?.message).toContain('nope does not exist');
  });
});
