#!/usr/bin/env bash
# Opens tne's profile template (English and Spanish) and every example in yaml-language-server, the
# YAML language server of VS Code and other editors, over LSP, and checks its diagnostics,
# completions and hovers: scripts/editor-test.sh [TNE_BINARY]   (default build/tne)
# Installs what it needs when missing (as root, or with sudo), like scripts/schema-test.sh. What is
# checked: tests/editor/check-editor.mjs and docs/testing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
tne="${1:-build/tne}"

say() { echo "editor-test: $*" >&2; }
die() { say "FAILED: $*"; exit 1; }

source scripts/lib/setup.sh
install_commands node=nodejs npm=npm
require_node 18 "yaml-language-server 1.25"
# yaml-language-server and yaml, pinned by the lock file.
npm_ci_when_changed tests/editor

# The template this checks must be written by a real tne: say so plainly rather than skip.
[ -x "$tne" ] || die "no tne binary at $tne (build it with scripts/bootstrap.sh, or pass its path)"
node tests/editor/check-editor.mjs "$tne" || die "yaml-language-server and tne's profiles disagree (above) ($((SECONDS - started)) s)"
say "OK in $((SECONDS - started)) s"
