import { describe, expect, it } from 'vitest';
import { plainCell, toQueryResult } from '../src/engine/worker/results.js';

describe('query results as plain data', () => {
  it.each([
    { value: null, cell: null },
    { value: undefined, cell: null },
    { value: 'Xã Đức Huệ', cell: 'Xã Đức Huệ' },
    { value: true, cell: true },
    { value: 0.25, cell: 0.25 },
    { value: Number.NaN, cell: 'NaN' },
    { value: 42n, cell: 42 },
    { value: 2n ** 60n, cell: '1152921504606846976' },
    { value: new Date('2026-11-21T01:02:03Z'), cell: '2026-11-21T01:02:03.000Z' },
    { value: new Uint8Array([1, 255]), cell: '01ff' },
    { value: [1n, 'a', null], cell: [1, 'a', null] },
  ])('$value → $cell', ({ value, cell }) => {
    expect(plainCell(value)).toEqual(cell);
  });

  it('gives timestamps as ISO text', () => {
    const table = {
      numRows: 1,
      schema: { fields: [{ name: 'at', type: 'Timestamp<MICROSECOND>' }] },
      getChildAt: () => ({ get: () => Date.UTC(2026, 10, 21, 1, 2, 3) }),
    };
    expect(toQueryResult(table, 10, 0).rows).toEqual([{ at: '2026-11-21T01:02:03.000Z' }]);
  });

  it('keeps column names and types, and cuts at maxRows', () => {
    const columns = { n: [1, 2, 3], name: ['a', 'b', 'c'] };
    const table = {
      numRows: 3,
      schema: {
        fields: [
          { name: 'n', type: 'Float64' },
          { name: 'name', type: 'Utf8' },
        ],
      },
      getChildAt: (i: number) => ({ get: (r: number) => Object.values(columns)[i]![r] }),
    };
    expect(toQueryResult(table, 2, 1.5)).toEqual({
      columns: [
        { name: 'n', type: 'Float64' },
        { name: 'name', type: 'Utf8' },
      ],
      rows: [
        { n: 1, name: 'a' },
        { n: 2, name: 'b' },
      ],
      rowCount: 3,
      ms: 1.5,
    });
  });
});
