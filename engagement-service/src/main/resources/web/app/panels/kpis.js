// Studio KPIs (issue 22): today's headline numbers, DAU / WAU / MAU over the days of /v1/kpis/daily, and the retention
// triangle of /v1/kpis/retention as a heat map (cohorts as rows, day offsets 0..30 as columns), for the platform chosen.
// Everything shown comes from the server (dates, currency codes): text only, set through textContent and the DOM.
import { chartIn, seriesLine, textTooltip } from '../lib/charts.js';
import { fetchJson } from '../lib/api.js';
import { fillTable, percent, tableUnavailable } from '../lib/tables.js';

export const KPI_PLATFORMS = ['all', 'PC', 'Console', 'Mobile', 'other'];
const RETENTION_DAYS = 30;
const ACTIVE = [
  { key: 'dau', name: 'DAU', color: '#5470c6' },
  { key: 'wau', name: 'WAU', color: '#91cc75' },
  { key: 'mau', name: 'MAU', color: '#ee6666' },
];

export function kpisPanel() {
  const chart = chartIn('kpi-active');
  const select = document.getElementById('kpi-platform');
  const section = document.getElementById('kpis');
  const note = document.getElementById('kpi-note');
  select.replaceChildren(...KPI_PLATFORMS.map(p => new Option(p, p)));
  retentionHeader();

  async function refresh() {
    const platform = select.value || 'all';
    const query = `platform=${encodeURIComponent(platform)}`;
    let daily;
    let retention;
    try {
      [daily, retention] = await Promise.all([
        fetchJson(`/v1/kpis/daily?${query}`), fetchJson(`/v1/kpis/retention?${query}`)]);
    } catch (e) {
      // the last figures stay; the note (and the status line) say they are not current
      note.textContent = `not updated: ${e.message}`;
      note.classList.add('unavailable');
      if (!document.querySelector('#kpi-retention tbody').children.length) {
        tableUnavailable('kpi-retention', `no KPIs yet: ${e.message}`);
      }
      throw e;
    }
    if (select.value !== platform) {
      return; // the platform changed while this round asked: its answers are for the old one
    }
    note.textContent = asOfText(daily);
    note.classList.remove('unavailable');
    headline(daily, retention);
    drawActive(chart, daily.days);
    fillRetention(retention.cohorts);
    section.dataset.platform = platform; // which platform the figures shown are of (for the browser test)
  }

  // a new platform shows at once rather than at the next round (a failure there shows in the panel's note)
  select.addEventListener('change', () => refresh().catch(() => {}));
  return refresh;
}

function asOfText({ as_of: asOf, zone }) {
  return asOf ? `as of ${new Date(asOf).toLocaleString()} · days in ${zone}` : 'no event yet';
}

// The latest day (today in the zone of as_of) and the latest cohorts whose day 1 and day 7 are final.
function headline(daily, retention) {
  const today = daily.days.length ? daily.days[daily.days.length - 1] : null;
  const d1 = latestFinal(retention.cohorts, 1);
  const d7 = latestFinal(retention.cohorts, 7);
  const arpdau = (today?.revenue ?? []).map(r => `${r.currency} ${number(r.arpdau, 3)}`);
  const tiles = [
    ['dau', 'DAU', count(today?.dau), today ? `${today.date}${today.final ? '' : ', so far'}` : ''],
    ['mau', 'MAU', count(today?.mau), '30 days'],
    ['stickiness', 'stickiness', share(today?.stickiness), 'DAU / MAU'],
    ['new-players', 'new players', count(today?.new_players), today?.date ?? ''],
    ['d1', 'D1 retention', share(d1?.share), d1 ? `cohort ${d1.cohort}` : 'no final day 1 yet'],
    ['d7', 'D7 retention', share(d7?.share), d7 ? `cohort ${d7.cohort}` : 'no final day 7 yet'],
    ['arpdau', 'ARPDAU', arpdau.length ? arpdau : ['–'], arpdau.length ? 'per currency' : 'no revenue today'],
  ];
  document.getElementById('kpi-headline').replaceChildren(...tiles.map(([key, label, values, detail]) => {
    const tile = document.createElement('div');
    tile.className = 'kpi';
    tile.dataset.kpi = key;
    const name = document.createElement('span');
    name.className = 'kpi-label';
    name.textContent = label;
    tile.append(name);
    for (const value of [values].flat()) {
      const line = document.createElement('span');
      line.className = 'kpi-value';
      line.textContent = value;
      tile.append(line);
    }
    const small = document.createElement('span');
    small.className = 'kpi-detail';
    small.textContent = detail;
    tile.append(small);
    return tile;
  }));
}

