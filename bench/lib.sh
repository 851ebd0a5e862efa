# Shared by the benchmarks: start the standalone broker and services from their built jars, stop them all on exit.
# Source it; it sets ROOT, BENCH_DIR (logs and data, default target/bench) and the functions below.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-$ROOT/target/bench}
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

# start_service NAME PORT [VAR=value...]: the service's jar with the given environment, until it is ready
start_service() {
  local name=$1 port=$2 log=$BENCH_DIR/logs/$1.log deadline
  shift 2
  env "$@" java ${BENCH_JAVA_OPTS:--Xmx256m} -jar "$ROOT/$name/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
  BENCH_PIDS+=("$!")
  deadline=$((SECONDS + 120))
  until curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    ((SECONDS < deadline)) || die "$name not ready; see $log"
    sleep 0.5
  done
}

machine_facts() {
  printf '{"cores": %s, "java": "%s", "heap": "%s", "commit": "%s"}' "$(nproc)" \
    "$(java -version 2>&1 | head -1 | sed 's/"/\\"/g')" "${BENCH_JAVA_OPTS:--Xmx256m}" "$(git -C "$ROOT" rev-parse --short HEAD)"
}
