/**
 * The ECharts option of a pivot: row keys along the axis, one series per leaf column (column values ×
 * measure), the first measure on the left axis and the others on the right (in percent when rates). Vietnamese number format in labels and tooltips; an aria
 * description for screen readers. Long pivots are cut ({@link CHART_MAX_ROWS} × {@link CHART_MAX_SERIES}).
 */
import type { Language } from '@vwu/context';
import { formatNumber } from '@vwu/context';
import { columnLabel, figure, keyLabel } from './labels.js';
import type { Pivot } from './pivot.js';
import type { ChartKind } from './spec.js';

/** Row keys drawn at most. */
export const CHART_MAX_ROWS = 60;
/** Series drawn at most. */
export const CHART_MAX_SERIES = 16;

/** What the chart shows of the pivot. */
export interface ChartCut {
  shown: number;
  total: number;
  series: number;
  columns: number;
}

/** How much of a pivot the chart draws. */
export function chartCut(pivot: Pivot): ChartCut {
  return {
    shown: Math.min(CHART_MAX_ROWS, pivot.rowKeys.length),
    total: pivot.rowKeys.length,
    series: Math.min(CHART_MAX_SERIES, pivot.columns.length),
    columns: pivot.columns.length,
  };
}

/**
 * The option for `chart.setOption(option, true)`.
 *
 * @example pivotOption(pivot, 'bar', 'vi', names, 'Số buổi sinh hoạt theo Tháng').series.length // columns drawn
 */
export function pivotOption(
  pivot: Pivot,
  kind: ChartKind,
  language: Language,
  names: ReadonlyMap<string, string>,
  title: string,
) {
  const cut = chartCut(pivot);
  const categories = pivot.rowKeys
    .slice(0, cut.shown)
    .map((key) => (pivot.rowDims.length === 0 ? title : keyLabel(pivot.rowDims, key, language, names)));
  // The first measure on the left axis, the others on the right one: counts and sums of different sizes
  // (meetings vs attendances) stay readable, and rates get a percent axis.
  const first = pivot.measures[0];
  const right = pivot.measures.slice(1);
  const series = pivot.columns.slice(0, cut.series).map((column, i) => {
    const rate = column.measure.kind === 'rate';
    return {
      name: columnLabel(column, pivot.colDims, pivot.measures.length, language, names),
      type: kind === 'line' ? ('line' as const) : ('bar' as const),
      ...(kind === 'stacked' && !rate ? { stack: column.measure.id } : {}),
      yAxisIndex: column.measure === first ? 0 : 1,
      data: pivot.cells.slice(0, cut.shown).map((row) => row[i] ?? null),
      tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? figure(v, column.measure) : '—') },
    };
  });
  const axis = (rate: boolean) => ({
    type: 'value' as const,
    axisLabel: {
      formatter: (v: number) =>
        rate ? formatNumber(v, { style: 'percent', maximumFractionDigits: 0 }) : formatNumber(v),
    },
  });
  const left = axis(first?.kind === 'rate');
  return {
    aria: { enabled: true, label: { description: `${title}.` } },
    animation: false,
    title: { show: false, text: title },
    tooltip: { trigger: 'axis' as const },
    legend: { type: 'scroll' as const, top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category' as const,
      data: categories,
      axisLabel: { rotate: categories.length > 8 ? 30 : 0, hideOverlap: true },
    },
    yAxis: right.length === 0 ? [left] : [left, axis(right.every((m) => m.kind === 'rate'))],
    series,
  };
}
