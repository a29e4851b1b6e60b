#!/usr/bin/env bash
# Sets up, builds, and runs every test (unit tests and tests of the real binary).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
