// The live page: every panel asks its API again every refresh_seconds; the status line says what answered.
import { fetchJson, hasReadKey, ReadKeyNeeded, rememberReadKey } from './lib/api.js';
import { hotspotsPanel } from './panels/hotspots.js';
import { activePlayersPanel } from './panels/activePlayers.js';
import { funnelPanel } from './panels/funnel.js';
import { revenuePanel } from './panels/revenue.js';
import { engagementAlertsPanel, fraudAlertsPanel } from './panels/alerts.js';
import { serversPanel } from './panels/servers.js';
import { kpisPanel } from './panels/kpis.js';

async function start() {
  const config = await fetchJson('/v1/dashboard/config');
  const panels = {
    'level heat map': hotspotsPanel(),
    'active players': activePlayersPanel(),
    funnel: funnelPanel(),
    revenue: revenuePanel(),
    'stuck and drop-off alerts': engagementAlertsPanel(),
    'fraud alerts': fraudAlertsPanel(),
    servers: serversPanel(config.metrics_url),
    'studio KPIs': kpisPanel(),
  };
  const status = document.getElementById('status');

  async function refreshAll() {
    const names = Object.keys(panels);
    const outcomes = await Promise.allSettled(names.map(name => panels[name]()));
    const failed = names.flatMap((name, i) =>
      (outcomes[i].status === 'rejected' ? [`${name}: ${outcomes[i].reason.message}`] : []));
    if (outcomes.some(o => o.status === 'rejected' && o.reason instanceof ReadKeyNeeded)) {
      askForReadKey();
    }
    status.textContent = `updated ${new Date().toLocaleTimeString()}` + (failed.length ? ` · not updated: ${failed.join('; ')}` : '');
    status.classList.toggle('error', failed.length > 0);
    // the next round only once this one is done, so a slow service never piles up requests
    setTimeout(refreshAll, config.refresh_seconds * 1000);
  }
  await refreshAll();
}

// The query APIs answered 401: read keys are on. The form takes one; the page starts again with it.
function askForReadKey() {
  const form = document.getElementById('read-key');
  if (!form.hidden) {
    return;
  }
  form.querySelector('.read-key-hint').textContent = hasReadKey()
    ? 'the read key given was refused: enter a valid one'
    : 'this dashboard needs a read key';
  form.hidden = false;
  form.addEventListener('submit', event => {
    event.preventDefault();
    rememberReadKey(form.elements.key.value.trim());
    window.location.reload();
  });
  form.elements.key.focus();
}

start().catch(e => {
  const status = document.getElementById('status');
  status.textContent = `engagement-service did not answer (${e.message}); reload the page once it runs`;
  status.classList.add('error');
  if (e instanceof ReadKeyNeeded) {
    status.textContent = `engagement-service asks for a read key (${e.message})`;
    askForReadKey();
  }
});
