/**
 * The parts of ECharts the module draws with, registered once: line, bar and map series, grid, tooltip,
 * legend, mark lines, the accessibility description, the canvas renderer. This file is only ever loaded
 * through {@link loadEcharts} (a lazy chunk): the module's entry carries none of ECharts.
 */
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { init, registerMap, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  LineChart,
  BarChart,
  MapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  AriaComponent,
  CanvasRenderer,
]);

export { init, registerMap };
