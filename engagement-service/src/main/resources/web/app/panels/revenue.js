// Revenue per currency, last hour, as bars (not converted: each bar is in its own currency).
import { chartIn, textTooltip } from '../lib/charts.js';
import { fetchJson } from '../lib/api.js';

export function revenuePanel() {
  const chart = chartIn('revenue');

  return async function refresh() {
    const { currencies } = await fetchJson('/v1/purchases/summary');
    const names = Object.keys(currencies).sort();
    chart.setOption({
      tooltip: textTooltip(({ name }) => {
        const c = currencies[name];
        return [`${name}: ${c.revenue_last_hour.toFixed(2)} in the last hour, ${c.revenue_total.toFixed(2)} in all`,
          `${c.purchases} purchases, ${c.refunds} refunds`];
      }),
      grid: { left: 70, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: names },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: names.map(n => currencies[n].revenue_last_hour),
        label: { show: true, position: 'top', formatter: ({ name }) => currencies[name].revenue_last_hour.toFixed(0) } }],
    });
  };
}
