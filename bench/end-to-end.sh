#!/usr/bin/env bash
# End-to-end latency and footprint of the whole stack: a broker and the four services, started one after the other
# (startup = process start to /q/health/ready UP; RSS = VmRSS of /proc/<pid>/status, idle after E2E_SETTLE s), then the
# generator in http mode posts E2E_RATE events/s through ingest (PUT /v1/generator/rate). After E2E_WARMUP s,
# bench/src/EndToEndProbe.java measures, one probe at a time with E2E_PAUSE_MS between probes:
#   - E2E_PLAYER_PROBES times: ingest's 200 for a new player's event -> GET /v1/engagement/players/{id} answers 200;
#   - E2E_ALERT_PROBES times: ingest's 200 for the sample that completes 30 s of cpu_load 99 of a new server
#     (metrics-service's cpu_critical: > 95 for 30 s of event time) -> the firing alert read from server-alerts.
# Reports p50/p99/max of each, the rate ingest acknowledged meanwhile, and each process's RSS idle and its peak under
# that load (sampled every second). Measured, never asserted.
# Settings: E2E_RATE (5000), E2E_WARMUP (20 s), E2E_SETTLE (5 s), E2E_PLAYER_PROBES (200), E2E_ALERT_PROBES (50),
# E2E_PAUSE_MS (100), KAFKA_PARTITIONS (6), ENGAGEMENT_COMMIT_INTERVAL_MS / METRICS_COMMIT_INTERVAL_MS (200),
# BENCH_KAFKA_PORT (27092), BENCH_INGEST_PORT (27080), BENCH_GENERATOR_PORT (27081), BENCH_ENGAGEMENT_PORT (27082),
# BENCH_METRICS_PORT (27083), BENCH_JAVA_OPTS (all services; unset: lib.sh's service_java_opts).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RATE=${E2E_RATE:-5000}
WARMUP=${E2E_WARMUP:-20}
SETTLE=${E2E_SETTLE:-5}
PLAYER_PROBES=${E2E_PLAYER_PROBES:-200}
ALERT_PROBES=${E2E_ALERT_PROBES:-50}
PAUSE_MS=${E2E_PAUSE_MS:-100}
KAFKA_PORT=${BENCH_KAFKA_PORT:-27092}
INGEST_PORT=${BENCH_INGEST_PORT:-27080}
GENERATOR_PORT=${BENCH_GENERATOR_PORT:-27081}
ENGAGEMENT_PORT=${BENCH_ENGAGEMENT_PORT:-27082}
METRICS_PORT=${BENCH_METRICS_PORT:-27083}
BOOTSTRAP=127.0.0.1:$KAFKA_PORT
ADMIN=(-H "X-Admin-Key: bench-admin-key")
GEN_URL=http://127.0.0.1:$GENERATOR_PORT/v1/generator
STATE=$BENCH_DIR/state/e2e
SAMPLERS=()

ensure_built ingest-service generator-service engagement-service metrics-service
say "end to end: starting Kafka on $KAFKA_PORT and the four services (logs: $BENCH_DIR/logs)"
t0=$(date +%s.%N)
start_broker "$KAFKA_PORT"
BROKER_STARTUP=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}')
declare -A PID STARTUP
PID[kafka]=$(broker_pid "$KAFKA_PORT")
STARTUP[kafka]=$BROKER_STARTUP
rm -rf "$STATE"
start_service ingest-service "$INGEST_PORT" QUARKUS_HTTP_PORT="$INGEST_PORT" KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" \
  GAMEFLOW_INGEST_AUTH_KEYS=bench:bench-ingest-key,probe:bench-probe-key GAMEFLOW_INGEST_RATE_LIMIT_EVENTS_PER_SECOND=1000000
PID[ingest-service]=$STARTED_PID; STARTUP[ingest-service]=$STARTUP_S
start_service engagement-service "$ENGAGEMENT_PORT" QUARKUS_HTTP_PORT="$ENGAGEMENT_PORT" KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" \
  KAFKA_STREAMS_STATE_DIR="$STATE/engagement" QUARKUS_KAFKA_STREAMS_APPLICATION_ID=engagement-e2e GAMEFLOW_ADVERTISED_HOST=127.0.0.1 \
  ${ENGAGEMENT_COMMIT_INTERVAL_MS:+KAFKA_STREAMS_COMMIT_INTERVAL_MS=$ENGAGEMENT_COMMIT_INTERVAL_MS} \
  ${ENGAGEMENT_ROCKSDB_MEMORY_BYTES:+KAFKA_STREAMS_GAMEFLOW_ROCKSDB_MEMORY_BYTES=$ENGAGEMENT_ROCKSDB_MEMORY_BYTES}
