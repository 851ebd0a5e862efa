#!/usr/bin/env bash
# What tracing costs ingest (issue 23: the default sampling must not move the benchmarks by more than 5 %).
# Runs bench/ingest.sh in turns: on a baseline checkout built before tracing (TRACING_BASELINE, its jars built), on
# this build as it ships (tracing off), and on this build with tracing on at TRACING_SAMPLER_ARG (0.01, the default
# share when on), its spans exported every 5 s to bench/src/otlp_sink.py, which takes OTLP/HTTP and keeps nothing.
# Reports events/s of each load per run, and the medians. Measured, never asserted.
# Settings: TRACING_BASELINE (unset: no baseline turns), TRACING_REPEAT (2), TRACING_SAMPLER_ARG (0.01),
# TRACING_SINK_PORT (27318), and ingest.sh's (PRODUCER_RECORDS defaults to 100000 here: the raw producer is not compared).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/bench/lib.sh"
REPEAT=${TRACING_REPEAT:-2}
SAMPLER_ARG=${TRACING_SAMPLER_ARG:-0.01}
SINK_PORT=${TRACING_SINK_PORT:-27318}
BASELINE=${TRACING_BASELINE:-}
export PRODUCER_RECORDS=${PRODUCER_RECORDS:-100000}
ensure_built ingest-service generator-service
stamp=$(date -u +%Y-%m-%d)
runs=$ROOT/target/bench/tracing-cost
rm -rf "$runs" && mkdir -p "$runs"

python3 "$ROOT/bench/src/otlp_sink.py" "$SINK_PORT" &
SINK_PID=$!
trap 'kill $SINK_PID 2>/dev/null || true' EXIT

turn() { # variant i [env...]
  local variant=$1 i=$2
  shift 2
  say "turn $i: $variant"
  env BENCH_RESULTS_DIR="$runs/$variant-$i" "$@" bash "$ROOT/bench/ingest.sh" >"$runs/$variant-$i.log" 2>&1 \
    || { tail -20 "$runs/$variant-$i.log" >&2; die "ingest.sh failed in turn $i ($variant)"; }
}

for ((i = 1; i <= REPEAT; i++)); do
  [[ -n $BASELINE ]] && turn baseline "$i" SERVICE_ROOT="$BASELINE"
  turn off "$i"
  turn on "$i" QUARKUS_OTEL_SDK_DISABLED=false QUARKUS_OTEL_TRACES_SAMPLER_ARG="$SAMPLER_ARG" \
    QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT="http://127.0.0.1:$SINK_PORT"
done

out=$RESULTS_DIR/tracing-cost-$stamp
python3 - "$runs" "$out" "$SAMPLER_ARG" "$(git -C "$ROOT" rev-parse --short HEAD)" "${BASELINE:+$(git -C "$BASELINE" rev-parse --short HEAD)}" <<'PY'
import json, pathlib, statistics, sys
runs, out, arg, commit, baseline = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
names = {"baseline": f"baseline {baseline} (before tracing)", "off": f"{commit}, tracing off (as shipped)",
         "on": f"{commit}, tracing on, {arg} sampled"}
table = {}
for result in sorted(runs.glob("*-*/ingest-*.json")):
    variant, turn = result.parent.name.rsplit("-", 1)
    for row in json.loads(result.read_text())["results"]:
        table.setdefault(row["load"], {}).setdefault(variant, []).append((int(turn), row["events_per_s"]))
variants = [v for v in ("baseline", "off", "on") if any(v in t for t in table.values())]
lines = [f"# What tracing costs ingest, {commit}", "",
         "bench/tracing-cost.sh: bench/ingest.sh in turns (events/s acknowledged by Kafka, per load; median of the turns).", "",
         "| load | " + " | ".join(names[v] for v in variants) + " | on vs off |", "|" + " --- |" * (len(variants) + 2)]
summary = {}
for load, by_variant in table.items():
    cells, medians = [], {}
    for v in variants:
        runs_of = [eps for _, eps in sorted(by_variant.get(v, []))]
        medians[v] = statistics.median(runs_of) if runs_of else None
        cells.append(f"{', '.join(f'{e:,}' for e in runs_of)} (median {medians[v]:,.0f})" if runs_of else "-")
    delta = (medians["on"] / medians["off"] - 1) * 100 if medians.get("on") and medians.get("off") else None
    summary[load] = {"medians": medians, "runs": {v: [e for _, e in sorted(by_variant.get(v, []))] for v in variants},
                     "on_vs_off_percent": delta}
    lines.append(f"| {load} | " + " | ".join(cells) + (f" | {delta:+.1f} % |" if delta is not None else " | - |"))
pathlib.Path(out + ".md").write_text("\n".join(lines) + "\n")
pathlib.Path(out + ".json").write_text(json.dumps({"benchmark": "tracing-cost", "commit": commit, "baseline": baseline,
                                                   "sampler_arg": float(arg), "loads": summary}, indent=1) + "\n")
print("\n".join(lines))
PY
say "written $out.md and $out.json"
