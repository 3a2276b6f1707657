import { describe, expect, it } from 'vitest';
import {
  UnitNotFoundError,
  UnitNotInForceError,
  ResolveBackwardsError,
  parseUnitKey,
  type StructureId,
  type UnitLevel,
} from '@vwu/contracts';
import { loadHierarchy } from '@vwu/contracts/node';

/** Time limit for tests that walk all ~180k units, for slow shared CI machines. */
const HEAVY = 30_000;

const h = loadHierarchy();
const key = parseUnitKey;

describe('counts (real reference files)', () => {
  it.each<[StructureId, UnitLevel, number]>([
    ['2025', 'central', 1],
    ['2025', 'province', 34],
    ['2025', 'district', 0],
    ['2025', 'commune', 3321],
    ['pre2025', 'central', 1],
    ['pre2025', 'province', 63],
    ['pre2025', 'district', 696],
    ['pre2025', 'commune', 10047],
  ])('%s %s: %i', (structure, level, expected) => {
    expect(h.count(structure, level)).toBe(expected);
    expect(h.units(structure, level)).toHaveLength(expected);
  });
});

describe('structure invariants', { timeout: HEAVY }, () => {
  const all = [...h.units('pre2025'), ...h.units('2025')];

  it('every path is the parent path + "/" + code, and parent chains reach the root within depth 4', () => {
    const bad: string[] = [];
    for (const unit of all) {
      let steps = 0;
      for (let at = unit; at.parent !== null && steps <= 4; at = h.get(at.parent)) steps += 1;
      const parentPath = unit.parent === null ? null : h.get(unit.parent).path;
      const path = parentPath === null ? `${unit.structure}:${unit.code}` : `${parentPath}/${unit.code}`;
      if (steps > 4 || steps !== unit.depth || unit.path !== path) bad.push(unit.key);
    }
    expect(bad).toEqual([]);
  });

  it('keys, validity and demo flags follow the structure', () => {
    const bad = all.filter(
      (unit) =>
        unit.key !== `${unit.structure}:${unit.code}` ||
        (unit.structure === 'pre2025'
          ? unit.validFrom !== null || unit.validTo !== '2025-07-01'
          : unit.validFrom !== '2025-07-01' || unit.validTo !== null) ||
        unit.demo !== (unit.level === 'branch'),
    );
    expect(bad).toEqual([]);
  });

  it.each<[string, string, string, UnitLevel, string]>([
    ['2025:TW', 'Trung ương Hội LHPN Việt Nam', 'Trung ương', 'central', '2025:TW'],
    ['pre2025:TW', 'Trung ương Hội LHPN Việt Nam', 'Trung ương', 'central', 'pre2025:TW'],
    ['2025:01', 'Thành phố Hà Nội', 'Thành phố', 'province', '2025:TW/01'],
    ['pre2025:02', 'Tỉnh Hà Giang', 'Tỉnh', 'province', 'pre2025:TW/02'],
    ['pre2025:001', 'Quận Ba Đình', 'Quận', 'district', 'pre2025:TW/01/001'],
    ['2025:00004', 'Phường Ba Đình', 'Phường', 'commune', '2025:TW/01/00004'],
    ['pre2025:00004', 'Phường Trúc Bạch', 'Phường', 'commune', 'pre2025:TW/01/001/00004'],
    ['2025:26732', 'Đặc khu Côn Đảo', 'Đặc khu', 'commune', '2025:TW/79/26732'],
    ['pre2025:04138', 'Xã Cò Nòi', 'Xã', 'commune', 'pre2025:TW/14/125/04138'],
    ['2025:00004-07', 'Chi hội Tổ dân phố 2 (Quán Thánh)', 'Chi hội', 'branch', '2025:TW/01/00004/00004-07'],
  ])('%s is %s (%s, %s)', (text, name, type, level, path) => {
    expect(h.get(key(text))).toMatchObject({ key: text, name, type, level, path });
  });

  it('new 00004 and old 00004 are different units', () => {
    const fresh = h.get(key('2025:00004'));
    const old = h.get(key('pre2025:00004'));
    expect(fresh.key).not.toBe(old.key);
    expect(fresh.name).not.toBe(old.name);
    expect(h.successors(old.key)).toEqual([fresh.key]);
  });
});

