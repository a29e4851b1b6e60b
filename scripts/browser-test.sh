#!/usr/bin/env bash
# Checks tne's HTML reports in a real browser (Debian's headless chromium) and its Markdown reports
# through pandoc: scripts/browser-test.sh [TNE_BINARY]   (default build/tne)
# Installs what it needs when missing (as root, or with sudo), like scripts/bootstrap.sh.
# Reports, full-page screenshots and A4 PDFs stay in build/browser-reports/ for people to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
tne="${1:-build/tne}"
out=build/browser-reports
date=2026-11-23  # fixed, so the reports do not change from one day to the next
checker=tests/browser/check-reports.mjs

say() { echo "browser-test: $*" >&2; }
die() { say "FAILED: $*"; exit 1; }

source scripts/lib/setup.sh
install_commands /usr/bin/chromium=chromium node=nodejs npm=npm pdfinfo=poppler-utils pdftotext=poppler-utils \
  pandoc=pandoc
require_node 18 "playwright-core 1.61"
# playwright-core only (never downloads a browser), pinned by the lock file.
npm_ci_when_changed tests/browser

# The checker must catch what it claims to before its verdict on real reports means anything.
mkdir -p "$out"
node tests/browser/self-test.mjs "$out/self-test" || die "the browser check's self-test (tests/browser/fixtures)"

# The reports this checks must exist: say so plainly rather than skip.
[ -x "$tne" ] || die "no tne binary at $tne (build it with scripts/bootstrap.sh, or pass its path)"
# (The help is read into a variable first: grep -q stopping early would kill tne with SIGPIPE.)
help=$("$tne" assess --help 2>&1 || true)
grep -qw html <<<"$help" \
  || die "'$tne assess --help' does not list an html format: HTML reports are not built into this tne yet"
help=$("$tne" batch --help 2>&1 || true)
grep -qw html <<<"$help" \
  || die "'$tne batch --help' does not list an html format: cohort HTML reports are not built into this tne yet"

# Old reports would otherwise be checked (or looked at) as if they were new.
find "$out" -maxdepth 1 -type f -delete
failed=0
fail() { say "FAIL: $*"; failed=1; }

# tne writes each report; a run that fails leaves no file and the checker is not asked about it.
# report FILE EXIT ARGS...: tne ARGS >FILE, which must exit EXIT (a plan out of reach exits 1 and
# is still written).
report() {
  local file=$1 expected=$2 status=0
  shift 2
  "$tne" "$@" >"$file" || status=$?
  [ "$status" -eq "$expected" ] && return 0
  fail "tne $* exited $status, expected $expected"
  rm -f "$file"
  return 1
}
# The rubric set of the rubrics-diff golden test: student English weighs 4 instead of 2.
changed_rubrics=$(mktemp -d)
trap 'rm -rf "$changed_rubrics"' EXIT
cp -r rubrics/. "$changed_rubrics"
sed -i '/question: language.student_b2_percent$/{n;s/weight: 2$/weight: 4/}' "$changed_rubrics/dimensions/language.yaml"
cmp -s rubrics/dimensions/language.yaml "$changed_rubrics/dimensions/language.yaml" \
  && die "could not change the weight of language.student_b2_percent in a copy of rubrics/ for tne rubrics diff"

