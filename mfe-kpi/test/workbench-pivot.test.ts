// The pivot from the query's long answer, its labels (Vietnamese first), its chart option and its CSV.
import { describe, expect, it } from 'vitest';
import {
  CHART_MAX_SERIES,
  dimensionOf,
  measureOf,
  pivotCsv,
  pivotGrid,
  pivotOption,
  toPivot,
  valueLabel,
  type Dimension,
  type Measure,
} from '../src/workbench/index.js';

const dim = (id: string) => dimensionOf(id) as Dimension;
const measure = (id: string) => measureOf(id) as Measure;
const names = new Map([['2025:80', 'Tỉnh Tây Ninh']]);

const shape = {
  rowDims: [dim('province'), dim('month')],
  colDims: [dim('format')],
  measures: [measure('meetings'), measure('it_meeting_rate')],
};
const rows = [
  { d0: '2025:80', d1: '2025-10', d2: 'online', m0: 3, m1: 1 },
  { d0: '2025:80', d1: '2025-10', d2: 'in_person', m0: 1200, m1: 0 },
  { d0: '2025:80', d1: '2025-11', d2: 'online', m0: 5, m1: 1 },
  { d0: '2025:99', d1: '2025-11', d2: null, m0: 7, m1: 0.25 },
];

describe('toPivot', () => {
  const pivot = toPivot(rows, shape);

  it('has one row per row key, one column per column key × measure, in a stable order', () => {
    expect(pivot.rowKeys).toEqual([
      ['2025:80', '2025-10'],
      ['2025:80', '2025-11'],
      ['2025:99', '2025-11'],
    ]);
    expect(pivot.columns.map((c) => [c.key[0], c.measure.id])).toEqual([
      ['in_person', 'meetings'],
      ['in_person', 'it_meeting_rate'],
      ['online', 'meetings'],
      ['online', 'it_meeting_rate'],
      [null, 'meetings'],
      [null, 'it_meeting_rate'],
    ]);
    expect(pivot.cells).toEqual([
      [1200, 0, 3, 1, null, null],
      [null, null, 5, 1, null, null],
      [null, null, null, null, 7, 0.25],
    ]);
  });

  it('reads as a grid with Vietnamese labels and figures, and as CSV with plain numbers', () => {
    const grid = pivotGrid(pivot, 'vi', names);
    expect(grid.header).toEqual([
      'Tỉnh, thành phố',
      'Tháng',
      'Trực tiếp · Số buổi sinh hoạt',
      'Trực tiếp · Tỷ lệ sinh hoạt ứng dụng CNTT',
      'Trực tuyến · Số buổi sinh hoạt',
      'Trực tuyến · Tỷ lệ sinh hoạt ứng dụng CNTT',
      '(không có) · Số buổi sinh hoạt',
      '(không có) · Tỷ lệ sinh hoạt ứng dụng CNTT',
    ]);
    expect(grid.rows[0]!.slice(0, 3)).toEqual(['Tỉnh Tây Ninh', '10/2025', 1200]);
    const csv = pivotCsv(pivot, 'en', names);
    expect(csv.startsWith('\uFEFFProvince,Month,In person · Meetings,')).toBe(true);
    expect(csv.split('\r\n')[3]).toBe('2025:99,11/2025,,,,,7,0.25');
  });

  it('draws the first measure on the left axis and the rate on a percent axis on the right', () => {
    const option = pivotOption(pivot, 'stacked', 'vi', names, 'Sinh hoạt');
    expect(option.xAxis.data).toEqual([
      'Tỉnh Tây Ninh · 10/2025',
      'Tỉnh Tây Ninh · 11/2025',
      '2025:99 · 11/2025',
    ]);
    expect(option.series.map((s) => s.yAxisIndex)).toEqual([0, 1, 0, 1, 0, 1]);
    expect(option.yAxis).toHaveLength(2);
    expect(option.yAxis[0]!.axisLabel.formatter(1234567)).toBe('1.234.567');
    expect(option.yAxis[1]!.axisLabel.formatter(0.5)).toBe('50%');
    expect(option.series[0]!.tooltip.valueFormatter(1200)).toBe('1.200');
    expect(option.series[1]!.tooltip.valueFormatter(0.4523)).toBe('45,2%');
  });

  it('draws at most CHART_MAX_SERIES series', () => {
    const wide = toPivot(
      Array.from({ length: 40 }, (_, i) => ({ d0: '2025:80', d1: '2025-10', d2: `c${i}`, m0: i, m1: 0 })),
      shape,
    );
    expect(pivotOption(wide, 'bar', 'vi', names, 'x').series).toHaveLength(CHART_MAX_SERIES);
  });
});

describe('valueLabel', () => {
  it.each<[string, string | null, 'vi' | 'en', string]>([
    ['quarter', '2025-Q4', 'vi', 'Quý 4/2025'],
    ['quarter', '2025-Q4', 'en', 'Q4 2025'],
    ['month', '2026-01', 'vi', '01/2026'],
    ['type', 'meeting.held', 'vi', 'Sinh hoạt hội'],
    ['minority', 'true', 'vi', 'Có'],
    ['minority', 'false', 'en', 'No'],
    ['channel', 'zalo_oa', 'vi', 'Zalo OA'],
    ['channel', 'unknown_code', 'vi', 'unknown_code'],
    ['province', '2025:80', 'vi', 'Tỉnh Tây Ninh'],
    ['commune', null, 'vi', '(không có)'],
  ])('%s %j in %s is %j', (id, value, language, label) => {
    expect(valueLabel(dim(id), value, language, names)).toBe(label);
  });
});
