#!/usr/bin/env bash
# The input bounds of docs/security.md, measured: hostile inputs at the default size limit (16 MiB)
# and beyond, each run once through the real binary with /usr/bin/time. Prints one line per input:
# what it is, its size, the exit code, the seconds and the peak memory (max RSS), and the ratio of
# that memory to the input's size. Exits 1 when an input ends with an exit code other than the one
# expected (2 for refused input, 3 for a batch with failed rows), or takes more than 10 seconds.
#
# Usage: bench/bounds.sh [TNE_BINARY]   (default: build/tne). Writes its inputs to a temporary folder.
set -eu  # no pipefail: the generators cut endless producers (yes, /dev/zero) with head
cd "$(dirname "$0")/.."
tne=$(realpath "${1:-build/tne}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
limit=$((16 * 1024 * 1024))
map=examples/survey/mapa.yaml
failed=0

institution=$'institution:\n  name: Universidad de Prueba\n  type: public_university\n'

# Lines of text from awk until the file has `bytes` bytes.
fill() {  # fill FILE BYTES HEAD AWK_LINE
    { printf '%s' "$3"; awk -v bytes="$2" -v size="${#3}" "BEGIN { for (i = 0; size < bytes - 64; i++) { line = $4; print line; size += length(line) + 1 } }"; } >"$1"
}

measure() {  # measure NAME EXPECTED_EXIT INPUT_FILE -- COMMAND...
    local name=$1 expected=$2 input=$3
    shift 4
    local size
    size=$(stat -c %s "$input")
    local report="$work/time"
    set +e
    /usr/bin/time -f '%e %M' -o "$report" "$@" >/dev/null 2>"$work/stderr"
    local code=$?
    set -e
    read -r seconds kilobytes <"$report" || true
    # /usr/bin/time prints "Command exited with non-zero status N" first when the run failed.
    if [ "$code" -ne 0 ]; then read -r seconds kilobytes < <(tail -n 1 "$report"); fi
    local ratio
    ratio=$(awk -v kb="$kilobytes" -v bytes="$size" 'BEGIN { printf "%.1f", kb * 1024 / bytes }')
    printf '%-52s %10s B  exit %-3s %6ss  %8s KB  %5sx  %s\n' "$name" "$size" "$code" "$seconds" "$kilobytes" "$ratio" \
        "$(head -c 100 "$work/stderr" | head -n 1)"
    if [ "$code" -ne "$expected" ] || awk -v s="$seconds" 'BEGIN { exit !(s > 10) }'; then
        echo "  FAIL: expected exit $expected within 10 s" >&2
        failed=1
    fi
}

echo "tne: $tne; limit $limit bytes; $(nproc) cores"
fill "$work/unknown-keys.yaml" $limit "$institution" '"k" i ": 1"'
measure "profile: 1.4 million unknown keys (16 MiB)" 2 "$work/unknown-keys.yaml" -- "$tne" assess "$work/unknown-keys.yaml"

fill "$work/some-unknown.yaml" 190000 "$institution" '"k" i ": 1"'
measure "profile: 20,000 unknown keys, each reported" 2 "$work/some-unknown.yaml" -- "$tne" assess "$work/some-unknown.yaml"

{ printf '%sx: [' "$institution"; yes '1,' | tr -d '\n' | head -c $((limit - 200)); printf '1]\n'; } >"$work/flow.yaml"
measure "profile: a flow list of 8 million numbers" 2 "$work/flow.yaml" -- "$tne" assess "$work/flow.yaml"

{ printf 'institution:\n  type: public_university\n  name: '; head -c $((limit - 100)) /dev/zero | tr '\0' 'a'; printf '\n'; } >"$work/long-name.yaml"
measure "profile: one 16 MiB name" 2 "$work/long-name.yaml" -- "$tne" assess "$work/long-name.yaml"

{ for _ in $(seq 8); do printf -- '---\n'; cat "$work/some-unknown.yaml"; done; } >"$work/stream.yaml"
measure "stream: 8 documents of 20,000 unknown keys" 3 "$work/stream.yaml" -- "$tne" batch -q "$work/stream.yaml"

head -c $limit /dev/zero | tr '\0' 'x' >"$work/endless-line.yaml"
measure "stream: one line of 16 MiB on standard input" 3 "$work/endless-line.yaml" -- sh -c "'$tne' batch -q - < '$work/endless-line.yaml'"

{ head -n 1 examples/survey/respuestas.csv; printf '"'; head -c $((300 * 1024 * 1024)) /dev/zero | tr '\0' 'x'; printf '"\n'; } >"$work/huge-cell.csv"
measure "survey: a 300 MB cell" 3 "$work/huge-cell.csv" -- "$tne" batch -q "$work/huge-cell.csv" --csv-map "$map"

{ head -n 1 examples/survey/respuestas.csv; head -c $((100 * 1024 * 1024)) /dev/zero | tr '\0' 'x'; } >"$work/no-line-end.csv"
measure "survey: 100 MB with no line end" 3 "$work/no-line-end.csv" -- "$tne" batch -q "$work/no-line-end.csv" --csv-map "$map"

# The shipped map with `n` more labels for every column, and the shipped survey read through it.
labels() {  # labels N FILE
    awk -v n="$1" '{ print } /^labels:/ { for (i = 0; i < n; i++) print "  \"Etiqueta " i "\": yes" }' "$map" >"$2"
}
labels 5000 "$work/labels-5k.yaml"
measure "survey map: 5,000 more labels, the survey read" 3 "$work/labels-5k.yaml" -- "$tne" batch -q examples/survey/respuestas.csv --csv-map "$work/labels-5k.yaml"
labels 20000 "$work/labels-20k.yaml"
measure "survey map: 20,000 more labels, the survey read" 3 "$work/labels-20k.yaml" -- "$tne" batch -q examples/survey/respuestas.csv --csv-map "$work/labels-20k.yaml"
labels 80000 "$work/labels-80k.yaml"
measure "survey map: 80,000 more labels (past the values)" 2 "$work/labels-80k.yaml" -- "$tne" batch -q examples/survey/respuestas.csv --csv-map "$work/labels-80k.yaml"

mkdir -p "$work/rubrics"
cp -r rubrics/. "$work/rubrics/"
fill "$work/extra.yaml" 1000000 "" '"unknown_" i ": 1"'
cat "$work/extra.yaml" >>"$work/rubrics/annex.yaml"
measure "rubric file: 57,000 unknown keys (past the values)" 1 "$work/rubrics/annex.yaml" -- "$tne" rubrics check "$work/rubrics"

exit $failed
