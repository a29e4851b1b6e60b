#!/usr/bin/env bash
# Checks the profile schema with an independent validator (ajv, from the npm registry) and that tne
# agrees with it on every example and on the invalid profiles: scripts/schema-test.sh [TNE_BINARY]
# (default build/tne). Installs what it needs when missing (as root, or with sudo), like
# scripts/browser-test.sh. What is checked: tests/schema/check-profiles.mjs and docs/testing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
tne="${1:-build/tne}"

say() { echo "schema-test: $*" >&2; }
die() { say "FAILED: $*"; exit 1; }

source scripts/lib/setup.sh
install_commands node=nodejs npm=npm
require_node 18 "the checker"
# ajv, ajv-formats and yaml, pinned by the lock file.
npm_ci_when_changed tests/schema

# The profiles this checks must be checked by a real tne: say so plainly rather than skip.
[ -x "$tne" ] || die "no tne binary at $tne (build it with scripts/bootstrap.sh, or pass its path)"
node tests/schema/check-profiles.mjs "$tne" || die "ajv and tne disagree (above) ($((SECONDS - started)) s)"
say "OK in $((SECONDS - started)) s"
