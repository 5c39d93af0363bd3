#!/usr/bin/env bash
# Runs the Wuyi engine and the peer engine (bpmn-engine@25 on Node 20) side by side on the same model and
# scenario, and prints the throughput ratio. See docs/benchmarks.md ("Engine") for the method and figures.
#
#   bench/run-engine-bench.sh                 # every scenario in bench/models whose model exists
#   SCENARIOS=certification-synthetic PAIRS=5 bench/run-engine-bench.sh
#
# Both sides measure the same thing the same way: one thread completes N instances one after the other
# (start, then answer each wait: service completed, user tasks completed, timer fired), after a warm-up;
# ROUNDS rounds, the median round counts. The two sides run alternately, PAIRS times (order swapped every
# pair), so that a busy machine slows both alike; the ratio is taken per pair and the median pair reported.
# Both are pinned to one CPU (PIN_CPU, default 1; PIN_CPU=none to not pin): "per core" is literal.
#
# Environment: PAIRS (3), ROUNDS (5), WUYI_INSTANCES (20000), PEER_INSTANCES (300), PIN_CPU (1), SCENARIOS,
# BREAKDOWN=1 (also print where the time goes on each side).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

PAIRS="${PAIRS:-3}"
ROUNDS="${ROUNDS:-5}"
WUYI_INSTANCES="${WUYI_INSTANCES:-20000}"
PEER_INSTANCES="${PEER_INSTANCES:-300}"
PIN_CPU="${PIN_CPU:-1}"
BREAKDOWN="${BREAKDOWN:-0}"

if [[ -z "${SCENARIOS:-}" ]]; then
  SCENARIOS=""
  for f in bench/models/*.scenario.json; do
    name="$(basename "$f" .scenario.json)"
    model="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).model)' "$f")"
    if [[ -f "$model" ]]; then SCENARIOS="$SCENARIOS $name"; else echo "skip $name: $model does not exist yet"; fi
  done
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [[ "$node_major" != "20" ]]; then echo "warning: the peer is specified on Node 20; this is Node $(node --version)" >&2; fi

pin=()
if [[ "$PIN_CPU" != "none" ]] && command -v taskset >/dev/null; then pin=(taskset -c "$PIN_CPU"); fi

echo "== build"
dotnet build -c Release bench/Wuyi.Benchmarks -v q -nologo >/dev/null
if [[ ! -d bench/peer/node_modules/bpmn-engine ]]; then (cd bench/peer && npm ci --no-audit --no-fund >/dev/null); fi
wuyi_dll="bench/Wuyi.Benchmarks/bin/Release/net10.0/Wuyi.Benchmarks.dll"

echo "== machine"
echo "date:    $(date -u +%Y-%m-%dT%H:%MZ)"
echo "cpu:     $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') x $(nproc) (nproc)"
echo "memory:  $(free -h | awk '/^Mem:/ {print $2}')"
echo "os:      $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
echo ".NET:    $(dotnet --version) SDK, runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ {v=$2} END {print v}')"
echo "node:    $(node --version), bpmn-engine $(node -p 'require("./bench/peer/node_modules/bpmn-engine/package.json").version')"
echo "pinning: ${pin[*]:-none}"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) before the run"

field() { # field NAME LINE
  sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"
}

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for scenario in $SCENARIOS; do
  echo
  echo "== $scenario: $PAIRS pairs; per side $ROUNDS rounds, median round"
  ratios=(); cpu_ratios=(); wuyi_ips=(); peer_ips=()
  peer_ok="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).peer === false ? "no" : "yes")' "bench/models/$scenario.scenario.json")"
  if [[ "$peer_ok" == "no" ]]; then
    echo "-- the peer cannot run this model (see docs/benchmarks.md); the Wuyi engine alone:"
    "${pin[@]}" dotnet "$wuyi_dll" --compare --scenario "$scenario" --instances "$WUYI_INSTANCES" --rounds "$ROUNDS" $([[ "$BREAKDOWN" == "1" ]] && echo --breakdown) | grep -v '^WAITING_STATE'
    continue
  fi
  for ((p = 1; p <= PAIRS; p++)); do
    run_wuyi() { "${pin[@]}" dotnet "$wuyi_dll" --compare --scenario "$scenario" --instances "$WUYI_INSTANCES" --rounds "$ROUNDS" | grep '^RESULT'; }
    run_peer() { "${pin[@]}" node bench/peer/run-peer.mjs --scenario "$scenario" --instances "$PEER_INSTANCES" --rounds "$ROUNDS" | grep '^RESULT'; }
    if ((p % 2 == 1)); then w="$(run_wuyi)"; n="$(run_peer)"; else n="$(run_peer)"; w="$(run_wuyi)"; fi
    echo "pair $p  $w"
    echo "pair $p  $n"
    wi="$(field instances_per_s "$w")"; ni="$(field instances_per_s "$n")"
    wc="$(field cpu_us_per_instance "$w")"; nc="$(field cpu_us_per_instance "$n")"
    ratio="$(awk -v a="$wi" -v b="$ni" 'BEGIN {printf "%.1f", a / b}')"
    cpu_ratio="$(awk -v a="$nc" -v b="$wc" 'BEGIN {printf "%.1f", a / b}')"
    echo "pair $p  ratio (instances/s, wall, 1 CPU): ${ratio}x   ratio (CPU time per instance): ${cpu_ratio}x   load $(cut -d' ' -f1 /proc/loadavg)"
    ratios+=("$ratio"); cpu_ratios+=("$cpu_ratio"); wuyi_ips+=("$wi"); peer_ips+=("$ni")
  done
  w_steps="$(field steps_per_instance "$w")"
  w_med="$(printf '%s\n' "${wuyi_ips[@]}" | median)"
  n_med="$(printf '%s\n' "${peer_ips[@]}" | median)"
  r_med="$(printf '%s\n' "${ratios[@]}" | median)"
  c_med="$(printf '%s\n' "${cpu_ratios[@]}" | median)"
  echo "-- $scenario summary (median of $PAIRS pairs)"
  printf '   %-12s %12s %12s %14s\n' side instances/s steps/s "µs/instance"
  awk -v s="$w_steps" -v w="$w_med" -v n="$n_med" 'BEGIN {
    printf "   %-12s %12.0f %12.0f %14.1f\n", "wuyi", w, w * s, 1e6 / w;
    printf "   %-12s %12.1f %12.1f %14.1f\n", "bpmn-engine", n, n * s, 1e6 / n }'
  echo "   steps per instance: $w_steps (the start not counted)"
  echo "   RATIO wuyi/bpmn-engine: ${r_med}x throughput per core (pairs: ${ratios[*]}); ${c_med}x by CPU time (pairs: ${cpu_ratios[*]}); goal >= 10x: $(awk -v r="$r_med" 'BEGIN {print (r >= 10 ? "met" : "MISSED")}')"
  echo "   waiting state (at the first user tasks): wuyi $(field waiting_state_bytes "$w") bytes; bpmn-engine getState() $(field waiting_state_bytes "$n") bytes; goal < 2048 (for the certification model)"
  if [[ "$BREAKDOWN" == "1" ]]; then
    "${pin[@]}" dotnet "$wuyi_dll" --compare --scenario "$scenario" --instances 5000 --rounds 1 --breakdown | grep -v '^RESULT\|^WAITING_STATE'
    "${pin[@]}" node bench/peer/run-peer.mjs --scenario "$scenario" --instances 100 --rounds 1 --breakdown | grep -v '^RESULT'
  fi
done
echo
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) after the run"
