#!/usr/bin/env bash
# Builds everything (tne, its library, the tests) with AddressSanitizer and UndefinedBehaviorSanitizer
# into build-sanitize/ (TNE_SANITIZE=ON, Debug at -O1), runs the whole ctest suite there, then the
# profile schema check (scripts/schema-test.sh) with that tne. Any report (a memory error, a leak,
# undefined behaviour), in the test program or in a tne a test runs, fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-sanitize
# Debug (assertions on) at -O1, as the sanitizers advise: at -O0 the slowest tests take minutes.
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DTNE_SANITIZE=ON >/dev/null
cmake --build "$build" -j"$(nproc)"

# The SARIF schema two tests check against (scripts/fetch-test-data.sh writes it into build/).
scripts/fetch-test-data.sh
mkdir -p "$build/test-data"
cp build/test-data/sarif-2.1.0.json "$build/test-data/"

# Each report names its error and where; it ends the program with exit code 86, which no tne exit
# code is, and the tests' helpers fail with tne's standard error when they see it.
common="halt_on_error=1:abort_on_error=0:print_stacktrace=1:exitcode=86"
export ASAN_OPTIONS="$common:detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
export UBSAN_OPTIONS="$common"
export LSAN_OPTIONS="$common"
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
# tne on the examples, the edge cases and the invalid profiles, with the default options (exit code 1
# on a report), which the check never accepts: it wants 0 or 2.
scripts/schema-test.sh "$build/tne"
