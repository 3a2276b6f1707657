// The targets' arithmetic, run for real: the dashboard's one query on DuckDB (native here; the browser
// suite runs the same statement in DuckDB-WASM) over hand-made rows, then the results as the view gets them.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KPIS,
  computeDashboard,
  parseTargets,
  dashboardQuery,
  dashboardScope,
  type DashboardRow,
  type KpiId,
  type KpiResult,
} from '../../src/kpi/index.js';
import type { EventType } from '../../src/engine/index.js';
import { targetsAnswer } from '../fake-engine.js';

const A = '2025:1';
const B = '2025:2';
const C = '2025:3';
const PROVINCE = { key: '2025:80', name: 'Tỉnh Tây Ninh', level: 'province' as const, breadcrumb: [] };
const COMMUNE_A = { key: A, name: 'Xã A', level: 'commune' as const, breadcrumb: [PROVINCE] };
const NOVEMBER = { grain: 'month' as const, from: '2026-11-01', to: '2026-11-30' };
const COMMUNES = [A, B, C].map((key, i) => ({ key, name: `Xã ${'ABC'[i]}`, level: 'commune' as const }));
const BRANCHES = [`${A}-01`, `${A}-02`].map((key, i) => ({
  key,
  name: `Chi hội ${i + 1}`,
  level: 'branch' as const,
}));

const ENVELOPE =
  'file_no INTEGER, month VARCHAR, occurred_at TIMESTAMP, current_unit VARCHAR, current_province VARCHAR, current_commune VARCHAR';
type Row = [month: string, unit: string, province: string, commune: string | null, ...attrs: unknown[]];
const TABLES: Record<string, { columns: string; rows: Row[] }> = {
  document_received: {
    columns: 'secret BOOLEAN, processing VARCHAR',
    rows: [
      ['2026-11', A, '2025:80', A, false, 'online'],
      ['2026-11', A, '2025:80', A, false, 'online'],
      ['2026-11', A, '2025:80', A, false, 'online'],
      ['2026-11', A, '2025:80', A, false, 'paper'],
      ['2026-11', A, '2025:80', A, true, 'online'],
      ['2026-11', B, '2025:80', B, false, 'online'],
      ['2026-11', B, '2025:80', B, false, 'online'],
      ['2026-11', '2025:80', '2025:80', null, false, 'paper'],
      ['2026-10', A, '2025:80', A, false, 'paper'],
      ['2026-11', '2025:999', '2025:04', '2025:999', false, 'online'],
    ],
  },
  post_published: {
    columns: 'channel VARCHAR, purpose VARCHAR',
    rows: [
      ['2026-11', A, '2025:80', A, 'website', 'propaganda'],
      ['2026-11', A, '2025:80', A, 'website', 'propaganda'],
      ['2026-11', B, '2025:80', B, 'fanpage', 'information'],
      ['2026-11', C, '2025:80', C, 'zalo_oa', 'propaganda'],
      ['2026-10', A, '2025:80', A, 'fanpage', 'propaganda'],
    ],
  },
  training_held: {
    columns: 'topic VARCHAR, participants INTEGER, minority_participants INTEGER, audience VARCHAR',
    rows: [
      ['2026-11', A, '2025:80', A, 'digital_skills', 20, 8, 'members'],
      ['2026-11', B, '2025:80', B, 'e_commerce', 10, 10, 'members'],
      ['2026-11', '2025:80', '2025:80', null, 'digital_skills', 30, 1, 'mixed'],
      ['2026-11', C, '2025:80', C, 'digital_skills', 15, 15, 'cadres'],
    ],
  },
  meeting_held: {
    columns: 'format VARCHAR, attendees INTEGER, minority_attendees INTEGER',
    rows: [
      ['2026-11', `${A}-01`, '2025:80', A, 'online', 10, 2],
      ['2026-11', `${A}-02`, '2025:80', A, 'in_person', 20, 0],
    ],
  },
};

let connection: DuckDBConnection;

beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect();
  for (const [table, { columns, rows }] of Object.entries(TABLES)) {
    await connection.run(`CREATE TABLE ${table} (${ENVELOPE}, ${columns})`);
    for (const [month, unit, province, commune, ...attrs] of rows) {
      const values = [1, month, `${month}-05 08:00:00`, unit, province, commune, ...attrs];
      await connection.run(
        `INSERT INTO ${table} VALUES (${values.map(() => '?').join(', ')})`,
        values as (string | number | boolean | null)[],
      );
    }
  }
});

afterAll(() => connection?.closeSync());

