// Date parsing on arbitrary text: normalize, sentences and tokens as the pipeline runs them, then
// DateExtractor::Extract with a reference date read from the first bytes, so the fuzzer explores
// relative dates against any reference the CLI accepts (years 0000..9999).
//
// Input layout: 8 header bytes, then the text.
//   [0] bit 0: the document has a reference date (else the extractor infers one);
//       bit 1: prefer_future
//   [1..2] year (big-endian, mod 10000)  [3] month  [4] day  [5] hour  [6] minute  [7] second
//   (each taken modulo its range)
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "sageon/extract/date_extractor.h"
#include "sageon/normalize/normalizer.h"
#include "sageon/segment/sentence_splitter.h"
#include "sageon/tokenize/tokenizer.h"

namespace {

constexpr size_t kHeaderSize = 8;

sageon::DateTime ReferenceFrom(const uint8_t* header) {
  sageon::DateTime t;
  t.year = ((header[1] << 8) | header[2]) % 10000;
  t.month = header[3] % 12 + 1;
  t.day = header[4] % sageon::DaysInMonth(t.year, t.month) + 1;
  t.hour = header[5] % 24;
  t.minute = header[6] % 60;
  t.second = header[7] % 60;
  return t;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sageon;
  static const SentenceSplitter& splitter = fuzz::OrDie<SentenceSplitter>(
      SentenceSplitter::Create(fuzz::Dictionaries()), "SentenceSplitter");
  static const Tokenizer& tokenizer =
      fuzz::OrDie<Tokenizer>(Tokenizer::Create(fuzz::Dictionaries()), "Tokenizer");
  static const DateExtractor& past = fuzz::OrDie<DateExtractor>(
      DateExtractor::Create(fuzz::Dictionaries(), DateOptions{false}), "DateExtractor");
  static const DateExtractor& future = fuzz::OrDie<DateExtractor>(
      DateExtractor::Create(fuzz::Dictionaries(), DateOptions{true}), "DateExtractor");
  if (size < kHeaderSize) return 0;

  Document doc;
  if ((data[0] & 1) != 0) doc.reference = ReferenceFrom(data);
  doc.original = fuzz::ValidUtf8(data + kHeaderSize, size - kHeaderSize);
  Normalizer().Normalize(doc.original, &doc.text, &doc.text_to_original);
  doc.sentences = splitter.Split(doc.text);
  doc.tokens = tokenizer.Tokenize(doc.text, doc.sentences);
  ((data[0] & 2) != 0 ? future : past).Extract(&doc);

  for (size_t i = 0; i < doc.dates.size(); ++i) {
    const TemporalExpression& date = doc.dates[i];
    const std::string what = "date " + std::to_string(i);
    fuzz::CheckSpan(doc.text, date.span, what);
    fuzz::Check(!date.span.empty(), what + " is empty");
    fuzz::Check(date.sentence < doc.sentences.size(), what + " names no sentence");
    // How the CLI shows it: the same span in the original text.
    const Span original = doc.ToOriginal(date.span);
    fuzz::Check(original.begin <= original.end && original.end <= doc.original.size(),
                what + " maps outside the original");
    // What the exporters print for every date.
    fuzz::Check(!date.value.Iso().empty(), what + " has an empty ISO value");
    if (date.from) fuzz::Check(!date.from->Iso().empty(), what + " has an empty ISO start");
    if (date.to) fuzz::Check(!date.to->Iso().empty(), what + " has an empty ISO end");
  }
  return 0;
}
