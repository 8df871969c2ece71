#include "sageon/segment/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_set>

#include "sageon/base/thread_break_iterator.h"
#include "sageon/base/utf8.h"

namespace sageon {

namespace {

// A bracket or quote pair longer than this (in code points) is taken as unbalanced: a stray '('
// must not glue the rest of a post into one sentence.
constexpr size_t kMaxPairLength = 600;
// Lines shorter than this that end without a final ending or punctuation are headings.
constexpr size_t kHeadingMaxChars = 40;
// A note in parentheses after a sentence ("(6회 우승)", "(2021년 3월 9일)") has at most this many
// words; a longer one is a clause of its own.
constexpr size_t kNoteMaxWords = 3;

// ---------------------------------------------------------------- characters

bool IsSpaceCp(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
  return !utf8::IsHangulSyllable(c) && utf8::IsSpace(c);
}

// Compatibility jamo used alone as laughter or tears: ㅋㅋ, ㅎㅎ, ㅠㅠ, ㅜㅜ.
bool IsEmoticonJamo(char32_t c) {
  return c == U'ㅋ' || c == U'ㅎ' || c == U'ㅠ' || c == U'ㅜ' || c == U'ㅡ' || c == U'ㄷ';
}

bool IsTerminator(char32_t c) {
  return c == '.' || c == '?' || c == '!' || c == U'…' || c == U'？' || c == U'！' || c == U'。' ||
         c == U'‼' || c == U'⁉';
}

// Symbols, emoji and modifiers: they decorate the end of a sentence, never start one.
bool IsDecoration(char32_t c) {
  if (utf8::IsHangulSyllable(c)) return false;
  if (c == '~' || c == '^' || c == U'～' || c == ';' || IsEmoticonJamo(c)) return true;
  if (c == 0xFE0F || c == 0x200D || (c >= 0x1F3FB && c <= 0x1F3FF)) return true;
  const int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_OTHER_SYMBOL || type == U_MODIFIER_SYMBOL || type == U_MATH_SYMBOL ||
         type == U_NON_SPACING_MARK;
}

// Characters that make up emoticons: ㅋㅋ, ㅠㅠ, ^^, ~, ♡, emoji.
bool IsEmoticonChar(char32_t c) {
  return IsEmoticonJamo(c) || c == '^' || c == '~' || c == U'～' || c == ';' || c == 0xFE0F ||
         c == 0x200D || c >= 0x1F000 || (c >= 0x2600 && c <= 0x27BF);
}

// Syllables repeated as written laughter: 하하하, 호호, 히히, 크크, 흐흐, 헤헤.
bool IsLaughSyllable(char32_t c) {
  return c == U'하' || c == U'호' || c == U'히' || c == U'크' || c == U'흐' || c == U'헤' ||
         c == U'키' || c == U'ㅋ' || c == U'ㅎ';
}

bool IsClosingQuote(char32_t c) {
  return c == '"' || c == '\'' || c == U'”' || c == U'’' || c == U'」' || c == U'』' ||
         c == U'》' || c == U'〉' || c == '>';
}

// Whether a Hangul syllable begins with ㄹ (라, 로, 리...).
bool InitialIsRieul(char32_t c) {
  constexpr char32_t kRieulFirst = 0xB77C;  // 라
  constexpr char32_t kSyllablesPerInitial = 21 * 28;
  return c >= kRieulFirst && c < kRieulFirst + kSyllablesPerInitial;
}

// 그, 이, 저: demonstratives open the noun phrase of a new sentence ("그 뒤로"), whereas another
// lone syllable glued after a footnote mark is a leftover of the sentence before it.
bool IsDemonstrative(std::u32string_view word) {
  return word == U"그" || word == U"이" || word == U"저";
}

// u_isalnum, answered without ICU for ASCII and Hangul syllables (all letters), most of the text.
bool IsLetterOrDigit(char32_t c) {
  if (c < 0x80) return utf8::IsAsciiAlpha(c) || utf8::IsAsciiDigit(c);
  if (utf8::IsHangulSyllable(c)) return true;
  return u_isalnum(static_cast<UChar32>(c)) != 0;
}

// The jongseong index (1..27) of a compatibility consonant jamo used as the first character of a
// final form ("ㅂ니다"), or 0.
int JongseongOf(char32_t jamo) {
  static constexpr char32_t kFinals[] = {U'ㄱ', U'ㄲ', U'ㄳ', U'ㄴ', U'ㄵ', U'ㄶ', U'ㄷ',
                                         U'ㄹ', U'ㄺ', U'ㄻ', U'ㄼ', U'ㄽ', U'ㄾ', U'ㄿ',
                                         U'ㅀ', U'ㅁ', U'ㅂ', U'ㅄ', U'ㅅ', U'ㅆ', U'ㅇ',
                                         U'ㅈ', U'ㅊ', U'ㅋ', U'ㅌ', U'ㅍ', U'ㅎ'};
  for (int k = 0; k < 27; ++k) {
    if (kFinals[k] == jamo) return k + 1;
  }
  return 0;
}

std::u32string Decode(std::string_view s) {
  std::u32string out;
  size_t pos = 0;
  while (pos < s.size()) out.push_back(utf8::Next(s, &pos));
  return out;
}

bool EndsWith(std::u32string_view s, std::u32string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A form of sentence_endings.tsv: the text after an optional leading final-consonant jamo.
struct EndingForm {
  std::u32string rest;
  int jongseong = 0;  // the final consonant the syllable before `rest` must have, 0 for any
};

struct WordForm {
  std::u32string text;
  bool prefix = false;  // "싶*": any word starting with the text
};

// A 64-bit summary of a set of code points: a string holds every code point of another only if
// its mask holds every bit of the other's, which rules most cues out of a line without a search.
uint64_t CodePointBit(char32_t c) { return uint64_t{1} << ((c * 0x9E3779B1u) >> 26); }

struct BoilerplateCue {
  std::string cue;
  uint64_t mask = 0;  // CodePointBit of each of its code points; 0 (never ruled out) if not UTF-8
  enum class Scope { kButton, kLine, kSection };
  Scope scope = Scope::kLine;
  size_t max_chars = 0;
};

// Lists keyed by a Hangul syllable and found by its index, without hashing: the sentence-final
// check asks about the last syllable of every word.
template <typename T>
class SyllableLists {
 public:
  // The list of `syllable`, a Hangul syllable; created empty when missing.
  std::vector<T>& operator[](char32_t syllable) {
    if (index_.empty()) index_.assign(kSyllables, 0);
    uint16_t& slot = index_[syllable - 0xAC00];
    if (slot == 0) {
      lists_.emplace_back();
      slot = static_cast<uint16_t>(lists_.size());
    }
    return lists_[slot - 1];
  }
  // The list of `c`, or nullptr when it has none (or is no Hangul syllable).
  const std::vector<T>* Find(char32_t c) const {
    if (!utf8::IsHangulSyllable(c) || index_.empty()) return nullptr;
    const uint16_t slot = index_[c - 0xAC00];
    return slot == 0 ? nullptr : &lists_[slot - 1];
  }

 private:
  static constexpr size_t kSyllables = 11172;  // fewer than 65535 lists
  std::vector<uint16_t> index_;                // 1 + index into lists_, 0 for none
  std::vector<std::vector<T>> lists_;
};

// The lexicons of the rules, read once in Create().
struct Lexicon {
  // Keyed by their last code point: a word is checked only against the forms it can end in. Only
  // a word that ends in a Hangul syllable can end in a final form (IsFinalCore), so forms that end
  // otherwise are not kept.
  SyllableLists<EndingForm> finals;
  SyllableLists<std::u32string> not_finals;
  std::vector<WordForm> quotatives;
  std::vector<WordForm> continuations;
  std::vector<std::u32string> hanging;
  std::unordered_set<std::string> abbreviations;
  size_t longest_abbreviation = 0;  // in code points: a longer word is none of them
  std::vector<BoilerplateCue> boilerplate;

  bool IsFinalCore(std::u32string_view core) const;
  static bool MatchesWord(const std::vector<WordForm>& forms, std::u32string_view word);
};

}  // namespace

namespace {

// ---------------------------------------------------------------- the working state of one Split

struct Pair {
  size_t open;
  size_t close;
};

// The arrays a Splitter fills per code point. Each thread keeps them from one document to the
// next: allocating them anew for every document cost a tenth of splitting. After a huge document
// the thread gives their memory back instead of holding it.
struct SplitterArrays {
  std::vector<char32_t> cps;
  std::vector<uint32_t> offset, run_begin, run_end, marks, url_marks, pair_close;
  std::vector<uint8_t> is_close;
  std::vector<int> inside;
  std::vector<char16_t> units;

