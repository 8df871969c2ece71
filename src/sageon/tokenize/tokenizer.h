// Stage 3: tokens. ICU word breaks give eojeols and punctuation; the EojeolAnalyzer splits each
// eojeol into noun + particle or stem + ending.
#pragma once

#include <cstdint>
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

  // How the tokenizer cuts text before it merges the pieces of one eojeol: runs of white space,
  // words and symbols, as ICU's word boundaries give them, with interpuncts cut apart.
  enum class PieceKind { kSpace, kWord, kSymbol };
  struct Piece {
    uint32_t begin = 0;  // bytes of the text
    uint32_t end = 0;
    PieceKind kind = PieceKind::kSymbol;
    friend bool operator==(const Piece&, const Piece&) = default;
  };
  // The pieces of `text` taken as one sentence. With `use_shortcut`, as Tokenize cuts them: in
  // Korean prose most of a sentence is cut without ICU (see AppendFastPieces), and
  // *shortcut_taken tells whether that applied; without it, from ICU's word boundaries over the
  // whole text. The two must agree on any text: tests compare them.
  std::vector<Piece> Pieces(std::string_view text, bool use_shortcut,
                            bool* shortcut_taken = nullptr) const;

 private:
  struct Impl;
  explicit Tokenizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sageon
