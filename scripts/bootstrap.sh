#!/usr/bin/env bash
# Installs what tne needs from Debian's packages (when missing) and builds it into build/.
# Works on a fresh Debian 12 machine as root, or as a user with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake make pkg-config libcli11-dev libyaml-cpp-dev libfmt-dev catch2 libvalijson-dev nlohmann-json3-dev libtinyxml2-dev
          libxlsxwriter-dev libzip-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