  void Clear() {
    cps.clear();
    offset.clear();
    run_begin.clear();
    run_end.clear();
    marks.clear();
    url_marks.clear();
    pair_close.clear();
    is_close.clear();
    inside.clear();
    units.clear();
  }
  void ReleaseIfHuge() {
    constexpr size_t kKeptCodePoints = size_t{1} << 20;  // about 30 MB of arrays
    if (cps.capacity() > kKeptCodePoints) *this = SplitterArrays();
  }
};

class Splitter {
 public:
  // `iterator` is this thread's own sentence BreakIterator; `arrays` this thread's, emptied here.
  Splitter(const Lexicon& impl, icu::BreakIterator* iterator, std::string_view text,
           SplitterArrays* arrays)
      : impl_(impl),
        iterator_(iterator),
        text_(text),
        units_(arrays->units),
        cps_(arrays->cps),
        offset_(arrays->offset),
        run_begin_(arrays->run_begin),
        run_end_(arrays->run_end),
        marks_(arrays->marks),
        url_marks_(arrays->url_marks),
        inside_(arrays->inside),
        pair_close_(arrays->pair_close),
        is_close_(arrays->is_close) {
    arrays->Clear();
    // Valid UTF-8 has a code point for every byte that is not a continuation byte: the count
    // sizes the arrays at once (it only sizes them: decoding decides what they hold).
    size_t estimate = 0;
    for (const char b : text) estimate += (static_cast<unsigned char>(b) & 0xC0) != 0x80 ? 1 : 0;
    cps_.reserve(estimate);
    offset_.reserve(estimate + 1);
    run_begin_.reserve(estimate);
    run_end_.reserve(estimate);
    // One pass decodes the text and finds where each run of spaces or non-spaces begins and
    // ends, so that finding the word around a position costs nothing however long the run: a post
    // pasted without spaces or a page of blank lines must not make splitting quadratic.
    uint32_t run_start = 0;
    bool run_is_space = false;
    size_t pos = 0;
    while (pos < text.size()) {
      const auto k = static_cast<uint32_t>(cps_.size());
      offset_.push_back(static_cast<uint32_t>(pos));
      const char32_t c = utf8::Next(text, &pos);
      const bool space = IsSpaceCp(c);
      if (k > 0 && space != run_is_space) {
        for (uint32_t i = run_start; i < k; ++i) run_end_.push_back(k);
        run_start = k;
      }
      run_is_space = space;
      run_begin_.push_back(run_start);
      cps_.push_back(c);
      // What FindPairs and ProtectUrls look at: few characters of prose.
      if (!utf8::IsHangulSyllable(c) && !(c < 0x80 && IsLetterOrDigit(c)) && c != ' ') {
        marks_.push_back(k);
      }
      if (c == '@' || c == ':' ||
          (c == '.' && k >= 3 && cps_[k - 3] == 'w' && cps_[k - 2] == 'w' && cps_[k - 1] == 'w')) {
        url_marks_.push_back(k);
      }
    }
    n_ = cps_.size();
    run_end_.insert(run_end_.end(), n_ - run_start, static_cast<uint32_t>(n_));
    offset_.push_back(static_cast<uint32_t>(text.size()));
  }

  std::vector<Sentence> Run();

 private:
  void FindPairs();
  void ProtectUrls();
  void AddIcuCandidates();
  void AddWordCandidates();
  void AddCandidate(size_t boundary, bool punctuated);
  bool Keep(size_t left, size_t right, bool punctuated) const;
  void AttachTrailingNotes();
  std::vector<Span> Pieces() const;
  void MarkLines(std::vector<Sentence>* sentences) const;

