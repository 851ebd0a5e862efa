#!/usr/bin/env bash
# HTTP ingest against Kafka's own producer, on the same broker. ingest-service gets realistic player_action events
# (the generator's samples with a client event_id, about 300 bytes each) from wrk (bench/src/ingest.lua): single events
# and JSON arrays of INGEST_BATCH events, each plain and gzip, for INGEST_DURATION s after INGEST_WARMUP s of warm-up.
# Kafka's org.apache.kafka.tools.ProducerPerformance then sends PRODUCER_RECORDS of the same events (--payload-file) to
# the same topic (player-events, KAFKA_PARTITIONS partitions) with ingest's producer settings: acks=all, idempotence
# on, no compression, linger.ms 5 and batch.size 16384 (what ingest's application.properties sets, else the Kafka 4.1
# client defaults; read from that file at run time).
# Reports events/s (acknowledged by Kafka, checked against the topic's end offsets), p50/p99 request latency, ingest's
# RSS under load, and the ratio to the raw producer. Measured, never asserted.
# Settings: INGEST_DURATION (30 s), INGEST_WARMUP (5 s), INGEST_BATCH (100), INGEST_THREADS (2),
# INGEST_CONNECTIONS_SINGLE (64), INGEST_CONNECTIONS_BATCH (16), PRODUCER_RECORDS (1000000), KAFKA_PARTITIONS (6),
# BENCH_KAFKA_PORT (27092), BENCH_INGEST_PORT (27080), BENCH_GENERATOR_PORT (27081), BENCH_JAVA_OPTS (all services; unset: lib.sh's service_java_opts).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION=${INGEST_DURATION:-30}
WARMUP=${INGEST_WARMUP:-5}
BATCH=${INGEST_BATCH:-100}
THREADS=${INGEST_THREADS:-2}
CONN_SINGLE=${INGEST_CONNECTIONS_SINGLE:-64}
CONN_BATCH=${INGEST_CONNECTIONS_BATCH:-16}
RECORDS=${PRODUCER_RECORDS:-1000000}
KAFKA_PORT=${BENCH_KAFKA_PORT:-27092}
PORT=${BENCH_INGEST_PORT:-27080}
GENERATOR_PORT=${BENCH_GENERATOR_PORT:-27081}
BOOTSTRAP=127.0.0.1:$KAFKA_PORT
KEY=bench-ingest-key
BODIES=$BENCH_DIR/ingest-bodies
command -v wrk >/dev/null || die "wrk is missing: apt-get install -y --no-install-recommends wrk"

ensure_built ingest-service generator-service
TOOLS_CP=$(tools_classpath)
say "ingest: starting Kafka on $KAFKA_PORT (logs: $BENCH_DIR/logs)"
start_broker "$KAFKA_PORT"

# realistic events: the generator's samples (its world, no Kafka), each with a client event_id like a game client's
say "ingest: preparing bodies from the generator's samples"
start_service generator-service "$GENERATOR_PORT" QUARKUS_HTTP_PORT="$GENERATOR_PORT" GAMEFLOW_GENERATOR_MODE=none \
  GAMEFLOW_GENERATOR_ADMIN_KEY=bench-admin-key GAMEFLOW_GENERATOR_PLAYERS=50000 GAMEFLOW_GENERATOR_ONLINE=5000
rm -rf "$BODIES" && mkdir -p "$BODIES"
for _ in 1 2 3 4 5; do curl -fs "http://127.0.0.1:$GENERATOR_PORT/v1/generator/sample?type=player&count=1000"; echo; done \
  | sed -e 's/^\[//' -e 's/\]$//' -e 's/},{"event_name"/}\n{"event_name"/g' | grep -v '^$' \
  | while read -r line; do printf '{"event_id":"%s",%s\n' "$(cat /proc/sys/kernel/random/uuid)" "${line#\{}"; done \
  >"$BODIES/events.ndjson"
stop_pid "${BENCH_PIDS[-1]}"
EVENTS=$(wc -l <"$BODIES/events.ndjson")
EVENT_BYTES=$(awk '{n += length($0)} END {printf "%.0f", n / NR}' "$BODIES/events.ndjson")
# single: one event per body; batch: JSON arrays of BATCH events; *-gzip: the same, gzip-compressed
mkdir -p "$BODIES"/{single,batch,single-gzip,batch-gzip}
head -1000 "$BODIES/events.ndjson" | split -l 1 -a 5 -d - "$BODIES/single/x"
split -l "$BATCH" -a 5 -d "$BODIES/events.ndjson" "$BODIES/batch/x"
for kind in single batch; do
  i=0
  for f in "$BODIES/$kind"/x*; do
    i=$((i + 1))
    if [[ $kind == batch ]]; then { printf '['; paste -sd, "$f" | tr -d '\n'; printf ']'; } >"$BODIES/$kind/$i.body"
    else tr -d '\n' <"$f" >"$BODIES/$kind/$i.body"; fi
    rm "$f"
    gzip -c "$BODIES/$kind/$i.body" >"$BODIES/$kind-gzip/$i.body"
  done
