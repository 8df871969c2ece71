// Stage 1: Unicode NFC (utf8proc), odd spaces to ' ', zero-width and control characters removed,
// with a map from every byte of the normalized text back into the original.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sageon {

class Normalizer {
 public:
  // `original` must be valid UTF-8. Writes the normalized text and, for every byte offset of it
  // (0..text->size()), the byte offset in `original` it came from; text_to_original->back() is
  // original.size(). Thread-safe; text that is already clean is copied without per-character work.
  void Normalize(std::string_view original, std::string* text,
                 std::vector<uint32_t>* text_to_original) const;
};

}  // namespace sageon
