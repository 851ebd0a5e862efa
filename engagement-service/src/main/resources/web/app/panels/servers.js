// Server health from metrics-service's public API (read by the browser, so engagement-service never calls it).
import { chartIn, seriesLine, STATUS_COLOURS, textTooltip } from '../lib/charts.js';
import { fetchJson } from '../lib/api.js';
import { fillTable, tableUnavailable, timeOf } from '../lib/tables.js';

const STATUSES = Object.keys(STATUS_COLOURS);

export function serversPanel(metricsUrl) {
  const chart = chartIn('regions');

  return async function refresh() {
    try {
      const [{ regions }, { alerts }] = await Promise.all([
        fetchJson(`${metricsUrl}/v1/regions`), fetchJson(`${metricsUrl}/v1/alerts?state=firing`)]);
      drawRegions(chart, regions);
      fillTable('server-alerts', alerts.map(a => [a.rule, { text: a.severity, className: `severity-${a.severity}` },
        a.server_id ?? `region ${a.region}`, a.value.toFixed(1), timeOf(a.started_at)]), 'no alert firing');
    } catch (e) {
      tableUnavailable('server-alerts', `metrics-service at ${metricsUrl} did not answer: ${e.message}`);
      throw e;
    }
  };
}

function drawRegions(chart, regions) {
  const names = regions.map(r => r.region);
  chart.setOption({
    tooltip: textTooltip(items => [items[0].name, ...items.map(i => seriesLine(i))], { trigger: 'axis' }),
    legend: { top: 0, data: STATUSES },
    grid: { left: 90, right: 20, top: 35, bottom: 30 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names },
    series: STATUSES.map(status => ({
      name: status, type: 'bar', stack: 'servers', itemStyle: { color: STATUS_COLOURS[status] },
      data: regions.map(r => r.status_counts[status] ?? 0),
    })),
  });
}
