#!/usr/bin/env bash
# Checks that every C++ file is formatted as the committed .clang-format says (Debian 12's
# clang-format 14, installed when missing). Lists the files that are not; fix them with
#   git ls-files '*.cpp' '*.hpp' | xargs clang-format -i
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends clang-format >/dev/null
fi
unformatted=()
while IFS= read -r file; do
  clang-format --dry-run --Werror "$file" >/dev/null 2>&1 || unformatted+=("$file")
done < <(git ls-files '*.cpp' '*.hpp')
if [ "${#unformatted[@]}" -gt 0 ]; then
  echo "format-check: not formatted as .clang-format says (clang-format -i FILE):" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  exit 1
fi
echo "format-check: $(git ls-files '*.cpp' '*.hpp' | wc -l) files formatted"