done
say "ingest: $EVENTS distinct events of $EVENT_BYTES bytes on average"

start_service ingest-service "$PORT" QUARKUS_HTTP_PORT="$PORT" KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" \
  GAMEFLOW_INGEST_AUTH_KEYS=bench:$KEY GAMEFLOW_INGEST_RATE_LIMIT_EVENTS_PER_SECOND=100000000
INGEST_PID=$STARTED_PID
# producer_setting NAME DEFAULT: what ingest's producer runs with: its application.properties (connector-wide or the
# events-out channel's), else the Kafka client's default
producer_setting() {
  local v
  v=$(grep -E "^mp\.messaging\.(connector\.smallrye-kafka|outgoing\.events-out)\.$1=" \
    "$ROOT/ingest-service/src/main/resources/application.properties" | tail -1 | cut -d= -f2-)
  echo "${v:-$2}"
}

# run_wrk KIND EVENTS_PER_REQUEST CONNECTIONS SECONDS: prints the RESULT JSON of bench/src/ingest.lua
run_wrk() {
  local kind=$1 gzip=0
  [[ $kind == *-gzip ]] && gzip=1
  INGEST_BODIES="$BODIES/$kind" INGEST_API_KEY=$KEY INGEST_GZIP=$gzip INGEST_CONTENT_TYPE=application/json \
    wrk -t"$THREADS" -c"$3" -d"${4}s" --timeout 10s -s "$ROOT/bench/src/ingest.lua" "http://127.0.0.1:$PORT" \
    | sed -n 's/^RESULT //p'
}
field() { sed -E "s/.*\"$2\": ([0-9.]+).*/\1/" <<<"$1"; }

rows=()
json_rows=()
for kind in single single-gzip batch batch-gzip; do
  per=1; conns=$CONN_SINGLE
  [[ $kind == batch* ]] && { per=$BATCH; conns=$CONN_BATCH; }
  say "ingest: $kind ($per event(s)/request, $conns connections): warm-up ${WARMUP}s, then ${DURATION}s"
  run_wrk "$kind" "$per" "$conns" "$WARMUP" >/dev/null
  before=$(bench_kafka "$BOOTSTRAP" end-offsets player-events)
  max_rss_sampler "$INGEST_PID" >"$BENCH_DIR/ingest-rss" &
  sampler=$!
  result=$(run_wrk "$kind" "$per" "$conns" "$DURATION")
  kill -TERM "$sampler"; wait "$sampler" || true
  after=$(bench_kafka "$BOOTSTRAP" end-offsets player-events)
  [[ -n $result ]] || die "wrk gave no result for $kind"
  requests=$(field "$result" requests); secs=$(field "$result" duration_s); bad=$(field "$result" non_2xx)
  rps=$(awk -v r="$requests" -v s="$secs" 'BEGIN {printf "%.0f", r / s}')
  eps=$(awk -v r="$requests" -v b="$bad" -v p="$per" -v s="$secs" 'BEGIN {printf "%.0f", (r - b) * p / s}')
  landed=$((after - before))
  rss=$(cat "$BENCH_DIR/ingest-rss")
  say "  $eps events/s ($rps requests/s, p50 $(field "$result" p50_ms) ms, p99 $(field "$result" p99_ms) ms, non-2xx $bad, $landed records landed, ingest RSS $rss MiB)"
  rows+=("$kind|$per|$conns|$rps|$eps|$(field "$result" p50_ms)|$(field "$result" p99_ms)|$bad|$landed|$rss")
  json_rows+=("{\"load\": \"$kind\", \"events_per_request\": $per, \"connections\": $conns, \"requests_per_s\": $rps, \"events_per_s\": $eps, \"wrk\": $result, \"records_landed\": $landed, \"ingest_rss_mib\": $rss}")
done