PID[engagement-service]=$STARTED_PID; STARTUP[engagement-service]=$STARTUP_S
start_service metrics-service "$METRICS_PORT" QUARKUS_HTTP_PORT="$METRICS_PORT" KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" \
  KAFKA_STREAMS_STATE_DIR="$STATE/metrics" QUARKUS_KAFKA_STREAMS_APPLICATION_ID=metrics-e2e GAMEFLOW_ADVERTISED_HOST=127.0.0.1 \
  ${METRICS_COMMIT_INTERVAL_MS:+KAFKA_STREAMS_COMMIT_INTERVAL_MS=$METRICS_COMMIT_INTERVAL_MS}
PID[metrics-service]=$STARTED_PID; STARTUP[metrics-service]=$STARTUP_S
start_service generator-service "$GENERATOR_PORT" QUARKUS_HTTP_PORT="$GENERATOR_PORT" KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" \
  GAMEFLOW_GENERATOR_MODE=http GAMEFLOW_GENERATOR_AUTOSTART=false GAMEFLOW_GENERATOR_ADMIN_KEY=bench-admin-key \
  GAMEFLOW_GENERATOR_HTTP_URL="http://127.0.0.1:$INGEST_PORT" GAMEFLOW_GENERATOR_HTTP_API_KEY=bench-ingest-key
PID[generator-service]=$STARTED_PID; STARTUP[generator-service]=$STARTUP_S
PROCS=(kafka ingest-service generator-service engagement-service metrics-service)

sleep "$SETTLE"
declare -A IDLE PEAK
for p in "${PROCS[@]}"; do IDLE[$p]=$(rss_mib "${PID[$p]}"); done
say "  startup (s): $(for p in "${PROCS[@]}"; do printf '%s %s  ' "$p" "${STARTUP[$p]}"; done)"
say "  idle RSS (MiB): $(for p in "${PROCS[@]}"; do printf '%s %s  ' "$p" "${IDLE[$p]}"; done)"

accepted() {
  curl -fs "http://127.0.0.1:$(management_port "$INGEST_PORT")/q/metrics" \
    | awk '/^gameflow_ingest_events_total\{/ && /outcome="accepted"/ {n += $2} END {printf "%d", n}'
}
say "end to end: the generator posts $RATE events/s through ingest; warm-up ${WARMUP}s"
curl -fs "${ADMIN[@]}" -XPUT "$GEN_URL/rate" -H 'Content-Type: application/json' -d "{\"rate\": $RATE}" >/dev/null
curl -fs "${ADMIN[@]}" -XPOST "$GEN_URL/start" >/dev/null
for p in "${PROCS[@]}"; do max_rss_sampler "${PID[$p]}" >"$BENCH_DIR/rss-e2e-$p" & SAMPLERS+=("$!"); done
sleep "$WARMUP"
a0=$(accepted); s0=$(date +%s.%N)
say "end to end: probing ($PLAYER_PROBES player probes, then $ALERT_PROBES alert probes)"
probe=$(java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$(kafka_classpath)" "$ROOT/bench/src/EndToEndProbe.java" \
  "http://127.0.0.1:$INGEST_PORT" bench-probe-key "http://127.0.0.1:$ENGAGEMENT_PORT" "$BOOTSTRAP" \
  "$PLAYER_PROBES" "$ALERT_PROBES" "$PAUSE_MS")
a1=$(accepted); s1=$(date +%s.%N)
ACHIEVED=$(awk -v a="$a0" -v b="$a1" -v t="$s0" -v u="$s1" 'BEGIN {printf "%.0f", (b - a) / (u - t)}')
kill -TERM "${SAMPLERS[@]}"; wait "${SAMPLERS[@]}" 2>/dev/null || true
for p in "${PROCS[@]}"; do PEAK[$p]=$(cat "$BENCH_DIR/rss-e2e-$p"); done
gen_status=$(curl -fs "${ADMIN[@]}" "$GEN_URL")
curl -fs "${ADMIN[@]}" -XPOST "$GEN_URL/stop" >/dev/null
LAG=$( (bench_kafka "$BOOTSTRAP" wait-caught-up engagement-e2e 0 player-events purchase-events 2>&1 || true) | sed -nE 's/.*lag ([0-9,]+).*/\1/p' | tr -d , | tail -1)
say "  ingest acknowledged $ACHIEVED events/s while probing; engagement's lag when the probes ended: ${LAG:-0}"
say "  $probe"

