# Sourced by the scripts/*.sh that build: installs the Debian packages given that are
# missing, through apt-get (with sudo when not root).
#   sageon_install_packages SCRIPT_NAME PACKAGE...    SCRIPT_NAME prefixes the messages
sageon_install_packages() {
  local script="$1"
  shift
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "$script: installing ${missing[*]}" >&2
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null || { echo "$script: run as root or install sudo" >&2; exit 1; }
      sudo=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -q
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

# What the library and the CLI need to build, and hunspell-ko: its word list of general Korean
# words (/usr/share/hunspell/ko.dic) tells the entity stage a word from a name.
SAGEON_BUILD_PACKAGES=(g++ cmake ninja-build pkg-config libicu-dev libutf8proc-dev
                       libboost-program-options-dev nlohmann-json3-dev libxml2-dev hunspell-ko)

# What the Clang sanitizer and libFuzzer builds add (scripts/fuzz.sh, scripts/sanitize.sh): the
# compiler, its runtimes (ASan, UBSan, libFuzzer are all in libclang-rt-14-dev) and llvm-symbolizer
# (llvm-14) for stacks with file and line.
SAGEON_CLANG_SANITIZER_PACKAGES=(clang-14 libclang-rt-14-dev llvm-14)

# What the test suite adds (GoogleTest, Python checks of the exports, the format check). The same
# list as scripts/build.sh --tests.
# python3-distributed (Dask) and parallel (GNU parallel) run the recipes of tests/cli/dask_test.py
# and tests/cli/parallel_test.py: sharded runs mapped over workers, then merged.
SAGEON_TEST_PACKAGES=(googletest libgtest-dev python3 python3-networkx python3-igraph clang-format
                      python3-distributed parallel)
