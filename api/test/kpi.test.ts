// KPI definitions and targets as data: the seeded definitions (every target of DOMAIN.md, over real rollup
// metrics), values in force per unit and year, and who may change which value — with an audit row for every
// change and nothing written by a refused one.
import { METRICS } from '@vwu/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, effectiveTargets, type TargetRow } from '../src/index.js';
import { signIn, startTestApp, type TestApp } from './helpers/app.js';

interface Definition {
  id: string;
  measure: string;
  valueKind: string;
  numerator: string;
  denominator: string | null;
  levels: string[];
  provinceEditable: boolean;
}
interface Effective {
  kpiId: string;
  level: string;
  value: number;
  source: string;
  unitKey: string;
}

let t: TestApp;
const tokens = new Map<string, string>();

async function call(username: string, method: 'GET' | 'PUT' | 'PATCH', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${tokens.get(username)}` },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

async function counts(): Promise<{ targets: number; audit: number }> {
  const { rows } = await t.store.query<{ targets: number; audit: number }>(
    `SELECT (SELECT count(*)::int FROM kpi_target) AS targets, (SELECT count(*)::int FROM audit_log) AS audit`,
  );
  return rows[0] ?? { targets: -1, audit: -1 };
}

async function effective(username: string, query: string): Promise<Effective[]> {
  const response = await call(username, 'GET', `/kpi/targets?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ effective: Effective[] }>().effective;
}

beforeAll(async () => {
  t = await startTestApp();
  for (const username of ['analyst.central', 'leader.tayninh', 'officer.tanninh', 'judge.central'])
    tokens.set(username, (await signIn(t.app, username, DEMO_PASSWORD)).accessToken);
});

afterAll(async () => {
  await t?.close();
});

describe('GET /kpi/definitions', () => {
  it('lists every target of DOMAIN.md over metrics the rollups compute, with the console module ids', async () => {
    const response = await call('judge.central', 'GET', '/kpi/definitions');
    expect(response.statusCode).toBe(200);
    const { definitions } = response.json<{ definitions: Definition[] }>();
    const metrics = new Set(METRICS.map((m) => m.metric));
    expect(definitions.length).toBeGreaterThanOrEqual(16);
    for (const d of definitions) {
      expect(metrics.has(d.numerator), `${d.id} numerator ${d.numerator}`).toBe(true);
      if (d.denominator !== null) expect(metrics.has(d.denominator), `${d.id} denominator`).toBe(true);
      expect(d.valueKind).toBe(d.measure === 'total' ? 'count' : 'percent');
      expect(d.levels.length).toBeGreaterThan(0);
    }
    expect(definitions.find((d) => d.id === 'cases-resolved')).toMatchObject({
      numerator: 'cases_portal_ok_90d',
      denominator: 'cases_reported_portal',
    });
    expect(definitions.map((d) => d.id)).toEqual(
      expect.arrayContaining([
        'docs-online',
        'docs-signed',
        'posts-communes',
        'training-minority',
        'meetings-digital',
        'workfiles-online',
        'it-activity-communes',
        'comms-materials-digitised',
        'comms-activities-digitised',
        'cases-resolved',
        'trained-digital',
        'e-commerce-supported',
        'smart-card-usage',
        'units-reporting-software',
        'members-in-software',
      ]),
    );
  });
});