# field OBJECT KEY: a number from the probe's JSON (OBJECT player_visible or alert_on_topic)
field() { sed -E "s/.*\"$1\": \{[^}]*\"$2\": ([0-9.]+|null).*/\1/" <<<"$probe"; }
stamp=$(stamp_today)
out=$RESULTS_DIR/end-to-end-$stamp
{
  echo "# End to end and footprint, $stamp"
  echo
  echo "The generator (http mode) posting $RATE events/s through ingest-service (achieved while probing: $ACHIEVED events/s"
  echo "acknowledged; engagement-service's consumer lag when the probes ended: ${LAG:-0}), probes one at a time, ${PAUSE_MS} ms apart."
  echo "Machine: $(machine_facts)"
  echo
  echo "| latency from ingest's 200 to | probes | timeouts (30 s) | p50 (ms) | p99 (ms) | max (ms) |"
  echo "| --- | --- | --- | --- | --- | --- |"
  echo "| the player visible in GET /v1/engagement/players/{id} | $(field player_visible n) | $(field player_visible timeouts) | $(field player_visible p50_ms) | $(field player_visible p99_ms) | $(field player_visible max_ms) |"
  echo "| the planted cpu_critical alert on server-alerts | $(field alert_on_topic n) | $(field alert_on_topic timeouts) | $(field alert_on_topic p50_ms) | $(field alert_on_topic p99_ms) | $(field alert_on_topic max_ms) |"
  echo
  echo "Footprint (${BENCH_JAVA_OPTS:-$(service_java_opts ingest-service), engagement $(service_java_opts engagement-service), MALLOC_ARENA_MAX=$SERVICE_MALLOC_ARENA_MAX}; the broker -Xmx512m): startup = process start to /q/health/ready UP (the broker: to"
  echo "its topics created); RSS idle ${SETTLE} s after all started, and the peak while carrying $RATE events/s."
  echo
  echo "| process | startup (s) | RSS idle (MiB) | RSS under load, peak (MiB) |"
  echo "| --- | --- | --- | --- |"
  for p in "${PROCS[@]}"; do echo "| $p | ${STARTUP[$p]} | ${IDLE[$p]} | ${PEAK[$p]} |"; done
} >"$out.md"
footprint=$(for p in "${PROCS[@]}"; do printf '{"process": "%s", "startup_s": %s, "rss_idle_mib": %s, "rss_load_peak_mib": %s},' \
  "$p" "${STARTUP[$p]}" "${IDLE[$p]}" "${PEAK[$p]}"; done)
printf '{"benchmark": "end-to-end", "date": "%s", "machine": %s, "rate_set": %s, "rate_acknowledged": %s, "engagement_lag_at_end": %s, "latency": %s, "footprint": [%s], "generator": %s}\n' \
  "$stamp" "$(machine_facts)" "$RATE" "$ACHIEVED" "${LAG:-0}" "$probe" "${footprint%,}" "$gen_status" >"$out.json"
for what in player_visible alert_on_topic; do
  p99=$(field "$what" p99_ms)
  target_row "end-to-end p99, $what (at $RATE events/s)" "$p99 ms (p50 $(field "$what" p50_ms), max $(field "$what" max_ms), timeouts $(field "$what" timeouts))" \
    "<= 1000 ms" "$(meets "$p99" le 1000)"
done
# engagement keeps a million players' state and its RocksDB cache: 300 MiB; the others 200 MiB
for p in ingest-service generator-service engagement-service metrics-service; do
  limit=200; [[ $p == engagement-service ]] && limit=300
  target_row "RSS $p (idle / peak at $RATE events/s)" "${IDLE[$p]} / ${PEAK[$p]} MiB" "<= $limit MiB" "$(meets "${PEAK[$p]}" le "$limit")"
done
for p in ingest-service generator-service engagement-service metrics-service; do
  target_row "startup to ready, $p" "${STARTUP[$p]} s" "<= 2 s" "$(meets "${STARTUP[$p]}" le 2)"
done
cat "$out.md"
say "written $out.md and $out.json"
