import { describe, expect, it } from 'vitest';
import {
  REFORM_DATE,
  UnitKeyError,
  InvalidDateError,
  codeOf,
  levelOfKey,
  parseUnitKey,
  structureAt,
  structureOf,
  unitKey,
  type StructureId,
  type UnitLevel,
} from '@vwu/contracts';

describe('unitKey', () => {
  it.each<[StructureId, string, string, UnitLevel]>([
    ['2025', 'TW', '2025:TW', 'central'],
    ['pre2025', 'TW', 'pre2025:TW', 'central'],
    ['2025', '01', '2025:01', 'province'],
    ['pre2025', '001', 'pre2025:001', 'district'],
    ['2025', '00004', '2025:00004', 'commune'],
    ['pre2025', '00004', 'pre2025:00004', 'commune'],
    ['2025', '00004-07', '2025:00004-07', 'branch'],
    ['pre2025', '00004-99', 'pre2025:00004-99', 'branch'],
    ['pre2025', '318-01', 'pre2025:318-01', 'branch'],
  ])('%s + %s → %s (%s)', (structure, code, text, level) => {
    const key = unitKey(structure, code);
    expect(key).toBe(text);
    expect(structureOf(key)).toBe(structure);
    expect(codeOf(key)).toBe(code);
    expect(levelOfKey(key)).toBe(level);
  });

  it.each<[StructureId, string, RegExp]>([
    ['2025', '001', /Invalid 2025 unit code "001"/],
    ['2025', '318-01', /Invalid 2025 unit code "318-01"/],
    ['pre2025', '0004', /expected 'TW', a 2-digit province/],
    ['2025', '00004-00', /branch '<commune>-<01..99>'/],
    ['2025', '00004-7', /Invalid 2025 unit code/],
    ['2025', 'tw', /Invalid 2025 unit code "tw"/],
    ['2024' as StructureId, '00004', /Unknown structure "2024"/],
  ])('rejects %s + %s', (structure, code, message) => {
    expect(() => unitKey(structure, code)).toThrow(UnitKeyError);
    expect(() => unitKey(structure, code)).toThrow(message);
  });
});

describe('parseUnitKey', () => {
  it.each(['2025:00004', 'pre2025:00004', '2025:TW', '2025:00004-07', 'pre2025:755-03'])(
    'accepts %s',
    (text) => {
      expect(parseUnitKey(text)).toBe(text);
    },
  );

  it.each([
    ['00004', /Invalid unit key "00004": expected "<structure>:<code>"/],
    ['2024:00004', /Invalid unit key "2024:00004": unknown structure "2024"/],
    ['pre2025:0004x', /Invalid unit key "pre2025:0004x": expected 'TW'.* after "pre2025:"/],
    ['2025:001', /Invalid unit key "2025:001"/],
    ['', /Invalid unit key ""/],
    ['2025:', /Invalid unit key "2025:"/],
  ])('rejects %j', (text, message) => {
    expect(() => parseUnitKey(text)).toThrow(UnitKeyError);
    expect(() => parseUnitKey(text)).toThrow(message);
  });

  it('keeps old and new codes apart', () => {
    expect(parseUnitKey('2025:00004')).not.toBe(parseUnitKey('pre2025:00004'));
  });
});

describe('structureAt', () => {
  it.each<[string, StructureId]>([
    ['2024-01-01', 'pre2025'],
    ['2025-06-30', 'pre2025'],
    [REFORM_DATE, '2025'],
    ['2026-12-31', '2025'],
  ])('%s → %s', (date, structure) => {
    expect(structureAt(date)).toBe(structure);
  });

  it.each(['2025-13-01', '2025-02-30', '2025-07-01T00:00:00Z', '01/07/2025', ''])('rejects %j', (date) => {
    expect(() => structureAt(date)).toThrow(InvalidDateError);
    expect(() => structureAt(date)).toThrow(/expected a calendar date YYYY-MM-DD/);
  });
});