describe('navigation', () => {
  it.each(['2025:99999', 'pre2025:00002', '2025:00004-99', 'pre2025:00004-98', 'pre2025:001-01'])(
    'get(%s) throws, find returns undefined',
    (text) => {
      expect(h.find(key(text))).toBeUndefined();
      expect(() => h.get(key(text))).toThrow(UnitNotFoundError);
      expect(() => h.get(key(text))).toThrow(`Unit "${text}" does not exist`);
    },
  );

  it('roots', () => {
    expect(h.roots().map((u) => u.key)).toEqual(['pre2025:TW', '2025:TW']);
    expect(h.roots('2025').map((u) => u.key)).toEqual(['2025:TW']);
  });

  it.each<[string, number, string]>([
    ['2025:TW', 34, '2025:01'],
    ['pre2025:TW', 63, 'pre2025:01'],
    ['pre2025:01', 30, 'pre2025:001'],
    ['pre2025:001', 13, 'pre2025:00001'],
    ['pre2025:318', 24, 'pre2025:318-01'],
  ])('children(%s): %i, first %s', (text, count, first) => {
    const children = h.children(key(text));
    expect(children).toHaveLength(count);
    expect(children[0]?.key).toBe(first);
    expect(children.every((c) => c.parent === text)).toBe(true);
  });

  it.each<[string, string, number]>([
    ['pre2025:001', '2025-06-30', 13],
    ['2025:01', '2025-07-01', 126],
  ])('childrenAt(%s, %s) lists %i children', (text, date, count) => {
    expect(h.childrenAt(key(text), date)).toHaveLength(count);
  });

  it.each<[string, string, RegExp]>([
    ['pre2025:001', '2025-07-01', /pre2025:001" is not in force on 2025-07-01.*resolve\(\)/],
    ['2025:01', '2025-06-30', /2025:01" is not in force on 2025-06-30/],
  ])('childrenAt(%s, %s) throws', (text, date, message) => {
    expect(() => h.childrenAt(key(text), date)).toThrow(UnitNotInForceError);
    expect(() => h.childrenAt(key(text), date)).toThrow(message);
  });

  it('subtree is the unit and every unit whose path starts with its path + "/"', () => {
    const scope = h.get(key('pre2025:001'));
    const subtree = [...h.subtree(scope.key)];
    const byPath = h.units('pre2025').filter((u) => u === scope || u.path.startsWith(`${scope.path}/`));
    expect(subtree).toEqual(byPath);
    expect(subtree[0]).toBe(scope);
    expect(() => h.subtree(key('pre2025:999'))).toThrow(UnitNotFoundError);
  });

  it('ancestors, root first', () => {
    expect(h.ancestors(key('pre2025:00004-01')).map((u) => u.key)).toEqual([
      'pre2025:TW',
      'pre2025:01',
      'pre2025:001',
      'pre2025:00004',
    ]);
    expect(h.ancestors(key('2025:TW'))).toEqual([]);
  });

  it.each<[string, string, boolean]>([
    ['2025:00004', '2025:01', true],
    ['2025:00004-07', '2025:00004', true],
    ['2025:00004', '2025:00004', true],
    ['2025:00004', '2025:08', false],
    ['pre2025:00004', 'pre2025:001', true],
    ['pre2025:00004', 'pre2025:002', false],
    ['pre2025:00019', '2025:00070', true],
    ['pre2025:00019', '2025:00008', false],
    ['pre2025:02', '2025:08', true],
    ['pre2025:001', '2025:01', true],
    ['pre2025:00004-01', '2025:TW', true],
  ])('isWithin(%s, %s) = %s', (a, b, expected) => {
    expect(h.isWithin(key(a), key(b))).toBe(expected);
  });

  it('isWithin a 2025 unit in a pre2025 scope throws', () => {
    expect(() => h.isWithin(key('2025:00004'), key('pre2025:001'))).toThrow(ResolveBackwardsError);
  });
});

describe('search', () => {
  it.each<[string, object, string[]]>([
    ['ba dinh', { structure: '2025', level: 'commune' }, ['2025:00004', '2025:16171', '2025:21499']],
    ['Phường Ba Đình', { structure: '2025' }, ['2025:00004']],
    ['HÀ GIANG', { level: 'province' }, ['pre2025:02']],
    ['tuyen quang', { level: 'province' }, ['2025:08', 'pre2025:08']],
  ])('%s %j', (query, options, expected) => {
    expect(
      h
        .search(query, options)
        .map((u) => u.key)
        .slice(0, expected.length),
    ).toEqual(expected);
  });

  it('ranks exact and prefix matches before other substrings, honours limit', () => {
    const found = h.search('hoa binh', { limit: 5 });
    expect(found).toHaveLength(5);
    expect(found[0]?.key).toBe('pre2025:17');
    expect(h.search('   ')).toEqual([]);
  });

  it('searches branches only when asked for', () => {
    expect(h.search('chi hoi')).toEqual([]);
    expect(h.search('phuc xa', { structure: '2025', level: 'branch', limit: 1 }).map((u) => u.key)).toEqual([
      '2025:00097-01',
    ]);
  });
});
