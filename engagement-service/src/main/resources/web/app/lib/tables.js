// Fills a table body from rows of cell values. textContent only: ids and names come from game clients.
export function fillTable(tableId, rows, whenEmpty) {
  const body = document.querySelector(`#${tableId} tbody`);
  const columns = document.querySelectorAll(`#${tableId} thead th`).length;
  const lines = rows.length ? rows.map(rowOf) : [emptyRow(whenEmpty, columns)];
  body.replaceChildren(...lines);
}

// Shows why a table has nothing to show: its source did not answer.
export function tableUnavailable(tableId, reason) {
  const body = document.querySelector(`#${tableId} tbody`);
  const columns = document.querySelectorAll(`#${tableId} thead th`).length;
  const row = emptyRow(reason, columns);
  row.firstChild.classList.add('unavailable');
  body.replaceChildren(row);
}

function rowOf(cells) {
  const row = document.createElement('tr');
  for (const cell of cells) {
    const td = document.createElement('td');
    if (typeof cell === 'object' && cell !== null) {
      td.textContent = cell.text;
      td.className = cell.className ?? '';
    } else {
      td.textContent = cell ?? '';
    }
    row.append(td);
  }
  return row;
}

function emptyRow(text, columns) {
  const row = document.createElement('tr');
  const td = document.createElement('td');
  td.colSpan = columns;
  td.className = 'empty';
  td.textContent = text;
  row.append(td);
  return row;
}

export function timeOf(iso) {
  return iso ? new Date(iso).toLocaleTimeString() : '';
}

export function percent(share) {
  return `${(share * 100).toFixed(1)} %`;
}
