// Reads one JSON answer of a GameFlow API; a refusal becomes an Error carrying the service's own message.
export async function fetchJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(`${response.status} ${body?.message ?? response.statusText}`);
  }
  return body;
}
