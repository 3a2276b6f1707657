/**
 * The parts of ECharts the module draws with, registered once: line and bar series, grid, tooltip,
 * legend, mark lines, the accessibility description, the canvas renderer. This file is only ever loaded
 * through {@link loadEcharts} (a lazy chunk): the module's entry carries none of ECharts.
 */
import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  LineChart,
  BarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  AriaComponent,
  CanvasRenderer,
]);

export { init };
