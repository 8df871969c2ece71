// Sentence splitter on normalized arbitrary text: sentences in order, not overlapping, never
// empty, inside the text and trimmed of white space, whatever the quotes, brackets and dots.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "sageon/normalize/normalizer.h"
#include "sageon/segment/sentence_splitter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sageon;
  static const SentenceSplitter& splitter = fuzz::OrDie<SentenceSplitter>(
      SentenceSplitter::Create(fuzz::Dictionaries()), "SentenceSplitter");
  const std::string original = fuzz::ValidUtf8(data, size);
  std::string text;
  std::vector<uint32_t> map;
  Normalizer().Normalize(original, &text, &map);

  const std::vector<Sentence> sentences = splitter.Split(text);
  uint32_t previous_end = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Span span = sentences[i].span;
    const std::string what = "sentence " + std::to_string(i);
    fuzz::CheckSpan(text, span, what);
    fuzz::Check(!span.empty(), what + " is empty");
    fuzz::Check(span.begin >= previous_end, what + " overlaps the one before");
    previous_end = span.end;
    size_t pos = span.begin;
    fuzz::Check(!utf8::IsSpace(utf8::Next(text, &pos)), what + " starts with white space");
    fuzz::Check(!utf8::IsSpace(utf8::Prev(text, span.end, nullptr)),
                what + " ends with white space");
  }
  return 0;
}
