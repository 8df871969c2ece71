#!/usr/bin/env bash
# Builds sageon into build/, first installing the Debian packages it needs when they are missing
# (a fresh Debian 12 with nothing installed by hand is enough).
#   scripts/build.sh           the library and the sageon CLI
#   scripts/build.sh --tests   the same plus the test suite (GoogleTest, Python checks of exports)
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=OFF
for arg in "$@"; do
  case "$arg" in
    --tests) with_tests=ON ;;
    *) echo "scripts/build.sh: unknown option '$arg' (use --tests)" >&2; exit 2 ;;
  esac
done

packages=(g++ cmake ninja-build pkg-config libicu-dev libutf8proc-dev libboost-program-options-dev
          nlohmann-json3-dev libxml2-dev)
if [ "$with_tests" = ON ]; then
  packages+=(googletest libgtest-dev python3 python3-networkx python3-igraph clang-format)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "scripts/build.sh: installing ${missing[*]}" >&2
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "scripts/build.sh: run as root or install sudo" >&2; exit 1; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

werror=OFF
[ "${CI:-}" = true ] && werror=ON
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSAGEON_BUILD_TESTS="$with_tests" \
  -DSAGEON_WERROR="$werror" >/dev/null
cmake --build build -j "$(nproc)"
