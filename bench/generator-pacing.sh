#!/usr/bin/env bash
# How accurately the generator paces: at each rate it is set to, the player events (actions and purchases) Kafka
# acknowledged per second over a window, against the rate. The target is within ±10 %. Measured, never asserted.
# PACING_MODE=http sends through ingest-service instead (then it counts what ingest acknowledged).
# Settings: PACING_RATES ("50 500 2000 5000"), PACING_WINDOW (10 s), PACING_MODE (kafka|http), BENCH_KAFKA_PORT (29092),
# BENCH_GENERATOR_PORT (28081), BENCH_INGEST_PORT (28080).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RATES=${PACING_RATES:-50 500 2000 5000}
WINDOW=${PACING_WINDOW:-10}
KAFKA_PORT=${BENCH_KAFKA_PORT:-29092}
PORT=${BENCH_GENERATOR_PORT:-28081}
INGEST_PORT=${BENCH_INGEST_PORT:-28080}
MODE=${PACING_MODE:-kafka}
ADMIN=(-H "X-Admin-Key: bench-admin-key")
URL=http://127.0.0.1:$PORT/v1/generator

[[ $MODE == kafka || $MODE == http ]] || die "PACING_MODE must be kafka or http, got '$MODE'"
ensure_built generator-service ingest-service
say "starting Kafka on $KAFKA_PORT and the generator on $PORT in $MODE mode (logs: $BENCH_DIR/logs)"
start_broker "$KAFKA_PORT"
if [[ $MODE == http ]]; then
  start_service ingest-service "$INGEST_PORT" QUARKUS_HTTP_PORT="$INGEST_PORT" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
    GAMEFLOW_INGEST_AUTH_KEYS=bench:bench-ingest-key GAMEFLOW_INGEST_RATE_LIMIT_EVENTS_PER_SECOND=100000
fi
start_service generator-service "$PORT" QUARKUS_HTTP_PORT="$PORT" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
  GAMEFLOW_GENERATOR_MODE="$MODE" GAMEFLOW_GENERATOR_AUTOSTART=false GAMEFLOW_GENERATOR_ADMIN_KEY=bench-admin-key \
  GAMEFLOW_GENERATOR_HTTP_URL="http://127.0.0.1:$INGEST_PORT" GAMEFLOW_GENERATOR_HTTP_API_KEY=bench-ingest-key

# player events acknowledged so far: what the rate is about (server reports come on top of it)
player_events() {
  curl -fs "http://127.0.0.1:$(management_port "$PORT")/q/metrics" \
    | awk '/^gameflow_generator_events_total\{topic="(player|purchase)-events"\}/ {n += $2} END {printf "%d", n}'
}

rows=()
json_rows=()
curl -fs "${ADMIN[@]}" -XPOST "$URL/start" >/dev/null
for rate in $RATES; do
  curl -fs "${ADMIN[@]}" -XPUT "$URL/rate" -H 'Content-Type: application/json' -d "{\"rate\": $rate}" >/dev/null
  sleep 3 # the new rate settles and what was sent at the old one is acknowledged
  c0=$(player_events); t0=$(date +%s.%N)
  say "rate $rate events/s: measuring for ${WINDOW}s"
  sleep "$WINDOW"
  c1=$(player_events); t1=$(date +%s.%N)
  read -r achieved ratio < <(awk -v c0="$c0" -v c1="$c1" -v t0="$t0" -v t1="$t1" -v r="$rate" \
    'BEGIN {d = (c1 - c0) / (t1 - t0); printf "%.1f %.3f\n", d, d / r}')
  say "  set $rate, achieved $achieved events/s (ratio $ratio)"
  rows+=("| $rate | $achieved | $ratio |")
  json_rows+=("{\"rate\": $rate, \"achieved\": $achieved, \"ratio\": $ratio}")
done
curl -fs "${ADMIN[@]}" -XPOST "$URL/stop" >/dev/null

stamp=$(date -u +%Y-%m-%d)
out=$RESULTS_DIR/generator-pacing-$MODE-$stamp
{
  echo "# Generator pacing ($MODE mode), $stamp"
  echo
  echo "Player events acknowledged per second over ${WINDOW} s, $MODE mode. Machine: $(machine_facts)"
  echo
  echo "| rate set (events/s) | achieved (events/s) | ratio |"
  echo "| --- | --- | --- |"
  printf '%s\n' "${rows[@]}"
} >"$out.md"
(IFS=,; printf '{"benchmark": "generator-pacing", "mode": "%s", "date": "%s", "window_s": %s, "machine": %s, "results": [%s]}\n' \
  "$MODE" "$stamp" "$WINDOW" "$(machine_facts)" "${json_rows[*]}") >"$out.json"
cat "$out.md"
say "written $out.md and $out.json"