describe('GET /kpi/targets', () => {
  it.each([
    {
      who: 'leader.tayninh',
      query: 'year=2025',
      kpi: 'docs-online',
      level: 'commune',
      value: 70,
      source: 'national',
    },
    {
      who: 'leader.tayninh',
      query: 'year=2025',
      kpi: 'docs-signed',
      level: 'district',
      value: 80,
      source: 'national',
    },
    {
      who: 'analyst.central',
      query: 'unit=2025:38&year=2025',
      kpi: 'trained-digital',
      level: 'province',
      value: 16000,
      source: 'province',
    },
    {
      who: 'analyst.central',
      query: 'unit=2025:38&year=2025',
      kpi: 'e-commerce-supported',
      level: 'province',
      value: 4000,
      source: 'province',
    },
    {
      who: 'analyst.central',
      query: 'year=2026',
      kpi: 'smart-card-usage',
      level: 'commune',
      value: 60,
      source: 'national',
    },
    {
      who: 'officer.tanninh',
      query: 'year=2025',
      kpi: 'posts-communes',
      level: 'commune',
      value: 40,
      source: 'national',
    },
  ])('$who sees $kpi at $level = $value ($query)', async ({ who, query, kpi, level, value, source }) => {
    const found = (await effective(who, query)).find((e) => e.kpiId === kpi && e.level === level);
    expect(found).toMatchObject({ value, source });
  });

  it('has no smart-card target before its year and no Thanh Hóa plan in Tây Ninh', async () => {
    const tayNinh = await effective('leader.tayninh', 'year=2025');
    expect(tayNinh.find((e) => e.kpiId === 'smart-card-usage')).toBeUndefined();
    expect(tayNinh.find((e) => e.kpiId === 'trained-digital')).toBeUndefined();
  });

  it("applies a province's plan to its old units (through the lineage) and says which province", async () => {
    const response = await call('leader.tayninh', 'GET', '/kpi/targets?unit=pre2025:25459&year=2025');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ province: '2025:80', unit: { key: 'pre2025:25459' } });
  });
});

describe('PUT /kpi/targets', () => {
  const put = (kpiId: string, unitKey: string, level: string, year: number | null, value: number | null) => ({
    kpiId,
    unitKey,
    level,
    year,
    value,
  });

  it.each([
    { who: 'analyst.central', body: put('docs-online', '2025:TW', 'commune', 2026, 75) },
    { who: 'analyst.central', body: put('docs-online', '2025:01', 'commune', null, 72.5) },
    { who: 'leader.tayninh', body: put('docs-online', '2025:80', 'commune', null, 80) },
    { who: 'leader.tayninh', body: put('trained-digital', '2025:80', 'province', 2025, 5000) },
  ])('lets $who set $body.kpiId for $body.unitKey (audited)', async ({ who, body }) => {
    const before = await counts();
    const response = await call(who, 'PUT', '/kpi/targets', body);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().after).toEqual({
      kpiId: body.kpiId,
      unitKey: body.unitKey,
      level: body.level,
      year: body.year,
      value: body.value,
    });
    expect(await counts()).toEqual({ targets: before.targets + 1, audit: before.audit + 1 });
    const { rows } = await t.store.query<{ action: string; entity_id: string }>(
      'SELECT action, entity_id FROM audit_log ORDER BY id DESC LIMIT 1',
    );
    expect(rows[0]).toEqual({
      action: 'kpi.target_set',
      entity_id: `${body.kpiId}/${body.unitKey}/${body.level}/${body.year ?? '*'}`,
    });
  });

  it('makes a province value win over the national one, and removal fall back to it', async () => {
    expect(
      (await effective('leader.tayninh', 'year=2025')).find(
        (e) => e.kpiId === 'docs-online' && e.level === 'commune',
      ),
    ).toMatchObject({ value: 80, source: 'province', unitKey: '2025:80' });
    const removed = await call(
      'leader.tayninh',
      'PUT',
      '/kpi/targets',
      put('docs-online', '2025:80', 'commune', null, null),
    );
    expect(removed.json()).toMatchObject({ before: { value: 80 }, after: null });
    expect(
      (await effective('leader.tayninh', 'year=2025')).find(
        (e) => e.kpiId === 'docs-online' && e.level === 'commune',
      ),
    ).toMatchObject({ value: 70, source: 'national' });
  });

  it.each([
    {
      who: 'leader.tayninh',
      body: put('docs-online', '2025:80', 'commune', null, 60),
      status: 403,
      code: 'KPI_TARGET_BELOW_NATIONAL',
    },
    {
      who: 'leader.tayninh',
      body: put('docs-online', '2025:01', 'commune', null, 90),
      status: 403,
      code: 'OUT_OF_SCOPE',
    },
    {
      who: 'leader.tayninh',
      body: put('docs-online', '2025:TW', 'commune', null, 90),
      status: 403,
      code: 'OUT_OF_SCOPE',
    },
    {
      who: 'leader.tayninh',
      body: put('members-in-software', '2025:80', 'commune', null, 100),
      status: 403,
      code: 'KPI_TARGET_NOT_EDITABLE',
    },
    {
      who: 'officer.tanninh',
      body: put('docs-online', '2025:25459', 'commune', null, 90),
      status: 403,
      code: 'FORBIDDEN_ROLE',
    },
    {
      who: 'analyst.central',
      body: put('docs-online', '2025:TW', 'commune', null, 100.5),
      status: 400,
      code: 'KPI_TARGET_VALUE',
    },
    {
      who: 'analyst.central',
      body: put('docs-online', '2025:TW', 'commune', null, -1),
      status: 400,
      code: 'KPI_TARGET_VALUE',
    },
    {
      who: 'analyst.central',
      body: put('trained-digital', '2025:38', 'province', null, 12.5),
      status: 400,
      code: 'KPI_TARGET_VALUE',
    },
    {
      who: 'analyst.central',
      body: put('docs-online', '2025:80', 'central', null, 100),
      status: 400,
      code: 'KPI_TARGET_LEVEL',
    },
    {
      who: 'analyst.central',
      body: put('docs-signed', '2025:TW', 'commune', null, 100),
      status: 400,
      code: 'KPI_TARGET_LEVEL',
    },
    {
      who: 'analyst.central',
      body: put('docs-online', '2025:25459', 'commune', null, 90),
      status: 400,
      code: 'KPI_TARGET_UNIT',
    },
    {
      who: 'analyst.central',
      body: put('no-such-kpi', '2025:TW', 'commune', null, 90),
      status: 404,
      code: 'KPI_NOT_FOUND',
    },
    {
      who: 'analyst.central',
      body: { ...put('docs-online', '2025:TW', 'commune', null, 90), value: '90' },
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      who: 'analyst.central',
      body: { ...put('docs-online', '2025:TW', 'commune', null, 90), extra: 1 },
      status: 400,
      code: 'VALIDATION_FAILED',
    },
  ])('refuses $who: $code', async ({ who, body, status, code }) => {
    const before = await counts();
    const response = await call(who, 'PUT', '/kpi/targets', body);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().error.code).toBe(code);
    expect(await counts()).toEqual(before);
  });
});