  // Word helpers: [begin, end) of the non-space run containing or starting at `k`.
  size_t WordEnd(size_t k) const { return k < n_ && !IsSpaceCp(cps_[k]) ? run_end_[k] : k; }
  size_t WordBegin(size_t k) const {  // k is inside a word
    return k > 0 && !IsSpaceCp(cps_[k - 1]) ? run_begin_[k - 1] : k;
  }
  // The first non-space at or after `k`.
  size_t SkipSpaces(size_t k) const { return k < n_ && IsSpaceCp(cps_[k]) ? run_end_[k] : k; }
  std::u32string_view View(size_t b, size_t e) const {
    return std::u32string_view(cps_.data() + b, e - b);
  }
  // The word without the punctuation, emoticons and decorations that trail it.
  std::u32string_view Core(size_t b, size_t e) const {
    // Most words end in a Hangul syllable, which is none of what is stripped below.
    if (e > b && utf8::IsHangulSyllable(cps_[e - 1])) return View(b, e);
    while (e > b) {
      const char32_t c = cps_[e - 1];
      if (IsTerminator(c) || IsDecoration(c) || c == ',' || IsClosingQuote(c)) {
        --e;
        continue;
      }
      // A parenthesis glued to the word: "없잖아요(강한부정)" ends in 없잖아요.
      if (c != ')' && c != U'）') break;
      const auto open = open_of_.find(e - 1);
      if (open != open_of_.end() && open->second > b) {
        e = open->second;
        continue;
      }
      break;
    }
    return View(b, e);
  }
  bool IsEmoticonWord(size_t b, size_t e) const;
  bool EndsWithEmoticon(size_t b, size_t e) const;
  bool IsMarkerPiece(size_t b, size_t e) const;
  bool IsDateOnly(size_t b, size_t e) const;
  // Whether code point `close` is the ']' of a footnote mark glued to a sentence end: 다.[8]
  // A chain of marks ("다.[1][2]") is walked back one mark at a time: a loop, not recursion, so
  // a line of a million marks cannot exhaust the stack.
  bool IsFootnoteAfterEnd(size_t close) const {
    while (cps_[close] == ']') {
      const auto open = open_of_.find(close);
      if (open == open_of_.end() || open->second == 0) return false;
      const char32_t before = cps_[open->second - 1];
      if (IsTerminator(before)) return true;
      if (before != ']') return false;
      close = open->second - 1;
    }
    return false;
  }
  bool HasLetters(size_t b, size_t e) const {
    for (size_t k = b; k < e; ++k) {
      if (IsLetterOrDigit(cps_[k]) && !IsEmoticonJamo(cps_[k])) return true;
    }
    return false;
  }
  bool NewlineBetween(size_t a, size_t b) const {
    for (size_t k = a; k < b; ++k) {
      if (cps_[k] == '\n') return true;
    }
    return false;
  }

