// Normalizer on arbitrary text: the map back to the original must stay consistent whatever the
// combining marks, conjoining jamo, controls and odd spaces, and normalizing twice must change
// nothing more.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "sageon/normalize/normalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sageon;
  const std::string original = fuzz::ValidUtf8(data, size);
  const Normalizer normalizer;
  std::string text;
  std::vector<uint32_t> map;
  normalizer.Normalize(original, &text, &map);
  fuzz::CheckNormalized(original, text, map);

  std::string again;
  std::vector<uint32_t> again_map;
  normalizer.Normalize(text, &again, &again_map);
  fuzz::Check(again == text, "normalizing the normalized text changes it");
  return 0;
}
