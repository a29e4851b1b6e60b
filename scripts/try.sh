#!/usr/bin/env bash
# Sets up, builds, and assesses a shipped example profile: scripts/try.sh [PROFILE] [tne options]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh >&2
profile="${1:-examples/private_business_university.yaml}"
shift || true
exec build/tne assess "$profile" "$@"
