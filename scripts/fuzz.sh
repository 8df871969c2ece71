#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ into build-asan/ (Clang 14, ASan + UBSan, installed when
# missing) and runs each for SECONDS on a scratch copy of its seed corpus fuzz/corpus/<name>/, so
# nothing is written into the source tree. Fails when any target crashes, trips a sanitizer, an
# invariant check, the per-input timeout or the memory limit, and names the saved reproducer.
#   scripts/fuzz.sh [SECONDS] [TARGET...]   SECONDS per target (default 30); TARGET e.g. tokenizer
# Reproduce a finding: build-asan/fuzz/<target>_fuzzer <reproducer>
# Shrink it:          build-asan/fuzz/<target>_fuzzer -minimize_crash=1 -runs=10000 <reproducer>
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-30}"
[ "$#" -gt 0 ] && shift
case "$seconds" in
  '' | *[!0-9]*) echo "scripts/fuzz.sh: SECONDS must be a whole number, not '$seconds'" >&2; exit 2 ;;
esac
all_targets=(normalizer sentence_splitter tokenizer date_extractor jsonl_reader)
targets=("$@")
[ "${#targets[@]}" -eq 0 ] && targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
  [ -d "fuzz/corpus/$target" ] || { echo "scripts/fuzz.sh: no target '$target'" >&2; exit 2; }
done

. scripts/lib/packages.sh
. scripts/lib/sanitizer_build.sh
sageon_install_packages scripts/fuzz.sh "${SAGEON_BUILD_PACKAGES[@]}" \
  "${SAGEON_TEST_PACKAGES[@]}" "${SAGEON_CLANG_SANITIZER_PACKAGES[@]}"

sageon_configure_sanitizer_build
cmake --build build-asan -j "$(nproc)" --target sageon_fuzzers

export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
leaks=$(sageon_leak_checks_work scripts/fuzz.sh)
export ASAN_OPTIONS="detect_leaks=$leaks"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/sageon-fuzz.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
artifacts="$PWD/build-asan/artifacts"
rm -rf "$artifacts"
mkdir -p "$artifacts"

failed=()
for target in "${targets[@]}"; do
  corpus="$scratch/corpus/$target"
  mkdir -p "$corpus"
  cp fuzz/corpus/"$target"/* "$corpus"/
  log="$artifacts/$target.log"
  dict=()
  [ -f "fuzz/$target.dict" ] && dict=(-dict="fuzz/$target.dict")
  echo "scripts/fuzz.sh: $target for ${seconds}s"
  # -max_len bounds one iteration (64 KB, a long article). -timeout fails an input that takes
  # longer than 25 s: a hang or a quadratic blow-up (minutes at 64 KB), never a slow but linear
  # stage (the date parser needs about 6 s for 64 KB under ASan on a busy 2-core machine).
  if build-asan/fuzz/"$target"_fuzzer -max_total_time="$seconds" -max_len=65536 -timeout=25 \
      -rss_limit_mb=2048 -detect_leaks="$leaks" -print_final_stats=1 -artifact_prefix="$artifacts/$target-" \
      "${dict[@]}" "$corpus" >"$log" 2>&1; then
    grep -E '^Done ' "$log" | sed 's/^/  /' || true
  else
    failed+=("$target")
    tail -n 60 "$log" >&2
    reproducer="$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)"
    echo "scripts/fuzz.sh: $target FAILED; reproducer: ${reproducer:-none saved, see $log}" >&2
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "scripts/fuzz.sh: failing targets: ${failed[*]} (logs and reproducers in $artifacts)" >&2
  exit 1
fi
echo "scripts/fuzz.sh: ${#targets[@]} targets ran ${seconds}s each without a finding"
