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

// A tooltip that shows text only. ECharts puts whatever a tooltip formatter returns into the page as HTML, and the
// names it shows (levels, maps, regions, …) come from game clients: so every line the panel gives is escaped here,
// and the only markup added is the line break and the series' colour dot, which ECharts builds from this page's own
// colours. linesOf(params) answers the lines: plain strings, or { marker, text } for a line of one series.
// Axis labels, legends and the visual map need nothing of the kind: ECharts draws them on the canvas, as text.
export function textTooltip(linesOf, options = {}) {
  return {
    className: 'chart-tooltip',
    ...options,
    formatter: params => linesOf(params)
      .map(line => (typeof line === 'string' ? escapeHtml(line) : (line.marker ?? '') + escapeHtml(line.text)))
      .join('<br>'),
  };
}

// One line of an axis tooltip: the series' colour dot, its name and its value.
export function seriesLine(item, value = item.value) {
  return { marker: item.marker, text: `${item.seriesName}: ${value}` };
}

const HTML_SPECIALS = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => HTML_SPECIALS[c]);
}
