import { describe, expect, it } from 'vitest';
import {
  ResolveBackwardsError,
  describeRule,
  parseUnitKey,
  type LineageType,
  type ResolveRule,
} from '@vwu/contracts';
import { loadHierarchy } from '@vwu/contracts/node';

/** Time limit for tests that walk all ~180k units, for slow shared CI machines. */
const HEAVY = 30_000;

const h = loadHierarchy();
const key = parseUnitKey;
const AFTER = '2025-09-30';

describe('predecessors and successors', { timeout: HEAVY }, () => {
  it.each<[string, Array<[string, LineageType]>]>([
    ['2025:TW', [['pre2025:TW', 'full']]],
    ['2025:01', [['pre2025:01', 'full']]],
    [
      '2025:08',
      [
        ['pre2025:02', 'full'],
        ['pre2025:08', 'full'],
      ],
    ],
    [
      '2025:00008',
      [
        ['pre2025:00006', 'full'],
        ['pre2025:00007', 'partial'],
        ['pre2025:00008', 'full'],
        ['pre2025:00016', 'partial'],
        ['pre2025:00022', 'partial'],
        ['pre2025:00025', 'partial'],
        ['pre2025:00028', 'partial'],
        ['pre2025:00157', 'partial'],
      ],
    ],
    ['2025:11948', [['pre2025:318', 'full']]],
    ['pre2025:00004', []],
  ])('predecessors(%s)', (text, expected) => {
    expect(h.predecessors(key(text))).toEqual(expected.map(([unit, type]) => ({ unit, type })));
  });

  it.each<[string, string[]]>([
    ['pre2025:TW', ['2025:TW']],
    ['pre2025:02', ['2025:08']],
    ['pre2025:00001', ['2025:00097']],
    ['pre2025:00019', ['2025:00004', '2025:00070', '2025:00190', '2025:00226']],
    ['pre2025:207', ['2025:07192']],
    ['pre2025:755', ['2025:26732']],
    ['2025:00004', []],
  ])('successors(%s)', (text, expected) => {
    expect(h.successors(key(text))).toEqual(expected);
  });

  it('every new commune has a predecessor and every old commune a successor', () => {
    expect(h.units('2025', 'commune').filter((u) => h.predecessors(u.key).length === 0)).toEqual([]);
    expect(h.units('pre2025', 'commune').filter((u) => h.successors(u.key).length === 0)).toEqual([]);
  });

  it('every old province goes into exactly one new province', () => {
    const counts = h.units('pre2025', 'province').map((u) => h.successors(u.key).length);
    expect(new Set(counts)).toEqual(new Set([1]));
  });

  it('successors stay in the old province’s new province, except one source anomaly (pre2025:30622)', () => {
    const crossing = h.units('pre2025', 'commune').filter((commune) => {
      const [province] = h.successors(h.ancestors(commune.key)[1]?.key ?? commune.key);
      return h.successors(commune.key).some((s) => !h.isWithin(s, province ?? s));
    });
    expect(crossing.map((u) => `${u.key} ${u.name}`)).toEqual(['pre2025:30622 Xã Tân Phú']);
  });
});

