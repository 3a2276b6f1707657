import { describe, expect, it } from 'vitest';
import { currentPeriod, parsePeriod, periodCode, periodLabel, periodOf } from '../../src/context/index.js';

describe('period codes', () => {
  it.each([
    { code: '2025-M10', grain: 'month', from: '2025-10-01', to: '2025-10-31' },
    { code: '2024-M02', grain: 'month', from: '2024-02-01', to: '2024-02-29' },
    { code: '2025-Q3', grain: 'quarter', from: '2025-07-01', to: '2025-09-30' },
    { code: '2025-H1', grain: 'half', from: '2025-01-01', to: '2025-06-30' },
    { code: '2025-H2', grain: 'half', from: '2025-07-01', to: '2025-12-31' },
    { code: '2025', grain: 'year', from: '2025-01-01', to: '2025-12-31' },
    { code: '2025-M01..2025-M03', grain: 'month', from: '2025-01-01', to: '2025-03-31' },
    { code: '2024-Q4..2025-Q1', grain: 'quarter', from: '2024-10-01', to: '2025-03-31' },
  ])('$code ↔ $grain $from..$to', ({ code, grain, from, to }) => {
    const period = parsePeriod(code);
    expect(period).toEqual({ grain, from, to });
    expect(periodCode(period!)).toBe(code);
  });

  it.each([
    '',
    '25-M10',
    '2025-M13',
    '2025-M0',
    '2025-Q5',
    '2025-H3',
    '2025-W01',
    '2025-M03..2025-M01',
    '2025-M01..2025-Q2',
    '2025..2026..2027',
    'abc',
  ])('%j is not a period', (code) => {
    expect(parsePeriod(code)).toBeUndefined();
  });
});

describe('period labels', () => {
  it.each([
    { code: '2025-M10', vi: 'Tháng 10/2025', en: 'October 2025' },
    { code: '2025-M03', vi: 'Tháng 03/2025', en: 'March 2025' },
    { code: '2025-Q3', vi: 'Quý III/2025', en: 'Q3 2025' },
    { code: '2025-H1', vi: '6 tháng đầu năm 2025', en: 'H1 2025' },
    { code: '2025-H2', vi: '6 tháng cuối năm 2025', en: 'H2 2025' },
    { code: '2025', vi: 'Năm 2025', en: '2025' },
    { code: '2025-M01..2025-M03', vi: 'Tháng 01/2025 – Tháng 03/2025', en: 'January 2025 – March 2025' },
  ])('$code', ({ code, vi, en }) => {
    const period = parsePeriod(code)!;
    expect(periodLabel(period, 'vi')).toBe(vi);
    expect(periodLabel(period, 'en')).toBe(en);
  });
});

describe('current period (Vietnam time, UTC+7)', () => {
  it.each([
    { now: '2025-10-31T16:59:59Z', grain: 'month' as const, code: '2025-M10' },
    { now: '2025-10-31T17:00:00Z', grain: 'month' as const, code: '2025-M11' },
    { now: '2025-06-30T17:30:00Z', grain: 'quarter' as const, code: '2025-Q3' },
    { now: '2025-12-31T18:00:00Z', grain: 'year' as const, code: '2026' },
  ])('$now → $code', ({ now, grain, code }) => {
    expect(periodCode(currentPeriod(grain, Date.parse(now)))).toBe(code);
  });

  it('periodOf builds ranges across years', () => {
    expect(periodOf('half', 2024, 2, { year: 2025, index: 1 })).toEqual({
      grain: 'half',
      from: '2024-07-01',
      to: '2025-06-30',
    });
  });
});
