#!/usr/bin/env bash
# Builds the browser page (scripts/web.sh) and checks it in Debian's headless chromium against the
# native tne (tests/browser/check-web.mjs, docs/testing.md): scripts/web-test.sh [TNE_BINARY] [-jN]
# (default build/tne, -j2). Installs what it needs when missing, like scripts/browser-test.sh.
# Screenshots of the page stay in build-web/ and build-web/screenshots/, and the printed report in
# build-web/tne-report.pdf, for people to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
tne="${1:-build/tne}"
jobs="${2:--j2}"

say() { echo "web-test: $*" >&2; }
die() { say "FAILED: $*"; exit 1; }

source scripts/lib/setup.sh
install_commands /usr/bin/chromium=chromium node=nodejs npm=npm pdftotext=poppler-utils
require_node 18 "playwright-core 1.61"
npm_ci_when_changed tests/browser

# The outputs the page must equal come from this binary: say so plainly rather than skip.
[ -x "$tne" ] || die "no tne binary at $tne (build it with scripts/bootstrap.sh, or pass its path)"
scripts/web.sh "$jobs" || die "scripts/web.sh did not build build-web/tne.html"
node tests/browser/check-web.mjs --tne "$tne" --page build-web/tne.html --examples examples \
  --invalid tests/profiles/invalid --out build-web || die "see above ($((SECONDS - started)) s)"
say "OK in $((SECONDS - started)) s; screenshots are in build-web/screenshots/, the printed report in build-web/tne-report.pdf"
