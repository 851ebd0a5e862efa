// The latest stuck/drop-off alerts and fraud findings of engagement-service.
import { fetchJson } from '../lib/api.js';
import { fillTable, timeOf } from '../lib/tables.js';

const LABELS = { player_stuck: 'stuck', player_dropped_off: 'dropped off' };

export function engagementAlertsPanel() {
  return async function refresh() {
    const { alerts } = await fetchJson('/v1/engagement/alerts?limit=12');
    fillTable('engagement-alerts', alerts.map(a => [LABELS[a.type] ?? a.type, a.player_id, `${a.level_id} / ${a.map_id}`,
      a.platform, timeOf(a.since), timeOf(a.at)]), 'no stuck or drop-off alerts yet');
  };
}

export function fraudAlertsPanel() {
  return async function refresh() {
    const { findings } = await fetchJson('/v1/purchases/fraud-alerts?limit=10');
    fillTable('fraud-alerts', findings.map(f => [f.rule, f.user_id, f.platform, timeOf(f.window_end)]),
      'no fraud findings yet');
  };
}
