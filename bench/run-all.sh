#!/usr/bin/env bash
# `make bench`: every benchmark under bench/, one after the other (each starts its own broker and services and stops
# them on exit), then one summary: bench/results/<date>.md (the "where we stand" table against the targets, README-ready,
# then each benchmark's section) and bench/results/<date>.json (every benchmark's JSON and the target rows).
# The benchmarks, each also in bench/results/<name>-<date>.{md,json}:
#   generator-pacing.sh (kafka and http mode), ingest.sh, analytics.sh (with scaling), end-to-end.sh (with footprint).
# Settings: BENCH_ONLY (space-separated subset of: pacing ingest analytics end-to-end; default all), and each
# benchmark's own (see their headers). Measured, never asserted: a failed benchmark is reported and the rest run.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ONLY=${BENCH_ONLY:-pacing ingest analytics end-to-end}
stamp=$(stamp_today)
rm -rf "$BENCH_DIR/summary" && mkdir -p "$BENCH_DIR/summary"
ensure_built generator-service ingest-service engagement-service metrics-service
tools_classpath >/dev/null
# defaults below 32768, out of Linux's ephemeral range: a client connection may hold any port in it and keep a
# service from binding (an end-to-end engagement-service once failed to start on 38082)
for port in "${BENCH_INGEST_PORT:-27080}" "${BENCH_GENERATOR_PORT:-27081}" \
  "${BENCH_ENGAGEMENT_PORT:-27082}" "${BENCH_METRICS_PORT:-27083}"; do
  for p in "$port" "$(management_port "$port")"; do
    ! curl -s -o /dev/null "http://127.0.0.1:$p/" || die "port $p is in use: is an earlier bench still running?"
  done
done
! curl -s -o /dev/null "http://127.0.0.1:${BENCH_KAFKA_PORT:-27092}/" \
  || die "port ${BENCH_KAFKA_PORT:-27092} is in use: is an earlier bench still running?"

failed=()
# run NAME SCRIPT [VAR=value...]: one benchmark, its progress on stderr as it goes
run() {
  local name=$1 script=$2 t0=$SECONDS
  shift 2
  say "===== $name ($script) ====="
  if env "$@" bash "$ROOT/bench/$script" >"$BENCH_DIR/summary/$name.out"; then
    say "===== $name done in $((SECONDS - t0)) s ====="
  else
    say "===== $name FAILED after $((SECONDS - t0)) s (see $BENCH_DIR/logs) ====="
    failed+=("$name")
  fi
}
for b in $ONLY; do
  case $b in
    pacing) run generator-pacing-kafka generator-pacing.sh PACING_MODE=kafka
            run generator-pacing-http generator-pacing.sh PACING_MODE=http ;;
    ingest) run ingest ingest.sh ;;
    analytics) run analytics analytics.sh ;;
    end-to-end) run end-to-end end-to-end.sh ;;
    *) die "unknown benchmark '$b' in BENCH_ONLY" ;;
  esac
done

# the results of this run: each benchmark's files of today, in the order run
files=()
for b in $ONLY; do
  case $b in
    pacing) files+=("generator-pacing-kafka" "generator-pacing-http") ;;
    *) files+=("$b") ;;
  esac
done
out=$RESULTS_DIR/$stamp
{
  echo "# GameFlow benchmarks, $stamp"
  echo
  echo "\`make bench\` on one machine, GameFlow side by side with raw Kafka on the same broker. Machine: $(machine_facts)"
  echo
  echo "## Where we stand"
  echo
  echo "| what | measured | target | met |"
  echo "| --- | --- | --- | --- |"
  cat "$BENCH_DIR/summary/targets.md" 2>/dev/null
  ((${#failed[@]})) && { echo; echo "Failed: ${failed[*]} (no result)."; }
  for f in "${files[@]}"; do
    [[ -f $RESULTS_DIR/$f-$stamp.md ]] || continue
    echo
    sed -e 's/^# /## /' "$RESULTS_DIR/$f-$stamp.md"
  done
} >"$out.md"
{
  printf '{"date": "%s", "machine": %s, "failed": [%s], "targets": [' "$stamp" "$(machine_facts)" \
    "$( ((${#failed[@]})) && printf '"%s",' "${failed[@]}" | sed 's/,$//')"
  paste -sd, "$BENCH_DIR/summary/targets.jsonl" 2>/dev/null | tr -d '\n'
  printf '], "benchmarks": ['
  first=1
  for f in "${files[@]}"; do
    [[ -f $RESULTS_DIR/$f-$stamp.json ]] || continue
    ((first)) || printf ','
    first=0
    tr -d '\n' <"$RESULTS_DIR/$f-$stamp.json"
  done
  printf ']}\n'
} >"$out.json"
say "summary: $out.md and $out.json"
sed -n '/^## Where we stand/,/^## [^W]/p' "$out.md" | sed '$d'
((${#failed[@]} == 0))
