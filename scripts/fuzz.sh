#!/usr/bin/env bash
# Fuzzes tne's input readers with libFuzzer (docs/fuzzing.md): builds fuzz/'s targets with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer into build-fuzz/, then runs each for SECONDS
# (default 60) from a corpus seeded with the repository's own profiles, rubric files and survey
# export. Prints one line per target (executions, exec/s, coverage, corpus, finding) and writes them
# to build-fuzz/fuzz-summary.txt. Fails when a target finds a crash, a timeout, a leak or an
# out-of-memory; the input that caused it is kept in build-fuzz/artifacts/TARGET/.
#
#   scripts/fuzz.sh                  # 60 s per target, all three (the CI smoke run)
#   scripts/fuzz.sh 600              # 10 minutes per target
#   scripts/fuzz.sh 300 fuzz_csv     # one target
#
# Works on a fresh Debian 12 machine as root, or as a user with sudo: installs clang 14, its
# sanitizer and libFuzzer runtimes and tne's libraries when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "fuzz: $*" >&2; }
die() {
  say "$*"
  exit 2
}
# shellcheck source=scripts/lib/setup.sh
source scripts/lib/setup.sh

all_targets=(fuzz_profile fuzz_rubrics fuzz_csv)
seconds=${1:-60}
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || die "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...] (targets: ${all_targets[*]})"
shift $(($# > 0 ? 1 : 0))
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $target "* ]] || die "unknown target $target; expected one of: ${all_targets[*]}"
done

# What the build needs: clang 14 and its runtimes (libFuzzer, ASan, UBSan), and tne's libraries.
install_commands clang-14=clang-14 cmake=cmake make=make
packages=(libclang-rt-14-dev pkg-config libcli11-dev libyaml-cpp-dev libfmt-dev libvalijson-dev nlohmann-json3-dev
          libxlsxwriter-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

out=build-fuzz
build_start=$SECONDS
CC=clang-14 CXX=clang++-14 cmake -S . -B "$out" -DCMAKE_BUILD_TYPE=Debug -DTNE_BUILD_FUZZERS=ON \
  -DTNE_BUILD_TESTS=OFF >/dev/null
cmake --build "$out" -j"${TNE_FUZZ_BUILD_JOBS:-$(nproc)}" --target "${targets[@]}"
say "built in $((SECONDS - build_start)) s"

# Seeds, made afresh from the repository's files on every run (fuzz/seeds/ holds only the few
# hand-made ones). Names keep the source path, so a seed is easy to trace back.
seed_name() { echo "$1" | tr '/' '_'; }
make_seeds() {
  local name=$1 dir=$out/seeds/$1 file
  rm -rf "$dir"
  mkdir -p "$dir"
  case $name in
    fuzz_profile)
      while IFS= read -r file; do
        cp "$file" "$dir/$(seed_name "$file")"
      done < <(find examples tests/profiles fuzz/seeds/profile -name '*.yaml' 2>/dev/null | LC_ALL=C sort)
      ;;
    fuzz_rubrics)
      # The target replaces the built-in file that the first byte picks (its index by name, modulo
      # their number) with the rest of the input: one seed per file, then the test sets' files in
      # the place of the built-in file of the same name (a dimension's in the first dimension's).
      local -a names
      mapfile -t names < <(cd rubrics && find . -name '*.yaml' | sed 's|^\./||' | LC_ALL=C sort)
      local i relative index
      for i in "${!names[@]}"; do
        { printf '%b' "\\x$(printf %02x "$i")"; cat "rubrics/${names[$i]}"; } >"$dir/$(seed_name "rubrics/${names[$i]}")"
      done
      while IFS= read -r file; do
        relative=${file#tests/rubrics/*/}
        [[ "$relative" == dimensions/* ]] && relative=$(printf '%s\n' "${names[@]}" | grep -m1 '^dimensions/')
        [[ "$relative" == tests/* ]] && relative=$(printf '%s\n' "${names[@]}" | grep -m1 '^tests/')
        index=-1
        for i in "${!names[@]}"; do [ "${names[$i]}" != "$relative" ] || index=$i; done
        [ "$index" -ge 0 ] || continue
        { printf '%b' "\\x$(printf %02x "$index")"; cat "$file"; } >"$dir/$(seed_name "$file")"
      done < <(find tests/rubrics -mindepth 2 -name '*.yaml' | LC_ALL=C sort)
      ;;
    fuzz_csv)
      # The example export as it is, with CRLF line ends, without its byte-order mark and as its
      # header alone; its header with each of its lines; its header with each hand-made set of rows.
      local csv=examples/survey/respuestas.csv header n=0
      header=$(head -n 1 "$csv")
      cp "$csv" "$dir/respuestas.csv"
      sed 's/$/\r/' "$csv" >"$dir/respuestas-crlf.csv"
      sed '1s/^\xEF\xBB\xBF//' "$csv" >"$dir/respuestas-no-bom.csv"
      printf '%s\n' "$header" >"$dir/header.csv"
      while IFS= read -r line; do
        n=$((n + 1))
        printf '%s\n%s\n' "$header" "$line" >"$dir/respuestas-row-$n.csv"
      done < <(tail -n +2 "$csv")
      for file in fuzz/seeds/csv/*.rows; do
        { printf '%s\n' "$header"; cat "$file"; } >"$dir/$(basename "$file" .rows).csv"
      done
      ;;
  esac
}

# The largest input a target is given. 64 KB for a profile or a rubric file: far beyond any real
# profile, and above the largest rubric file (tests/fidelity.yaml, 27 KB). 16 KB for a survey export,
# its header and about twenty rows: every row is a profile validated and assessed (the example
# export's 44 rows take 85 ms an input in the fuzz build).
max_len() {
  case $1 in
    fuzz_csv) echo 16384 ;;
    *) echo 65536 ;;
  esac
}

# One fuzzing run; its summary line goes to $summary_line. Returns 1 on a finding: libFuzzer
# failed, or wrote an artifact (crash-*, timeout-*, oom-*, leak-*). TNE_FUZZ_FLAGS adds libFuzzer
# flags, e.g. "-fork=1 -ignore_crashes=1" to explore past a known finding (docs/fuzzing.md).
run_target() {
  local name=$1 log=$out/logs/$1.log corpus=$out/corpus/$1 artifacts=$out/artifacts/$1 status=0
  make_seeds "$name"
  mkdir -p "$corpus" "$artifacts" "$out/logs"
  touch "$out/logs/$name.start"
  say "$name: ${seconds} s from $(find "$out/seeds/$name" -type f | wc -l) seeds and $(find "$corpus" -type f | wc -l) corpus inputs; log in $log"
  # shellcheck disable=SC2086 # TNE_FUZZ_FLAGS is a list of flags
  UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    "$out/fuzz/$name" -max_total_time="$seconds" -timeout=3 -rss_limit_mb=2048 -max_len="$(max_len "$name")" \
    -dict="fuzz/${name#fuzz_}.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 ${TNE_FUZZ_FLAGS:-} \
    "$corpus" "$out/seeds/$name" >"$log" 2>&1 || status=$?

  # libFuzzer's last status line ("#1234  DONE cov: 2272 ft: 6492 corp: 56/110Kb exec/s: 95 ...", in
  # fork mode "#1234: cov: 2272 ft: 6492 corp: 56 exec/s 95 ...") and its final stats.
  local last executions speed cov ft corp result
  local -a found
  last=$(grep -E '^#[0-9]+:?[[:space:]].*cov: ' "$log" | tail -n 1 || true)
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  [ -n "$executions" ] || executions=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  [ -n "$speed" ] || speed=$(sed -n 's/.* exec\/s:* \([0-9]*\).*/\1/p' <<<"$last")
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\(\/[0-9]*[A-Za-z]*\)*\).*/\1/p' <<<"$last")
  mapfile -t found < <(find "$artifacts" -type f -newer "$out/logs/$name.start" | LC_ALL=C sort)
  if [ "$status" -eq 0 ] && [ "${#found[@]}" -eq 0 ]; then
    result="no finding"
  else
    local kind
    kind=$(grep -m1 -oE 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer): [a-zA-Z -]+|runtime error: .*|terminate called.*' "$log" || echo "exit status $status")
    result="FINDING (${kind}): ${found[*]:-no artifact, see $log}"
    status=1
  fi
  summary_line="$name: ${seconds} s, ${executions:-?} executions, ${speed:-?} exec/s, cov ${cov:-?}, ft ${ft:-?}, corpus ${corp:-?}, $result"
  [ "$status" -eq 0 ]
}

summary=()
failed=0
for target in "${targets[@]}"; do
  run_target "$target" || failed=1
  say "$summary_line"
  summary+=("$summary_line")
done

{
  echo "# scripts/fuzz.sh $seconds ${targets[*]}: $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  printf '%s\n' "${summary[@]}"
} >"$out/fuzz-summary.txt"
echo
cat "$out/fuzz-summary.txt"
if [ "$failed" -ne 0 ]; then
  say "a target found a problem: reproduce it with build-fuzz/fuzz/TARGET ARTIFACT, then see docs/fuzzing.md"
  exit 1
fi
