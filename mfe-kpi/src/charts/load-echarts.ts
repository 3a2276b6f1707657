/**
 * ECharts, loaded the first time a chart is drawn (dynamic import: a chunk of its own).
 */
import type * as Runtime from './echarts-runtime.js';

/** The loaded runtime. */
export type EchartsRuntime = typeof Runtime;

let loading: Promise<EchartsRuntime> | undefined;

/**
 * ECharts' runtime (one load per page; a failed load is tried again next time).
 *
 * @example const { init } = await loadEcharts(); const chart = init(element);
 */
export function loadEcharts(): Promise<EchartsRuntime> {
  loading ??= import('./echarts-runtime.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
