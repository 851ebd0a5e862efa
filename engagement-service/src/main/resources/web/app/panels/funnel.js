// Per level: players who reached it, completions and drop-offs, with the completion rate in the tooltip.
import { chartIn, seriesLine, textTooltip } from '../lib/charts.js';
import { fetchJson } from '../lib/api.js';
import { percent } from '../lib/tables.js';

export function funnelPanel() {
  const chart = chartIn('funnel');

  return async function refresh() {
    const { levels } = await fetchJson('/v1/engagement/funnel');
    const rateOf = Object.fromEntries(levels.map(l => [l.level_id, l.completion_rate]));
    chart.setOption({
      tooltip: textTooltip(items => [`${items[0].name} (completion rate ${percent(rateOf[items[0].name])})`,
        ...items.map(i => seriesLine(i))], { trigger: 'axis' }),
      legend: { top: 0, data: ['players', 'completions', 'drop-offs'] },
      grid: { left: 50, right: 20, top: 35, bottom: 30 },
      xAxis: { type: 'category', data: levels.map(l => l.level_id) },
      yAxis: { type: 'value' },
      series: [
        { name: 'players', type: 'bar', data: levels.map(l => l.players), itemStyle: { color: '#5470c6' } },
        { name: 'completions', type: 'bar', data: levels.map(l => l.completions), itemStyle: { color: '#2e7d32' } },
        { name: 'drop-offs', type: 'bar', data: levels.map(l => l.drop_offs), itemStyle: { color: '#c0392b' } },
      ],
    });
  };
}
