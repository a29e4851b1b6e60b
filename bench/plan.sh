#!/usr/bin/env bash
# The planning benchmark: `tne plan EXAMPLE --target MODEL` for every shipped example and every
# model of the default rubric set (a Release build), each run 5 times; prints the slowest and the
# mean wall time of a run, and PASS when the slowest is under the target of one second.
#
# Usage: bench/plan.sh      BUILD_DIR (default build-bench) is where it builds.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-$PWD/build-bench}
runs=5
max_plan_ms=1000

echo "building in $build ..." >&2
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DTNE_BUILD_BENCH=ON -DTNE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target tne >/dev/null
tne=$build/tne
models=$(sed -n 's/^  - id: \([a-z_]*\)$/\1/p' rubrics/models.yaml)
[ -n "$models" ] || { echo "plan.sh: no models found" >&2; exit 1; }

slowest=0 slowest_case="" total=0 count=0
for example in examples/*.yaml; do
    for model in $models; do
        for _ in $(seq "$runs"); do
            start=$(date +%s%N)
            "$tne" plan "$example" --target "$model" --format json >/dev/null || [ $? -eq 1 ]
            ms=$(( ($(date +%s%N) - start) / 1000 ))  # microseconds
            total=$((total + ms)) count=$((count + 1))
            if [ "$ms" -gt "$slowest" ]; then slowest=$ms slowest_case="$example --target $model"; fi
        done
    done
done
printf 'plans: %d runs (%d examples x %d models x %d)\n' "$count" "$(ls examples/*.yaml | wc -l)" "$(echo "$models" | wc -w)" "$runs"
awk -v t="$total" -v n="$count" 'BEGIN { printf "mean:    %6.1f ms\n", t / n / 1000 }'
awk -v s="$slowest" -v c="$slowest_case" 'BEGIN { printf "slowest: %6.1f ms  (%s)\n", s / 1000, c }'
if [ "$slowest" -lt $((max_plan_ms * 1000)) ]; then echo "PASS  slowest plan under ${max_plan_ms} ms"; else echo "FAIL  slowest plan over ${max_plan_ms} ms"; fi
