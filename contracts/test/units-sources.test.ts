import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  HierarchyDataError,
  SOURCE_FILES,
  asHierarchySources,
  buildHierarchy,
  type HierarchySources,
} from '@vwu/contracts';
import { ADMIN_UNITS_DIR, loadHierarchy, readHierarchySources } from '@vwu/contracts/node';

/** Time limit for tests that walk all ~180k units, for slow shared CI machines. */
const HEAVY = 30_000;

const sources = readHierarchySources();

function tampered(change: (s: HierarchySources) => void): HierarchySources {
  const copy = structuredClone(sources);
  change(copy);
  return copy;
}

describe('loader', { timeout: HEAVY }, () => {
  it('finds the reference files two levels above the module', () => {
    expect(ADMIN_UNITS_DIR.replaceAll('\\', '/')).toMatch(/contracts\/data\/admin-units\/?$/);
    for (const file of Object.values(SOURCE_FILES))
      expect(existsSync(join(ADMIN_UNITS_DIR, file))).toBe(true);
  });

  it('builds once and caches', () => {
    expect(loadHierarchy()).toBe(loadHierarchy());
  });
});

describe('cross-checks of the reference files', () => {
  it.each<[string, (s: HierarchySources) => void, RegExp]>([
    [
      'an edge missing from the splits file',
      (s) => {
        const commune = s.splits.data[0]?.level3s.find((c) => c.level3_id === '00019');
        commune?.splits.pop();
      },
      /edge 00019>\d{5} is in the merges file only/,
    ],
    [
      "a 'partial' edge whose old commune has one successor",
      (s) => {
        const edge = s.merges.data[0]?.level2s[0]?.merges[0];
        if (edge) edge.type = 'partial';
      },
      /edge 00004>00004 is 'partial' but its old unit has 1 successors/,
    ],
    [
      'an old province with two successors',
      (s) => s.splits.data[1]?.splits.push({ new_id: '04', name: 'Tỉnh Cao Bằng' }),
      /old province 02 has 2 successors/,
    ],
    [
      'an old commune missing from the legacy list',
      (s) => s.legacy.data[0]?.level2s[0]?.level3s.shift(),
      /old unit 00001 of the merges file is missing from the legacy list/,
    ],
  ])('rejects %s', (_label, change, message) => {
    const bad = tampered(change);
    expect(() => buildHierarchy(bad)).toThrow(HierarchyDataError);
    expect(() => buildHierarchy(bad)).toThrow(message);
  });

  it.each(['merges', 'splits', 'legacy'] as const)('rejects a %s file without a data array', (name) => {
    const parsed: Record<keyof HierarchySources, unknown> = { ...sources, [name]: { rows: [] } };
    expect(() => asHierarchySources(parsed)).toThrow(`${SOURCE_FILES[name]} is not a reference file`);
  });
});
