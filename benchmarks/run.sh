#!/usr/bin/env bash
# Runs the full benchmark suite with fixed settings and writes
#   benchmarks/target/results/results.json  (JMH's JSON, -rf json)
#   benchmarks/target/results/jmh.log       (JMH's console output)
#   benchmarks/RESULTS.md                   (the machine, the settings and the Markdown table of ResultsTable)
# Build first: ./mvnw -B verify (or ./mvnw -B -pl benchmarks -am package -DskipTests).
# Extra arguments go to JMH, e.g. a regex to run a subset: benchmarks/run.sh EventDispatch
# Environment: CORPUS_DIR (default: the corpora bundled in the jar), RESULTS_MD (default benchmarks/RESULTS.md),
#   JMH_SETTINGS (replaces the fixed settings below, e.g. JMH_SETTINGS='-f 1 -wi 1 -i 1 -r 200ms' for a quick look).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"
corpus="${CORPUS_DIR:-}"
out="$here/target/results"
results_md="${RESULTS_MD:-$here/RESULTS.md}"

# Settings of the full run: one fork, 3 x 1 s warm-up, 5 x 1 s measurement, GC profiler (about 6 minutes).
read -r -a settings <<< "${JMH_SETTINGS:--f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc}"

if [[ ! -f "$jar" ]]; then
    echo "run.sh: $jar not found; build it with ./mvnw -B verify" >&2
    exit 1
fi
corpus_param=()
if [[ -n "$corpus" ]]; then
    if [[ ! -f "$corpus/response-audio.jsonl" ]]; then
        echo "run.sh: no response-audio.jsonl in CORPUS_DIR=$corpus; unset CORPUS_DIR to use the bundled corpora" >&2
        exit 1
    fi
    corpus_param=(-p corpusDir="$(cd "$corpus" && pwd)")
fi
mkdir -p "$out"
load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

java -jar "$jar" "${settings[@]}" "${corpus_param[@]}" \
    -rf json -rff "$out/results.json" "$@" 2>&1 | tee "$out/jmh.log"

{
    echo "# Benchmark results"
    echo
    echo "Written by \`benchmarks/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). JMH settings: \`${settings[*]}\`."
    echo
    echo "| machine | |"
    echo "|---|---|"
    echo "| CPU | $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || echo unknown) |"
    echo "| cores (\`nproc\`) | $(nproc) |"
    echo "| Java | $(java -version 2>&1 | tr '\n' ' ' | sed 's/ *$//') |"
    echo "| OS | $(uname -sr) |"
    echo "| load average (1, 5, 15 min) before / after the run | $load_before / $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) |"
    echo
    java -cp "$jar" dev.realtimetck.benchmarks.ResultsTable "$out/results.json"
} > "$results_md"
echo "run.sh: wrote $results_md and $out/results.json"
