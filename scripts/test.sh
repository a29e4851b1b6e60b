#!/usr/bin/env bash
# Sets up, builds, checks the C++ files' formatting (.clang-format), and runs every test (unit tests
# and tests of the real binary), including the project's own rubric set checked and tested as a
# rubric author's CI would, its quotes checked
# against the Annex's text (../shared/seeds/, outside the repository), then the same tests built
# with AddressSanitizer and UndefinedBehaviorSanitizer (build-sanitize/), then the profile schema
# checked with ajv against the examples and invalid profiles, then the template and examples opened
# in yaml-language-server (the editor check), then the SARIF of `tne rubrics check` validated by
# Microsoft's SARIF multitool, then the HTML and Markdown reports
# checked in a headless browser and through pandoc, then the browser page (build-web/tne.html, the
# engine compiled to WebAssembly) checked in the same browser against the CLI's outputs, then a
# one-minute fuzzing run of each input reader (docs/fuzzing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/format-check.sh
scripts/layers-check.sh
scripts/fetch-test-data.sh
# The Annex's text, against which the default rubric set's quotes are checked (docs/rubrics.md).
annex=../shared/seeds/001_3c4f4232498450ad.txt
if [ ! -f "$annex" ]; then
  echo "test.sh: the Annex's text $annex is missing: the rubric set's quotes cannot be checked" >&2
  exit 1
fi
ctest --test-dir build --output-on-failure -j"$(nproc)"
# Every quote of the default rubric set is in the Annex section its rule cites.
build/tne rubrics check --strict --source "$annex" rubrics
scripts/sanitize-test.sh
scripts/schema-test.sh build/tne
scripts/editor-test.sh build/tne
scripts/sarif-test.sh build/tne
scripts/browser-test.sh build/tne
scripts/web-test.sh build/tne -j"$(nproc)"
scripts/fuzz.sh 60
