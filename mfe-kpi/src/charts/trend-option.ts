/**
 * The ECharts option of a target's monthly trend: the share as a line (gaps where a month has no data),
 * the volume behind it as light bars on a second axis, the target as a dashed line. Numbers and months in
 * the Vietnamese formats; the description ECharts gives screen readers is the caller's summary.
 */
import type { Language } from '@vwu/context';
import type { TrendPoint } from '../kpi/compute.js';
import { count, monthLabel, monthName, percent } from '../format.js';

/** What the chart shows. */
export interface TrendInput {
  points: readonly TrendPoint[];
  target: number | undefined;
  language: Language;
  /** Which figure the bars show. */
  volume: 'num' | 'den';
  /** Names of the two series. */
  shareName: string;
  volumeName: string;
  targetName: string;
  /** Read by screen readers (ECharts' aria description). */
  description: string;
}

const PRIMARY = '#1a4b8c';
const VOLUME = '#c9d6e8';
const TARGET = '#b8336a';

interface TooltipParam {
  dataIndex: number;
}

/**
 * The option object for `chart.setOption`.
 *
 * @example chart.setOption(trendOption({ points, target: 0.7, language: 'vi', … }), true)
 */
export function trendOption(input: TrendInput): Record<string, unknown> {
  const { points, target, language } = input;
  const maxShare = Math.max(target ?? 0, ...points.map((p) => p.value ?? 0));
  return {
    animationDuration: 300,
    aria: { enabled: true, label: { description: input.description } },
    textStyle: { fontFamily: "'Noto Sans', 'Segoe UI', Roboto, Arial, sans-serif" },
    grid: { left: 56, right: 64, top: 40, bottom: 32 },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 14,
      itemHeight: 8,
      textStyle: { color: '#5b6776' },
      data: [input.shareName, input.volumeName, ...(target === undefined ? [] : [input.targetName])],
    },
    tooltip: {
      trigger: 'axis',
      formatter: (params: TooltipParam[]) => {
        const point = points[params[0]?.dataIndex ?? -1];
        if (point === undefined) return '';
        return [
          `<strong>${monthName(point.month, language)}</strong>`,
          `${input.shareName}: <strong>${percent(point.value)}</strong>`,
          `${input.volumeName}: ${count(point.num)} / ${count(point.den)}`,
          ...(target === undefined ? [] : [`${input.targetName}: ${percent(target)}`]),
        ].join('<br>');
      },
    },
    xAxis: {
      type: 'category',
      data: points.map((p) => monthLabel(p.month)),
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: '#d5dce5' } },
      axisLabel: { color: '#5b6776' },
    },
    yAxis: [
      {
        type: 'value',
        min: 0,
        max: maxShare > 1 ? undefined : 1,
        interval: maxShare > 1 ? undefined : 0.25,
        axisLabel: { color: '#5b6776', formatter: (v: number) => percent(v) },
        splitLine: { lineStyle: { color: '#eef1f5' } },
      },
      {
        type: 'value',
        min: 0,
        axisLabel: { color: '#8a95a3', formatter: (v: number) => count(v) },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: input.volumeName,
        type: 'bar',
        yAxisIndex: 1,
        barMaxWidth: 28,
        itemStyle: { color: VOLUME, borderRadius: [3, 3, 0, 0] },
        data: points.map((p) => p[input.volume]),
        z: 1,
      },
      {
        name: input.shareName,
        type: 'line',
        yAxisIndex: 0,
        smooth: false,
        symbol: 'circle',
        symbolSize: 7,
        connectNulls: false,
        lineStyle: { width: 3, color: PRIMARY },
        itemStyle: { color: PRIMARY },
        data: points.map((p) => p.value),
        z: 3,
        markLine:
          target === undefined
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: TARGET, width: 2 },
                label: {
                  formatter: () => `${input.targetName} ${percent(target)}`,
                  color: TARGET,
                  position: 'insideEndTop',
                },
                data: [{ yAxis: target }],
              },
      },
      ...(target === undefined
        ? []
        : [
            {
              name: input.targetName,
              type: 'line',
              data: [],
              lineStyle: { type: 'dashed', color: TARGET },
              itemStyle: { color: TARGET },
            },
          ]),
    ],
  };
}
