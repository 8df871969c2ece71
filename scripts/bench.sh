#!/usr/bin/env bash
# Builds the benchmarks into build-bench/ (Release, Google Benchmark from Debian's
# libbenchmark-dev, installed when missing) and runs them: MB/s of each sageon stage on one core
# and its ratio to ICU's word BreakIterator over the same Korean text, in the same run.
#   scripts/bench.sh                         about 8 MB of text (corpus/ + ../shared when present)
#   scripts/bench.sh --mb=32 --benchmark_repetitions=3    any sageon_bench / Google Benchmark flag
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/lib/packages.sh
sageon_install_packages scripts/bench.sh "${SAGEON_BUILD_PACKAGES[@]}" libbenchmark-dev

werror=OFF
[ "${CI:-}" = true ] && werror=ON
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DSAGEON_BUILD_TESTS=OFF \
  -DSAGEON_BUILD_BENCHMARKS=ON -DSAGEON_WERROR="$werror" >/dev/null
cmake --build build-bench -j "$(nproc)" --target sageon_bench
exec build-bench/benchmarks/sageon_bench "$@"
