// Tokenizer (ICU word breaks + eojeol analysis) on the sentences of normalized arbitrary text:
// every token and morph inside its sentence, in order, on code point boundaries.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "sageon/normalize/normalizer.h"
#include "sageon/segment/sentence_splitter.h"
#include "sageon/tokenize/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sageon;
  static const SentenceSplitter& splitter = fuzz::OrDie<SentenceSplitter>(
      SentenceSplitter::Create(fuzz::Dictionaries()), "SentenceSplitter");
  static const Tokenizer& tokenizer =
      fuzz::OrDie<Tokenizer>(Tokenizer::Create(fuzz::Dictionaries()), "Tokenizer");
  const std::string original = fuzz::ValidUtf8(data, size);
  std::string text;
  std::vector<uint32_t> map;
  Normalizer().Normalize(original, &text, &map);
  const std::vector<Sentence> sentences = splitter.Split(text);

  const std::vector<Token> tokens = tokenizer.Tokenize(text, sentences);
  uint32_t previous_end = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    const std::string what = "token " + std::to_string(i);
    fuzz::CheckSpan(text, token.span, what);
    fuzz::Check(!token.span.empty(), what + " is empty");
    fuzz::Check(token.span.begin >= previous_end, what + " overlaps the one before");
    previous_end = token.span.end;
    fuzz::Check(token.sentence < sentences.size(), what + " names no sentence");
    const Span sentence = sentences[token.sentence].span;
    fuzz::Check(token.span.begin >= sentence.begin && token.span.end <= sentence.end,
                what + " is outside its sentence");
    for (const Morph& morph : token.parts) {
      fuzz::CheckSpan(text, morph.span, what + " part");
      fuzz::Check(morph.span.begin >= token.span.begin && morph.span.end <= token.span.end,
                  what + " has a part outside it");
    }
  }
  return 0;
}
