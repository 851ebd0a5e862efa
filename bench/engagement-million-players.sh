#!/usr/bin/env bash
# A million distinct players through engagement-service: pre-fills player-events with one event of each (event
# times spread over the last 30 min), starts the service, and waits until its 1h active-player count is exactly the
# number sent, and (where the service has the studio KPIs) until as many new players are counted in /v1/kpis/daily.
# Reports the catch-up rate, the service's RSS and heap setting, and the size of its state on disk, in all and per player.
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
# every player's one event is within the last 30 min: today's and yesterday's new players add up to them
kpi_new=n/a
if curl -fs "http://127.0.0.1:$PORT/v1/kpis/daily" >/dev/null 2>&1; then
  kpi_new=0
  until [[ $kpi_new == "$sent" ]]; do
    kpi_new=$(curl -fs "http://127.0.0.1:$PORT/v1/kpis/daily?from=$(date -u -d '-1 day' +%Y-%m-%d)" \
      | grep -o '"new_players":[0-9]*' | cut -d: -f2 | awk '{s += $1} END {print s + 0}' || echo 0)
    say "  new players in the KPIs: $kpi_new of $sent"
    [[ $kpi_new == "$sent" ]] || sleep 2
  done
fi
rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
# RocksDB compacts while du walks the tree: a vanished file is not an error
state=$( (du -sm "$STATE" 2>/dev/null || true) | tail -1 | cut -f1)
rate=$(awk -v n="$sent" -v a="$t0" -v b="$t1" 'BEGIN {printf "%.0f", n / (b - a)}')
state_per_player=$(awk -v m="$state" -v n="$sent" 'BEGIN {printf "%.0f", m * 1048576 / n}')
rss_per_player=$(awk -v m="$rss" -v n="$sent" 'BEGIN {printf "%.0f", m * 1048576 / n}')
stamp=$(date -u +%Y-%m-%d)
out=$RESULTS_DIR/engagement-million-players-$stamp
{
  echo "# A million players through engagement-service, $stamp"
  echo
  echo "Machine: $(machine_facts)"
  echo
  echo "| players sent | counted active over 1h | new players in the KPIs | catch-up from start (events/s, incl. startup) | RSS after (MiB) | RSS per player (bytes) | state on disk (MiB) | state per player (bytes) |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  echo "| $sent | $active | $kpi_new | $rate | $rss | $rss_per_player | $state | $state_per_player |"
} >"$out.md"
printf '{"benchmark": "engagement-million-players", "date": "%s", "machine": %s, "players": %s, "active_1h": %s, "kpi_new_players": "%s", "events_per_second": %s, "rss_mib": %s, "rss_bytes_per_player": %s, "state_mib": %s, "state_bytes_per_player": %s}\n' \
  "$stamp" "$(machine_facts)" "$sent" "$active" "$kpi_new" "$rate" "$rss" "$rss_per_player" "$state" "$state_per_player" >"$out.json"
cat "$out.md"
