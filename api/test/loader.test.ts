// The unit loader: a subset (two provinces in both structures) with their ancestors and lineage; the whole
// hierarchy once, with the counts of both structures; a second run changes nothing.
import { STRUCTURES, type UnitLevel } from '@vwu/contracts';
import { loadHierarchy } from '@vwu/contracts/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureUnits, loadUnits, migrate, unitsAround } from '../src/index.js';
import { key } from './helpers/app.js';
import { openTestStore, type TestStore } from './helpers/store.js';

const hierarchy = loadHierarchy();
const FULL_LOAD_TIMEOUT_MS = 600_000;

async function countBy(s: TestStore): Promise<Record<string, number>> {
  const { rows } = await s.store.query<{ structure: string; level: string; n: number }>(
    'SELECT structure, level, count(*)::int AS n FROM org_unit GROUP BY structure, level',
  );
  return Object.fromEntries(rows.map((r) => [`${r.structure}/${r.level}`, r.n]));
}

async function count(s: TestStore, table: string): Promise<number> {
  const { rows } = await s.store.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]?.n ?? -1;
}

describe('a subset', () => {
  let s: TestStore;

  beforeAll(async () => {
    s = await openTestStore(false);
    await migrate(s.store);
  });

  afterAll(async () => {
    await s?.dispose();
  });

  it('loads the subtrees of the roots and of their predecessors, with ancestors and inner lineage', async () => {
    const include = unitsAround(hierarchy, [key('2025:80')]);
    const report = await loadUnits(s.store, hierarchy, { include });
    const expected = STRUCTURES.flatMap((st) => hierarchy.units(st)).filter(include);
    // + the two central units, loaded as ancestors.
    expect(report.units).toBe(expected.length + 2);
    expect(await count(s, 'org_unit')).toBe(report.units);
    expect(await countBy(s)).toMatchObject({
      '2025/central': 1,
      '2025/province': 1,
      'pre2025/central': 1,
      'pre2025/province': 2,
    });
    const { rows } = await s.store.query<{ orphans: number }>(
      `SELECT count(*)::int AS orphans FROM unit_lineage l
        WHERE NOT EXISTS (SELECT 1 FROM org_unit WHERE key = l.old_key) OR NOT EXISTS (SELECT 1 FROM org_unit WHERE key = l.new_key)`,
    );
    expect(rows[0]?.orphans).toBe(0);
    expect(report.lineage).toBe(await count(s, 'unit_lineage'));
  });

  it('stores folded names for diacritic-insensitive search', async () => {
    const { rows } = await s.store.query<{ name_folded: string }>(
      "SELECT name_folded FROM org_unit WHERE key = '2025:80'",
    );
    expect(rows[0]?.name_folded).toBe('tinh tay ninh');
  });
});

describe('the whole hierarchy', () => {
  let s: TestStore;

  beforeAll(async () => {
    s = await openTestStore(false);
    await migrate(s.store);
  });

  afterAll(async () => {
    await s?.dispose();
  });

  it(
    'loads every unit of both structures and the lineage, with the official counts',
    async () => {
      const report = await ensureUnits(s.store, hierarchy);
      expect(report).toEqual({ units: 180_515, lineage: 93_844 });
      const levels: Array<[string, UnitLevel, number]> = [
        ['2025', 'central', 1],
        ['2025', 'province', 34],
        ['2025', 'commune', 3_321],
        ['2025', 'branch', 83_176],
        ['pre2025', 'central', 1],
        ['pre2025', 'province', 63],
        ['pre2025', 'district', 696],
        ['pre2025', 'commune', 10_047],
        ['pre2025', 'branch', 83_176],
      ];
      const counts = await countBy(s);
      for (const [structure, level, n] of levels)
        expect(counts[`${structure}/${level}`], `${structure}/${level}`).toBe(n);
    },
    FULL_LOAD_TIMEOUT_MS,
  );

  it('gives each old unit weights that sum to 1 over its successors', async () => {
    const { rows } = await s.store.query<{ bad: number }>(
      'SELECT count(*)::int AS bad FROM (SELECT old_key FROM unit_lineage GROUP BY old_key HAVING abs(sum(weight) - 1) > 1e-9) x',
    );
    expect(rows[0]?.bad).toBe(0);
  });

  it(
    'changes nothing when run again',
    async () => {
      const before = { units: await count(s, 'org_unit'), lineage: await count(s, 'unit_lineage') };
      expect(await ensureUnits(s.store, hierarchy)).toBeUndefined();
      await loadUnits(s.store, hierarchy);
      expect({ units: await count(s, 'org_unit'), lineage: await count(s, 'unit_lineage') }).toEqual(before);
    },
    FULL_LOAD_TIMEOUT_MS,
  );
});
