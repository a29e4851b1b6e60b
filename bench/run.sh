#!/usr/bin/env bash
# The batch benchmark: builds tne and the bench tools (Release), generates N synthetic profiles
# for each N (default: 1000 and 20000), and times, best of 3 with /usr/bin/time:
#   yaml_floor DIR                                   yaml-cpp alone: the floor
#   tne batch DIR --jobs 1 --format csv -o OUT.csv   records, one worker
#   tne batch DIR --jobs 2 --format csv -o OUT.csv   records, two workers
#   tne batch DIR --summary --jobs 2 -o SUMMARY.txt  the cohort summary
# then the survey path on a generated export of SURVEY_ROWS rows (default 20000) like
# examples/survey/respuestas.csv, in the same run and the same way:
#   csv_floor SURVEY.csv                             tne's CSV reader alone: the bare read
#   tne batch SURVEY.csv --csv-map examples/survey/mapa.yaml --jobs 1 --format csv -o OUT.csv
# then one `tne assess` of an example, 50 times. Prints a table and PASS or FAIL per target; exits
# 0 when everything ran (whatever the targets say), 1 when a step failed.
#
# Usage: bench/run.sh [N...]      BUILD_DIR (default build-bench) is where it builds.
# One profile's cost, step by step (Google Benchmark), is a separate tool of the same build:
#   cmake --build build-bench --target score_profile && build-bench/bench/score_profile [PROFILE.yaml]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
build=${BUILD_DIR:-$repo/build-bench}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 20000)
runs=3
assess_runs=50
example=examples/universidad_estatal_es.yaml

# Targets.
max_overhead_percent=15  # --jobs 1 over the floor, at the largest N
min_speedup=1.7          # --jobs 2 over --jobs 1, at the largest N
max_memory_ratio=1.10    # peak memory of the records runs, largest N over smallest
max_assess_ms=20
min_survey_rows_per_second=25000  # the survey path, --jobs 1
survey_rows=${SURVEY_ROWS:-20000}
survey_map=examples/survey/mapa.yaml

echo "building in $build ..." >&2
cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release -DTNE_BUILD_BENCH=ON -DTNE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target tne generate_profiles yaml_floor generate_survey csv_floor >/dev/null
tne=$build/tne
if ! "$tne" batch --help >/dev/null 2>&1; then
    echo "run.sh: this tne has no 'batch' command" >&2
    exit 1
fi

quiet=()  # no progress line on standard error, when this tne has the option
"$tne" batch --help 2>/dev/null | grep -q -- '--quiet' && quiet=(--quiet)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# best NAME COMMAND...: runs COMMAND $runs times; sets wall[NAME] to the least wall seconds and
# rss[NAME] to the largest peak RSS (KB). A command that fails stops the script.
declare -A wall rss
best() {
    local name=$1
    shift
    local w="" m=0 i seconds kb
    for ((i = 0; i < runs; i++)); do
        if ! /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr"; then
            echo "run.sh: failed: $*" >&2
            cat "$work/stderr" >&2
            exit 1
        fi
        read -r seconds kb <"$work/time"
        if [ -z "$w" ] || awk -v a="$seconds" -v b="$w" 'BEGIN { exit !(a < b) }'; then w=$seconds; fi
        [ "$kb" -gt "$m" ] && m=$kb
    done
    wall[$name]=$w
    rss[$name]=$m
}

for n in "${sizes[@]}"; do
    dir=$work/profiles_$n
    echo "N=$n: generating ..." >&2
    "$build/bench/generate_profiles" "$n" "$dir"
    # A few of them through `tne assess`, which exits 0 only for a valid profile.
    for f in "$dir/profile_00001.yaml" "$(ls "$dir"/*.yaml | sed -n "$(((n + 1) / 2))p")" "$(ls "$dir"/*.yaml | tail -n 1)"; do
        "$tne" assess "$f" >/dev/null || { echo "run.sh: $f is not a valid profile" >&2; exit 1; }
    done
    echo "N=$n: timing ..." >&2
    best "floor_$n" "$build/bench/yaml_floor" "$dir"
    best "jobs1_$n" "$tne" batch "$dir" --jobs 1 --format csv -o "$work/out.csv" "${quiet[@]}"
    best "jobs2_$n" "$tne" batch "$dir" --jobs 2 --format csv -o "$work/out.csv" "${quiet[@]}"
    best "summary_$n" "$tne" batch "$dir" --summary --jobs 2 -o "$work/summary.txt" "${quiet[@]}"
    rm -rf "$dir"
done

