#!/usr/bin/env bash
# The whole GameFlow stack on this machine without Docker: a standalone Kafka broker (kafka-embedded) and
# the four services as JVM processes, the generator feeding them. Ctrl-C (or SIGTERM) stops every process
# this script started; if one of them dies, the script says which and stops the rest. Logs and data live
# under $GAMEFLOW_RUN_DIR (default target/local-stack); its logs/, kafka/ and state/ are wiped at each start
# so that no stale Kafka or RocksDB state leaks into a new run, unless GAMEFLOW_KEEP_DATA=true: then the broker
# restarts on kafka/ and the Streams services on state/, topics, records, offsets and counts included.
#
# Settings (environment): KAFKA_PORT (9092), GENERATOR_PORT (8081), INGEST_PORT (8080),
# ENGAGEMENT_PORT (8082), METRICS_PORT (8083), their management ports (health and metrics) GENERATOR_MANAGEMENT_PORT
# (9081), INGEST_MANAGEMENT_PORT (9080), ENGAGEMENT_MANAGEMENT_PORT (9082), METRICS_MANAGEMENT_PORT (9083),
# GAMEFLOW_GENERATOR_RATE (50 events per second of game time; with GAMEFLOW_GENERATOR_CLOCK_SPEED above 10, 500 / speed, and
# GAMEFLOW_GENERATOR_SERVERS 200 / speed, at least 1, and GAMEFLOW_GENERATOR_FRAUD_EVERY 30 s x speed, so that a fast clock
# does not flood the stack), KAFKA_PARTITIONS (6),
# GAMEFLOW_DASHBOARD_METRICS_URL and QUARKUS_HTTP_CORS_ORIGINS (the live page's view of metrics-service; from the ports above;
# the origins go to metrics-service only),
# GAMEFLOW_RUN_DIR, GAMEFLOW_JAVA_OPTS (all services; unset: -XX:+UseSerialGC -Xms16m -Xmx128m, engagement-service
# -Xms32m -Xmx192m, generator-service -Xmx256m, scripts/java-opts.sh), MALLOC_ARENA_MAX (2), GAMEFLOW_READY_TIMEOUT (180 s),
# GAMEFLOW_INGEST_AUTH_KEYS (two development keys: dev-only-client:gameflow-local-dev-key:client for player and purchase events,
# dev-only-server:gameflow-local-server-key:server for server metrics), GAMEFLOW_GENERATOR_ADMIN_KEY (gameflow-local-admin-key),
# GAMEFLOW_GENERATOR_MODE (http: the generator posts to ingest with the development keys; kafka: straight to the topics),
# GAMEFLOW_INGEST_PULL_URLS (none; e.g. the
# generator's http://localhost:8081/v1/generator/sample?type=server&count=20 to try the HTTP pull source),
# GAMEFLOW_BUILD (auto: build when a jar is missing or older than its sources; always; never),
# GAMEFLOW_KEEP_DATA (false: every start is a new cluster; true: keep kafka/ and state/ from the run before),
# ENGAGEMENT_INSTANCE_ID (engagement-0), METRICS_INSTANCE_ID (metrics-0): the Streams instances' stable names,
# GAMEFLOW_BIND (127.0.0.1: the services' HTTP and management ports listen on loopback only, as the development keys
# above are public; 0.0.0.0 to reach them from other machines),
# GAMEFLOW_KAFKA_SECURE (false: the broker is open, on loopback only; true: as in prod, SASL_SSL with SCRAM-SHA-512, a
# certificate made at the first start, and one user per service with the ACLs of
# deploy/k8s/overlays/prod/kafka-users.yaml; each service gets its user's password and the trust store).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN_DIR=${GAMEFLOW_RUN_DIR:-$ROOT/target/local-stack}
KAFKA_PORT=${KAFKA_PORT:-9092}
# The ports and instance names are this script's own settings, one per service: each service gets its own as
# QUARKUS_HTTP_PORT, QUARKUS_MANAGEMENT_PORT and KAFKA_STREAMS_GROUP_INSTANCE_ID when it starts (below).
GENERATOR_PORT=${GENERATOR_PORT:-8081}
INGEST_PORT=${INGEST_PORT:-8080}
ENGAGEMENT_PORT=${ENGAGEMENT_PORT:-8082}
METRICS_PORT=${METRICS_PORT:-8083}
# /q/health and /q/metrics answer on each service's management interface, a port of its own
GENERATOR_MANAGEMENT_PORT=${GENERATOR_MANAGEMENT_PORT:-9081}
INGEST_MANAGEMENT_PORT=${INGEST_MANAGEMENT_PORT:-9080}
ENGAGEMENT_MANAGEMENT_PORT=${ENGAGEMENT_MANAGEMENT_PORT:-9082}
METRICS_MANAGEMENT_PORT=${METRICS_MANAGEMENT_PORT:-9083}
# one instance of each Streams service, under a stable name (static membership, docs/recovery.md): restarted on the
# same state, it takes its partitions back at once
ENGAGEMENT_INSTANCE_ID=${ENGAGEMENT_INSTANCE_ID:-engagement-0}
METRICS_INSTANCE_ID=${METRICS_INSTANCE_ID:-metrics-0}
# the names before settings followed their properties (docs/configuration.md, "Renamed settings") still count here
# for one release: a shell that set one of them gets what it asked for
GAMEFLOW_INGEST_AUTH_KEYS=${GAMEFLOW_INGEST_AUTH_KEYS:-${INGEST_API_KEYS:-}}
GAMEFLOW_GENERATOR_HTTP_API_KEY=${GAMEFLOW_GENERATOR_HTTP_API_KEY:-${GENERATOR_INGEST_API_KEY:-}}
# ingest refuses to start without a key; these development keys are for this machine only. Each has a scope, as
# a real game's would: the client key (in every game client, so soon public) cannot report server health.
if [[ -z $GAMEFLOW_INGEST_AUTH_KEYS ]]; then
  export GAMEFLOW_INGEST_AUTH_KEYS=dev-only-client:gameflow-local-dev-key:client,dev-only-server:gameflow-local-server-key:server
  CLIENT_KEY=gameflow-local-dev-key
  SERVER_KEY=gameflow-local-server-key
