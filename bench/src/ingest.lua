-- wrk script of bench/ingest.sh: POSTs prepared bodies to ingest-service's /v1/events in turn.
-- Environment: INGEST_BODIES (a directory of bodies 1.body, 2.body, ... as sent), INGEST_API_KEY,
-- INGEST_CONTENT_TYPE (application/json), INGEST_GZIP (1: the bodies are gzip and sent with Content-Encoding: gzip).
-- At the end it prints one JSON line (prefixed RESULT) with the requests, errors and request latency percentiles.

local bodies = {}
local next_body = 1

local function load_bodies()
  local dir = os.getenv("INGEST_BODIES")
  local i = 1
  while true do
    local f = io.open(dir .. "/" .. i .. ".body", "rb")
    if not f then break end
    bodies[i] = f:read("*a")
    f:close()
    i = i + 1
  end
  assert(#bodies > 0, "no bodies in " .. tostring(dir))
end

function init(args)
  load_bodies()
  wrk.method = "POST"
  wrk.path = "/v1/events"
  wrk.headers["X-API-Key"] = os.getenv("INGEST_API_KEY")
  wrk.headers["Content-Type"] = os.getenv("INGEST_CONTENT_TYPE") or "application/json"
  if os.getenv("INGEST_GZIP") == "1" then
    wrk.headers["Content-Encoding"] = "gzip"
  end
  -- each thread starts at a different body
  next_body = (math.random(#bodies) - 1) % #bodies + 1
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "duration_s": %.3f, "non_2xx": %d, "socket_errors": %d, ' ..
    '"p50_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, "mean_ms": %.2f}\n',
    summary.requests, summary.duration / 1e6, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000))
end