describe('resolve (real cases)', { timeout: HEAVY }, () => {
  it.each<[string, string, string, Array<[string, number]>, ResolveRule]>([
    ['full merge: Phường Phúc Xá → Phường Hồng Hà', 'pre2025:00001', AFTER, [['2025:00097', 1]], 'whole'],
    [
      'full merge under a clashing code: Trúc Bạch → Ba Đình',
      'pre2025:00004',
      AFTER,
      [['2025:00004', 1]],
      'whole',
    ],
    [
      'partial split into 4: Phường Điện Biên',
      'pre2025:00019',
      AFTER,
      [
        ['2025:00004', 1 / 4],
        ['2025:00070', 1 / 4],
        ['2025:00190', 1 / 4],
        ['2025:00226', 1 / 4],
      ],
      'split-equal',
    ],
    [
      'partial split into 2: Phường Cống Vị',
      'pre2025:00007',
      AFTER,
      [
        ['2025:00008', 1 / 2],
        ['2025:00025', 1 / 2],
      ],
      'split-equal',
    ],
    ['unchanged province: Hà Nội', 'pre2025:01', AFTER, [['2025:01', 1]], 'whole'],
    ['merged province: Hà Giang → Tuyên Quang', 'pre2025:02', AFTER, [['2025:08', 1]], 'whole'],
    ['central office', 'pre2025:TW', AFTER, [['2025:TW', 1]], 'whole'],
    ['old district wholly in one commune: Huyện Cô Tô', 'pre2025:207', AFTER, [['2025:07192', 1]], 'whole'],
    [
      'old district, 7 communes into 2: TP Lai Châu',
      'pre2025:105',
      AFTER,
      [
        ['2025:03388', 4 / 7],
        ['2025:03408', 3 / 7],
      ],
      'split-equal',
    ],
    [
      'old district, 8 communes into 3: TP Hà Giang',
      'pre2025:024',
      AFTER,
      [
        ['2025:00691', 7 / 16],
        ['2025:00694', 7 / 16],
        ['2025:00700', 1 / 8],
      ],
      'split-equal',
    ],
    ['island district without communes: Huyện Côn Đảo', 'pre2025:755', AFTER, [['2025:26732', 1]], 'whole'],
    ['identity before the reform', 'pre2025:00019', '2025-06-30', [['pre2025:00019', 1]], 'identity'],
    ['identity after the reform', '2025:00004', '2025-07-01', [['2025:00004', 1]], 'identity'],
  ])('%s', (_label, text, date, expected, rule) => {
    const resolved = h.resolve(key(text), date);
    expect(resolved.map((s) => s.unit)).toEqual(expected.map(([unit]) => unit));
    resolved.forEach((s, i) => expect(s.weight).toBeCloseTo(expected[i]?.[1] ?? Number.NaN, 12));
    expect(new Set(resolved.map((s) => s.rule))).toEqual(new Set([rule]));
  });

  it('an old branch moves whole into a branch of one successor of its commune', () => {
    const [moved] = h.resolve(key('pre2025:00019-01'), AFTER);
    expect(moved?.rule).toBe('whole');
    expect(
      h.successors(key('pre2025:00019')).some((c) => moved !== undefined && h.isWithin(moved.unit, c)),
    ).toBe(true);
  });

  it.each(['2025-06-30', '2024-01-01'])('resolving a 2025 unit back to %s throws', (date) => {
    expect(() => h.resolve(key('2025:00004'), date)).toThrow(ResolveBackwardsError);
    expect(() => h.resolve(key('2025:00004'), date)).toThrow(/forward only \(pre2025 → 2025\)/);
  });

  it.each(['commune', 'district', 'province'] as const)('weights sum to 1 for every old %s', (level) => {
    const off = h
      .units('pre2025', level)
      .filter((u) => Math.abs(h.resolve(u.key, AFTER).reduce((sum, s) => sum + s.weight, 0) - 1) > 1e-9);
    expect(off).toEqual([]);
  });

  it('a commune with k successors gives 1/k to each', () => {
    const off = h.units('pre2025', 'commune').filter((u) => {
      const k = h.successors(u.key).length;
      return h
        .resolve(u.key, AFTER)
        .some((s) => s.weight !== 1 / k || s.rule !== (k === 1 ? 'whole' : 'split-equal'));
    });
    expect(off).toEqual([]);
  });
});

describe('describeRule', () => {
  it.each<[ResolveRule, 'vi' | 'en', RegExp]>([
    ['identity', 'vi', /giữ nguyên/],
    ['identity', 'en', /unchanged/],
    ['whole', 'vi', /Toàn bộ số liệu/],
    ['whole', 'en', /whole figure/],
    [
      'split-equal',
      'vi',
      /^Số liệu của xã cũ bị chia cho nhiều xã mới được chia đều cho các xã mới nhận một phần địa bàn/,
    ],
    ['split-equal', 'en', /shared equally among the new communes/],
  ])('%s in %s', (rule, lang, pattern) => {
    const sentence = describeRule(rule, lang);
    expect(sentence).toMatch(pattern);
    expect(sentence.endsWith('.')).toBe(true);
  });
});
