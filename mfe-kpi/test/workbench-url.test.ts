// The workbench's view in the URL: every spec comes back the same; the console's own parameters are kept;
// whatever a hand-edited URL names that the workbench does not know is dropped and reported.
import { describe, expect, it } from 'vitest';
import {
  MAX_SQL_IN_URL,
  decodeSpec,
  defaultSpec,
  encodeSpec,
  type ViewSpec,
} from '../src/workbench/index.js';

const spec = (patch: Partial<ViewSpec>): ViewSpec => ({ ...defaultSpec(), ...patch });

describe('encodeSpec → decodeSpec', () => {
  it.each<[string, ViewSpec]>([
    ['the default view', defaultSpec()],
    [
      'rows, columns, several measures and months',
      spec({
        rows: ['province', 'quarter'],
        cols: ['channel'],
        measures: ['posts', 'meetings', 'it_meeting_rate'],
        from: '2025-01',
        to: '2025-12',
      }),
    ],
    [
      'types and filters with values that need escaping',
      spec({
        types: ['card.activated', 'member.joined'],
        measures: ['events'],
        filters: { commune: ['2025:25459', 'a&b=c,d'], minority: ['true'] },
      }),
    ],
    [
      'the SQL tab with Vietnamese and symbols in the statement',
      spec({
        tab: 'sql',
        chart: 'line',
        sql: 'SELECT \'Tây Ninh\' AS tên, 1 + 1 AS "tổng" -- ghi chú & ?\nFROM meeting_held',
      }),
    ],
    ['no rows or columns', spec({ rows: [], cols: [], measures: ['members_distinct'], chart: 'stacked' })],
  ])('%s', (_, view) => {
    const search = encodeSpec(view, new URLSearchParams());
    const back = decodeSpec(new URLSearchParams(search.toString()));
    expect(back.dropped).toEqual([]);
    expect(back.spec).toEqual(view);
  });

  it("keeps the console's unit, period and language and replaces the workbench's old parameters", () => {
    const before = new URLSearchParams(
      'unit=2025%3A80&period=2025-M10&lang=en&wb.rows=year&wb.f.format=online',
    );
    const after = encodeSpec(spec({ rows: ['month'] }), before);
    expect(after.get('unit')).toBe('2025:80');
    expect(after.get('period')).toBe('2025-M10');
    expect(after.get('lang')).toBe('en');
    expect(after.get('wb.rows')).toBe('month');
    expect(after.getAll('wb.f.format')).toEqual([]);
  });

  it('leaves out an SQL text too long for an address', () => {
    const long = `SELECT ${'1 + '.repeat(MAX_SQL_IN_URL)}1`;
    expect(encodeSpec(spec({ sql: long }), new URLSearchParams()).has('wb.sql')).toBe(false);
  });
});

describe('decodeSpec', () => {
  it('gives the default view for a URL without workbench parameters', () => {
    expect(decodeSpec(new URLSearchParams('unit=2025:80'))).toEqual({ spec: defaultSpec(), dropped: [] });
  });

  it.each([
    ['wb.rows=month,drop_table&wb.m=meetings', 'wb.rows=drop_table', { rows: ['month'] }],
    ['wb.m=meetings,count(*)', 'wb.m=count(*)', { measures: ['meetings'] }],
    ['wb.m=events&wb.types=meeting.held,evil.type', 'wb.types=evil.type', { types: ['meeting.held'] }],
    ['wb.m=meetings&wb.from=2025-13', 'wb.from=2025-13', { from: undefined }],
    ['wb.m=meetings&wb.to=July', 'wb.to=July', { to: undefined }],
    ['wb.m=meetings&wb.chart=pie', 'wb.chart=pie', { chart: 'bar' }],
    ['wb.m=meetings&wb.tab=admin', 'wb.tab=admin', { tab: 'pivot' }],
    ['wb.m=meetings&wb.f.nope=1', 'wb.f.nope=1', { filters: {} }],
    ['wb.rows=month&wb.cols=month,format&wb.m=meetings', 'wb.cols=month', { cols: ['format'] }],
  ])('%s drops %s', (query, dropped, expected) => {
    const decoded = decodeSpec(new URLSearchParams(query));
    expect(decoded.dropped).toEqual([dropped]);
    for (const [key, value] of Object.entries(expected)) {
      expect(decoded.spec[key as keyof ViewSpec]).toEqual(value);
    }
  });
});
