#include "sageon/tokenize/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "sageon/base/thread_break_iterator.h"
#include "sageon/base/utf8.h"

namespace sageon {
namespace {

using PieceKind = Tokenizer::PieceKind;
using Piece = Tokenizer::Piece;

bool IsWordChar(char32_t c) {
  return utf8::IsHangul(c) || u_isalnum(static_cast<UChar32>(c)) ||
         u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ALPHABETIC);
}

// Interpuncts list names inside one eojeol (수원ㆍ성남, 한·미). ICU reads ㆍ (U+318D, a Hangul
// letter often typed for the middle dot) as part of the word, so they are split off here.
bool IsInterpunct(char32_t c) {
  return c == 0x318D || c == 0x00B7 || c == 0x30FB || c == 0x2027 || c == 0xFF65 || c == 0x2022;
}

bool IsLatinOrDigit(char32_t c) { return utf8::IsAsciiAlpha(c) || utf8::IsAsciiDigit(c); }

PieceKind Classify(std::string_view piece) {
  bool all_space = true;
  size_t pos = 0;
  while (pos < piece.size()) {
    const char32_t c = utf8::Next(piece, &pos);
    if (IsWordChar(c) && !IsInterpunct(c)) return PieceKind::kWord;
    if (!utf8::IsSpace(c)) all_space = false;
  }
  return all_space ? PieceKind::kSpace : PieceKind::kSymbol;
}

// A symbol that stays inside the eojeol between the two characters around it: GPT-4, 3.5, 1,000,
// AT&T, 10:30. Elsewhere it is a token of its own (한·미, "인용").
bool JoinsWord(std::string_view symbol, char32_t before, char32_t after) {
  if (symbol == "-" || symbol == "\u2010" || symbol == "\u2011") {
    return IsLatinOrDigit(before) || IsLatinOrDigit(after);
  }
  if (symbol == ".") return IsLatinOrDigit(before) && IsLatinOrDigit(after);
  if (symbol == "," || symbol == ":") {
    return utf8::IsAsciiDigit(before) && utf8::IsAsciiDigit(after);
  }
  if (symbol == "&" || symbol == "'" || symbol == "\u2019") {
    return utf8::IsAsciiAlpha(before) && utf8::IsAsciiAlpha(after);
  }
  return false;
}

// Percent and per-mille signs belong to the number before them (50%가 → 50% + 가).
bool AttachesToNumber(std::string_view symbol) {
  return symbol == "%" || symbol == "\uFF05" || symbol == "\u2030";
}

// Marks that close a quotation or a parenthesis: a particle written right after one belongs to
// the quoted word ('변호인'은).
bool IsClosingMark(std::string_view symbol) {
  static constexpr std::string_view kClosing[] = {
      ")",      "]",      "}",      "'",      "\"",     "\u2019", "\u201D",
      "\u300D", "\u300F", "\u3009", "\u300B", "\u3011", ">",      "\uFF09",
  };
  return std::find(std::begin(kClosing), std::end(kClosing), symbol) != std::end(kClosing);
}

// Appends the ICU piece [begin, end) of `text`, with every interpunct a piece of its own.
void AppendPiece(std::string_view text, uint32_t begin, uint32_t end, std::vector<Piece>* pieces) {
  uint32_t start = begin;
  size_t pos = begin;
  while (pos < end) {
    const uint32_t at = static_cast<uint32_t>(pos);
    if (!IsInterpunct(utf8::Next(text, &pos))) continue;
    if (start < at) pieces->push_back(Piece{start, at, Classify(text.substr(start, at - start))});
    pieces->push_back(Piece{at, static_cast<uint32_t>(pos), PieceKind::kSymbol});
    start = static_cast<uint32_t>(pos);
  }
  if (start < end) pieces->push_back(Piece{start, end, Classify(text.substr(start, end - start))});
}

// ICU's word boundaries over text[begin, end), each piece appended by AppendPiece; false when ICU
// fails. ICU reads UTF-16 natively and UTF-8 only through an adapter that converts it chunk by
// chunk, several times slower: the run is handed over as UTF-16, with the byte offset of every
// UTF-16 unit to map the boundaries back.
class IcuPieces {
 public:
  bool Append(std::string_view text, uint32_t begin, uint32_t end, icu::BreakIterator* iterator,
              std::vector<Piece>* pieces) {
    units_.clear();
    unit_bytes_.clear();
    size_t pos = begin;
    while (pos < end) {
      const auto at = static_cast<uint32_t>(pos);
      const char32_t c = utf8::Next(text, &pos);
      if (c <= 0xFFFF) {
        units_.push_back(static_cast<char16_t>(c));
        unit_bytes_.push_back(at);
      } else {  // a surrogate pair; no boundary falls between its halves
        units_.push_back(static_cast<char16_t>(0xD7C0 + (c >> 10)));
        units_.push_back(static_cast<char16_t>(0xDC00 | (c & 0x3FF)));
        unit_bytes_.push_back(at);
        unit_bytes_.push_back(at);
      }
    }
    unit_bytes_.push_back(end);
    UErrorCode status = U_ZERO_ERROR;
    UText utext = UTEXT_INITIALIZER;
    utext_openUChars(&utext, units_.data(), static_cast<int64_t>(units_.size()), &status);
    if (U_SUCCESS(status)) iterator->setText(&utext, status);
    if (U_FAILURE(status)) {
      utext_close(&utext);
      return false;
    }
    int32_t piece_begin = iterator->first();
    for (int32_t piece_end = iterator->next(); piece_end != icu::BreakIterator::DONE;
         piece_begin = piece_end, piece_end = iterator->next()) {
      AppendPiece(text, unit_bytes_[static_cast<size_t>(piece_begin)],
                  unit_bytes_[static_cast<size_t>(piece_end)], pieces);
    }
    utext_close(&utext);
    return true;
  }

