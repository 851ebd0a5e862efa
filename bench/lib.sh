# Shared by the benchmarks: start the standalone broker and services from their built jars, stop them all on exit.
# Source it; it sets ROOT, BENCH_DIR (logs and data, default target/bench) and the functions below.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-$ROOT/target/bench}
# where the results go; the smoke test of make test (BenchSmokeIT) points it elsewhere, so that its tiny runs never
# replace the published ones
RESULTS_DIR=${BENCH_RESULTS_DIR:-$ROOT/bench/results}
mkdir -p "$RESULTS_DIR"
BENCH_PIDS=()

say() { printf '[bench] %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# TERM, then KILL what still runs after 30 s: nothing a benchmark started may outlive it
stop_bench_processes() {
  local pid deadline
  ((${#BENCH_PIDS[@]})) || return 0
  kill -TERM "${BENCH_PIDS[@]}" 2>/dev/null || true
  deadline=$((SECONDS + 30))
  for pid in "${BENCH_PIDS[@]}"; do
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  BENCH_PIDS=()
}
trap stop_bench_processes EXIT
trap 'exit 130' INT TERM

# builds the jars once if any is missing (benchmarks measure what is built; run `make build` after a change)
ensure_built() {
  local s missing=0
  for s in "$@"; do [[ -f $ROOT/$s/target/quarkus-app/quarkus-run.jar ]] || missing=1; done
  [[ -f $ROOT/kafka-embedded/target/classpath.txt ]] || missing=1
  if ((missing)); then
    say "building (./mvnw install -DskipTests)"
    (cd "$ROOT" && ./mvnw -B -ntp -q install -DskipTests) || die "build failed"
  fi
}

# start_broker PORT: a fresh single-node broker with the GameFlow topics, until the stack stops
start_broker() {
  local port=$1 log=$BENCH_DIR/logs/kafka.log cp jar deadline
  mkdir -p "$BENCH_DIR/logs"
  rm -rf "$BENCH_DIR/kafka"
  jar=$(find "$ROOT/kafka-embedded/target" -maxdepth 1 -name 'kafka-embedded-*.jar' ! -name '*-sources.jar' ! -name '*-tests.jar' | head -1)
  cp="$jar:$(cat "$ROOT/kafka-embedded/target/classpath.txt"):$(cat "$ROOT/kafka-embedded/target/classpath-logging.txt")"
  java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" io.gameflow.kafka.embedded.StandaloneBroker \
    --port "$port" --data-dir "$BENCH_DIR/kafka" --partitions "${KAFKA_PARTITIONS:-6}" --fresh >"$log" 2>&1 &
  BENCH_PIDS+=("$!")
  deadline=$((SECONDS + 120))
  until grep -q '^KAFKA READY' "$log"; do
    ((SECONDS < deadline)) || die "Kafka not ready; see $log"
    sleep 0.5
  done
}

# management_port PORT: where a service started on HTTP port PORT answers /q/health and /q/metrics (its management
# interface): PORT + 1000, as 8080 has 9080 by default, so that every instance a benchmark starts gets its own
management_port() { echo $(($1 + 1000)); }

# start_service NAME PORT [VAR=value...]: the service's jar with the given environment, until it is ready.
# Sets STARTED_PID and STARTUP_S (seconds from process start to /q/health/ready UP, polled every 0.1 s).
# BENCH_LOG_NAME overrides the log's name (for a second instance of one service).
start_service() {
  launch_service "$@"
  wait_ready "$1" "$2" "$STARTED_PID"
}

# service_java_opts NAME: the JVM options a service starts with: BENCH_JAVA_OPTS for all when set, else the defaults
# of scripts/java-opts.sh; launch_service also sets MALLOC_ARENA_MAX (2 unless set)
source "$ROOT/scripts/java-opts.sh"
# BENCH_JAVA_OPTS_EXTRA is added to either, e.g. -Xlog:gc:file=target/bench/gc-%p.log to see what a run spent on GC
service_java_opts() { echo "${BENCH_JAVA_OPTS:-$(default_java_opts "$1")} ${BENCH_JAVA_OPTS_EXTRA:-}"; }

# launch_service NAME PORT [VAR=value...]: as start_service, without waiting (then wait_ready); sets STARTED_PID and
# STARTED_AT (epoch seconds, with fractions)
launch_service() {
  local name=$1 log=$BENCH_DIR/logs/${BENCH_LOG_NAME:-$1}.log
  local management_env=QUARKUS_MANAGEMENT_PORT=$(management_port "$2")
  shift 2
  mkdir -p "$BENCH_DIR/logs"
  STARTED_AT=$(date +%s.%N)
  # SERVICE_ROOT: the jar of another checkout (a baseline to compare with), built there
  env "$management_env" MALLOC_ARENA_MAX="$SERVICE_MALLOC_ARENA_MAX" "$@" java $(service_java_opts "$name") -jar "${SERVICE_ROOT:-$ROOT}/$name/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
  STARTED_PID=$!
  BENCH_PIDS+=("$STARTED_PID")
}

# wait_ready NAME PORT PID: until /q/health/ready answers UP; sets STARTUP_S from STARTED_AT (of the latest launch)
wait_ready() {
  local name=$1 port=$2 pid=$3 deadline=$((SECONDS + 120))
  until curl -fs -o /dev/null "http://127.0.0.1:$(management_port "$port")/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || die "$name exited before it was ready; see its log in $BENCH_DIR/logs"
    ((SECONDS < deadline)) || die "$name not ready; see its log in $BENCH_DIR/logs"
    sleep 0.1
  done
  STARTUP_S=$(awk -v a="$STARTED_AT" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}')
}

# stop_pid PID: TERM one process this benchmark started, wait for it (KILL after 30 s), forget it
stop_pid() {
  local pid=$1 deadline=$((SECONDS + 30)) keep=() p
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for p in "${BENCH_PIDS[@]}"; do [[ $p == "$pid" ]] || keep+=("$p"); done
  BENCH_PIDS=("${keep[@]}")
}

# rss_mib PID: resident set size (VmRSS) in MiB, 0 if the process is gone
rss_mib() {
  awk '/^VmRSS:/ {printf "%d", $2 / 1024; found = 1} END {if (!found) printf "0"}' "/proc/$1/status" 2>/dev/null || echo 0
}

# the broker's pid (start_broker starts it first)
broker_pid() { pgrep -f "StandaloneBroker --port $1 " | head -1; }

# kafka-clients and friends (the broker's classpath), for the single-file Java programs under bench/src
kafka_classpath() {
  echo "$(cat "$ROOT/kafka-embedded/target/classpath.txt"):$(cat "$ROOT/kafka-embedded/target/classpath-logging.txt")"
}

# Kafka's own perf tools (org.apache.kafka:kafka-tools), resolved once by bench/tools/pom.xml, outside the reactor
tools_classpath() {
  local out=$ROOT/bench/tools/target/classpath.txt
  if [[ ! -s $out ]]; then
    say "resolving org.apache.kafka:kafka-tools (bench/tools/pom.xml)"
    (cd "$ROOT" && ./mvnw -B -ntp -q -f bench/tools/pom.xml dependency:build-classpath) >&2 || die "could not resolve kafka-tools"
  fi
  cat "$out"
}

# bench_kafka ARGS...: bench/src/BenchKafka.java (end offsets, consumer-group lag) against the broker
bench_kafka() {
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$(kafka_classpath)" "$ROOT/bench/src/BenchKafka.java" "$@"
}

stamp_today() { date -u +%Y-%m-%d; }

# the machine and settings every result carries (JSON): cores, JVM, heap, the commit, and the Streams services'
# commit interval and RocksDB cache (their defaults unless set in the environment)
machine_facts() {
  printf '{"cores": %s, "cpu": "%s", "mem_gib": %s, "java": "%s", "heap": "%s", "commit": "%s", "streams_commit_interval_ms": %s, "rocksdb_cache_bytes": %s, "kafka_partitions": %s}' \
    "$(nproc)" "$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo | sed 's/"/\\"/g')" \
    "$(awk '/^MemTotal:/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)" \
    "$(java -version 2>&1 | head -1 | sed 's/"/\\"/g')" "${BENCH_JAVA_OPTS:-$(service_java_opts ingest-service) (engagement: $(service_java_opts engagement-service); generator: $(service_java_opts generator-service)), MALLOC_ARENA_MAX=$SERVICE_MALLOC_ARENA_MAX}" \
    "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" "${ENGAGEMENT_COMMIT_INTERVAL_MS:-200}" \
    "${ENGAGEMENT_ROCKSDB_MEMORY_BYTES:-67108864}" "${KAFKA_PARTITIONS:-6}"
}

# target_row WHAT MEASURED TARGET MET(yes|no|n/a): one line of the summary's "where we stand" table, collected in
# $BENCH_DIR/summary/ by each benchmark and written into bench/results/<date>.{md,json} by bench/run-all.sh
target_row() {
  mkdir -p "$BENCH_DIR/summary"
  printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" >>"$BENCH_DIR/summary/targets.md"
  printf '{"what": "%s", "measured": "%s", "target": "%s", "met": "%s"}\n' "$1" "$2" "$3" "$4" >>"$BENCH_DIR/summary/targets.jsonl"
}

# max_rss_sampler PID: run in the background as `max_rss_sampler PID >file &`; prints the highest VmRSS (MiB)
# seen, sampled every second, when the process ends or the sampler gets TERM
max_rss_sampler() {
  local pid=$1 max=0 now
  trap 'echo "$max"; exit 0' TERM
  while kill -0 "$pid" 2>/dev/null; do
    now=$(rss_mib "$pid"); ((now > max)) && max=$now
    sleep 1 & wait $!
  done
  echo "$max"
}

# percent/ratio helpers (awk, no bc): ratio A B -> A/B with 3 decimals
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.3f", a / b; else printf "null"}'; }
# meets VALUE OP LIMIT -> yes|no, OP one of ge le
meets() { awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN {if (v == "null" || v == "") {print "n/a"; exit} ok = (op == "ge") ? v >= l : v <= l; print ok ? "yes" : "no"}'; }
