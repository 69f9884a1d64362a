// Only the pieces of ECharts the trend chart uses (tree-shaken through echarts/core); this module is
// imported dynamically, so even the statistics page paints its figures before the chart code arrives.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