 private:
  std::u16string units_;
  std::vector<uint32_t> unit_bytes_;  // units_.size() + 1 entries
};

bool IsAsciiLetter(unsigned char b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }
bool IsAsciiDigit(unsigned char b) { return b >= '0' && b <= '9'; }

// ASCII punctuation that ICU's word rules never join to a neighbour in Hangul text: each is a
// piece of its own. '_' (ExtendNumLet) glues itself to letters and digits and ICU keeps "@@"
// whole; '.', ',', ';' and '\'' join only letters or digits on both sides (AsciiWordEnd).
bool IsLoneAsciiMark(unsigned char b) {
  return b > 0x20 && b < 0x7F && b != '_' && b != '@' && !IsAsciiLetter(b) && !IsAsciiDigit(b);
}

// The end of the ICU word that starts with the ASCII letter or digit at `begin`, in a run of
// Hangul, ASCII letters, digits and lone marks that ends at `end`. Letters and digits join one
// another (UAX #29 WB5, WB8-WB10); '.' and '\'' join two letters (WB6, WB7), and '.', '\'', ','
// and ';' two digits (WB11, WB12). ':' joins nothing: ICU's rules leave it out of MidLetter.
// Hangul is no letter to these rules (ICU cuts 챗|GPT), and the other marks join nothing.
uint32_t AsciiWordEnd(std::string_view text, uint32_t begin, uint32_t end) {
  uint32_t k = begin;
  for (;;) {
    while (k < end && (IsAsciiLetter(static_cast<unsigned char>(text[k])) ||
                       IsAsciiDigit(static_cast<unsigned char>(text[k])))) {
      ++k;
    }
    if (k + 1 >= end) return k;
    const char mid = text[k];
    const auto before = static_cast<unsigned char>(text[k - 1]);
    const auto after = static_cast<unsigned char>(text[k + 1]);
    const bool letters =
        IsAsciiLetter(before) && IsAsciiLetter(after) && (mid == '.' || mid == '\'');
    const bool digits = IsAsciiDigit(before) && IsAsciiDigit(after) &&
                        (mid == '.' || mid == '\'' || mid == ',' || mid == ';');
    if (!letters && !digits) return k;
    k += 2;  // the mark and the character after it
  }
}

// A character that UAX #29 keeps together with a space next to it: an extending or format
// character after one (WB4), another white space character on either side (WB3d).
bool JoinsSpace(char32_t c) {
  const auto wb = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_WORD_BREAK);
  return wb == U_WB_EXTEND || wb == U_WB_FORMAT || wb == U_WB_ZWJ || wb == U_WB_WSEGSPACE;
}

