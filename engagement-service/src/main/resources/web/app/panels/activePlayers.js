// Players active in the last minute, per platform, as a line over the stream time since the page opened.
import { chartIn, seriesLine, textTooltip } from '../lib/charts.js';
import { fetchJson } from '../lib/api.js';

const PLATFORMS = ['PC', 'Console', 'Mobile', 'other'];
const KEPT_POINTS = 300;

export function activePlayersPanel() {
  const chart = chartIn('active-players');
  const series = Object.fromEntries(PLATFORMS.map(p => [p, []]));

  return async function refresh() {
    const answer = await fetchJson('/v1/engagement/active-players');
    const at = answer.as_of ?? new Date().toISOString();
    const lastMinute = answer.windows['1m'].by_platform;
    for (const platform of PLATFORMS) {
      const points = series[platform];
      if (points.length && points[points.length - 1][0] === at) {
        points.pop();
      }
      points.push([at, lastMinute[platform] ?? 0]);
      points.splice(0, Math.max(0, points.length - KEPT_POINTS));
    }
    chart.setOption({
      tooltip: textTooltip(items => [items[0].axisValueLabel, ...items.map(i => seriesLine(i, i.value[1]))],
        { trigger: 'axis' }),
      legend: { top: 0, data: PLATFORMS },
      grid: { left: 50, right: 20, top: 35, bottom: 30 },
      xAxis: { type: 'time', axisLabel: { hideOverlap: true, formatter: '{HH}:{mm}:{ss}' } },
      yAxis: { type: 'value', minInterval: 1 },
      series: PLATFORMS.map(p => ({ name: p, type: 'line', showSymbol: false, data: series[p] })),
    });
  };
}
