#!/usr/bin/env bash
# Builds the browser page, build-web/tne.html: one self-contained file with tne's engine compiled to
# WebAssembly (docs/web.md). scripts/web.sh [-jN]   (default -j2)
# Installs what it needs when missing (as root, or with sudo), like scripts/bootstrap.sh: Debian's
# emscripten, and yaml-cpp's Debian source package (the version of the native libyaml-cpp-dev), which
# it builds with emscripten once into build-web/yaml-cpp/. The native build never uses any of this.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
jobs=${1:--j2}
out=build-web

say() { echo "web: $*" >&2; }
die() { say "FAILED: $*"; exit 1; }

source scripts/lib/setup.sh
install_commands emcc=emscripten node=nodejs dpkg-source=dpkg-dev
install_packages libyaml-cpp-dev libfmt-dev libvalijson-dev nlohmann-json3-dev
# Debian 12's emscripten 3.1.6 was built for Node 18: its tools find their modules in Debian's folder
# (a newer Node does not look there by itself).
export NODE_PATH=/usr/share/nodejs

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

# yaml-cpp from its Debian source package, the same version as the native build's, built once.
version=$(dpkg-query -W -f='${source:Version}' libyaml-cpp-dev)
yaml=$PWD/$out/yaml-cpp
if [ "$(cat "$yaml/version" 2>/dev/null)" != "$version" ] || [ ! -f "$yaml/install/lib/libyaml-cpp.a" ]; then
  # (Read whole first: grep -q stopping early would fail the pipe under pipefail.)
  known=$(apt-cache showsrc yaml-cpp 2>/dev/null || true)
  if ! grep -qxF "Version: $version" <<<"$known"; then
    # A deb-src entry for this machine's Debian release, beside its deb entries.
    codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
    say "adding Debian's source packages for $codename to apt's sources"
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "$codename" | $sudo tee /etc/apt/sources.list.d/tne-deb-src.sources >/dev/null
    $sudo apt-get update -qq
  fi
  say "building yaml-cpp $version from its Debian source package with emscripten"
  rm -rf "$yaml"
  mkdir -p "$yaml/source"
  (cd "$yaml/source" && apt-get source -qq "yaml-cpp=$version" >/dev/null 2>&1) \
    || die "apt-get source yaml-cpp=$version failed"
  source_dir=$(find "$yaml/source" -mindepth 1 -maxdepth 1 -type d -name 'yaml-cpp-*' | head -1)
  [ -n "$source_dir" ] || die "apt-get source yaml-cpp=$version left no yaml-cpp-* folder"
  # C++ exceptions as WebAssembly's own, as the engine throws and catches them (web/CMakeLists.txt).
  # Its own warnings are not ours to fix: the log is shown only when the build fails.
  { emcmake cmake -S "$source_dir" -B "$yaml/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS=-fwasm-exceptions \
      -DYAML_CPP_BUILD_TESTS=OFF -DYAML_CPP_BUILD_TOOLS=OFF -DYAML_CPP_BUILD_CONTRIB=OFF -DYAML_BUILD_SHARED_LIBS=OFF \
      -DCMAKE_INSTALL_PREFIX="$yaml/install" \
      && cmake --build "$yaml/build" "$jobs" && cmake --install "$yaml/build"; } >"$yaml/build.log" 2>&1 \
    || { cat "$yaml/build.log" >&2; die "yaml-cpp $version did not build with emscripten (above)"; }
  echo "$version" >"$yaml/version"
fi

# The header-only libraries from Debian's packages, and nothing else of /usr/include.
mkdir -p "$out/include"
for library in fmt valijson nlohmann; do
  [ -d "/usr/include/$library" ] || die "/usr/include/$library is missing"
  ln -sfn "/usr/include/$library" "$out/include/$library"
done

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
emcmake cmake -S web -B "$out" -DCMAKE_BUILD_TYPE=Release -DYAML_CPP_PREFIX="$yaml/install" \
  -DHEADER_LINKS="$PWD/$out/include" "${launcher[@]}" >/dev/null
cmake --build "$out" "$jobs"
say "$out/tne.html: $(stat -c %s "$out/tne.html") bytes, in $((SECONDS - started)) s"