else
  # keys of your own: unless told otherwise (GENERATOR_INGEST_*_API_KEY), the generator posts with the first one
  export GAMEFLOW_INGEST_AUTH_KEYS
  CLIENT_KEY=${GAMEFLOW_INGEST_AUTH_KEYS%%,*}
  CLIENT_KEY=${CLIENT_KEY#*:}
  CLIENT_KEY=${CLIENT_KEY%%:*}
  SERVER_KEY=$CLIENT_KEY
fi
# the live page on engagement-service reads server health from metrics-service in the browser: tell it where, and
# let metrics-service answer that page's origin (both as the user's browser sees them)
export GAMEFLOW_DASHBOARD_METRICS_URL=${GAMEFLOW_DASHBOARD_METRICS_URL:-${DASHBOARD_METRICS_URL:-http://localhost:$METRICS_PORT}}
# metrics-service's alone (given to it below): the other services answer no browser
# the well-known development keys must not open the stack to the network: loopback unless told otherwise
BIND=${GAMEFLOW_BIND:-127.0.0.1}
CORS_ORIGINS=${QUARKUS_HTTP_CORS_ORIGINS:-${METRICS_CORS_ORIGINS:-http://localhost:$ENGAGEMENT_PORT,http://127.0.0.1:$ENGAGEMENT_PORT}}
DASHBOARD_URL=http://localhost:$ENGAGEMENT_PORT/
# the generator's control endpoints need an admin key too
export GAMEFLOW_GENERATOR_ADMIN_KEY=${GAMEFLOW_GENERATOR_ADMIN_KEY:-${GENERATOR_ADMIN_KEY:-gameflow-local-admin-key}}
# the generator posts to ingest as game clients would, so that the whole path runs; kafka skips ingest
export GAMEFLOW_GENERATOR_MODE=${GAMEFLOW_GENERATOR_MODE:-${GENERATOR_MODE:-http}}
export GAMEFLOW_GENERATOR_HTTP_URL=${GAMEFLOW_GENERATOR_HTTP_URL:-${GENERATOR_INGEST_URL:-http://127.0.0.1:$INGEST_PORT}}
export GAMEFLOW_GENERATOR_HTTP_CLIENT_API_KEY=${GAMEFLOW_GENERATOR_HTTP_CLIENT_API_KEY:-${GENERATOR_INGEST_CLIENT_API_KEY:-${GAMEFLOW_GENERATOR_HTTP_API_KEY:-$CLIENT_KEY}}}
export GAMEFLOW_GENERATOR_HTTP_SERVER_API_KEY=${GAMEFLOW_GENERATOR_HTTP_SERVER_API_KEY:-${GENERATOR_INGEST_SERVER_API_KEY:-${GAMEFLOW_GENERATOR_HTTP_API_KEY:-$SERVER_KEY}}}
# A fast clock (e.g. GAMEFLOW_GENERATOR_CLOCK_SPEED=1440, a day a minute: the studio KPIs' days, cohorts and retention
# within minutes) multiplies what the generator sends per wall second, as its rates are per second of game time.
# Unless told otherwise, keep the wall-clock load about what a speed of 10 sends: players at 500 events per wall
# second, at most 20 x 10 / speed servers (at least one) reporting every 5 s of game time, and a fraud round every
# 30 s x speed of game time.
CLOCK_SPEED=${GAMEFLOW_GENERATOR_CLOCK_SPEED:-${GENERATOR_CLOCK_SPEED:-1}}
if awk -v s="$CLOCK_SPEED" 'BEGIN {exit !(s > 10)}'; then
  export GAMEFLOW_GENERATOR_RATE=${GAMEFLOW_GENERATOR_RATE:-$(awk -v s="$CLOCK_SPEED" 'BEGIN {printf "%.4f", 500 / s}')}
  export GAMEFLOW_GENERATOR_SERVERS=${GAMEFLOW_GENERATOR_SERVERS:-$(awk -v s="$CLOCK_SPEED" 'BEGIN {n = int(200 / s); print n < 1 ? 1 : n}')}
  # the fraud actors' rounds (5 min of game time each) as often per wall second as at a speed of 10
  export GAMEFLOW_GENERATOR_FRAUD_EVERY=${GAMEFLOW_GENERATOR_FRAUD_EVERY:-$(awk -v s="$CLOCK_SPEED" 'BEGIN {printf "%ds", 30 * s}')}
fi
# the JVM options of a service: GAMEFLOW_JAVA_OPTS for all when set, else scripts/java-opts.sh's per service; and its
# SERVICE_MALLOC_ARENA_MAX
source "$ROOT/scripts/java-opts.sh"
java_opts_of() { echo "${GAMEFLOW_JAVA_OPTS:-$(default_java_opts "$1")}"; }
READY_TIMEOUT=${GAMEFLOW_READY_TIMEOUT:-180}
KEEP_DATA=${GAMEFLOW_KEEP_DATA:-false}
KAFKA_SECURE=${GAMEFLOW_KAFKA_SECURE:-false}
KAFKA_USERS=$ROOT/deploy/k8s/overlays/prod/kafka-users.yaml
SERVICES=(generator-service ingest-service engagement-service metrics-service)
MODULES=(events kafka-embedded "${SERVICES[@]}")
declare -A PORT=([generator-service]=$GENERATOR_PORT [ingest-service]=$INGEST_PORT
                 [engagement-service]=$ENGAGEMENT_PORT [metrics-service]=$METRICS_PORT)
declare -A MANAGEMENT_PORT=([generator-service]=$GENERATOR_MANAGEMENT_PORT [ingest-service]=$INGEST_MANAGEMENT_PORT
                            [engagement-service]=$ENGAGEMENT_MANAGEMENT_PORT [metrics-service]=$METRICS_MANAGEMENT_PORT)
declare -A INSTANCE_ID=([engagement-service]=$ENGAGEMENT_INSTANCE_ID [metrics-service]=$METRICS_INSTANCE_ID)
# the settings under their old names (taken above): unset in the services, so that none of them warns about a name
# this script has already translated
OLD_NAMES=(GENERATOR_PORT INGEST_PORT ENGAGEMENT_PORT METRICS_PORT GENERATOR_MANAGEMENT_PORT INGEST_MANAGEMENT_PORT
           ENGAGEMENT_MANAGEMENT_PORT METRICS_MANAGEMENT_PORT ENGAGEMENT_INSTANCE_ID METRICS_INSTANCE_ID INGEST_API_KEYS
           GENERATOR_INGEST_API_KEY GENERATOR_INGEST_CLIENT_API_KEY GENERATOR_INGEST_SERVER_API_KEY GENERATOR_ADMIN_KEY
           GENERATOR_MODE GENERATOR_INGEST_URL DASHBOARD_METRICS_URL METRICS_CORS_ORIGINS QUARKUS_HTTP_CORS_ORIGINS)
PIDS=()
NAMES=()

log() { printf '[gameflow] %s\n' "$*"; }

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# TERM, then KILL whatever still runs after $1 seconds
stop_pids() {
  local timeout=$1 pid alive deadline
  shift
  (($#)) || return 0
  kill -TERM "$@" 2>/dev/null || true
  deadline=$((SECONDS + timeout))
  while ((SECONDS < deadline)); do
    alive=0
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || return 0
    sleep 0.5
  done
  kill -KILL "$@" 2>/dev/null || true
}

stop_all() {
  trap - EXIT INT TERM
  ((${#PIDS[@]})) || return 0
  log "stopping ${#PIDS[@]} processes"
  # the services first, so that they commit and leave their groups while the broker still runs
  stop_pids 45 "${PIDS[@]:1}"
  stop_pids 30 "${PIDS[0]}"
  wait 2>/dev/null || true
  log "stopped"
}
trap stop_all EXIT
# Ctrl-C or SIGTERM is the normal way to end the stack: stop everything, then end without an error
trap 'exit 0' INT TERM

fail() { log "ERROR: $*"; exit 1; }

jar_of() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

kafka_jar() { find "$ROOT/kafka-embedded/target" -maxdepth 1 -name 'kafka-embedded-*.jar' \
  ! -name '*-sources.jar' ! -name '*-tests.jar' | head -1; }

# the file whose age says when a module was last built
built_marker_of() {
  case $1 in
    events) find "$ROOT/events/target" -maxdepth 1 -name 'events-*.jar' ! -name '*-sources.jar' ! -name '*-tests.jar' 2>/dev/null | head -1 ;;
    kafka-embedded) kafka_jar 2>/dev/null ;;
    *) jar_of "$1" ;;
  esac
}

# true when a module has no build output, or a source newer than it
stale() {
  local marker
  marker=$(built_marker_of "$1")
  [[ -n $marker && -f $marker ]] || return 0
  [[ -n $(find "$ROOT/$1/src/main" -newer "$marker" -type f -print -quit 2>/dev/null) ]]
}

build_if_needed() {
  local needed=0 m
  for m in "${MODULES[@]}"; do stale "$m" && needed=1; done
  for f in classpath.txt classpath-logging.txt; do [[ -f $ROOT/kafka-embedded/target/$f ]] || needed=1; done
  case ${GAMEFLOW_BUILD:-auto} in
    always) needed=1 ;;
    never) for m in "${MODULES[@]}"; do [[ -f $(built_marker_of "$m") ]] \
             || fail "$m is not built and GAMEFLOW_BUILD=never; run: ./mvnw install -DskipTests"; done
           needed=0 ;;
    auto) ;;
    *) fail "GAMEFLOW_BUILD must be auto, always or never; got '$GAMEFLOW_BUILD'" ;;
  esac
  if ((needed)); then
    log "building (./mvnw install -DskipTests), logs in $RUN_DIR/logs/build.log"
    (cd "$ROOT" && ./mvnw -B -ntp install -DskipTests >"$RUN_DIR/logs/build.log" 2>&1) \
      || { tail -40 "$RUN_DIR/logs/build.log"; fail "build failed"; }
  fi
}

await_ready() { # name url pid log
  local deadline=$((SECONDS + READY_TIMEOUT))
  until curl -fs -o /dev/null "$2" 2>/dev/null; do
    kill -0 "$3" 2>/dev/null || { tail -30 "$4"; fail "$1 exited; see $4"; }
    ((SECONDS < deadline)) || { tail -30 "$4"; fail "$1 not ready after ${READY_TIMEOUT}s; see $4"; }
    sleep 1
  done
}

for port in "$KAFKA_PORT" "$((KAFKA_PORT + 1))" "${PORT[@]}" "${MANAGEMENT_PORT[@]}"; do
  listening "$port" && fail "port $port is already in use (another GameFlow stack?); stop it or set the *_PORT variables"
done
command -v curl >/dev/null || fail "curl is needed (apt-get install -y curl)"
[[ $KEEP_DATA == true || $KEEP_DATA == false ]] || fail "GAMEFLOW_KEEP_DATA must be true or false; got '$KEEP_DATA'"
[[ $KAFKA_SECURE == true || $KAFKA_SECURE == false ]] || fail "GAMEFLOW_KAFKA_SECURE must be true or false; got '$KAFKA_SECURE'"
# as in prod, the generator has no Kafka user: it posts to ingest over HTTP
[[ $KAFKA_SECURE == false || $GAMEFLOW_GENERATOR_MODE != kafka ]] \
  || fail "GAMEFLOW_KAFKA_SECURE=true gives the generator no Kafka user (it has none in prod either): use GAMEFLOW_GENERATOR_MODE=http"
log "live dashboard: $DASHBOARD_URL (once the stack is ready)"

# only what this script itself writes, so that a mistaken GAMEFLOW_RUN_DIR cannot wipe anything else.
# The Streams state is built from the broker's data (offsets, changelogs): keep both or neither.
rm -rf "$RUN_DIR/logs"
KAFKA_FRESH=()
if [[ $KEEP_DATA == false ]]; then
  rm -rf "$RUN_DIR/kafka" "$RUN_DIR/state"
  KAFKA_FRESH=(--fresh)
elif [[ -d $RUN_DIR/kafka ]]; then
  log "GAMEFLOW_KEEP_DATA=true: restarting on the data in $RUN_DIR/kafka and $RUN_DIR/state"
fi
mkdir -p "$RUN_DIR/logs" "$RUN_DIR/state"
build_if_needed

KAFKA_SECURITY=()
if [[ $KAFKA_SECURE == true ]]; then
  KAFKA_SECURITY=(--secure --kafka-users "$KAFKA_USERS")
  log "starting Kafka secured (SASL_SSL, a user per service) on 127.0.0.1:$KAFKA_PORT (log: $RUN_DIR/logs/kafka.log)"
else
  log "starting Kafka on 127.0.0.1:$KAFKA_PORT (log: $RUN_DIR/logs/kafka.log)"
fi
KAFKA_CP="$(kafka_jar)"
KAFKA_CP+=":$(cat "$ROOT/kafka-embedded/target/classpath.txt"):$(cat "$ROOT/kafka-embedded/target/classpath-logging.txt")"
java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.showDateTime=true \
  -cp "$KAFKA_CP" io.gameflow.kafka.embedded.StandaloneBroker \
  --port "$KAFKA_PORT" --data-dir "$RUN_DIR/kafka" --partitions "${KAFKA_PARTITIONS:-6}" "${KAFKA_FRESH[@]}" \
  "${KAFKA_SECURITY[@]}" >"$RUN_DIR/logs/kafka.log" 2>&1 &
KAFKA_PID=$!
PIDS+=("$KAFKA_PID")
NAMES+=(kafka)
deadline=$((SECONDS + READY_TIMEOUT))
until grep -q '^KAFKA READY' "$RUN_DIR/logs/kafka.log"; do
  kill -0 "$KAFKA_PID" 2>/dev/null || { tail -30 "$RUN_DIR/logs/kafka.log"; fail "Kafka exited"; }
  ((SECONDS < deadline)) || fail "Kafka not ready after ${READY_TIMEOUT}s"
  sleep 0.5
done

export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT

# secured: the service's user, password and the broker's trust store, as the broker wrote them (GAMEFLOW_KAFKA_SECURITY_PROTOCOL,
# KAFKA_SASL_*, KAFKA_SSL_TRUSTSTORE_*); a service without a user (the generator) gets none and needs none
export_kafka_credentials() {
  local file="$RUN_DIR/kafka/security/$1.env" name value
  [[ $KAFKA_SECURE == true && -f $file ]] || return 0
  while IFS='=' read -r name value; do
    [[ -n $name ]] && export "$name=$value"
  done <"$file"
}

for s in engagement-service metrics-service ingest-service generator-service; do
  log "starting $s on port ${PORT[$s]} (log: $RUN_DIR/logs/$s.log)"
  (export_kafka_credentials "$s"
   unset "${OLD_NAMES[@]}"
   export QUARKUS_HTTP_PORT=${PORT[$s]} QUARKUS_MANAGEMENT_PORT=${MANAGEMENT_PORT[$s]}
   export QUARKUS_HTTP_HOST=$BIND QUARKUS_MANAGEMENT_HOST=$BIND
   [[ -n ${INSTANCE_ID[$s]:-} ]] && export KAFKA_STREAMS_GROUP_INSTANCE_ID=${INSTANCE_ID[$s]}
   [[ $s == metrics-service ]] && export QUARKUS_HTTP_CORS_ORIGINS=$CORS_ORIGINS
   export MALLOC_ARENA_MAX=$SERVICE_MALLOC_ARENA_MAX
   KAFKA_STREAMS_STATE_DIR="$RUN_DIR/state/$s" exec java $(java_opts_of "$s") -jar "$(jar_of "$s")") >"$RUN_DIR/logs/$s.log" 2>&1 &
  PIDS+=("$!")
  NAMES+=("$s")
done
idx=1
for s in engagement-service metrics-service ingest-service generator-service; do
  await_ready "$s" "http://127.0.0.1:${MANAGEMENT_PORT[$s]}/q/health/ready" "${PIDS[idx]}" "$RUN_DIR/logs/$s.log"
  idx=$((idx + 1))
done

# The banner names the well-known development keys, never keys of your own: its output often ends up in a log or a
# terminal recording, and a key there is a leaked key.
shown_key() { case $1 in gameflow-local-dev-key|gameflow-local-server-key|gameflow-local-admin-key) echo "$1" ;; *) echo "$2" ;; esac; }
SHOWN_ADMIN_KEY=$(shown_key "$GAMEFLOW_GENERATOR_ADMIN_KEY" '<$GAMEFLOW_GENERATOR_ADMIN_KEY>')
SHOWN_CLIENT_KEY=$(shown_key "$CLIENT_KEY" '<your client key>')
SHOWN_SERVER_KEY=$(shown_key "$SERVER_KEY" '<your server key>')
if [[ $KAFKA_SECURE == true ]]; then
  KAFKA_MODE="SASL_SSL as in prod; each service's user and password in $RUN_DIR/kafka/security/<service>.env"
else
  KAFKA_MODE="open (PLAINTEXT, loopback only; GAMEFLOW_KAFKA_SECURE=true runs it as in prod)"
fi
cat <<MSG

  GameFlow is running (Ctrl-C stops everything). Open:
    $DASHBOARD_URL                          the live dashboard: where players get stuck, fraud, server health
    http://localhost:$ENGAGEMENT_PORT/v1/engagement/levels   players and events per level and map
    http://localhost:$METRICS_PORT/v1/servers                latest sample of every game server
    http://localhost:$GENERATOR_PORT/v1/generator/truth       what the generator planted: hotspots, stuck players, fraud, incidents
    http://localhost:$GENERATOR_PORT/v1/generator             the generator's status (X-Admin-Key: $SHOWN_ADMIN_KEY)
    http://localhost:$INGEST_PORT/q/swagger-ui               post your own events (POST /v1/events, X-API-Key: $SHOWN_CLIENT_KEY
                                                             for player and purchase events, $SHOWN_SERVER_KEY for server metrics)
    http://localhost:{$GENERATOR_PORT,$INGEST_PORT,$ENGAGEMENT_PORT,$METRICS_PORT}/q/swagger-ui
    http://localhost:{$GENERATOR_MANAGEMENT_PORT,$INGEST_MANAGEMENT_PORT,$ENGAGEMENT_MANAGEMENT_PORT,$METRICS_MANAGEMENT_PORT}/q/metrics, /q/health
  The services listen on $BIND (GAMEFLOW_BIND=0.0.0.0 opens them to the network, development keys and all).
  Kafka: 127.0.0.1:$KAFKA_PORT, $KAFKA_MODE
  Logs: $RUN_DIR/logs

MSG
log "GAMEFLOW READY"

# until Ctrl-C: a process that dies on its own ends the stack loudly rather than leaving it half up
while true; do
  wait -n "${PIDS[@]}" || true
  for i in "${!PIDS[@]}"; do
    kill -0 "${PIDS[i]}" 2>/dev/null || { tail -30 "$RUN_DIR/logs/${NAMES[i]}.log"; fail "${NAMES[i]} exited unexpectedly; see $RUN_DIR/logs/${NAMES[i]}.log"; }
  done
done
