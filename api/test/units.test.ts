// Org-unit routes: a unit with breadcrumbs and children, children at a date, diacritic-insensitive search
// limited to the caller's scope, lineage with weights and rule texts, resolution to a date.
import { describeRule } from '@vwu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/index.js';
import { key, signIn, startTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  for (const username of ['analyst.central', 'leader.tayninh', 'leader.hanoi', 'officer.tanninh']) {
    tokens[username] = (await signIn(t.app, username, DEMO_PASSWORD)).accessToken;
  }
});

afterAll(async () => {
  await t?.close();
});

async function get(username: string, url: string) {
  const response = await t.app.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${tokens[username]}` },
  });
  return { status: response.statusCode, body: response.json() };
}

describe('GET /units/:unitKey', () => {
  it('returns the unit, its breadcrumbs root first, and its children', async () => {
    const { status, body } = await get('leader.tayninh', '/units/2025:25459');
    expect(status).toBe(200);
    expect(body.unit).toMatchObject({
      key: '2025:25459',
      name: 'Phường Tân Ninh',
      level: 'commune',
      parentKey: '2025:80',
      validFrom: '2025-07-01',
      validTo: null,
    });
    expect(body.ancestors).toEqual([
      { key: '2025:TW', name: 'Trung ương Hội LHPN Việt Nam', level: 'central', inScope: false },
      { key: '2025:80', name: 'Tỉnh Tây Ninh', level: 'province', inScope: true },
    ]);
    expect(body.children.length).toBe(t.hierarchy.children(key('2025:25459')).length);
    expect(body.children.every((c: { level: string; demo: boolean }) => c.level === 'branch' && c.demo)).toBe(
      true,
    );
  });

  it('shows an old unit to the leader of the province it went into', async () => {
    const { status, body } = await get('leader.tayninh', '/units/pre2025:72');
    expect(status).toBe(200);
    expect(body.unit).toMatchObject({ name: 'Tỉnh Tây Ninh', structure: 'pre2025', validTo: '2025-07-01' });
    expect(body.children.length).toBeGreaterThan(5);
  });

  it.each([
    { who: 'officer.tanninh', url: '/units/2025:80', status: 403 },
    { who: 'officer.tanninh', url: '/units/2025:25459', status: 200 },
    { who: 'leader.hanoi', url: '/units/2025:25459', status: 403 },
    { who: 'analyst.central', url: '/units/2025:25459', status: 200 },
    { who: 'analyst.central', url: '/units/pre2025:00004', status: 200 },
  ])('$who on $url → $status', async ({ who, url, status }) => {
    expect((await get(who, url)).status).toBe(status);
  });
});

describe('GET /units/:unitKey/children', () => {
  it('lists the children in path order, the same as the hierarchy', async () => {
    const { body } = await get('leader.tayninh', '/units/2025:80/children');
    const expected = t.hierarchy.children(key('2025:80')).map((u) => u.key);
    expect(body.children.map((c: { key: string }) => c.key)).toEqual(expected);
    expect(body.at).toBeNull();
  });

  it.each([
    { url: '/units/2025:80/children?at=2025-07-01', status: 200 },
    { url: '/units/2025:80/children?at=2025-06-30', status: 409 },
    { url: '/units/pre2025:72/children?at=2025-06-30', status: 200 },
    { url: '/units/pre2025:72/children?at=2025-07-01', status: 409 },
  ])('checks the date against the structure: $url → $status', async ({ url, status }) => {
    expect((await get('leader.tayninh', url)).status).toBe(status);
  });
});

describe('GET /units/search', () => {
  it.each([
    { q: 'Tân Ninh', first: '2025:25459' },
    { q: 'tan ninh', first: '2025:25459' },
    { q: 'TAN NINH', first: '2025:25459' },
    { q: 'phuong tan ninh', first: '2025:25459' },
    { q: 'Tây Ninh', first: '2025:80' },
  ])('finds "$q" regardless of accents and case', async ({ q, first }) => {
    const { status, body } = await get('leader.tayninh', `/units/search?q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    expect(body.results[0]?.key).toBe(first);
  });

  it('returns only units inside the caller scope', async () => {
    const { body } = await get('leader.hanoi', '/units/search?q=tan%20ninh');
    expect(body.results.map((r: { key: string }) => r.key)).not.toContain('2025:25459');
    const everyone = await get('analyst.central', '/units/search?q=tan%20ninh&limit=50');
    expect(everyone.body.results.map((r: { key: string }) => r.key)).toContain('2025:25459');
    for (const r of (await get('leader.tayninh', '/units/search?q=xa&limit=100')).body.results as Array<{
      key: string;
    }>) {
      expect(t.hierarchy.isWithin(key(r.key), key('2025:80')), r.key).toBe(true);
    }
  });

  it('narrows to `within`, which must itself be in scope', async () => {
    const inside = await get('leader.tayninh', '/units/search?q=phuong&within=2025:25459');
    expect(inside.status).toBe(200);
    expect(inside.body.results.length).toBeGreaterThan(1);
    for (const r of inside.body.results as Array<{ key: string }>) {
      expect(t.hierarchy.isWithin(key(r.key), key('2025:25459')), r.key).toBe(true);
    }
    expect((await get('leader.tayninh', '/units/search?q=phuong&within=2025:01')).status).toBe(403);
  });

  it('filters by structure and level, and finds branches only when asked', async () => {
    const old = await get('leader.tayninh', '/units/search?q=tay%20ninh&structure=pre2025');
    expect(old.body.results.every((r: { structure: string }) => r.structure === 'pre2025')).toBe(true);
    expect((await get('officer.tanninh', '/units/search?q=chi%20hoi')).body.results).toEqual([]);
    const branches = await get('officer.tanninh', '/units/search?q=chi%20hoi&level=branch&limit=5');
    expect(branches.body.results).toHaveLength(5);
  });
});

