// The level × map heat map of drop-off rates (stuck players in each cell's label), and the hotspots worst first.
import { chartIn, textTooltip } from '../lib/charts.js';
import { fetchJson } from '../lib/api.js';
import { fillTable, percent } from '../lib/tables.js';

const byName = (a, b) => a.localeCompare(b, undefined, { numeric: true });

export function hotspotsPanel() {
  const chart = chartIn('heatmap');
  const element = document.getElementById('heatmap');

  return async function refresh() {
    const { hotspots } = await fetchJson('/v1/engagement/hotspots?limit=1000');
    const levels = [...new Set(hotspots.map(h => h.level_id))].sort(byName);
    const maps = [...new Set(hotspots.map(h => h.map_id))].sort(byName);
    const cells = hotspots.map(h => ({
      value: [maps.indexOf(h.map_id), levels.indexOf(h.level_id), h.drop_off_rate],
      hotspot: h,
    }));
    chart.setOption({
      tooltip: textTooltip(({ data: { hotspot: h } }) => [`${h.level_id} / ${h.map_id}`,
        `drop-off rate ${percent(h.drop_off_rate)} (${h.drop_offs} of ${h.players} players)`, `stuck now: ${h.stuck_players}`]),
      grid: { left: 80, right: 20, top: 10, bottom: 80 },
      xAxis: { type: 'category', data: maps, splitArea: { show: true } },
      yAxis: { type: 'category', data: levels, inverse: true, splitArea: { show: true } },
      visualMap: {
        min: 0, max: Math.max(0.1, ...hotspots.map(h => h.drop_off_rate)), calculable: true, orient: 'horizontal',
        left: 'center', bottom: 0, formatter: value => percent(value), inRange: { color: ['#fdf2e9', '#e67e22', '#922b21'] },
      },
      series: [{
        name: 'drop-off rate', type: 'heatmap', data: cells,
        label: { show: true, fontSize: 11, lineHeight: 15, formatter: ({ data: { hotspot: h } }) => `${percent(h.drop_off_rate)}\n${h.stuck_players} stuck` },
      }],
    });
    // what the chart shows as its worst cell, for people reading the DOM (and the browser test)
    const worst = hotspots.reduce((a, b) => (b.drop_off_rate > a.drop_off_rate ? b : a), hotspots[0]);
    element.dataset.worstCell = worst ? `${worst.level_id}/${worst.map_id}` : '';
    fillTable('hotspots', hotspots.slice(0, 8).map(h => [`${h.level_id} / ${h.map_id}`, percent(h.drop_off_rate),
      h.drop_offs, h.stuck_players, h.players]), 'no player events yet');
  };
}
