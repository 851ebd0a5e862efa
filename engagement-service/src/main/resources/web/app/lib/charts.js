// ECharts, as bundled from the org.mvnpm:echarts dependency: only the chart types the page draws.
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, HeatmapChart, LineChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent,
  CanvasRenderer]);

export const STATUS_COLOURS = { healthy: '#2e7d32', warning: '#f39c12', critical: '#c0392b', silent: '#7f8c8d' };

export function chartIn(elementId) {
  const chart = echarts.init(document.getElementById(elementId));
  window.addEventListener('resize', () => chart.resize());
  return chart;
}