// ICU's word boundaries cost as much as the rest of the tokenizer, yet in Korean prose they are
// foregone conclusions: a run of ASCII spaces is one piece, a run of Hangul syllables is one
// piece, ASCII letters and digits make words by a few rules (AsciiWordEnd), and other ASCII
// punctuation is a piece per mark. This cuts [begin, end) at its spaces and gives each run those
// pieces, asking ICU only about a run holding anything else (other scripts, symbols, line breaks,
// '_' and '@'). Tests compare the two on random text. The boundaries are the ones ICU finds over
// the whole sentence: ICU's word rules cut before and after every space, except next to a character
// that joins it (JoinsSpace); a sentence with one is left to ICU whole (returns false). ICU
// starts a run's segmentation afresh at the space, so asking it about the run alone changes
// nothing.
bool AppendFastPieces(std::string_view text, uint32_t begin, uint32_t end,
                      icu::BreakIterator* iterator, IcuPieces* icu_pieces,
                      std::vector<Piece>* pieces) {
  uint32_t pos = begin;
  while (pos < end) {
    if (text[pos] == ' ') {
      uint32_t run_end = pos;
      while (run_end < end && text[run_end] == ' ') ++run_end;
      if (run_end < end && static_cast<unsigned char>(text[run_end]) >= 0x80) {
        size_t q = run_end;
        const char32_t next = utf8::Next(text, &q);
        if (!utf8::IsHangulSyllable(next) && JoinsSpace(next)) return false;
      }
      pieces->push_back(Piece{pos, run_end, PieceKind::kSpace});
      pos = run_end;
      continue;
    }
    // A run of anything but spaces: Hangul syllables, ASCII letters, digits and lone marks
    // only, or ICU's.
    uint32_t run_end = pos;
    bool simple = true;
    while (run_end < end && text[run_end] != ' ') {
      const auto b = static_cast<unsigned char>(text[run_end]);
      if (b < 0x80) {
        simple = simple && (IsLoneAsciiMark(b) || IsAsciiLetter(b) || IsAsciiDigit(b));
        ++run_end;
        continue;
      }
      size_t q = run_end;
      const char32_t c = utf8::Next(text, &q);
      simple = simple && utf8::IsHangulSyllable(c);
      run_end = static_cast<uint32_t>(q);
    }
    if (simple) {
      uint32_t k = pos;
      while (k < run_end) {
        const auto b = static_cast<unsigned char>(text[k]);
        if (IsAsciiLetter(b) || IsAsciiDigit(b)) {
          const uint32_t word_end = AsciiWordEnd(text, k, run_end);
          pieces->push_back(Piece{k, word_end, PieceKind::kWord});
          k = word_end;
          continue;
        }
        if (b < 0x80) {
          pieces->push_back(Piece{k, k + 1, PieceKind::kSymbol});
          ++k;
          continue;
        }
        uint32_t word_end = k;
        while (word_end < run_end && static_cast<unsigned char>(text[word_end]) >= 0x80) {
          word_end += 3;  // Hangul syllables are three bytes each
        }
        pieces->push_back(Piece{k, word_end, PieceKind::kWord});
        k = word_end;
      }
    } else {
      if (run_end < end) {
        size_t unused = 0;
        if (JoinsSpace(utf8::Prev(text, run_end, &unused))) return false;
      }
      if (!icu_pieces->Append(text, pos, run_end, iterator, pieces)) return false;
    }
    pos = run_end;
  }
  return true;
}

}  // namespace

struct Tokenizer::Impl {
  explicit Impl(EojeolAnalyzer a) : analyzer(std::move(a)) {}
  EojeolAnalyzer analyzer;
  ThreadBreakIterator<Tokenizer> iterator;

  // Cuts text[begin, end) into pieces: the shortcut when it applies, else ICU's word breaks over
  // the whole range. Pieces cover the range; false when not even ICU could cut it.
  bool CutPieces(std::string_view text, uint32_t begin, uint32_t end, bool use_shortcut,
                 IcuPieces* icu_pieces, std::vector<Piece>* pieces, bool* shortcut_taken) const;
  // `analysis` is scratch space, reused from eojeol to eojeol.
  void AddEojeol(std::string_view text, Span span, uint32_t sentence, EojeolAnalysis* analysis,
                 std::vector<Token>* tokens) const;
};

bool Tokenizer::Impl::CutPieces(std::string_view text, uint32_t begin, uint32_t end,
                                bool use_shortcut, IcuPieces* icu_pieces,
                                std::vector<Piece>* pieces, bool* shortcut_taken) const {
  pieces->clear();
  *shortcut_taken = false;
  icu::BreakIterator* const breaks = iterator.Get();
  if (breaks == nullptr) return false;
  if (use_shortcut && AppendFastPieces(text, begin, end, breaks, icu_pieces, pieces)) {
    *shortcut_taken = true;
    return true;
  }
  pieces->clear();
  return icu_pieces->Append(text, begin, end, breaks, pieces);
}

void Tokenizer::Impl::AddEojeol(std::string_view text, Span span, uint32_t sentence,
                                EojeolAnalysis* analysis, std::vector<Token>* tokens) const {
  const std::string_view eojeol = text.substr(span.begin, span.size());
  const bool after_closing_mark =
      !tokens->empty() && tokens->back().span.end == span.begin &&
      tokens->back().tag == TokenTag::kSymbol &&
      IsClosingMark(text.substr(tokens->back().span.begin, tokens->back().span.size()));
  Token& token = tokens->emplace_back();
  token.span = span;
  token.sentence = sentence;
  if (after_closing_mark && analyzer.IsParticle(eojeol)) {
    token.tag = TokenTag::kParticle;
    return;
  }
  analyzer.Analyze(eojeol, analysis);
  token.tag = analysis->tag;
  token.lemma = std::move(analysis->lemma);
  if (analysis->parts.size() > 1) {
    token.parts.reserve(analysis->parts.size());
    for (const Morph& part : analysis->parts) {
      token.parts.push_back(
          Morph{Span{span.begin + part.span.begin, span.begin + part.span.end}, part.tag});
    }
  }
}

