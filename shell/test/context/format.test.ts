import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from '../../src/context/index.js';

describe('dates: dd/MM/yyyy in Vietnam time', () => {
  it.each([
    { value: '2025-07-01', expected: '01/07/2025' },
    { value: '2024-02-29', expected: '29/02/2024' },
    { value: '2025-06-30T16:59:00Z', expected: '30/06/2025' },
    { value: '2025-06-30T17:00:00Z', expected: '01/07/2025' },
    { value: new Date(Date.UTC(2025, 0, 5, 12)), expected: '05/01/2025' },
    { value: Date.UTC(2025, 11, 31, 20), expected: '01/01/2026' },
    { value: 'not a date', expected: '' },
  ])('$value → $expected', ({ value, expected }) => {
    expect(formatDate(value)).toBe(expected);
  });

  it.each([
    { value: '2025-11-21T07:30:00Z', expected: '14:30 21/11/2025' },
    { value: '2025-11-21T17:05:00.000Z', expected: '00:05 22/11/2025' },
    { value: 'never', expected: '' },
  ])('date-time $value → $expected', ({ value, expected }) => {
    expect(formatDateTime(value)).toBe(expected);
  });
});

describe('numbers: the Vietnamese format', () => {
  it.each([
    { value: 1234567, options: {}, expected: '1.234.567' },
    { value: 1234567.5, options: {}, expected: '1.234.567,5' },
    { value: 0.452, options: { style: 'percent', maximumFractionDigits: 1 } as const, expected: '45,2%' },
    { value: 19_000_000, options: { notation: 'compact' } as const, expected: '19 Tr' },
  ])('$value → $expected', ({ value, options, expected }) => {
    expect(formatNumber(value, options).replace(/\u00a0/g, ' ')).toBe(expected);
  });
});