  const Lexicon& impl_;
  icu::BreakIterator* iterator_;  // may be null: ICU could not be had, its candidates are none
  std::string_view text_;
  std::vector<char16_t>& units_;  // the text as UTF-16, for ICU
  std::vector<char32_t>& cps_;
  std::vector<uint32_t>& offset_;  // code point index -> byte offset, n_ + 1 entries
  size_t n_ = 0;
  // For each code point, the [begin, end) of the run of spaces or of non-spaces it is in.
  std::vector<uint32_t>& run_begin_;
  std::vector<uint32_t>& run_end_;
  // Code points other than Hangul syllables, ASCII letters and digits and ' ': the brackets,
  // quotes and line breaks FindPairs looks for are among them.
  std::vector<uint32_t>& marks_;
  // Every '@', ':' and '.' after "www": a URL or e-mail address holds one of them.
  std::vector<uint32_t>& url_marks_;
  std::vector<Pair> pairs_;
  std::vector<int>& inside_;  // inside_[k] > 0: the gap after code point k is in a pair
  // For an opening code point, the index of its close, else 0.
  std::vector<uint32_t>& pair_close_;
  std::map<size_t, size_t> open_of_;   // closing code point -> its opening one
  std::vector<uint8_t>& is_close_;     // 1: the code point closes a pair
  std::map<size_t, bool> candidates_;  // right (next sentence start) -> punctuated
  std::set<size_t> boundaries_;
};

bool Lexicon::IsFinalCore(std::u32string_view core) const {
  if (core.size() < 2 || !utf8::IsHangulSyllable(core.back())) return false;
  const std::vector<EndingForm>* const forms = finals.Find(core.back());
  if (forms == nullptr) return false;
  if (const std::vector<std::u32string>* const nf = not_finals.Find(core.back())) {
    for (const std::u32string& form : *nf) {
      if (EndsWith(core, form)) return false;
    }
  }
  for (const EndingForm& f : *forms) {
    if (f.jongseong == 0) {
      // A one-syllable form needs a stem before it (다, 요 alone are an adverb and a noun); a
      // longer one may be the whole word (않음, 없음).
      const size_t min_size = f.rest.size() == 1 ? 2 : f.rest.size();
      if (core.size() < min_size || !EndsWith(core, f.rest)) continue;
      // Native Korean stems never begin with ㄹ (the initial-sound rule), so a two-syllable word
      // like 라요 or 리다 is a transliterated name, not a stem and its ending.
      if (f.rest.size() == 1 && core.size() == 2 && InitialIsRieul(core[0])) continue;
      return true;
    }
    if (core.size() < f.rest.size() + 1 || !EndsWith(core, f.rest)) continue;
    const char32_t before = core[core.size() - f.rest.size() - 1];
    if (utf8::FinalConsonant(before) == f.jongseong) return true;
  }
  return false;
}

bool Lexicon::MatchesWord(const std::vector<WordForm>& forms, std::u32string_view word) {
  for (const WordForm& f : forms) {
    if (f.prefix ? word.substr(0, f.text.size()) == f.text : word == f.text) return true;
  }
  return false;
}

bool Splitter::IsEmoticonWord(size_t b, size_t e) const {
  bool laugh = e - b >= 2;
  bool emoticon = true;
  for (size_t k = b; k < e && (laugh || emoticon); ++k) {
    const char32_t c = cps_[k];
    laugh = laugh && (IsLaughSyllable(c) || IsTerminator(c) || c == '~');
    emoticon = emoticon && (IsEmoticonChar(c) || IsTerminator(c));
  }
  return e > b && (emoticon || laugh);
}

bool Splitter::EndsWithEmoticon(size_t b, size_t e) const {
  while (e > b && IsTerminator(cps_[e - 1])) --e;
  if (e == b) return false;
  const char32_t last = cps_[e - 1];
  if (IsEmoticonJamo(last) && last != U'ㅡ' && last != U'ㄷ') return true;
  if (last == '^' && e - b >= 2 && cps_[e - 2] == '^') return true;
  // Most words: nothing below U+2600 is an emoticon here, nor is a Hangul syllable.
  if (last < 0x2600 || utf8::IsHangulSyllable(last)) return false;
  const int8_t type = u_charType(static_cast<UChar32>(last));
  return last >= 0x1F000 || (last >= 0x1F3FB && last <= 0x1F3FF) || last == 0xFE0F ||
         type == U_OTHER_SYMBOL;
}

// "1.", "15.", "①", "가.", "-", "•", "▶": list numbering and bullets that start a line item.
bool Splitter::IsMarkerPiece(size_t b, size_t e) const {
  if (e <= b) return false;
  if (e - b == 1) {
    const char32_t c = cps_[b];
    return (c >= U'①' && c <= U'⑳') || c == '-' || c == U'•' || c == U'▶' || c == U'※' ||
           c == '*' || c == U'·' || c == U'–' || c == U'▷' || c == U'■' || c == U'□';
  }
  const char32_t last = cps_[e - 1];
  if (last != '.' && last != ')') return false;
  if (e - b <= 4) {
    bool digits = true;
    for (size_t k = b; digits && k + 1 < e; ++k) digits = utf8::IsAsciiDigit(cps_[k]);
    if (digits) return true;
  }
  return e - b == 2 && (utf8::IsHangulSyllable(cps_[b]) || utf8::IsAsciiAlpha(cps_[b]));
}

// "2023. 11. 17.", "2023.11.17", "2023년 11월 17일 (금)": a line that is only a date.
bool Splitter::IsDateOnly(size_t b, size_t e) const {
  static const std::u32string kAllowed = U" .-/()년월일요화수목금토";
  size_t groups = 0;
  bool in_digits = false;
  for (size_t k = b; k < e; ++k) {
    const char32_t c = cps_[k];
    if (utf8::IsAsciiDigit(c)) {
      if (!in_digits) ++groups;
      in_digits = true;
      continue;
    }
    in_digits = false;
    if (kAllowed.find(c) == std::u32string::npos) return false;
  }
  return groups >= 2;
}

// Brackets and quotes, matched within a line. Nothing splits inside them.
void Splitter::FindPairs() {
  struct Open {
    char32_t close;
    size_t pos;
  };
  static const std::u32string kOpen = U"([{（［｛【〔〈《「『“‘«";
  static const std::u32string kClose = U")]}）］｝】〕〉》」』”’»";
  static const std::u32string kClosers = kClose + U"\"'>";
  std::vector<Open> stack;
  // Per closing character (its index in kClosers), the positions in `stack` of the openers it
  // closes, innermost last: a closer finds its opener at once, however many brackets of other
  // kinds are open ("(" a hundred thousand times, then "]" as often, must not be quadratic).
  std::vector<std::vector<size_t>> open_at(kClosers.size());
  pair_close_.assign(n_ + 1, 0);
  is_close_.assign(n_ + 1, 0);
  auto push = [&](char32_t close, size_t k) {
    open_at[kClosers.find(close)].push_back(stack.size());
    stack.push_back({close, k});
  };
  auto close_with = [&](char32_t close, size_t k) {
    const std::vector<size_t>& openers = open_at[kClosers.find(close)];
    if (openers.empty()) return false;
    const size_t j = openers.back();
    if (k - stack[j].pos <= kMaxPairLength) {
      pairs_.push_back({stack[j].pos, k});
      pair_close_[stack[j].pos] = static_cast<uint32_t>(k);
      open_of_[k] = stack[j].pos;
      is_close_[k] = 1;
    }
    // The openers above it are left unclosed, as a closer skips what it does not match.
    stack.resize(j);
    for (std::vector<size_t>& positions : open_at) {
      while (!positions.empty() && positions.back() >= j) positions.pop_back();
    }
    return true;
  };
  for (const size_t k : marks_) {  // every other code point is text, none of these
    const char32_t c = cps_[k];
    if (c == '\n') {
      stack.clear();
      for (std::vector<size_t>& positions : open_at) positions.clear();
      continue;
    }
    const char32_t prev = k > 0 ? cps_[k - 1] : U' ';
    const char32_t next = k + 1 < n_ ? cps_[k + 1] : U' ';
    if (c == '"') {
      if (!close_with('"', k)) push('"', k);
      continue;
    }
    if (c == '\'') {
      // An apostrophe inside a Latin word (Ghosts'n'Goblins, don't) is not a quote.
      if (!IsSpaceCp(prev) && close_with('\'', k)) continue;
      if (!utf8::IsAsciiAlpha(prev) && !utf8::IsAsciiDigit(prev) && !IsSpaceCp(next)) {
        push('\'', k);
      }
      continue;
    }
    if (c == '<') {
      if (!IsSpaceCp(next)) push('>', k);
      continue;
    }
    if (c == '>') {
      close_with('>', k);
      continue;
    }
    const size_t open = kOpen.find(c);
    if (open != std::u32string::npos) {
      push(kClose[open], k);
      continue;
    }
    if (kClose.find(c) != std::u32string::npos) close_with(c, k);
  }
}

// URLs and e-mail addresses: their dots and question marks are not sentence ends.
void Splitter::ProtectUrls() {
  // Only a word with an '@' or a ':' in it, or starting with "www.", can be one: the words of
  // the url marks.
  size_t checked = 0;  // the words before this code point are done
  for (const size_t mark : url_marks_) {
    if (mark < checked) continue;
    const size_t b = run_begin_[mark];
    const size_t e = run_end_[mark];
    checked = e;
    const std::u32string_view w = View(b, e);
    const size_t at = w.find(U'@');
    const bool url = w.find(U"://") != std::u32string_view::npos || w.substr(0, 4) == U"www.";
    const bool mail =
        at != std::u32string_view::npos && at > 0 && w.find(U'.', at) != std::u32string_view::npos;
    if (!url && !mail) continue;
    size_t end = e;
    while (end > b && (IsTerminator(cps_[end - 1]) || cps_[end - 1] == ')' ||
                       cps_[end - 1] == ',' || cps_[end - 1] == '"')) {
      --end;
    }
    if (end > b + 1) pairs_.push_back({b, end - 1});
  }
}

void Splitter::AddCandidate(size_t boundary, bool punctuated) {
  if (boundary == 0 || boundary >= n_) return;
  size_t right = boundary;
  // Closing quotes, emoji and the like glued to the punctuation belong to the sentence it ends
  // ("안녕하세요!🖐🏻"), and so does a parenthesis glued to it ("...한다."(요한
  // 3:13)).
  if (!IsSpaceCp(cps_[right - 1])) {
    // ICU may break between an opening bracket and its content ("거절하였다.[" | "2]").
    while (right > 1 && pair_close_[right - 1] != 0 &&
           (IsTerminator(cps_[right - 2]) || is_close_[right - 2] != 0)) {
      --right;
    }
    while (right < n_ && !IsSpaceCp(cps_[right])) {
      const char32_t c = cps_[right];
      // A footnote or citation: "[2]", "(요한 3:13)". "[파트] 선택" starts the next sentence.
      if (pair_close_[right] != 0 && (c == '(' || c == U'（' || c == '[')) {
        const size_t close = pair_close_[right];
        const bool digit = std::any_of(cps_.begin() + static_cast<std::ptrdiff_t>(right),
                                       cps_.begin() + static_cast<std::ptrdiff_t>(close),
                                       [](char32_t d) { return utf8::IsAsciiDigit(d); });
        if (!digit) break;
        right = close + 1;
        continue;
      }
      if (is_close_[right] != 0 || IsDecoration(c) || IsTerminator(c)) {
        ++right;
        continue;
      }
      break;
    }
  }
  right = SkipSpaces(right);
  if (right >= n_) return;
  auto [it, inserted] = candidates_.emplace(right, punctuated);
  if (!inserted) it->second = it->second || punctuated;
}

void Splitter::AddIcuCandidates() {
  icu::BreakIterator* const it = iterator_;
  if (it == nullptr) return;
  // ICU reads UTF-16 natively and UTF-8 only through an adapter that converts it chunk by chunk,
  // several times slower: it is handed the code points as UTF-16.
  std::vector<char16_t>& units = units_;
  units.reserve(n_);
  for (const char32_t c : cps_) {
    if (c <= 0xFFFF) {
      units.push_back(static_cast<char16_t>(c));
    } else {
      units.push_back(static_cast<char16_t>(0xD7C0 + (c >> 10)));
      units.push_back(static_cast<char16_t>(0xDC00 | (c & 0x3FF)));
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, units.data(), static_cast<int64_t>(units.size()), &status);
  if (U_SUCCESS(status)) it->setText(&ut, status);
  if (U_SUCCESS(status)) {
    size_t k = 0;
    size_t unit = 0;  // where code point k starts in `units`
    for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
      const auto boundary = static_cast<size_t>(b);
      while (k < n_ && unit < boundary) unit += cps_[k++] > 0xFFFF ? 2 : 1;
      AddCandidate(k, true);
    }
  }
  utext_close(&ut);
}

// Boundaries ICU cannot see: a final ending or an emoticon followed by a space ("맛있어요 다음은",
// "좋아요ㅎㅎ 그리고"), a tilde after a final ending ("좋아해요~ 오랜만에").
void Splitter::AddWordCandidates() {
  size_t k = 0;
  while (k < n_) {
    if (IsSpaceCp(cps_[k])) {
      ++k;
      continue;
    }
    const size_t b = k;
    const size_t e = WordEnd(k);
    k = e;
    if (e >= n_) break;
    // Punctuation glued to the next sentence, as text pasted without its line breaks has it:
    // "넣었다.2월 10일", "말았다.리오넬". ICU does not break there.
    // The same with emoticons: "포스팅해볼게요^^로마".
    for (size_t t = b + 1; t + 1 < e; ++t) {
      const char32_t c = cps_[t];
      if (utf8::IsHangulSyllable(c)) continue;  // neither a terminator nor an emoticon
      const char32_t next = cps_[t + 1];
      if (!IsTerminator(c) && !IsEmoticonChar(c)) continue;
      if (IsTerminator(next) || IsEmoticonChar(next) || IsClosingQuote(next)) continue;
      if (!IsLetterOrDigit(next) && next != '[' && next != '(' && next != '"') continue;
      size_t r = t;
      while (r > b && (IsTerminator(cps_[r - 1]) || IsEmoticonChar(cps_[r - 1]))) --r;
      if (r > b && impl_.IsFinalCore(Core(b, r))) {
        AddCandidate(t + 1, true);
        // A lone syllable glued after the footnote mark stays with the sentence ("본다.[4]다"),
        // which then ends at the space.
        size_t f = t + 1;
        while (f < e && cps_[f] == '[' && pair_close_[f] != 0) f = pair_close_[f] + 1;
        if (f > t + 1 && f + 1 == e && utf8::IsHangulSyllable(cps_[f]) &&
            !IsDemonstrative(View(f, e))) {
          AddCandidate(e, true);
        }
      }
    }
    const char32_t last = cps_[e - 1];
    if (last == ',' || last == ':') continue;  // "힘드셨죠?", "요즘은 ..." goes on
    if (IsTerminator(last)) {
      // ICU proposes most of these; not "?" before a dash or an ellipsis ("네? ...여보"), nor "."
      // before a lowercase Latin word ("소개합니다. linkclump").
      bool strong = false;
      for (size_t t = e; t > b && IsTerminator(cps_[t - 1]); --t) {
        strong = strong || cps_[t - 1] == '?' || cps_[t - 1] == '!';
      }
      if (strong || impl_.IsFinalCore(Core(b, e))) AddCandidate(e, true);
      continue;
    }
    const std::u32string_view core = Core(b, e);
    if (impl_.IsFinalCore(core)) {
      AddCandidate(e, false);
      continue;
    }
    // Laughter glued to the next word closes what came before: "찍음 ㅋㅋㅋㅋ오늘".
    size_t run = b;
    while (run < e && IsEmoticonJamo(cps_[run])) ++run;
    if (run - b >= 2 && run < e && utf8::IsHangulSyllable(cps_[run]) && b > 0) {
      size_t p = b;
      while (p > 0 && IsSpaceCp(cps_[p - 1])) --p;
      if (p > 0 && !IsTerminator(cps_[p - 1]) && !NewlineBetween(p, b)) AddCandidate(run, false);
    }
    if (EndsWithEmoticon(b, e)) {
      // Only when something precedes it in the sentence: "ㅋㅋㅋ 추미애가" starts one.
      const bool only_emoticon = IsEmoticonWord(b, e);
      if (only_emoticon || b == 0) {
        size_t p = b;
        while (p > 0 && IsSpaceCp(cps_[p - 1])) --p;
        if (p == 0 || IsTerminator(cps_[p - 1]) || cps_[p - 1] == '\n') continue;
        if (NewlineBetween(p, b)) continue;
      }
      AddCandidate(e, false);
    }
  }
}

bool Splitter::Keep(size_t left, size_t right, bool punctuated) const {
  const bool newline = NewlineBetween(left + 1, right);
  const size_t next_end = WordEnd(right);
  const std::u32string_view next_core = Core(right, next_end);
  const size_t word_b = WordBegin(left);
  const std::u32string_view word = View(word_b, left + 1);

  if (newline) {
    // A wrapped line: it ends in a comma or a particle or connective ending, and the next line is
    // not a list item.
    if (IsMarkerPiece(right, next_end) || IsDateOnly(right, next_end)) return true;
    if (cps_[left] == ',') return false;
    const std::u32string_view core = Core(word_b, left + 1);
    if (core.size() == word.size() && core.size() >= 2 && !IsDateOnly(word_b, left + 1)) {
      for (const std::u32string& h : impl_.hanging) {
        if (core.size() > h.size() && EndsWith(core, h)) return false;
      }
    }
    return true;
  }
  if (inside_[left] > 0) return false;
  // A question mark in parentheses glued to a word is a comment on it: "흥미로운(?) 사건이".
  if (const auto open = open_of_.find(left);
      open != open_of_.end() && (cps_[left] == ')' || cps_[left] == ']') && open->second > 0 &&
      !IsSpaceCp(cps_[open->second - 1]) && left > 0 && IsTerminator(cps_[left - 1])) {
    return false;
  }
  // A quotative or particle after it continues the sentence: "성공할 거야." 하며, "왜?" 라는.
  if (Lexicon::MatchesWord(impl_.quotatives, next_core)) return false;
  if (!punctuated && Lexicon::MatchesWord(impl_.continuations, next_core)) {
    return false;
  }
  // Glued to a closing quote or bracket, a Hangul syllable is a particle: 한다"라고, 했다.”며.
  // Not after a footnote mark that follows a sentence end: no particle follows "다.[8]", so a
  // word glued there starts the next sentence, as in text pasted without its line breaks
  // ("골이다.[8]발렌시아전"). A lone syllable there is a leftover of the sentence before.
  if (left + 1 == right && is_close_[left] != 0 && utf8::IsHangulSyllable(cps_[right])) {
    size_t syllables = 0;  // 0, 1 or "2 or more"
    for (size_t k = 0; k < next_core.size() && syllables < 2; ++k) {
      syllables += utf8::IsHangulSyllable(next_core[k]) ? 1 : 0;
    }
    if (!IsFootnoteAfterEnd(left) || (syllables < 2 && !IsDemonstrative(next_core)) ||
        Lexicon::MatchesWord(impl_.continuations, next_core)) {
      return false;
    }
  }
  // Nor is a period between a number or a Latin word and a particle: "2023.11.17.에".
  if (left + 1 == right && left > 0 && cps_[left] == '.' && utf8::IsHangulSyllable(cps_[right]) &&
      (utf8::IsAsciiDigit(cps_[left - 1]) || utf8::IsAsciiAlpha(cps_[left - 1]))) {
    return false;
  }
  if (!punctuated) {
    // An emoticon after a final ending belongs to that sentence ("들어가보았습니다 ㅎㅎ").
    return !IsEmoticonWord(right, next_end);
  }

  // Punctuated boundaries from ICU that are not sentence ends.
  if (cps_[left] == '.') {
    size_t d = left;
    while (d > word_b && utf8::IsAsciiDigit(cps_[d - 1])) --d;
    const bool digits_before = d < left && d == word_b;
    // "2023. 11. 17.", "3. 5" : a number goes on.
    if (digits_before && utf8::IsAsciiDigit(cps_[right])) return false;
    // Abbreviations and initials: "Dr. Kim", "J. R. R. 톨킨", "U.S. 정부".
    if (left - word_b < impl_.longest_abbreviation) {
      std::string w;
      for (size_t q = word_b; q <= left; ++q) utf8::Append(cps_[q], &w);
      if (impl_.abbreviations.count(AsciiLower(w)) > 0) return false;
    }
    if (left - word_b == 1 && utf8::IsAsciiAlpha(cps_[word_b]) && cps_[word_b] >= 'A' &&
        cps_[word_b] <= 'Z') {
      return false;
    }
  }
  // An ellipsis ends a sentence only after a final ending or an emoticon ("멀어졌네요... 너무"),
  // not in the middle of one ("그런데..... 양이.... 어마어마").
  size_t t = left + 1;
  bool question = false;
  size_t dots = 0;
  while (t > word_b && (IsTerminator(cps_[t - 1]) || IsDecoration(cps_[t - 1]))) {
    --t;
    if (cps_[t] == '?' || cps_[t] == '!' || cps_[t] == U'？' || cps_[t] == U'！') question = true;
    if (cps_[t] == '.') ++dots;
    if (cps_[t] == U'…') dots += 3;
  }
  if (!question && dots >= 2) {
    // A quotation after it is a new utterance: 둘러보고... "아저씨, ...".
    if (left + 1 < right &&
        (cps_[right] == '"' || cps_[right] == U'“' || cps_[right] == '\'' || cps_[right] == U'‘')) {
      return true;
    }
    return impl_.IsFinalCore(View(word_b, t)) || EndsWithEmoticon(word_b, left + 1);
  }
  return true;
}

// A note in parentheses after a sentence end, on the same line, annotates that sentence:
// "우승자이기도 하다. (6회 우승) 또한 ...", "나누어 주세요. (2021년 3월)". It is not a sentence of
// its own unless it holds one (a terminator or a final ending inside), nor the start of the next
// one unless a word is glued to it ("(주)는"), it numbers a list item ("(1)", "(가)") or it is
// a news dateline ("(서울=연합뉴스)"). At the end of a line it is left alone.
void Splitter::AttachTrailingNotes() {
  std::vector<std::pair<size_t, size_t>> moves;  // boundary -> the boundary after the note
  for (const size_t right : boundaries_) {
    if (cps_[right] != '(' && cps_[right] != U'（') continue;
    const size_t close = pair_close_[right];
    if (close == 0 || (close + 1 < n_ && !IsSpaceCp(cps_[close + 1]))) continue;
    size_t left = right;
    while (left > 0 && IsSpaceCp(cps_[left - 1])) --left;
    if (left == 0 || !IsTerminator(cps_[left - 1]) || NewlineBetween(left, right)) continue;
    // A short phrase: a clause in parentheses ("(눈을 꼭 감았다가,)") is a stage direction that
    // opens the next sentence or stands alone.
    bool note = HasLetters(right + 1, close) && close - right > 3;
    size_t words = 1;
    for (size_t k = right + 1; note && k < close; ++k) {
      const char32_t c = cps_[k];
      note = !IsTerminator(c) && c != '=' && c != ',' && c != '\n';
      words += IsSpaceCp(c) && !IsSpaceCp(cps_[k - 1]) ? 1 : 0;
    }
    if (!note || words > kNoteMaxWords) continue;
    size_t wb = close;
    while (wb > right + 1 && !IsSpaceCp(cps_[wb - 1])) --wb;
    // A final ending makes it a sentence; a particle or a connective ending makes it the start of
    // the next one ("(지자체와) 조율된 부분이").
    const std::u32string_view last_word = Core(wb, close);
    if (impl_.IsFinalCore(last_word)) continue;
    if (std::any_of(impl_.hanging.begin(), impl_.hanging.end(), [&](const std::u32string& h) {
          return last_word.size() > h.size() && EndsWith(last_word, h);
        })) {
      continue;
    }
    size_t next = close + 1;
    while (next < n_ && IsSpaceCp(cps_[next])) ++next;
    // At the end of a line it may as well be a remark of its own ("(넘 기쁜)").
    if (next >= n_ || NewlineBetween(close + 1, next)) continue;
    moves.emplace_back(right, next);
  }
  for (const auto& [from, to] : moves) {
    boundaries_.erase(from);
    boundaries_.insert(to);
  }
}

std::vector<Span> Splitter::Pieces() const {
  std::vector<std::pair<size_t, size_t>> raw;  // [b, e) trimmed, in code points
  size_t start = 0;
  auto push = [&](size_t b, size_t e) {
    while (b < e && IsSpaceCp(cps_[b])) ++b;
    while (e > b && IsSpaceCp(cps_[e - 1])) --e;
    if (e > b) raw.emplace_back(b, e);
  };
  for (size_t boundary : boundaries_) {
    push(start, boundary);
    start = boundary;
  }
  push(start, n_);

  // Merge the pieces no one would call a sentence: a list marker or a date in front of its line
  // ("1." + "화면아래 ..."), punctuation or emoticons alone (after the sentence they close).
  std::vector<std::pair<size_t, size_t>> merged;
  for (size_t i = 0; i < raw.size(); ++i) {
    auto [b, e] = raw[i];
    // A bare number after a sentence on its line is a count ("좋아요 12"), not a sentence.
    const bool bare_number =
        !IsMarkerPiece(b, e) && !IsDateOnly(b, e) &&
        std::all_of(cps_.begin() + static_cast<std::ptrdiff_t>(b),
                    cps_.begin() + static_cast<std::ptrdiff_t>(e), [](char32_t c) {
                      return utf8::IsAsciiDigit(c) || c == ',' || c == '.' || IsSpaceCp(c);
                    });
    if (!merged.empty() && (!HasLetters(b, e) || bare_number) &&
        !NewlineBetween(merged.back().second, b)) {
      merged.back().second = e;
      continue;
    }
    merged.emplace_back(b, e);
  }
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t i = 0; i < merged.size(); ++i) {
    auto [b, e] = merged[i];
    while (i + 1 < merged.size() && (IsMarkerPiece(b, e) || IsDateOnly(b, e)) &&
           !NewlineBetween(e, merged[i + 1].first)) {
      e = merged[++i].second;
    }
    out.emplace_back(b, e);
  }
  std::vector<Span> spans;
  spans.reserve(out.size());
  for (auto [b, e] : out) spans.push_back(Span{offset_[b], offset_[e]});
  return spans;
}

std::vector<Sentence> Splitter::Run() {
  if (n_ == 0) return {};
  FindPairs();
  ProtectUrls();
  // The depth of pairs around each gap: +1 where a pair opens, -1 where it closes, summed.
  inside_.assign(n_ + 1, 0);
  for (const Pair& p : pairs_) {
    inside_[p.open] += 1;
    inside_[p.close] -= 1;
  }
  for (size_t k = 1; k < n_; ++k) inside_[k] += inside_[k - 1];
  AddIcuCandidates();
  AddWordCandidates();
  for (const auto& [right, punctuated] : candidates_) {
    size_t left = right;
    while (left > 0 && IsSpaceCp(cps_[left - 1])) --left;
    if (left == 0) continue;
    if (Keep(left - 1, right, punctuated)) boundaries_.insert(right);
  }
  AttachTrailingNotes();
  std::vector<Sentence> sentences;
  for (const Span& s : Pieces()) sentences.push_back(Sentence{s, false, false});
  MarkLines(&sentences);
  return sentences;
}

// Headings and boilerplate are properties of whole lines.
void Splitter::MarkLines(std::vector<Sentence>* sentences) const {
  // Lines as byte ranges, trimmed.
  struct Line {
    uint32_t begin, end;
    size_t chars;
    size_t first_cp;  // code point index of `begin`
    bool boilerplate = false;
  };
  std::vector<Line> lines;
  {
    size_t b = 0;
    for (size_t k = 0; k <= n_; ++k) {
      if (k < n_ && cps_[k] != '\n') continue;
      size_t lb = b, le = k;
      while (lb < le && IsSpaceCp(cps_[lb])) ++lb;
      while (le > lb && IsSpaceCp(cps_[le - 1])) --le;
      if (le > lb) lines.push_back(Line{offset_[lb], offset_[le], le - lb, lb});
      b = k + 1;
    }
  }
  // Boilerplate: a cue line, and after a section cue the rows of the list it heads.
  bool in_section = false;
  for (Line& line : lines) {
    const std::string_view s = text_.substr(line.begin, line.end - line.begin);
    bool cue_line = false;
    bool button = false;
    std::string rest;   // the line without its button labels, once one is found
    uint64_t mask = 0;  // of the line's code points, computed when a cue is short enough to ask
    bool has_mask = false;
    for (const BoilerplateCue& cue : impl_.boilerplate) {
      if (line.chars > cue.max_chars) continue;
      if (!has_mask) {
        for (size_t k = line.first_cp; k < line.first_cp + line.chars; ++k) {
          mask |= CodePointBit(cps_[k]);
        }
        has_mask = true;
      }
      if ((cue.mask & ~mask) != 0 || s.find(cue.cue) == std::string_view::npos) continue;
      if (cue.scope == BoilerplateCue::Scope::kButton) {
        if (!button) rest.assign(s);
        button = true;
        for (size_t at = rest.find(cue.cue); at != std::string::npos; at = rest.find(cue.cue)) {
          rest.erase(at, cue.cue.size());
        }
        continue;
      }
      cue_line = true;
      if (cue.scope == BoilerplateCue::Scope::kSection) in_section = true;
    }
    if (button && !cue_line) {
      // "좋아요 12" and "공유하기 >" are buttons; "정말 좋아요!" is the post.
      const std::u32string r = Decode(rest);
      cue_line = std::none_of(r.begin(), r.end(), [](char32_t c) {
        return utf8::IsHangulSyllable(c) || IsTerminator(c);
      });
    }
    if (cue_line) {
      line.boilerplate = true;
      continue;
    }
    if (in_section) {
      const std::u32string u = Decode(s);
      bool row = s.find('|') != std::string_view::npos;
      // A row ending in a date: "... (3) 2024.11.15".
      size_t e = u.size();
      while (e > 0 && (IsSpaceCp(u[e - 1]) || u[e - 1] == '|' || u[e - 1] == '.')) --e;
      size_t digits = 0;
      while (e > 0 && (utf8::IsAsciiDigit(u[e - 1]) || u[e - 1] == '.' || u[e - 1] == '-')) {
        digits += utf8::IsAsciiDigit(u[e - 1]) ? 1 : 0;
        --e;
      }
      row = row || digits >= 6;
      if (row) {
        line.boilerplate = true;
        continue;
      }
      in_section = false;
    }
  }
  size_t li = 0;
  // Short lines under a date heading are the items it dates, not headings.
  bool under_date = false;
  for (Sentence& sentence : *sentences) {
    while (li < lines.size() && lines[li].end <= sentence.span.begin) ++li;
    if (li >= lines.size()) break;
    const Line& line = lines[li];
    sentence.is_boilerplate = line.boilerplate;
    if (line.boilerplate || sentence.span.begin != line.begin || sentence.span.end != line.end) {
      continue;
    }
    // A whole line: a date alone, or a short line without a final ending or punctuation.
    const auto first = offset_.begin();
    const auto last_cp = offset_.begin() + static_cast<std::ptrdiff_t>(n_);
    const size_t b = static_cast<size_t>(std::lower_bound(first, last_cp, line.begin) - first);
    const size_t e = static_cast<size_t>(
        std::lower_bound(first + static_cast<std::ptrdiff_t>(b), last_cp, line.end) - first);
    if (IsDateOnly(b, e)) {
      sentence.is_heading = true;
      under_date = true;
      continue;
    }
    const char32_t last = cps_[e - 1];
    const size_t wb = WordBegin(e - 1);
    if (line.chars >= kHeadingMaxChars || IsTerminator(last) || last == ',' || last == ':' ||
        EndsWithEmoticon(b, e) || impl_.IsFinalCore(Core(wb, e))) {
      // Prose ends the dated list; a long item without an ending does not.
      if (line.chars >= kHeadingMaxChars &&
          (IsTerminator(last) || impl_.IsFinalCore(Core(wb, e)))) {
        under_date = false;
      }
      continue;
    }
    // Numbered lines head sections ("1. 해임 과정", "01 OpenAI와 chatGPT", "① 가치의 상충").
    const size_t first_end = WordEnd(b);
    bool numbered = IsMarkerPiece(b, first_end);
    if (!numbered && first_end - b <= 2) {
      numbered = std::all_of(cps_.begin() + static_cast<std::ptrdiff_t>(b),
                             cps_.begin() + static_cast<std::ptrdiff_t>(first_end),
                             [](char32_t c) { return utf8::IsAsciiDigit(c); });
    }
    if (numbered) {
      under_date = false;
      sentence.is_heading = true;
      continue;
    }
    // A note in parentheses is not a heading: "(본문의 일정은 현지 시간 기준임)".
    if (under_date || (cps_[b] == '(' && last == ')')) continue;
    sentence.is_heading = true;
  }
}

}  // namespace

struct SentenceSplitter::Impl {
  ThreadBreakIterator<SentenceSplitter> iterator;
  Lexicon lexicon;
};

// ---------------------------------------------------------------- SentenceSplitter

SentenceSplitter::SentenceSplitter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;
SentenceSplitter::~SentenceSplitter() = default;

Result<SentenceSplitter> SentenceSplitter::Create(const DictionarySet& dictionaries) {
  auto impl = std::make_unique<Impl>();

  SAGEON_ASSIGN_OR_RETURN(const TsvTable* endings, dictionaries.Get("sentence_endings"));
  SAGEON_RETURN_IF_ERROR(endings->RequireColumns({"form", "type"}));
  for (const TsvTable::Row& row : endings->rows()) {
    const std::u32string form = Decode(endings->Cell(row, "form"));
    const std::string_view type = endings->Cell(row, "type");
    const std::string where = endings->source() + ":" + std::to_string(row.line) + ": ";
    if (form.empty()) return DataError(where + "empty form");
    if (type == "final") {
      EndingForm f;
      f.jongseong = JongseongOf(form[0]);
      f.rest = f.jongseong != 0 ? form.substr(1) : form;
      if (f.rest.empty()) return DataError(where + "a final form needs more than a jamo");
      const char32_t last = f.rest.back();
      if (utf8::IsHangulSyllable(last)) impl->lexicon.finals[last].push_back(std::move(f));
    } else if (type == "not_final") {
      if (utf8::IsHangulSyllable(form.back()))
        impl->lexicon.not_finals[form.back()].push_back(form);
    } else if (type == "quotative" || type == "continuation") {
      WordForm w;
      w.prefix = form.back() == U'*';
      w.text = w.prefix ? form.substr(0, form.size() - 1) : form;
      (type == "quotative" ? impl->lexicon.quotatives : impl->lexicon.continuations)
          .push_back(std::move(w));
    } else if (type == "hanging") {
      impl->lexicon.hanging.push_back(form);
    } else {
      return DataError(where + "unknown type '" + std::string(type) +
                       "' (final, not_final, quotative, continuation, hanging)");
    }
  }

  SAGEON_ASSIGN_OR_RETURN(const TsvTable* abbreviations, dictionaries.Get("abbreviations"));
  SAGEON_RETURN_IF_ERROR(abbreviations->RequireColumns({"abbreviation"}));
  for (const TsvTable::Row& row : abbreviations->rows()) {
    const std::string_view abbreviation = abbreviations->Cell(row, "abbreviation");
    impl->lexicon.abbreviations.insert(AsciiLower(abbreviation));
    impl->lexicon.longest_abbreviation =
        std::max(impl->lexicon.longest_abbreviation, utf8::CodePointCount(abbreviation));
  }

  SAGEON_ASSIGN_OR_RETURN(const TsvTable* boilerplate, dictionaries.Get("boilerplate"));
  SAGEON_RETURN_IF_ERROR(boilerplate->RequireColumns({"cue", "scope", "max_chars"}));
  for (const TsvTable::Row& row : boilerplate->rows()) {
    BoilerplateCue cue;
    cue.cue = std::string(boilerplate->Cell(row, "cue"));
    if (utf8::FindInvalid(cue.cue) == std::string_view::npos) {
      for (const char32_t c : Decode(cue.cue)) cue.mask |= CodePointBit(c);
    }
    const std::string_view scope = boilerplate->Cell(row, "scope");
    const std::string where = boilerplate->source() + ":" + std::to_string(row.line) + ": ";
    if (scope == "button") {
      cue.scope = BoilerplateCue::Scope::kButton;
    } else if (scope == "line") {
      cue.scope = BoilerplateCue::Scope::kLine;
    } else if (scope == "section") {
      cue.scope = BoilerplateCue::Scope::kSection;
    } else {
      return DataError(where + "scope must be button, line or section");
    }
    const std::string max_chars(boilerplate->Cell(row, "max_chars"));
    if (max_chars.empty() || max_chars.find_first_not_of("0123456789") != std::string::npos) {
      return DataError(where + "max_chars must be a number");
    }
    cue.max_chars = std::stoul(max_chars);
    impl->lexicon.boilerplate.push_back(std::move(cue));
  }

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> prototype(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getKorean(), status));
  if (U_FAILURE(status) || prototype == nullptr) {
    return Status(StatusCode::kInternal,
                  std::string("ICU sentence break iterator: ") + u_errorName(status));
  }
  impl->iterator = ThreadBreakIterator<SentenceSplitter>(std::move(prototype));
  return SentenceSplitter(std::move(impl));
}

std::vector<Sentence> SentenceSplitter::Split(std::string_view text) const {
  thread_local SplitterArrays arrays;
  std::vector<Sentence> sentences =
      Splitter(impl_->lexicon, impl_->iterator.Get(), text, &arrays).Run();
  arrays.ReleaseIfHuge();
  return sentences;
}

}  // namespace sageon
