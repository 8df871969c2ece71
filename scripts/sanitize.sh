#!/usr/bin/env bash
# Builds the library, the CLI and the tests with AddressSanitizer and UndefinedBehaviorSanitizer
# (SAGEON_SANITIZE, Clang 14; installed when missing) into build-asan/ (scripts/lib/sanitizer_build.sh,
# shared with scripts/fuzz.sh) and runs the whole ctest
# suite there, the CLI test included. Every sanitizer finding is fatal (-fno-sanitize-recover,
# halt_on_error), leaks too when LeakSanitizer works here. Reports go to build-asan/sanitizer-logs/
# and are printed at the end, so one from a CLI run inside a Python test fails the run even when
# the test did not look at that exit code.
#   scripts/sanitize.sh [CTEST_ARG...]      e.g. scripts/sanitize.sh -R normalizer
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/lib/packages.sh
. scripts/lib/sanitizer_build.sh
sageon_install_packages scripts/sanitize.sh "${SAGEON_BUILD_PACKAGES[@]}" \
  "${SAGEON_TEST_PACKAGES[@]}" "${SAGEON_CLANG_SANITIZER_PACKAGES[@]}"

logs="$PWD/build-asan/sanitizer-logs"
rm -rf "$logs"
mkdir -p "$logs"

leaks=$(sageon_leak_checks_work scripts/sanitize.sh)

# Set before the build too: gtest_discover_tests runs each test binary when it is linked.
export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
export ASAN_OPTIONS="detect_leaks=$leaks:halt_on_error=1:abort_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_string_checks=1:log_path=$logs/asan:log_exe_name=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:abort_on_error=1:log_path=$logs/ubsan:log_exe_name=1"

sageon_configure_sanitizer_build
build_status=0
cmake --build build-asan -j "$(nproc)" || build_status=$?

test_status=0
if [ "$build_status" -eq 0 ]; then
  ctest --test-dir build-asan --output-on-failure -j "$(nproc)" "$@" || test_status=$?
fi

if [ -n "$(ls -A "$logs")" ]; then
  for report in "$logs"/*; do
    echo "==== $report" >&2
    cat "$report" >&2
  done
  echo "scripts/sanitize.sh: sanitizer reports above (files in $logs)" >&2
  exit 1
fi
if [ "$build_status" -ne 0 ] || [ "$test_status" -ne 0 ]; then
  echo "scripts/sanitize.sh: $([ "$build_status" -ne 0 ] && echo build || echo ctest) failed" >&2
  exit 1
fi
echo "scripts/sanitize.sh: all tests pass under ASan + UBSan (leak checks: $([ $leaks = 1 ] && echo on || echo off))"