describe('GET /units/:unitKey/lineage and /resolve', () => {
  it('lists the old units a 2025 commune was made from, with types and weights', async () => {
    const { body } = await get('leader.tayninh', '/units/2025:25459/lineage');
    const expected = t.hierarchy.predecessors(key('2025:25459'));
    expect(
      body.predecessors.map((p: { unit: { key: string }; type: string }) => [p.unit.key, p.type]),
    ).toEqual(expected.map((p) => [p.unit, p.type]));
    for (const p of body.predecessors as Array<{ unit: { key: string }; weight: number }>) {
      const share = t.hierarchy.resolve(key(p.unit.key), '2025-07-01').find((s) => s.unit === '2025:25459');
      expect(p.weight).toBeCloseTo(share?.weight ?? Number.NaN, 10);
    }
    expect(body.resolution).toBeNull();
  });

  it('gives an old unit its successors and the rule in Vietnamese and English', async () => {
    const split = (await get('leader.tayninh', '/units/pre2025:25459/lineage')).body;
    expect(split.successors.length).toBeGreaterThan(0);
    expect(split.resolution.rule.vi).toBe(describeRule(split.resolution.rule.code, 'vi'));
    expect(split.resolution.rule.en).toBe(describeRule(split.resolution.rule.code, 'en'));
    const sum = split.resolution.targets.reduce((acc: number, s: { weight: number }) => acc + s.weight, 0);
    expect(sum).toBeCloseTo(1, 10);
  });

  it('resolves an old unit to the units in force at a date, defaulting to today', async () => {
    const { body } = await get('leader.tayninh', '/units/pre2025:703/resolve');
    expect(body.at).toBe('2025-09-01');
    expect(body.targets).toEqual(
      t.hierarchy
        .resolve(key('pre2025:703'), '2025-09-01')
        .map((s) => ({ unit: expect.objectContaining({ key: s.unit }), weight: s.weight })),
    );
    expect(body.rule.code).toBe('split-equal');
    const same = (await get('leader.tayninh', '/units/2025:80/resolve?at=2025-12-31')).body;
    expect(same.rule.code).toBe('identity');
  });
});
