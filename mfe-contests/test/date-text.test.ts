import { describe, expect, it } from 'vitest';
import { fromDayText, toDayText } from '../src/views/date-text.js';

describe('dates typed as dd/MM/yyyy', () => {
  it.each([
    ['01/09/2025', '2025-09-01'],
    ['1/9/2025', '2025-09-01'],
    [' 29/02/2024 ', '2024-02-29'],
    ['29/02/2025', null],
    ['31/04/2025', null],
    ['2025-09-01', null],
    ['09/31/2025', null],
    ['', null],
  ])('%o → %o', (text, iso) => expect(fromDayText(text)).toBe(iso));

  it.each([
    ['2025-09-01', '01/09/2025'],
    ['not a date', ''],
  ])('%s shows as %o', (iso, text) => expect(toDayText(iso)).toBe(text));
});