async function dashboard(
  unit: typeof PROVINCE | typeof COMMUNE_A,
  children: typeof COMMUNES | typeof BRANCHES,
) {
  const scope = dashboardScope(unit, NOVEMBER)!;
  const available = new Set<EventType>([
    'document.received',
    'post.published',
    'training.held',
    'meeting.held',
  ]);
  const query = dashboardQuery(KPIS, scope, available)!;
  const reader = await connection.runAndReadAll(
    query.sql,
    query.params as (string | number | boolean | null)[],
  );
  const rows = reader.getRowObjectsJS() as unknown as DashboardRow[];
  const results = computeDashboard(rows, KPIS, { scope, children, targets: parseTargets(targetsAnswer()) });
  return new Map(results.map((r) => [r.id, r])) as Map<KpiId, KpiResult>;
}

describe('dashboard of a province', () => {
  it.each([
    // 3 online of A's 4 non-secret, B's 2, the province office's 1 paper; secret, October and Bình Phước's rows out.
    { kpi: 'docs-online', num: 5, den: 7, light: 'missed', target: 1 },
    // Communes with a propaganda post on website/fanpage in November: A only, of 3.
    { kpi: 'posts-communes', num: 1, den: 3, light: 'near', target: 0.4 },
    // Digital-skills trainings for members or mixed audiences: A's 8/20 and the office's 1/30; cadres and e-commerce out.
    { kpi: 'training-minority', num: 9, den: 50, light: 'missed', target: 0.3 },
    { kpi: 'meetings-digital', num: 1, den: 2, light: 'no-target', target: undefined },
    { kpi: 'docs-signed', num: 0, den: 0, light: 'no-data', target: 1 },
  ] as const)('$kpi: $num / $den → $light', async ({ kpi, num, den, light, target }) => {
    const result = (await dashboard(PROVINCE, COMMUNES)).get(kpi)!;
    expect({ num: result.num, den: result.den, light: result.light, target: result.target }).toEqual({
      num,
      den,
      light,
      target,
    });
  });

  it('compares with the period before: October, from the same trend', async () => {
    const results = await dashboard(PROVINCE, COMMUNES);
    // October: A's one paper document (0 of 1); A's fanpage post (1 of 3 communes).
    expect(results.get('docs-online')!.previous).toEqual({ num: 0, den: 1, value: 0 });
    expect(results.get('posts-communes')!.previous).toEqual({ num: 1, den: 3, value: 1 / 3 });
    expect(results.get('docs-signed')!.previous).toEqual({ num: 0, den: 0, value: null });
  });

  it('trends every month of the window, gaps where there are no rows', async () => {
    const docs = (await dashboard(PROVINCE, COMMUNES)).get('docs-online')!;
    expect(docs.trend.map((p) => p.month)).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(docs.trend.map((p) => p.value)).toEqual([null, null, null, null, 0, 5 / 7]);
    const posts = (await dashboard(PROVINCE, COMMUNES)).get('posts-communes')!;
    expect(posts.trend.map((p) => [p.num, p.den])).toEqual([
      [0, 3],
      [0, 3],
      [0, 3],
      [0, 3],
      [1, 3],
      [1, 3],
    ]);
  });

  it.each([
    {
      kpi: 'docs-online',
      ranking: [
        [B, 1, 'met'],
        [A, 0.75, 'met'],
        [C, null, 'no-data'],
      ],
    },
    {
      kpi: 'posts-communes',
      ranking: [
        [A, 1, 'met'],
        [B, 0, 'missed'],
        [C, 0, 'missed'],
      ],
    },
    {
      kpi: 'training-minority',
      ranking: [
        [A, 0.4, 'met'],
        [B, null, 'no-data'],
        [C, null, 'no-data'],
      ],
    },
  ] as const)('ranks communes by $kpi against the commune target', async ({ kpi, ranking }) => {
    const result = (await dashboard(PROVINCE, COMMUNES)).get(kpi)!;
    expect(result.ranking!.map((r) => [r.key, r.value, r.light])).toEqual(ranking);
  });

  it('carries the extra sums of the period', async () => {
    const results = await dashboard(PROVINCE, COMMUNES);
    expect(results.get('meetings-digital')!.extras).toEqual({ attendees: 30, minority: 2 });
    expect(results.get('posts-communes')!.extras).toEqual({ posts: 2 });
  });
});

describe('dashboard of a commune (drill-down)', () => {
  it('counts its own rows and ranks its branches', async () => {
    const results = await dashboard(COMMUNE_A, BRANCHES);
    const meetings = results.get('meetings-digital')!;
    expect([meetings.num, meetings.den]).toEqual([1, 2]);
    expect(meetings.ranking!.map((r) => [r.key, r.value])).toEqual([
      [`${A}-01`, 1],
      [`${A}-02`, 0],
    ]);
    const docs = results.get('docs-online')!;
    expect([docs.num, docs.den, docs.light, docs.target]).toEqual([3, 4, 'met', 0.7]);
  });

  it('a commune posting in the month meets "communes with a post"; it ranks no branches by it', async () => {
    const posts = (await dashboard(COMMUNE_A, BRANCHES)).get('posts-communes')!;
    expect([posts.num, posts.den, posts.light]).toEqual([1, 1, 'met']);
    expect(posts.ranking).toBeNull();
  });
});