# Every page must print whole (check-reports.mjs finds each piece of its text, folded parts
# included, in the PDF), so the page limits are what the examples need with some room, measured
# with Chromium 156 (docs/testing.md), not what would fit on fewer sheets.
for lang in en es; do
  singles=()
  for profile in examples/*.yaml; do
    report="$out/$(basename "$profile" .yaml).$lang.html"
    if "$tne" assess "$profile" --format html --lang "$lang" --date "$date" >"$report"; then
      singles+=("$report")
    else
      fail "tne assess $profile --format html --lang $lang exited $?"
      rm -f "$report"
    fi
  done
  cohort="$out/cohort.$lang.html"
  "$tne" batch examples/ --summary --format html --lang "$lang" --date "$date" -q -o "$cohort" \
    || fail "tne batch examples/ --summary --format html --lang $lang exited $?"

  # Plans as in the golden tests: the next step of a pathway, reached; the next step out of reach;
  # a target out of reach. Then the diff of two years of one institution, and the rubrics diff.
  others=()
  report "$out/plan-private_business_university.$lang.html" 0 plan examples/private_business_university.yaml \
    --format html --lang "$lang" && others+=("$out/plan-private_business_university.$lang.html")
  report "$out/plan-universidad_estatal_es.$lang.html" 1 plan examples/universidad_estatal_es.yaml \
    --format html --lang "$lang" && others+=("$out/plan-universidad_estatal_es.$lang.html")
  report "$out/plan-research_center.branch_campus.$lang.html" 1 plan examples/research_center.yaml \
    --target branch_campus --format html --lang "$lang" && others+=("$out/plan-research_center.branch_campus.$lang.html")
  report "$out/diff-technological_institute.$lang.html" 0 diff examples/technological_institute.yaml \
    tests/diff/technological_institute_next_year.yaml --format html --lang "$lang" \
    && others+=("$out/diff-technological_institute.$lang.html")
  report "$out/rubrics-diff.$lang.html" 0 rubrics diff builtin "$changed_rubrics" --profiles examples \
    --format html --lang "$lang" && others+=("$out/rubrics-diff.$lang.html")

  # One assessment: the radar and the model-fit chart. Printed whole, the examples take 8 to 12 A4
  # pages (the score traces, the folded recommendations, the answers without evidence, the Annex
  # sections' titles); 15 leaves room for a longer profile and still catches a layout gone wrong.
  [ "${#singles[@]}" -eq 0 ] || node "$checker" --lang "$lang" --expect-svg 2 --max-pages 15 --out "$out" "${singles[@]}" \
    || fail "single assessments in $lang (above)"
  # A cohort report has at least those charts: 6 pages for the examples.
  [ ! -f "$cohort" ] || node "$checker" --lang "$lang" --min-svg 2 --max-pages 8 --out "$out" "$cohort" \
    || fail "cohort report in $lang (above)"
  # Plans and diffs have no chart and take 1 or 2 pages.
  [ "${#others[@]}" -eq 0 ] || node "$checker" --lang "$lang" --expect-svg 0 --max-pages 3 --out "$out" "${others[@]}" \
    || fail "plans and diffs in $lang (above)"
done

# Markdown reports must be GitHub-flavoured Markdown that pandoc reads without a warning, and every
# table in them must come out as an HTML <table> (a missing blank line or a stray pipe would turn it
# into a paragraph of pipes).
tables_in_markdown() {  # GFM delimiter rows (| --- | :-: |) outside fenced code blocks
  # (No {m,n} intervals: Debian's default awk, mawk, does not know them.)
  awk '/^ ? ? ?(```|~~~)/ { fenced = !fenced; next }
       !fenced && /\|/ && /^ ? ? ?\|? *:?-+:? *(\| *:?-+:? *)*\|? *$/ { n++ }
       END { print n + 0 }' "$1"
}
check_markdown() {  # FILE.md: converts it to FILE.md.html
  local markdown=$1 html="$1.html" warnings
  if ! warnings=$(pandoc -f gfm -t html5 --fail-if-warnings "$markdown" -o "$html" 2>&1) || [ -n "$warnings" ]; then
    fail "pandoc on $markdown: ${warnings:-exited non-zero}"
    return
  fi
  local expected found
  expected=$(tables_in_markdown "$markdown")
  found=$(awk '{ n += gsub(/<table/, "") } END { print n + 0 }' "$html")
  if [ "$expected" -eq 0 ]; then
    fail "$markdown has no table"
  elif [ "$found" -ne "$expected" ]; then
    fail "$markdown: $expected Markdown table(s) but $found <table> element(s) in $html"
  else
    echo "OK   $markdown  $found table(s) -> $html"
  fi
}
example=examples/private_business_university.yaml
for lang in en es; do
  markdown="$out/$(basename "$example" .yaml).$lang.md"
  if "$tne" assess "$example" --format markdown --lang "$lang" --date "$date" >"$markdown"; then
    check_markdown "$markdown"
  else
    fail "tne assess $example --format markdown --lang $lang exited $?"
  fi
  markdown="$out/cohort.$lang.md"
  if "$tne" batch examples/ --summary --format markdown --lang "$lang" --date "$date" -q -o "$markdown"; then
    check_markdown "$markdown"
  else
    fail "tne batch examples/ --summary --format markdown --lang $lang exited $?"
  fi
done

[ "$failed" -eq 0 ] || die "see above; reports, screenshots and PDFs are in $out/ ($((SECONDS - started)) s)"
say "OK in $((SECONDS - started)) s; reports, screenshots and PDFs are in $out/"
