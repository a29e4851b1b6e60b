#!/usr/bin/env bash
# Sets up, builds, and runs every test (unit tests and tests of the real binary), including the
# project's own rubric set checked and tested as a rubric author's CI would, then the same tests built
# with AddressSanitizer and UndefinedBehaviorSanitizer (build-sanitize/), then the profile schema
# checked with ajv against the examples and invalid profiles, then the HTML and Markdown reports
# checked in a headless browser and through pandoc, then a one-minute fuzzing run of each input
# reader (docs/fuzzing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/fetch-test-data.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
scripts/sanitize-test.sh
scripts/schema-test.sh build/tne
scripts/browser-test.sh build/tne
scripts/fuzz.sh 60
