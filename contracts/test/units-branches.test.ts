import { describe, expect, it } from 'vitest';
import { buildHierarchy, parseUnitKey, type StructureId } from '@vwu/contracts';
import { loadHierarchy, readHierarchySources } from '@vwu/contracts/node';

const h = loadHierarchy();
const key = parseUnitKey;
/** Time limit for tests that walk all ~180k units, for slow shared CI machines. */
const HEAVY = 30_000;

function branchCounts(structure: StructureId, level: 'commune' | 'district'): number[] {
  return h
    .units(structure, level)
    .map((u) => h.children(u.key).filter((c) => c.level === 'branch').length)
    .filter((n) => n > 0);
}

describe('demo branches', { timeout: HEAVY }, () => {
  it('are the same on every build (codes and names)', () => {
    const again = buildHierarchy(readHierarchySources());
    for (const structure of ['pre2025', '2025'] as const) {
      const list = (of: typeof h) =>
        of
          .units(structure, 'branch')
          .map((u) => `${u.key} ${u.name}`)
          .join('\n');
      expect(list(again)).toBe(list(h));
    }
  });

  it('every new commune has 8–40 branches, mean 15–30, total 70–100k', () => {
    const counts = h.units('2025', 'commune').map((u) => h.children(u.key).length);
    const total = counts.reduce((a, b) => a + b, 0);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(8);
    expect(Math.max(...counts)).toBeLessThanOrEqual(40);
    expect(total / counts.length).toBeGreaterThanOrEqual(15);
    expect(total / counts.length).toBeLessThanOrEqual(30);
    expect(total).toBeGreaterThanOrEqual(70_000);
    expect(total).toBeLessThanOrEqual(100_000);
    expect(h.count('2025', 'branch')).toBe(total);
  });

  it('exist in both structures in equal numbers, under every old commune and island district', () => {
    expect(h.count('pre2025', 'branch')).toBe(h.count('2025', 'branch'));
    expect(branchCounts('pre2025', 'commune')).toHaveLength(10047);
    expect(branchCounts('pre2025', 'district')).toHaveLength(5);
  });

  it('every 2025 branch has exactly one pre2025 predecessor, a branch, that maps back to it', () => {
    const bad = h.units('2025', 'branch').filter((branch) => {
      const preds = h.predecessors(branch.key);
      const old = preds[0]?.unit;
      return (
        preds.length !== 1 ||
        old === undefined ||
        h.get(old).level !== 'branch' ||
        h.successors(old).join() !== branch.key
      );
    });
    expect(bad).toEqual([]);
  });

  it('every successor of a split old commune receives at least one of its branches', () => {
    const bad = h.units('pre2025', 'commune').filter((commune) => {
      const received = new Set(
        h.children(commune.key).flatMap((b) => h.successors(b.key).map((s) => h.get(s).parent)),
      );
      return h.successors(commune.key).some((s) => !received.has(s));
    });
    expect(bad).toEqual([]);
  });

  it.each<[string, string]>([
    ['pre2025:00004-01', 'Chi hội Tổ dân phố 1'],
    ['pre2025:00379-01', 'Chi hội Thôn 1'],
    ['pre2025:03145-01', 'Chi hội Bản 1'],
    ['pre2025:26734-01', 'Chi hội Khu phố 1'],
    ['pre2025:27496-01', 'Chi hội Khu phố 1'],
    ['pre2025:31834-01', 'Chi hội Ấp 1'],
    ['pre2025:318-01', 'Chi hội Thôn 1'],
    ['2025:11948-01', 'Chi hội Thôn 1'],
    ['2025:00097-01', 'Chi hội Tổ dân phố 1 (Phúc Xá)'],
  ])('%s is named %s', (text, name) => {
    expect(h.get(key(text))).toMatchObject({ name, type: 'Chi hội', level: 'branch', demo: true });
  });
});
