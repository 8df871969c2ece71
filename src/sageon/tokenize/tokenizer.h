// Stage 3: tokens. ICU word breaks give eojeols and punctuation; the EojeolAnalyzer splits each
// eojeol into noun + particle or stem + ending.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "sageon/base/status.h"
#include "sageon/document.h"
#include "sageon/resources/dictionary_set.h"
#include "sageon/tokenize/eojeol_analyzer.h"

namespace sageon {

class Tokenizer {
 public:
  static Result<Tokenizer> Create(const DictionarySet& dictionaries);

  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;
  ~Tokenizer();

  // Tokens of `text` sentence by sentence (Token::sentence is the index into `sentences`).
  // White space makes no token. Const and thread-safe.
  std::vector<Token> Tokenize(std::string_view text, const std::vector<Sentence>& sentences) const;

  const EojeolAnalyzer& analyzer() const;

 private:
  struct Impl;
  explicit Tokenizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sageon