describe('PATCH /kpi/definitions/:kpiId', () => {
  it('lets central analysts close a target to provinces, audited', async () => {
    const refused = await call('leader.tayninh', 'PATCH', '/kpi/definitions/docs-online', {
      provinceEditable: false,
    });
    expect(refused.json().error.code).toBe('FORBIDDEN_ROLE');
    const response = await call('analyst.central', 'PATCH', '/kpi/definitions/docs-online', {
      provinceEditable: false,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: 'docs-online', provinceEditable: false });
    const blocked = await call('leader.tayninh', 'PUT', '/kpi/targets', put2('docs-online', 95));
    expect(blocked.json().error.code).toBe('KPI_TARGET_NOT_EDITABLE');
    const { rows } = await t.store.query<{ action: string; before: { provinceEditable: boolean } }>(
      "SELECT action, before FROM audit_log WHERE action = 'kpi.definition_update'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.before.provinceEditable).toBe(true);
    const missing = await call('analyst.central', 'PATCH', '/kpi/definitions/no-such-kpi', {
      provinceEditable: true,
    });
    expect(missing.statusCode).toBe(404);
  });

  function put2(kpiId: string, value: number) {
    return { kpiId, unitKey: '2025:80', level: 'commune', year: null, value };
  }
});

describe('effectiveTargets', () => {
  const rows: TargetRow[] = [
    { kpiId: 'k', unitKey: '2025:TW', level: 'commune', year: null, value: 40 },
    { kpiId: 'k', unitKey: '2025:TW', level: 'commune', year: 2026, value: 50 },
    { kpiId: 'k', unitKey: '2025:80', level: 'commune', year: null, value: 60 },
    { kpiId: 'k', unitKey: '2025:80', level: 'commune', year: 2027, value: 70 },
    { kpiId: 'k', unitKey: '2025:01', level: 'commune', year: null, value: 99 },
  ];
  it.each([
    { province: null, year: 2025, value: 40, source: 'national' },
    { province: null, year: 2026, value: 50, source: 'national' },
    { province: '2025:80', year: 2026, value: 60, source: 'province' },
    { province: '2025:80', year: 2027, value: 70, source: 'province' },
    { province: '2025:38', year: 2026, value: 50, source: 'national' },
  ])('$province in $year → $value ($source)', ({ province, year, value, source }) => {
    expect(effectiveTargets(rows, province, year)).toEqual([expect.objectContaining({ value, source })]);
  });
});
