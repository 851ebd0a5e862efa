#!/usr/bin/env bash
# A million distinct players through engagement-service: pre-fills player-events with one event of each (event
# times spread over the last 30 min), starts the service, and waits until its 1h active-player count is exactly the
# number sent. Reports the catch-up rate, the service's RSS and heap setting, and the size of its state on disk.
# Measured, never asserted. Settings: FLOOD_PLAYERS (1000000), BENCH_KAFKA_PORT (29092), BENCH_ENGAGEMENT_PORT (28082).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PLAYERS=${FLOOD_PLAYERS:-1000000}
KAFKA_PORT=${BENCH_KAFKA_PORT:-29092}
PORT=${BENCH_ENGAGEMENT_PORT:-28082}
STATE=$BENCH_DIR/engagement-state

ensure_built engagement-service
say "starting Kafka on $KAFKA_PORT (logs: $BENCH_DIR/logs)"
start_broker "$KAFKA_PORT"
CP="$(cat "$ROOT/kafka-embedded/target/classpath.txt"):$(cat "$ROOT/kafka-embedded/target/classpath-logging.txt")"
say "producing $PLAYERS distinct players' events"
read -r sent produce_rate < <(java -cp "$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$ROOT/bench/src/PlayerFlood.java" \
  "127.0.0.1:$KAFKA_PORT" "$PLAYERS")
say "produced $sent at $produce_rate events/s; starting engagement-service on $PORT"
rm -rf "$STATE"
t0=$(date +%s.%N)
start_service engagement-service "$PORT" QUARKUS_HTTP_PORT="$PORT" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
  KAFKA_STREAMS_STATE_DIR="$STATE" QUARKUS_KAFKA_STREAMS_APPLICATION_ID=engagement-bench ${ENGAGEMENT_COMMIT_INTERVAL_MS:+KAFKA_STREAMS_COMMIT_INTERVAL_MS=$ENGAGEMENT_COMMIT_INTERVAL_MS}
pid=${BENCH_PIDS[-1]}
active=0
until [[ $active == "$sent" ]]; do
  sleep 5
  active=$(curl -fs "http://127.0.0.1:$PORT/v1/engagement/active-players" | sed -E 's/.*"1h":\{"total":([0-9]+).*/\1/' || echo 0)
  say "  active over 1h: $active of $sent; RSS $(( $(ps -o rss= -p "$pid") / 1024 )) MiB"
done
t1=$(date +%s.%N)
rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
# RocksDB compacts while du walks the tree: a vanished file is not an error
state=$( (du -sm "$STATE" 2>/dev/null || true) | tail -1 | cut -f1)
rate=$(awk -v n="$sent" -v a="$t0" -v b="$t1" 'BEGIN {printf "%.0f", n / (b - a)}')
stamp=$(date -u +%Y-%m-%d)
out=$RESULTS_DIR/engagement-million-players-$stamp
{
  echo "# A million players through engagement-service, $stamp"
  echo
  echo "Machine: $(machine_facts)"
  echo
  echo "| players sent | counted active over 1h | catch-up from start (events/s, incl. startup) | RSS after (MiB) | state on disk (MiB) |"
  echo "| --- | --- | --- | --- | --- |"
  echo "| $sent | $active | $rate | $rss | $state |"
} >"$out.md"
printf '{"benchmark": "engagement-million-players", "date": "%s", "machine": %s, "players": %s, "active_1h": %s, "events_per_second": %s, "rss_mib": %s, "state_mib": %s}\n' \
  "$stamp" "$(machine_facts)" "$sent" "$active" "$rate" "$rss" "$state" >"$out.json"
cat "$out.md"
