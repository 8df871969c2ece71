# Sourced by scripts/sanitize.sh and scripts/fuzz.sh: configures build-asan/, one Clang 14 build
# with AddressSanitizer and UndefinedBehaviorSanitizer for both the test suite and the libFuzzer
# targets, so CI compiles the sanitized library once. The stages the fuzzers drive also carry
# libFuzzer's coverage instrumentation (fuzz/CMakeLists.txt), which the tests ignore.
#   sageon_configure_sanitizer_build     then: cmake --build build-asan [--target ...]
#   leaks=$(sageon_leak_checks_work SCRIPT_NAME)   1 or 0, for ASAN_OPTIONS=detect_leaks=
sageon_configure_sanitizer_build() {
  local werror=OFF
  [ "${CI:-}" = true ] && werror=ON
  # -O1 with asserts kept (no NDEBUG) and libstdc++'s bounds checks, which see past a vector's
  # size inside its capacity where ASan cannot. Every sanitizer finding is fatal.
  CC=clang-14 CXX=clang++-14 cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
    -DCMAKE_CXX_FLAGS="-fno-sanitize-recover=all -D_GLIBCXX_ASSERTIONS" \
    -DSAGEON_BUILD_TESTS=ON -DSAGEON_BUILD_FUZZERS=ON -DSAGEON_SANITIZE=ON \
    -DSAGEON_WERROR="$werror" >/dev/null
}

# LeakSanitizer stops the world with ptrace-like calls that some containers forbid; it then fails
# every program at exit. Try it on an empty program first; prints 1 when it works, else 0.
sageon_leak_checks_work() {
  local probe works=1
  probe="$(mktemp -d "${TMPDIR:-/tmp}/sageon-lsan.XXXXXX")"
  echo 'int main() { return 0; }' >"$probe/probe.cc"
  if ! clang++-14 -fsanitize=address "$probe/probe.cc" -o "$probe/probe" ||
      ! ASAN_OPTIONS=detect_leaks=1 "$probe/probe" >/dev/null 2>&1; then
    works=0
    echo "$1: LeakSanitizer does not work here; running without leak checks" >&2
  fi
  rm -rf "$probe"
  echo "$works"
}
