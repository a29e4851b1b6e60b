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

# Installs by missing command, not by package status: a Node.js from NodeSource ships npm inside
# its nodejs package and conflicts with Debian's npm package.
declare -A package_of=([node]=nodejs [npm]=npm)
missing=()
for command in "${!package_of[@]}"; do
  command -v "$command" >/dev/null || missing+=("${package_of[$command]}")
done
# npm fetches ajv, ajv-formats and yaml over HTTPS.
dpkg-query -W -f='${Status}' ca-certificates 2>/dev/null | grep -q "install ok installed" || missing+=(ca-certificates)
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' \
  || die "Node.js $(node --version) is too old; the checker needs 18 or later"

# ajv, ajv-formats and yaml, pinned by the lock file; reinstalled when it changes.
lock_sum=$(sha256sum tests/schema/package-lock.json | cut -d' ' -f1)
stamp=tests/schema/node_modules/.package-lock.sha256
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
  say "npm ci in tests/schema"
  (cd tests/schema && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" >"$stamp"
fi

# The profiles this checks must be checked by a real tne: say so plainly rather than skip.
[ -x "$tne" ] || die "no tne binary at $tne (build it with scripts/bootstrap.sh, or pass its path)"
node tests/schema/check-profiles.mjs "$tne" || die "ajv and tne disagree (above) ($((SECONDS - started)) s)"
say "OK in $((SECONDS - started)) s"