survey=$work/survey.csv
echo "survey of $survey_rows rows: generating ..." >&2
"$build/bench/generate_survey" "$survey_rows" "$survey"
# Every generated row must score: the batch exits 3 when one fails.
"$tne" batch "$survey" --csv-map "$survey_map" --jobs 1 -o "$work/survey_out.csv" "${quiet[@]}" 2>/dev/null ||
    { echo "run.sh: a row of $survey does not score" >&2; exit 1; }
echo "survey of $survey_rows rows: timing ..." >&2
best csv_floor "$build/bench/csv_floor" "$survey"
best survey_jobs1 "$tne" batch "$survey" --csv-map "$survey_map" --jobs 1 --format csv -o "$work/survey_out.csv" \
    "${quiet[@]}"

echo "timing tne assess $example ..." >&2
start=$(date +%s%N)
for ((i = 0; i < assess_runs; i++)); do "$tne" assess "$example" >/dev/null; done
assess_ms=$(awk -v ns=$(($(date +%s%N) - start)) -v k=$assess_runs 'BEGIN { printf "%.1f", ns / k / 1e6 }')

rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }
echo
printf "%8s  %-28s %9s %12s %10s\n" N run seconds profiles/s "peak MB"
for n in "${sizes[@]}"; do
    for run in floor jobs1 jobs2 summary; do
        case $run in
            floor) label="yaml_floor" ;;
            jobs1) label="batch --jobs 1 (csv)" ;;
            jobs2) label="batch --jobs 2 (csv)" ;;
            summary) label="batch --summary --jobs 2" ;;
        esac
        printf "%8s  %-28s %9s %12s %10s\n" "$n" "$label" "${wall[${run}_$n]}" \
            "$(rate "$n" "${wall[${run}_$n]}")" "$(awk -v k="${rss[${run}_$n]}" 'BEGIN { printf "%.1f", k / 1024 }')"
    done
done
echo
printf "%8s  %-28s %9s %12s %10s\n" rows "survey run" seconds rows/s "peak MB"
for run in csv_floor survey_jobs1; do
    case $run in
        csv_floor) label="csv_floor (bare CSV read)" ;;
        survey_jobs1) label="batch --csv-map --jobs 1" ;;
    esac
    printf "%8s  %-28s %9s %12s %10s\n" "$survey_rows" "$label" "${wall[$run]}" "$(rate "$survey_rows" "${wall[$run]}")" \
        "$(awk -v k="${rss[$run]}" 'BEGIN { printf "%.1f", k / 1024 }')"
done
echo

small=${sizes[0]}
large=${sizes[${#sizes[@]} - 1]}
verdict() { awk "BEGIN { exit !($1) }" && echo PASS || echo FAIL; }
overhead=$(awk -v j="${wall[jobs1_$large]}" -v f="${wall[floor_$large]}" 'BEGIN { printf "%.1f", (j - f) / f * 100 }')
speedup=$(awk -v a="${wall[jobs1_$large]}" -v b="${wall[jobs2_$large]}" 'BEGIN { printf "%.2f", a / b }')
memory1=$(awk -v a="${rss[jobs1_$large]}" -v b="${rss[jobs1_$small]}" 'BEGIN { printf "%.2f", a / b }')
memory2=$(awk -v a="${rss[jobs2_$large]}" -v b="${rss[jobs2_$small]}" 'BEGIN { printf "%.2f", a / b }')
printf "%-58s %8s  %s\n" "batch --jobs 1 over yaml_floor, N=$large (<= $max_overhead_percent%)" "$overhead%" \
    "$(verdict "$overhead <= $max_overhead_percent")"
printf "%-58s %8s  %s\n" "speed-up of --jobs 2 over --jobs 1, N=$large (>= $min_speedup)" "$speedup" \
    "$(verdict "$speedup >= $min_speedup")"
printf "%-58s %8s  %s\n" "peak memory N=$large / N=$small, --jobs 1 records (<= $max_memory_ratio)" "$memory1" \
    "$(verdict "$memory1 <= $max_memory_ratio")"
printf "%-58s %8s  %s\n" "peak memory N=$large / N=$small, --jobs 2 records (<= $max_memory_ratio)" "$memory2" \
    "$(verdict "$memory2 <= $max_memory_ratio")"
printf "%-58s %8s  %s\n" "tne assess $example, mean of $assess_runs (< $max_assess_ms ms)" "${assess_ms} ms" \
    "$(verdict "$assess_ms < $max_assess_ms")"
survey_rate=$(rate "$survey_rows" "${wall[survey_jobs1]}")
printf "%-58s %8s  %s\n" "survey rows/s, batch --csv-map --jobs 1 (>= $min_survey_rows_per_second)" "$survey_rate" \
    "$(verdict "$survey_rate >= $min_survey_rows_per_second")"