# the client defaults of Kafka 4.1: linger.ms 5, batch.size 16384, no compression, acks all, idempotence on
LINGER=$(producer_setting linger.ms 5); BATCH_SIZE=$(producer_setting batch.size 16384)
COMPRESSION=$(producer_setting compression.type none); ACKS=$(producer_setting acks all)
IDEMPOTENCE=$(producer_setting enable.idempotence true)
say "ingest: ingest's producer runs with acks=$ACKS enable.idempotence=$IDEMPOTENCE compression.type=$COMPRESSION linger.ms=$LINGER batch.size=$BATCH_SIZE"
stop_pid "$INGEST_PID"

say "raw producer: ProducerPerformance, $RECORDS records of the same events to player-events"
raw=$(java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$TOOLS_CP" org.apache.kafka.tools.ProducerPerformance \
  --topic player-events --num-records "$RECORDS" --throughput -1 --payload-file "$BODIES/events.ndjson" \
  --producer-props bootstrap.servers="$BOOTSTRAP" acks="${ACKS:-all}" enable.idempotence="${IDEMPOTENCE:-true}" \
  compression.type="${COMPRESSION:-none}" linger.ms="${LINGER:-5}" batch.size="${BATCH_SIZE:-16384}" 2>&1 | tail -1)
# "N records sent, X records/sec (Y MB/sec), A ms avg latency, M ms max latency, p50 ms 50th, p95 ms 95th, p99 ms 99th, ..."
read -r raw_eps raw_p50 raw_p99 < <(sed -E 's/.* records sent, ([0-9.]+) records\/sec.* ([0-9]+) ms 50th, ([0-9]+) ms 95th, ([0-9]+) ms 99th.*/\1 \2 \4/' <<<"$raw")
[[ $raw_eps =~ ^[0-9.]+$ ]] || die "ProducerPerformance said: $raw"
say "  raw producer: $raw_eps records/s (per-record send-to-ack p50 $raw_p50 ms, p99 $raw_p99 ms)"

stamp=$(stamp_today)
out=$RESULTS_DIR/ingest-$stamp
{
  echo "# Ingest: HTTP (ingest-service) vs Kafka's producer, $stamp"
  echo
  echo "Events of $EVENT_BYTES bytes on average (player_action from the generator, client event_id), to player-events"
  echo "(${KAFKA_PARTITIONS:-6} partitions). wrk -t$THREADS, ${DURATION} s per row after ${WARMUP} s of warm-up. Producer: acks=${ACKS:-all},"
  echo "idempotence ${IDEMPOTENCE:-true}, compression ${COMPRESSION:-none}, linger.ms ${LINGER:-5}, batch.size ${BATCH_SIZE:-16384}."
  echo "Raw: ProducerPerformance, $RECORDS records, same payloads and settings: **$raw_eps records/s** (send-to-ack p50 $raw_p50 ms, p99 $raw_p99 ms)."
  echo "Machine: $(machine_facts)"
  echo
  echo "| load | events/request | connections | requests/s | events/s | p50 (ms) | p99 (ms) | non-2xx | ingest RSS (MiB) | ratio to raw producer |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  for row in "${rows[@]}"; do
    IFS='|' read -r kind per conns rps eps p50 p99 bad landed rss <<<"$row"
    echo "| $kind | $per | $conns | $rps | $eps | $p50 | $p99 | $bad | $rss | $(ratio "$eps" "$raw_eps") |"
  done
} >"$out.md"
(IFS=,; printf '{"benchmark": "ingest", "date": "%s", "machine": %s, "event_bytes": %s, "duration_s": %s, "producer": {"acks": "%s", "enable_idempotence": "%s", "compression": "%s", "linger_ms": "%s", "batch_size": "%s"}, "raw_producer": {"records": %s, "records_per_s": %s, "p50_ms": %s, "p99_ms": %s, "line": "%s"}, "results": [%s]}\n' \
  "$stamp" "$(machine_facts)" "$EVENT_BYTES" "$DURATION" "${ACKS:-all}" "${IDEMPOTENCE:-true}" "${COMPRESSION:-none}" "${LINGER:-5}" \
  "${BATCH_SIZE:-16384}" "$RECORDS" "$raw_eps" "$raw_p50" "$raw_p99" "$raw" "${json_rows[*]}") >"$out.json"
best_batch=$(printf '%s\n' "${rows[@]}" | awk -F'|' '$1 ~ /^batch/ && $5 > m {m = $5} END {printf "%d", m}')
target_row "batched ingest vs raw producer" "$(ratio "$best_batch" "$raw_eps")x ($best_batch vs $raw_eps events/s)" ">= 0.6x" \
  "$(meets "$(ratio "$best_batch" "$raw_eps")" ge 0.6)"
cat "$out.md"
say "written $out.md and $out.json"
