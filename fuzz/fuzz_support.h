// Shared by the libFuzzer targets: the project's dictionaries loaded once, raw bytes made into the
// valid UTF-8 the stages expect, and invariant checks that abort so libFuzzer keeps the input.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "sageon/base/utf8.h"
#include "sageon/document.h"
#include "sageon/resources/dictionary_set.h"

namespace sageon::fuzz {

// Prints `what` and aborts: libFuzzer reports the abort as a crash and saves the input.
[[noreturn]] inline void Fail(const std::string& what) {
  std::fprintf(stderr, "invariant violated: %s\n", what.c_str());
  std::abort();
}

inline void Check(bool ok, const std::string& what) {
  if (!ok) Fail(what);
}

// dictionaries/ of the source tree (an absolute path from CMake, as the tests use), loaded once.
inline const DictionarySet& Dictionaries() {
  static const DictionarySet* const dictionaries = [] {
    auto loaded = DictionarySet::LoadDirectory(SAGEON_FUZZ_DICT_DIR);
    if (!loaded.ok()) Fail("cannot load dictionaries: " + loaded.status().message());
    return new DictionarySet(std::move(loaded).value());
  }();
  return *dictionaries;
}

// A stage that fails to build from the project's dictionaries is a setup error, not a finding.
template <typename T, typename R>
const T& OrDie(R&& result, const char* name) {
  if (!result.ok()) Fail(std::string(name) + ": " + result.status().message());
  return *new T(std::move(result).value());
}

// The stages take valid UTF-8 (the input reader guarantees it): every invalid byte becomes U+FFFD,
// as the reader does, so the fuzzer still reaches the stages with arbitrary bytes.
inline std::string ValidUtf8(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string out;
  out.reserve(size);
  while (!bytes.empty()) {
    const size_t invalid = utf8::FindInvalid(bytes);
    if (invalid == std::string_view::npos) {
      out.append(bytes);
      break;
    }
    out.append(bytes.substr(0, invalid));
    utf8::Append(0xFFFD, &out);
    bytes.remove_prefix(invalid + 1);
  }
  return out;
}

inline bool IsCodePointBoundary(std::string_view text, size_t offset) {
  return offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

// A span of `text` is [begin, end) inside it, on code point boundaries.
inline void CheckSpan(std::string_view text, Span span, const std::string& what) {
  Check(span.begin <= span.end && span.end <= text.size(),
        what + ": span [" + std::to_string(span.begin) + ", " + std::to_string(span.end) +
            ") outside a text of " + std::to_string(text.size()) + " bytes");
  Check(IsCodePointBoundary(text, span.begin) && IsCodePointBoundary(text, span.end),
        what + ": span [" + std::to_string(span.begin) + ", " + std::to_string(span.end) +
            ") cuts a UTF-8 sequence");
}

// What the normalizer promises: valid UTF-8 and one map entry per byte plus one, monotone, ending
// at the end of the original.
inline void CheckNormalized(std::string_view original, std::string_view text,
                            const std::vector<uint32_t>& map) {
  Check(utf8::FindInvalid(text) == std::string_view::npos, "normalized text is not valid UTF-8");
  Check(map.size() == text.size() + 1,
        "map size " + std::to_string(map.size()) +
            " != normalized size + 1 = " + std::to_string(text.size() + 1));
  Check(map.back() == original.size(), "map does not end at the end of the original");
  for (size_t k = 1; k < map.size(); ++k) {
    Check(map[k - 1] <= map[k], "map decreases at normalized byte " + std::to_string(k));
  }
}

}  // namespace sageon::fuzz