function latestFinal(cohorts, day) {
  for (let i = cohorts.length - 1; i >= 0; i--) {
    const cell = cohorts[i].days.find(d => d.day === day);
    if (cell?.final) {
      return { cohort: cohorts[i].cohort, share: cell.share };
    }
  }
  return null;
}

function drawActive(chart, days) {
  const byDate = Object.fromEntries(days.map(d => [d.date, d]));
  chart.setOption({
    tooltip: textTooltip(items => {
      const day = byDate[items[0].name];
      return [`${items[0].name}${day?.final ? '' : ' (open: the day is not over)'}`, ...items.map(i => seriesLine(i)),
        `stickiness ${share(day?.stickiness)}, new players ${count(day?.new_players)}`];
    }, { trigger: 'axis' }),
    legend: { top: 0, data: ACTIVE.map(a => a.name) },
    grid: { left: 50, right: 20, top: 35, bottom: 30 },
    xAxis: { type: 'category', data: days.map(d => d.date) },
    yAxis: { type: 'value', minInterval: 1 },
    series: ACTIVE.map(a => ({
      name: a.name, type: 'line', showSymbol: true, symbolSize: 5, itemStyle: { color: a.color },
      data: days.map(d => d[a.key] ?? null),
    })),
  });
}

function retentionHeader() {
  const row = document.querySelector('#kpi-retention thead tr');
  const headers = ['cohort', 'new players'];
  for (let n = 0; n <= RETENTION_DAYS; n++) {
    headers.push(`d${n}`);
  }
  row.replaceChildren(...headers.map(text => {
    const th = document.createElement('th');
    th.textContent = text;
    return th;
  }));
}

// One row per cohort, oldest first; a cell per day offset the cohort has reached, coloured by its share, with the
// share in %. A cell whose day is not over yet is open: dashed and italic, as its number still grows.
function fillRetention(cohorts) {
  const body = document.querySelector('#kpi-retention tbody');
  if (!cohorts.length) {
    fillTable('kpi-retention', [], 'no cohort yet');
    return;
  }
  const rows = [...cohorts].sort((a, b) => (a.cohort < b.cohort ? -1 : a.cohort > b.cohort ? 1 : 0)).map(cohort => {
    const row = document.createElement('tr');
    row.dataset.cohort = cohort.cohort;
    const label = document.createElement('th');
    label.scope = 'row';
    label.textContent = cohort.cohort;
    const players = document.createElement('td');
    players.className = 'count';
    players.textContent = count(cohort.new_players);
    row.append(label, players);
    const byDay = new Map(cohort.days.map(d => [d.day, d]));
    for (let n = 0; n <= RETENTION_DAYS; n++) {
      row.append(retentionCell(byDay.get(n), n));
    }
    return row;
  });
  body.replaceChildren(...rows);
}

function retentionCell(cell, n) {
  const td = document.createElement('td');
  if (!cell) {
    td.className = 'none';
    return td;
  }
  td.className = cell.final ? 'final' : 'open';
  td.dataset.day = String(n);
  if (typeof cell.share === 'number') {
    td.textContent = String(Math.round(cell.share * 100));
    const [background, ink] = shade(cell.share);
    td.style.backgroundColor = background;
    td.style.color = ink;
  } else {
    td.textContent = '–';
  }
  td.title = `day ${n}: ${count(cell.players)} players, ${share(cell.share)}${cell.final ? '' : ' (open: the day is not over)'}`;
  return td;
}

// From a pale blue at 0 to a deep blue at 1 (shares above 1 cannot happen, but are held at 1); white ink on the dark.
function shade(value) {
  const t = Math.min(1, Math.max(0, value));
  const pale = [235, 243, 252];
  const deep = [22, 64, 128];
  const [r, g, b] = pale.map((c, i) => Math.round(c + (deep[i] - c) * Math.sqrt(t)));
  return [`rgb(${r}, ${g}, ${b})`, t > 0.3 ? '#fff' : '#1d2430'];
}

function count(value) {
  return typeof value === 'number' ? value.toLocaleString() : '–';
}

function share(value) {
  return typeof value === 'number' ? percent(value) : '–';
}

function number(value, digits) {
  return typeof value === 'number' ? value.toFixed(digits) : '–';
}
