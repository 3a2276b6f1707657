import { describe, expect, it } from 'vitest';
import { trendOption, type TrendInput } from '../src/charts/trend-option.js';

const POINTS = [
  { month: '2026-10', num: 80, den: 100, value: 0.8 },
  { month: '2026-11', num: 0, den: 0, value: null },
];

function option(overrides: Partial<TrendInput> = {}) {
  return trendOption({
    points: POINTS,
    target: 0.7,
    language: 'vi',
    volume: 'den',
    shareName: 'Tỷ lệ',
    volumeName: 'Số lượng',
    targetName: 'Chỉ tiêu',
    description: 'Mô tả cho trình đọc màn hình',
    ...overrides,
  }) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- ECharts options are untyped here
}

describe('trend chart option', () => {
  it('labels months MM/yyyy and shares in the Vietnamese format, with a gap where a month has no data', () => {
    const o = option();
    expect(o.xAxis.data).toEqual(['10/2026', '11/2026']);
    expect(o.yAxis[0].axisLabel.formatter(0.75)).toBe('75%');
    expect(o.yAxis[1].axisLabel.formatter(12345)).toBe('12.345');
    expect(o.series[1].data).toEqual([0.8, null]);
    expect(o.series[1].connectNulls).toBe(false);
  });

  it('draws the target as a dashed line and names it in the legend', () => {
    const o = option();
    expect(o.series[1].markLine.data).toEqual([{ yAxis: 0.7 }]);
    expect(o.series[1].markLine.label.formatter()).toBe('Chỉ tiêu 70%');
    expect(o.legend.data).toEqual(['Tỷ lệ', 'Số lượng', 'Chỉ tiêu']);
    expect(option({ target: undefined }).series[1].markLine).toBeUndefined();
  });

  it.each([
    { volume: 'den' as const, bars: [100, 0] },
    { volume: 'num' as const, bars: [80, 0] },
  ])('bars show the $volume', ({ volume, bars }) => {
    expect(option({ volume }).series[0].data).toEqual(bars);
  });

  it('gives screen readers the description, and the tooltip says the month in words', () => {
    const o = option();
    expect(o.aria).toEqual({ enabled: true, label: { description: 'Mô tả cho trình đọc màn hình' } });
    expect(o.tooltip.formatter([{ dataIndex: 0 }])).toBe(
      '<strong>Tháng 10/2026</strong><br>Tỷ lệ: <strong>80%</strong><br>Số lượng: 80 / 100<br>Chỉ tiêu: 70%',
    );
    expect(option({ language: 'en' }).tooltip.formatter([{ dataIndex: 0 }])).toContain('October 2026');
  });
});