Result<Tokenizer> Tokenizer::Create(const DictionarySet& dictionaries) {
  SAGEON_ASSIGN_OR_RETURN(EojeolAnalyzer analyzer, EojeolAnalyzer::Create(dictionaries));
  auto impl = std::make_unique<Impl>(std::move(analyzer));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> prototype(
      icu::BreakIterator::createWordInstance(icu::Locale::getKorean(), status));
  if (U_FAILURE(status) || prototype == nullptr) {
    return Status(StatusCode::kInternal,
                  std::string("ICU word break iterator: ") + u_errorName(status));
  }
  impl->iterator = ThreadBreakIterator<Tokenizer>(std::move(prototype));
  return Tokenizer(std::move(impl));
}

Tokenizer::Tokenizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
Tokenizer::~Tokenizer() = default;

const EojeolAnalyzer& Tokenizer::analyzer() const { return impl_->analyzer; }

std::vector<Token> Tokenizer::Tokenize(std::string_view text,
                                       const std::vector<Sentence>& sentences) const {
  std::vector<Token> tokens;
  if (impl_->iterator.Get() == nullptr) return tokens;
  std::vector<Piece> pieces;
  IcuPieces icu_pieces;
  EojeolAnalysis analysis;
  for (size_t index = 0; index < sentences.size(); ++index) {
    const uint32_t sentence_begin =
        std::min<uint32_t>(sentences[index].span.begin, static_cast<uint32_t>(text.size()));
    const uint32_t sentence_end = std::clamp<uint32_t>(sentences[index].span.end, sentence_begin,
                                                       static_cast<uint32_t>(text.size()));
    if (sentence_begin == sentence_end) continue;

    bool shortcut_taken = false;
    if (!impl_->CutPieces(text, sentence_begin, sentence_end, /*use_shortcut=*/true, &icu_pieces,
                          &pieces, &shortcut_taken) ||
        pieces.empty()) {
      // ICU failed: the sentence is one piece rather than lost
      pieces.assign(1, Piece{sentence_begin, sentence_end, PieceKind::kWord});
    }

    // Merge the pieces of one eojeol: ICU breaks between scripts (챗|GPT|로, 2023|년에는) and at
    // joiners (GPT|-|4의); a token is the white-space-delimited eojeol, punctuation apart.
    const uint32_t sentence_number = static_cast<uint32_t>(index);
    size_t i = 0;
    while (i < pieces.size()) {
      const Piece& piece = pieces[i];
      if (piece.kind == PieceKind::kSpace) {
        ++i;
        continue;
      }
      if (piece.kind == PieceKind::kSymbol) {
        Token& token = tokens.emplace_back();
        token.span = Span{piece.begin, piece.end};
        token.tag = TokenTag::kSymbol;
        token.sentence = sentence_number;
        ++i;
        continue;
      }
      Span eojeol{piece.begin, piece.end};
      size_t j = i + 1;
      while (j < pieces.size()) {
        const Piece& next = pieces[j];
        if (next.begin != eojeol.end) break;
        if (next.kind == PieceKind::kWord) {
          eojeol.end = next.end;
          ++j;
          continue;
        }
        if (next.kind != PieceKind::kSymbol) break;
        const std::string_view symbol = text.substr(next.begin, next.end - next.begin);
        size_t unused = 0;
        const char32_t before = utf8::Prev(text, eojeol.end, &unused);
        if (AttachesToNumber(symbol) && utf8::IsAsciiDigit(before)) {
          eojeol.end = next.end;
          ++j;
          continue;
        }
        if (j + 1 < pieces.size() && pieces[j + 1].kind == PieceKind::kWord &&
            pieces[j + 1].begin == next.end) {
          size_t pos = next.end;
          const char32_t after = utf8::Next(text, &pos);
          if (JoinsWord(symbol, before, after)) {
            eojeol.end = pieces[j + 1].end;
            j += 2;
            continue;
          }
        }
        break;
      }
      impl_->AddEojeol(text, eojeol, sentence_number, &analysis, &tokens);
      i = j;
    }
  }
  return tokens;
}

std::vector<Tokenizer::Piece> Tokenizer::Pieces(std::string_view text, bool use_shortcut,
                                                bool* shortcut_taken) const {
  std::vector<Piece> pieces;
  IcuPieces icu_pieces;
  bool taken = false;
  if (!text.empty()) {
    impl_->CutPieces(text, 0, static_cast<uint32_t>(text.size()), use_shortcut, &icu_pieces,
                     &pieces, &taken);
  }
  if (shortcut_taken != nullptr) *shortcut_taken = taken;
  return pieces;
}

}  // namespace sageon
