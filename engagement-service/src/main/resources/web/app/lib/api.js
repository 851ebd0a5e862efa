// Reads one JSON answer of a GameFlow API; a refusal becomes an Error carrying the service's own message.
// When the query APIs want a read key (README, "Read keys"), the one the user gave is kept for this tab only
// (sessionStorage) and sent with every request, to metrics-service too.
const READ_KEY_HEADER = 'X-Read-Key';
const READ_KEY_ITEM = 'gameflow.read-key';

export class ReadKeyNeeded extends Error {}

export function rememberReadKey(key) {
  sessionStorage.setItem(READ_KEY_ITEM, key);
}

export function hasReadKey() {
  return sessionStorage.getItem(READ_KEY_ITEM) !== null;
}

export async function fetchJson(url) {
  const headers = { Accept: 'application/json' };
  const key = sessionStorage.getItem(READ_KEY_ITEM);
  if (key !== null) {
    headers[READ_KEY_HEADER] = key;
  }
  const response = await fetch(url, { headers });
  const body = await response.json().catch(() => null);
  if (response.status === 401) {
    throw new ReadKeyNeeded(`401 ${body?.message ?? 'a read key is needed'}`);
  }
  if (!response.ok) {
    throw new Error(`${response.status} ${body?.message ?? response.statusText}`);
  }
  return body;
}
