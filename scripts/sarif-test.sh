#!/usr/bin/env bash
# Validates the SARIF of `tne rubrics check --format sarif` with Microsoft's SARIF multitool (an
# independent validator, from the npm registry), besides the SARIF 2.1.0 JSON Schema the unit tests
# check it against: scripts/sarif-test.sh [TNE_BINARY]   (default build/tne)
# Installs what it needs when missing (as root, or with sudo), like scripts/schema-test.sh. The SARIF
# files and the multitool's log stay in build/sarif-test/. What is checked: docs/testing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
tne="${1:-build/tne}"
out=build/sarif-test

say() { echo "sarif-test: $*" >&2; }
die() { say "FAILED: $*"; exit 1; }

source scripts/lib/setup.sh
install_commands node=nodejs npm=npm
require_node 18 "the verdict (tests/sarif/verdict.mjs)"
# The multitool is a self-contained .NET program, which needs ICU's library (Debian 12: libicu72):
# without it, it stops with "Couldn't find a valid ICU package installed on the system".
# (The list is read into a variable first: grep -q stopping early would kill ldconfig with SIGPIPE.)
libraries=$(/sbin/ldconfig -p)
grep -q 'libicuuc\.so\.' <<<"$libraries" || install_packages libicu72
# @microsoft/sarif-multitool and its Linux build, pinned by the lock file.
npm_ci_when_changed tests/sarif
multitool=$(cd tests/sarif && node -p "require('@microsoft/sarif-multitool')")
# The package's install script only makes it executable; npm skips it under --ignore-scripts.
[ -x "$multitool" ] || chmod u+x "$multitool"

# The SARIF this checks must come from a real tne: say so plainly rather than skip.
[ -x "$tne" ] || die "no tne binary at $tne (build it with scripts/bootstrap.sh, or pass its path)"
tne=$(realpath "$tne")
rm -rf "$out"
mkdir -p "$out"
out=$(realpath "$out")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A repository (a folder holding .git is all tne looks for) with a rubric set whose name a URI must
# percent-encode, and findings in two of its files: a warning and an error of the broken corpus
# (tests/rubrics/broken.yaml: untranslated, unknown-reference-test-model).
repo=$work/repo
set_name="rubric sets/conjunto ñ"
mkdir -p "$repo/.git" "$repo/rubric sets" "$work/elsewhere"
cp -R tests/rubrics/minimal "$repo/$set_name"
replace_once() {  # FILE FROM TO
  # shellcheck disable=SC2016 # JavaScript's own ${...}
  node -e 'const fs = require("fs"); const [file, from, to] = process.argv.slice(1);
    const text = fs.readFileSync(file, "utf8");
    if (text.split(from).length !== 2) { console.error(`${file}: "${from}" is not there once`); process.exit(1); }
    fs.writeFileSync(file, text.replace(from, () => to));' "$@"
}
replace_once "$repo/$set_name/dimensions/beta.yaml" "es: Socios y personal." "es: Partners and staff."
replace_once "$repo/$set_name/tests/cases.yaml" "suggested: starter" "suggested: begginer"

# check NAME DIR ARGS...: `tne rubrics check --strict --format sarif ARGS`, run in DIR, to NAME.sarif.
check() {
  local name=$1 dir=$2 status=0
  shift 2
  (cd "$dir" && "$tne" rubrics check --strict --format sarif "$@") >"$out/$name.sarif" || status=$?
  [ "$status" -eq 1 ] || die "tne rubrics check $* (in $dir) exited $status, not 1 (findings)"
}
# expect NAME URI BASE_ID SRCROOT: the first result's artifactLocation and the run's SRCROOT.
expect() {
  # shellcheck disable=SC2016 # JavaScript's own ${...}
  node -e 'const fs = require("fs"); const [file, uri, baseId, root] = process.argv.slice(1);
    const run = JSON.parse(fs.readFileSync(file, "utf8")).runs[0];
    const got = run.results[0].locations[0].physicalLocation.artifactLocation;
    const want = baseId ? { uri, uriBaseId: baseId } : { uri };
    const gotRoot = run.originalUriBaseIds.SRCROOT.uri;
    if (JSON.stringify(got) !== JSON.stringify(want) || gotRoot !== root) {
      console.error(`${file}: artifactLocation ${JSON.stringify(got)}, SRCROOT ${gotRoot}; ` +
                    `expected ${JSON.stringify(want)}, SRCROOT ${root}`);
      process.exit(1);
    }' "$out/$1.sarif" "$2" "$3" "$4" || die "$1.sarif does not name the file as expected"
}
encoded_set="rubric%20sets/conjunto%20%C3%B1"
file=dimensions/beta.yaml

# The set named relative to the repository's root, in English and Spanish; by its absolute path
# from a subfolder; relative to --base-dir; and outside --base-dir (an absolute file URI).
check relative "$repo" "$set_name"
expect relative "$encoded_set/$file" SRCROOT "file://$repo/"
check relative-es "$repo" "$set_name" --lang es
expect relative-es "$encoded_set/$file" SRCROOT "file://$repo/"
check absolute "$repo/rubric sets" "$repo/$set_name"
expect absolute "$encoded_set/$file" SRCROOT "file://$repo/"
check base-dir "$work" --base-dir "$repo/rubric sets" "$repo/$set_name"
expect base-dir "conjunto%20%C3%B1/$file" SRCROOT "file://$repo/rubric%20sets/"
check outside "$repo" --base-dir "$work/elsewhere" "$set_name"
expect outside "file://$repo/$encoded_set/$file" "" "file://$work/elsewhere/"

# The validator must reject what it claims to before its verdict on tne's SARIF means anything: the
# fixture is tne's SARIF before its paths were relative (an absolute path as the uri, SARIF1004).
fixture=$out/fixture-absolute-path.sarif
cp tests/sarif/fixtures/absolute-path.sarif "$fixture"

# GitHub's ingestion rules (Gh, Ghas) besides the SARIF specification's own; notes are logged too.
# The multitool exits 0 whatever it finds: the verdict reads its log.
"$multitool" validate --config tests/sarif/validate.xml --rule-kind "Sarif;Gh;Ghas" --level "Error;Warning;Note" \
  --log ForceOverwrite --output "$out/validation.log.sarif" \
  "$out/relative.sarif" "$out/relative-es.sarif" "$out/absolute.sarif" "$out/base-dir.sarif" "$out/outside.sarif" \
  "$fixture" >"$out/validation.txt" 2>&1 \
  || { cat "$out/validation.txt" >&2; die "the SARIF multitool could not run ($((SECONDS - started)) s)"; }
node tests/sarif/verdict.mjs "$out/validation.log.sarif" "$fixture" SARIF1004 \
  || die "the SARIF multitool's findings (above; its log: $out/validation.log.sarif) ($((SECONDS - started)) s)"
say "OK in $((SECONDS - started)) s"
