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

. scripts/lib/packages.sh
packages=("${SAGEON_BUILD_PACKAGES[@]}")
if [ "$with_tests" = ON ]; then
  packages+=("${SAGEON_TEST_PACKAGES[@]}")
fi
sageon_install_packages scripts/build.sh "${packages[@]}"

werror=OFF
[ "${CI:-}" = true ] && werror=ON
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSAGEON_BUILD_TESTS="$with_tests" \
  -DSAGEON_WERROR="$werror" >/dev/null
cmake --build build -j "$(nproc)"
