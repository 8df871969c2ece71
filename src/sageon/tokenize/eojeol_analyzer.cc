#include "sageon/tokenize/eojeol_analyzer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sageon/base/string_table.h"
#include "sageon/base/utf8.h"

namespace sageon {
namespace {

// What must end the stem for a particle allomorph to fit: 이/은/을/과 follow a final consonant,
// 가/는/를/와 a vowel, 로 a vowel or ㄹ, 으로 any other final consonant.
enum class After { kAny, kConsonant, kVowel, kVowelOrRieul, kConsonantNotRieul };

struct ParticleInfo {
  After after = After::kAny;
  bool copula = false;  // a form of 이다 (이다, 이자, 인): a predicate, not a particle proper
  bool short_form = false;  // a contraction (엔 for 에는, 서 for 에서)
};

// The surface classes of a light verb (하다: 하 했 해 한 할 함 합); each takes its own endings.
enum PredicateClass : uint8_t {
  kStemClass = 1,
  kPastClass = 2,
  kInfClass = 4,
  kAdnClass = 8,
  kFutClass = 16,
  kNomClass = 32,
  kFormalClass = 64,
};
// Forms fused with their ending (한, 할, 함, 해) can end an eojeol by themselves.
constexpr uint8_t kMayEndEojeol = kInfClass | kAdnClass | kFutClass | kNomClass;

struct LightVerb {
  std::string lemma;
  uint8_t cls = 0;
  size_t syllables = 1;
};

// Hangul syllables as jamo indices: initial (0-18), medial (0-20), final (0-27).
struct Jamo {
  int initial = 0, medial = 0, final = 0;
};
Jamo Decompose(char32_t syllable) {
  const int index = static_cast<int>(syllable - 0xAC00);
  return Jamo{index / 588, (index / 28) % 21, index % 28};
}
char32_t Compose(const Jamo& j) {
  return static_cast<char32_t>(0xAC00 + (j.initial * 21 + j.medial) * 28 + j.final);
}

// Jamo indices the lemmatizer needs (initial / medial / final tables of Unicode Hangul).
constexpr int kInitialKiyeok2 = 1, kInitialNieun = 2, kInitialTikeut2 = 4, kInitialRieul = 5,
              kInitialPieup2 = 8, kInitialSiot2 = 10, kInitialIeung = 11, kInitialKhieukh = 15,
              kInitialThieuth = 16, kInitialPhieuph = 17, kInitialHieuh = 18;
constexpr int kMedialA = 0, kMedialAe = 1, kMedialYa = 2, kMedialEo = 4, kMedialYeo = 6,
              kMedialO = 8, kMedialWa = 9, kMedialWae = 10, kMedialOe = 11, kMedialU = 13,
              kMedialWeo = 14, kMedialEu = 18, kMedialI = 20;
constexpr int kFinalTikeut = 7, kFinalSiot = 19, kFinalHieuh = 27;

constexpr int kRieul = 8;       // ㄹ as a final consonant
constexpr int kSsangSiot = 20;  // ㅆ: the past tense fused into the syllable (했, 있, 밝혔)
constexpr int kNieunHieut = 6;  // ㄶ: 않, 많
constexpr int kBieup = 17;      // ㅂ: 합니다, 입니다

Result<After> ParseAfter(std::string_view value, const TsvTable& table, const TsvTable::Row& row) {
  if (value == "A") return After::kAny;
  if (value == "C") return After::kConsonant;
  if (value == "V") return After::kVowel;
  if (value == "L") return After::kVowelOrRieul;
  if (value == "K") return After::kConsonantNotRieul;
  return DataError(table.source() + ":" + std::to_string(row.line) + ": unknown 'after' value '" +
                   std::string(value) + "' (expected A, C, V, L or K)");
}

Result<uint8_t> ParseClass(std::string_view value, const TsvTable& table,
                           const TsvTable::Row& row) {
  static const std::pair<std::string_view, uint8_t> kClasses[] = {
      {"stem", kStemClass}, {"past", kPastClass}, {"inf", kInfClass},       {"adn", kAdnClass},
      {"fut", kFutClass},   {"nom", kNomClass},   {"formal", kFormalClass},
  };
  for (const auto& [name, cls] : kClasses) {
    if (value == name) return cls;
  }
  return DataError(table.source() + ":" + std::to_string(row.line) + ": unknown class '" +
                   std::string(value) + "'");
}

bool IsLatin(char32_t c) {
  return utf8::IsAsciiAlpha(c) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
         (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
}
bool IsDigit(char32_t c) { return utf8::IsAsciiDigit(c) || (c >= 0xFF10 && c <= 0xFF19); }

// `c` ends a stem: a Latin or digit stem is read aloud in many ways (OpenAI는, GPT-4가, 2023년),
// so only a Hangul syllable's final consonant decides.
bool PhonologyFits(char32_t c, After after) {
  if (!utf8::IsHangulSyllable(c)) return true;
  const int final = utf8::FinalConsonant(c);
  switch (after) {
    case After::kAny:
      return true;
    case After::kConsonant:
      return final != 0;
    case After::kVowel:
      return final == 0;
    case After::kVowelOrRieul:
      return final == 0 || final == kRieul;
    case After::kConsonantNotRieul:
      return final != 0 && final != kRieul;
  }
  return true;
}

// A syllable only a predicate has: the past tense fused in (있, 했, 밝혔), 않/많 (ㄶ), 없.
bool IsVerbSyllable(char32_t c) {
  if (!utf8::IsHangulSyllable(c)) return false;
  const int final = utf8::FinalConsonant(c);
  return final == kSsangSiot || final == kNieunHieut || c == U'없';
}

// A syllable with the vowel ㅡ and no final consonant, other than 스 (르, 크, 쁘): the end of many
// verb stems (다르다, 크다, 예쁘다), while 스 ends many names (다저스).
bool IsEuStem(char32_t c) {
  if (!utf8::IsHangulSyllable(c) || c == U'스') return false;
  const int index = static_cast<int>(c - 0xAC00);
  return index % 28 == 0 && (index / 28) % 21 == 18;  // medial 18 = ㅡ
}

// What one code point tells of the script of a word. A word's bits are the union of its code
// points' bits, so those of every prefix of an eojeol come from one pass over it.
enum ScriptBit : uint8_t {
  kHangulBit = 1,
  kLatinBit = 2,
  kDigitBit = 4,
  kHanjaBit = 8,
  kOtherAlnumBit = 16,
  kVerbSyllableBit = 32,  // IsVerbSyllable
};

uint8_t ScriptBits(char32_t c) {
  if (utf8::IsHangul(c)) return IsVerbSyllable(c) ? kHangulBit | kVerbSyllableBit : kHangulBit;
  if (IsLatin(c)) return kLatinBit;
  if (IsDigit(c)) return kDigitBit;
  if (utf8::IsHanja(c)) return kHanjaBit;
  if (u_isalnum(static_cast<UChar32>(c))) return kOtherAlnumBit;
  return 0;
}

struct Script {
  bool hangul = false, latin = false, digit = false, hanja = false, other_alnum = false;
  bool first_digit = false;
  size_t code_points = 0;
  bool AllHangul() const { return hangul && !latin && !digit && !hanja && !other_alnum; }
  bool AnyAlnum() const { return hangul || latin || digit || hanja || other_alnum; }

  static Script Of(uint8_t bits, size_t code_points, bool first_digit) {
    Script script;
    script.hangul = (bits & kHangulBit) != 0;
    script.latin = (bits & kLatinBit) != 0;
    script.digit = (bits & kDigitBit) != 0;
    script.hanja = (bits & kHanjaBit) != 0;
    script.other_alnum = (bits & kOtherAlnumBit) != 0;
    script.first_digit = first_digit;
    script.code_points = code_points;
    return script;
  }
};

Script ScriptOf(std::string_view s) {
  uint8_t bits = 0;
  size_t code_points = 0;
  bool first_digit = false;
  size_t pos = 0;
  while (pos < s.size()) {
    const char32_t c = utf8::Next(s, &pos);
    if (code_points++ == 0) first_digit = IsDigit(c);
    bits |= ScriptBits(c);
  }
  return Script::Of(bits, code_points, first_digit);
}

// An eojeol, or its first `n` code points, decoded: every rule asks about its code points, its
// cuts (byte offsets of code point boundaries) and the scripts of its prefixes, which are read
// here instead of decoding the text again at every question.
struct EojeolChars {
  std::string_view text;             // bytes [0, starts[n])
  const uint32_t* starts = nullptr;  // starts[i]: byte offset of code point i, for i <= n
  const char32_t* cps = nullptr;     // n code points
  const uint8_t* bits = nullptr;     // bits[k]: the ScriptBits of code points [0, k), for k <= n
  size_t n = 0;

  std::string_view Sub(size_t begin, size_t end) const {
    return std::string_view(text.data() + starts[begin], starts[end] - starts[begin]);
  }
  std::string_view Prefix(size_t k) const { return Sub(0, k); }
  std::string_view Suffix(size_t k) const { return Sub(k, n); }
  // The first `k` code points as an eojeol of their own.
  EojeolChars First(size_t k) const { return EojeolChars{Prefix(k), starts, cps, bits, k}; }
  // The last code point of the first `k`, U+0000 for none.
  char32_t LastOf(size_t k) const { return k == 0 ? U'\0' : cps[k - 1]; }
  Script ScriptOfPrefix(size_t k) const { return Script::Of(bits[k], k, k > 0 && IsDigit(cps[0])); }
  bool AllHangul(size_t k) const {
    return (bits[k] & kHangulBit) != 0 &&
           (bits[k] & (kLatinBit | kDigitBit | kHanjaBit | kOtherAlnumBit)) == 0;
  }
};

// The storage behind EojeolChars. An eojeol rarely has more than a few dozen code points: they
// stay on the stack, and only a longer run of text allocates.
class DecodedEojeol {
 public:
  explicit DecodedEojeol(std::string_view text) : text_(text) {
    bits_[0] = 0;
    uint8_t bits = 0;
    size_t pos = 0;
    while (pos < text.size()) {
      const auto start = static_cast<uint32_t>(pos);
      const char32_t c = utf8::Next(text, &pos);
      bits |= ScriptBits(c);
      Push(start, c, bits);
    }
    if (heap_starts_.empty()) {
      starts_[n_] = static_cast<uint32_t>(text.size());
    } else {
      heap_starts_.back() = static_cast<uint32_t>(text.size());
    }
  }
  DecodedEojeol(const DecodedEojeol&) = delete;
  DecodedEojeol& operator=(const DecodedEojeol&) = delete;

  EojeolChars chars() const {
    if (heap_starts_.empty()) {
      return EojeolChars{text_, starts_.data(), cps_.data(), bits_.data(), n_};
    }
    return EojeolChars{text_, heap_starts_.data(), heap_cps_.data(), heap_bits_.data(), n_};
  }

 private:
  static constexpr size_t kInline = 48;

  // Appends code point n_ (its start, itself, the bits of the prefix it ends).
  void Push(uint32_t start, char32_t c, uint8_t prefix_bits) {
    if (heap_starts_.empty() && n_ < kInline) {
      starts_[n_] = start;
      cps_[n_] = c;
      bits_[n_ + 1] = prefix_bits;
      ++n_;
      return;
    }
    if (heap_starts_.empty()) {  // moves to the heap, where starts and bits keep one spare entry
      heap_starts_.assign(starts_.begin(), starts_.begin() + static_cast<std::ptrdiff_t>(n_ + 1));
      heap_cps_.assign(cps_.begin(), cps_.begin() + static_cast<std::ptrdiff_t>(n_));
      heap_bits_.assign(bits_.begin(), bits_.begin() + static_cast<std::ptrdiff_t>(n_ + 1));
    }
    heap_starts_[n_] = start;
    heap_starts_.push_back(0);
    heap_cps_.push_back(c);
    heap_bits_.push_back(prefix_bits);
    ++n_;
  }

  std::string_view text_;
  size_t n_ = 0;
  std::array<uint32_t, kInline + 1> starts_;
  std::array<char32_t, kInline> cps_;
  std::array<uint8_t, kInline + 1> bits_;
  std::vector<uint32_t> heap_starts_;
  std::vector<char32_t> heap_cps_;
  std::vector<uint8_t> heap_bits_;
};

// What the words of a list look like from outside: the most code points of a word that ends in
// each character, and which pairs of first and last character occur. A string that fits neither
// is not in the list, and is told so without hashing it: most strings the analyzer asks about are
// in no list, and the look-ups that remain are the cost of the analysis (a miss in the lexicon's
// table is a miss in the cache).
class WordShapes {
 public:
  void Add(std::string_view word) {
    if (word.empty()) return;  // never asked: every string asked about has a character
    size_t pos = 0;
    const char32_t first = utf8::Next(word, &pos);
    const char32_t last = utf8::Prev(word, word.size(), nullptr);
    const size_t length = utf8::CodePointCount(word);
    pairs_.set(PairBit(first, last));
    if (!utf8::IsHangulSyllable(last)) {
      other_ = std::max(other_, length);
      return;
    }
    if (syllables_.empty()) syllables_.assign(kSyllables, 0);
    uint16_t& slot = syllables_[last - 0xAC00];
    slot = static_cast<uint16_t>(std::min<size_t>(std::max<size_t>(slot, length), kUnbounded));
  }
  // The most code points of a listed word ending in `last`; 0 when none ends in it.
  size_t MaxLength(char32_t last) const {
    if (!utf8::IsHangulSyllable(last)) return other_;
    if (syllables_.empty()) return 0;
    const uint16_t length = syllables_[last - 0xAC00];
    return length == kUnbounded ? SIZE_MAX : length;
  }
  // False when no listed word of `length` code points runs from `first` to `last`.
  bool MayHave(char32_t first, char32_t last, size_t length) const {
    return length <= MaxLength(last) && pairs_.test(PairBit(first, last));
  }

 private:
  static constexpr size_t kSyllables = 11172;
  static constexpr uint16_t kUnbounded = 0xFFFF;  // a word this long or longer
  static size_t PairBit(char32_t first, char32_t last) {
    return ((first * 0x9E3779B1u) ^ (last * 0x85EBCA77u)) >> 16;
  }
  std::bitset<65536> pairs_;         // 8 KB, by PairBit
  std::vector<uint16_t> syllables_;  // by Hangul syllable index; empty while no word ends in one
  size_t other_ = 0;                 // for every other last character
};

}  // namespace

// Every lexicon of the analyzer is one table: a form's entry says which word lists hold it and
// carries what the particle, ending and light-verb lexicons say of it, so one look-up answers them
// all (most forms asked about are in none).
enum LexiconFlag : uint32_t {
  kParticleFlag = 1u << 0,
  kNounFlag = 1u << 1,
  kProtectedFlag = 1u << 2,
  kHeadFlag = 1u << 3,
  kNameFlag = 1u << 4,
  kPlaceFlag = 1u << 5,
  kTitleFlag = 1u << 6,
  kSurnameFlag = 1u << 7,
  kNameTailFlag = 1u << 8,
  kAnyTailFlag = 1u << 9,
  kNameSuffixFlag = 1u << 10,
  kRieulStemFlag = 1u << 11,
  kBieupStemFlag = 1u << 12,
  kDigeutStemFlag = 1u << 13,
  kSiotStemFlag = 1u << 14,
  kHieutStemFlag = 1u << 15,
  kVowelStemFlag = 1u << 16,
};

struct LexiconEntry {
  uint32_t flags = 0;
  ParticleInfo particle;       // with kParticleFlag
  uint8_t ending_classes = 0;  // endings.tsv: classes of light-verb forms it may follow; 0: none
  int32_t light_verb = -1;     // index into Impl::light_verb_list; -1: none
};
using Lexicon = StringTable<LexiconEntry>;
using LexiconItem = Lexicon::Item;

// One word list of the lexicon, seen as a set.
class WordSet {
 public:
  WordSet(Lexicon* lexicon, uint32_t flag) : lexicon_(lexicon), flag_(flag) {}
  bool contains(std::string_view word) const {
    const LexiconItem* item = lexicon_->Find(word);
    return item != nullptr && (item->value.flags & flag_) != 0;
  }
  // Whether w[begin, end) (not empty) is in the set, most often told by its shape alone.
  bool contains(const EojeolChars& w, size_t begin, size_t end) const {
    return MayHave(w, begin, end) && contains(w.Sub(begin, end));
  }
  bool MayHave(const EojeolChars& w, size_t begin, size_t end) const {
    return shapes_.MayHave(w.cps[begin], w.cps[end - 1], end - begin);
  }
  void emplace(std::string_view word) {
    (*lexicon_)[word].flags |= flag_;
    shapes_.Add(word);
  }
  // The most code points of a word of the set that ends in `last` (0: none does).
  size_t MaxLength(char32_t last) const { return shapes_.MaxLength(last); }

 private:
  Lexicon* lexicon_;
  uint32_t flag_;
  WordShapes shapes_;
};

struct EojeolAnalyzer::Impl {
  Lexicon lexicon;
  std::vector<LightVerb> light_verb_list;
  WordSet nouns{&lexicon, kNounFlag};  // nouns_common: known nouns, never cut when whole
  // Nouns and single-word names of two syllables or more: a cut inside one of them is refused
  // (국무회의 is not 국무회+의) unless the stem itself ends in such a word (이사회+의).
  WordSet protected_words{&lexicon, kProtectedFlag};
  // Two-syllable words that end compounds often enough to guard a cut anyway (국무회의, 노사합의).
  WordSet head_words{&lexicon, kHeadFlag};
  WordSet names{&lexicon, kNameFlag};  // gazetteer names: a stem that is one is a proper noun
  // The LOC ones: 서 for 에서 follows a place (중국서, 현장서).
  WordSet place_names{&lexicon, kPlaceFlag};
  size_t max_protected_code_points = 0;
  size_t max_particle_code_points = 0;
  size_t max_particle_bytes = 0;
  std::bitset<11172> particle_initial_syllables;  // the first syllables of particles
  WordShapes particle_shapes;
  WordShapes ending_shapes;      // the forms with ending classes
  WordShapes light_verb_shapes;  // the forms of light verbs
  // 하, 했, 되, 시 ...: a cheap first test, by Hangul syllable index, then for any other start.
  std::bitset<11172> light_verb_initial_syllables;
  std::vector<char32_t> light_verb_other_initials;
  // Titles written against a name (김혜수씨, 왕가위감독, A씨): person_titles.tsv, optional.
  WordSet titles{&lexicon, kTitleFlag};
  size_t max_title_code_points = 0;
  WordSet surnames{&lexicon, kSurnameFlag};  // surnames.tsv, optional: 김씨, 김감독
  // Dependent nouns written against a name (미얀마전, 일본인, NC전) and, of those, the ones
  // written against any noun (회사측, 그것때문).
  WordSet name_tails{&lexicon, kNameTailFlag};
  WordSet any_tails{&lexicon, kAnyTailFlag};
  // Endings of organization and place names (org_suffixes.tsv, loc_suffixes.tsv, optional):
  // 서울시, 인천공항, 용산경찰서 are names themselves, not a name and a noun.
  WordSet name_suffixes{&lexicon, kNameSuffixFlag};
  // Verb stems whose conjugation the surface alone does not tell (verb_stems.tsv, optional):
  // ㄹ stems that drop their ㄹ (만듭니다 → 만들다), ㅂ and ㄷ irregulars (어려웠다 → 어렵다,
  // 실었다 → 싣다), and stems in 이 after a vowel (보였다 → 보이다, not the copula).
  WordSet rieul_stems{&lexicon, kRieulStemFlag}, bieup_stems{&lexicon, kBieupStemFlag},
      digeut_stems{&lexicon, kDigeutStemFlag}, siot_stems{&lexicon, kSiotStemFlag},
      hieut_stems{&lexicon, kHieutStemFlag}, vowel_stems{&lexicon, kVowelStemFlag};
  size_t max_stem_code_points = 0;  // the longest of those stems

  // The flags of `form`, 0 when no list holds it.
  uint32_t Flags(std::string_view form) const {
    const LexiconItem* item = lexicon.Find(form);
    return item == nullptr ? 0 : item->value.flags;
  }
  // The lexicon's item of the particle `form`, or nullptr. Most forms asked about are no particle
  // and are told so before any hashing: too long, or starting with a syllable no particle does.
  const LexiconItem* Particle(std::string_view form) const {
    if (form.empty()) return ParticleItem(lexicon.Find(form));
    size_t pos = 0;
    return Particle(form, utf8::Next(form, &pos));
  }
  // The same, when the first code point of `form` is known to be `first`.
  const LexiconItem* Particle(std::string_view form, char32_t first) const {
    if (form.size() > max_particle_bytes) return nullptr;
    if (utf8::IsHangulSyllable(first) && !particle_initial_syllables.test(first - 0xAC00)) {
      return nullptr;
    }
    return ParticleItem(lexicon.Find(form));
  }
  // The particle that is w[begin, n), or nullptr.
  const LexiconItem* ParticleAt(const EojeolChars& w, size_t begin) const {
    if (!particle_shapes.MayHave(w.cps[begin], w.cps[w.n - 1], w.n - begin)) return nullptr;
    return Particle(w.Suffix(begin), w.cps[begin]);
  }
  // The ending classes of w[begin, n) (not empty).
  uint8_t EndingClassesAt(const EojeolChars& w, size_t begin) const {
    if (!ending_shapes.MayHave(w.cps[begin], w.cps[w.n - 1], w.n - begin)) return 0;
    return EndingClasses(w.Suffix(begin));
  }
  const LightVerb* LightVerbAt(const EojeolChars& w, size_t begin, size_t end) const {
    if (!light_verb_shapes.MayHave(w.cps[begin], w.cps[end - 1], end - begin)) return nullptr;
    return FindLightVerb(w.Sub(begin, end));
  }
  static const LexiconItem* ParticleItem(const LexiconItem* item) {
    return item != nullptr && (item->value.flags & kParticleFlag) != 0 ? item : nullptr;
  }
  uint8_t EndingClasses(std::string_view form) const {
    const LexiconItem* item = lexicon.Find(form);
    return item == nullptr ? 0 : item->value.ending_classes;
  }
  const LightVerb* FindLightVerb(std::string_view form) const {
    const LexiconItem* item = lexicon.Find(form);
    return item == nullptr || item->value.light_verb < 0
               ? nullptr
               : &light_verb_list[static_cast<size_t>(item->value.light_verb)];
  }
  bool IsLightVerbInitial(char32_t c) const {
    if (utf8::IsHangulSyllable(c)) return light_verb_initial_syllables.test(c - 0xAC00);
    return std::find(light_verb_other_initials.begin(), light_verb_other_initials.end(), c) !=
           light_verb_other_initials.end();
  }

  // Fills `out`, which holds nothing of an earlier analysis.
  void Analyze(std::string_view eojeol, EojeolAnalysis* out) const;
  // The dictionary form of a predicate whose stem part (its last syllable fused with the past
  // tense, 아/어 or ㅂ니다) is `stem` and whose ending is `ending`: 밝혔+다 → 밝히다, 왔+다 →
  // 오다, 받았+다 → 받다, 드립+니다 → 드리다. Empty when no plausible stem comes out.
  std::string PredicateLemma(std::string_view stem, std::string_view ending) const;

 private:
  // The tag of the stem w[0, end), whose lexicon flags are `flags`.
  TokenTag StemTag(const EojeolChars& w, size_t end, bool before_particle, uint32_t flags) const;
  bool EndsWithStem(const std::u32string& stem, const WordSet& set, size_t min_tail = 2) const;
  std::u32string UndoPast(const std::u32string& prefix, const Jamo& last) const;
  bool EndsInProtected(const EojeolChars& w, size_t cut, size_t first) const;
  bool CutAllowed(const EojeolChars& w, size_t cut) const;
  bool AnalyzeLightVerb(const EojeolChars& w, EojeolAnalysis* out) const;
  bool AnalyzeFusedEnding(const EojeolChars& w, EojeolAnalysis* out) const;
  bool AnalyzeParticle(const EojeolChars& w, EojeolAnalysis* out) const;
  bool AnalyzeVerbEnding(const EojeolChars& w, EojeolAnalysis* out) const;
  void AppendNoun(const EojeolChars& w, size_t end, bool before_particle, int depth,
                  std::vector<Morph>* parts) const;
};

TokenTag EojeolAnalyzer::Impl::StemTag(const EojeolChars& w, size_t end, bool before_particle,
                                       uint32_t flags) const {
  const Script script = w.ScriptOfPrefix(end);
  if (script.first_digit) return TokenTag::kNumber;
  if (!script.AnyAlnum()) return TokenTag::kSymbol;
  if (script.hanja && !script.hangul && !script.latin) return TokenTag::kHanja;
  if (script.latin && !script.hangul) return TokenTag::kForeign;
  if (script.latin && script.hangul) return TokenTag::kProperNoun;  // 오픈AI, 챗GPT
  if (script.hangul) {
    if ((flags & kNameFlag) != 0) return TokenTag::kProperNoun;
    if ((flags & kNounFlag) != 0) return TokenTag::kNoun;
    return before_particle ? TokenTag::kProperNoun : TokenTag::kNoun;
  }
  return TokenTag::kOther;
}

// True when `stem`, or a tail of it of `min_tail` syllables or more, is in `set`: compounds end
// in the stem that conjugates (안타깝 in 더안타깝). By default a one-syllable entry matches a
// whole stem only: as a tail it is too often the end of another stem (생길 of 생기다 is no 길다).
bool EojeolAnalyzer::Impl::EndsWithStem(const std::u32string& stem, const WordSet& set,
                                        size_t min_tail) const {
  std::string tail;
  // No tail longer than the longest listed stem can match: a huge stem costs no more than a short
  // one.
  const size_t first = stem.size() > max_stem_code_points ? stem.size() - max_stem_code_points : 0;
  for (size_t start = first; start < stem.size(); ++start) {
    if (start > 0 && stem.size() - start < min_tail) break;
    tail.clear();
    for (size_t i = start; i < stem.size(); ++i) utf8::Append(stem[i], &tail);
    if (set.contains(tail)) return true;
  }
  return false;
}

namespace {
std::u32string WithLast(std::u32string stem, const Jamo& last) {
  stem.back() = Compose(last);
  return stem;
}
}  // namespace

// The stem before the past tense 았/었, from `prefix` and the syllable `last` that carries the
// past tense. Empty when none; U"이" alone for the copula.
std::u32string EojeolAnalyzer::Impl::UndoPast(const std::u32string& prefix,
                                              const Jamo& last) const {
  const bool ieung = last.initial == kInitialIeung;
  if (ieung && (last.medial == kMedialA || last.medial == kMedialEo)) {
    // 았/었 as a syllable of its own after the stem: 받았, 먹었, 아니었, 주었.
    if (prefix.empty()) return {};
    Jamo end = Decompose(prefix.back());
    if (end.final == kRieul) {
      // ㄷ irregulars turn ㄷ into ㄹ before a vowel: 실었 → 싣, 깨달았 → 깨닫.
      end.final = kFinalTikeut;
      std::u32string digeut = WithLast(prefix, end);
      if (EndsWithStem(digeut, digeut_stems)) return digeut;
    } else if (end.final == 0) {
      // ㅅ irregulars lose ㅅ before a vowel (지었 → 짓, 결론지었 → 결론짓): a vowel stem would
      // contract instead (졌). 으 drops before 아/어 (모았 → 모으).
      end.final = kFinalSiot;
      std::u32string siot = WithLast(prefix, end);
      if (EndsWithStem(siot, siot_stems, 1)) return siot;
      if (EndsWithStem(prefix + U"으", vowel_stems)) return prefix + U"으";
    }
    return prefix;
  }
  if (ieung && last.medial == kMedialYeo) {
    // 였 is 이+었 (보였, 붙였) or 하+였, or the copula after a noun that ends in a vowel
    // (뭐였, 친구였): a stem in 이 after a vowel must be known.
    if (prefix.empty()) return {};
    if (prefix.back() == U'하') return prefix;
    if (Decompose(prefix.back()).final != 0 || EndsWithStem(prefix + U"이", vowel_stems)) {
      return prefix + U"이";
    }
    return U"이";
  }
  if (ieung && (last.medial == kMedialWa || last.medial == kMedialWeo) && !prefix.empty() &&
      Decompose(prefix.back()).final == 0) {
    // ㅂ irregulars: 어려웠 → 어렵, 도왔 → 돕; the suffixes -롭다 and -스럽다 always
    // (새로웠 → 새롭, 실망스러웠 → 실망스럽). Otherwise a stem in 우/오 (세웠, 나왔).
    Jamo end = Decompose(prefix.back());
    end.final = kBieup;
    std::u32string bieup = WithLast(prefix, end);
    // 러왔 and 로왔 are 르/로 + 오다 (불러왔 → 불러오): the suffixes take 워 only.
    const bool suffix =
        last.medial == kMedialWeo && (bieup.back() == U'롭' || bieup.back() == U'럽');
    if (suffix || EndsWithStem(bieup, bieup_stems)) {
      return bieup;
    }
  }
  // The stem's last vowel contracted with 아/어: undo the contraction.
  Jamo base = last;
  base.final = 0;
  // The prefix and a slot for the last syllable, which WithLast fills.
  const std::u32string stem = prefix + U" ";
  switch (last.medial) {
    case kMedialYeo:  // 혔 → 히, 졌 → 지, 렸 → 리, 켰 → 키, 알렸 → 알리
      base.medial = kMedialI;
      break;
    case kMedialWa:  // 왔 → 오, 봤 → 보; 놨 is 놓+았
      base.medial = kMedialO;
      if (last.initial == kInitialNieun) base.final = kFinalHieuh;
      break;
    case kMedialWeo:  // 줬 → 주, 뒀 → 두, 웠 → 우 (세웠, 싸웠)
      base.medial = kMedialU;
      break;
    case kMedialWae:  // 됐 → 되
      base.medial = kMedialOe;
      break;
    case kMedialAe: {
      // 했 → 하; 냈 → 내 keeps its ㅐ; ㅎ irregulars: 그랬 → 그렇, 어땠 → 어떻, 빨갰 → 빨갛.
      if (last.initial == kInitialHieuh) {
        base.medial = kMedialA;
        break;
      }
      for (const int medial : {kMedialEo, kMedialA}) {
        const std::u32string hieut = WithLast(stem, Jamo{last.initial, medial, kFinalHieuh});
        if (EndsWithStem(hieut, hieut_stems)) return hieut;
      }
      break;
    }
    case kMedialA:
    case kMedialEo: {
      // 러 irregulars add 러 after 르: 이르렀 → 이르, 푸르렀 → 푸르.
      if (last.initial == kInitialRieul && last.medial == kMedialEo && !prefix.empty() &&
          prefix.back() == U'르') {
        return prefix;
      }
      const std::u32string kept = WithLast(stem, base);
      const std::u32string eu = WithLast(stem, Jamo{last.initial, kMedialEu, 0});
      // 르 irregulars double the ㄹ: 몰랐 → 모르, 불렀 → 부르, 저질렀 → 저지르.
      std::u32string irregular;
      if (last.initial == kInitialRieul && !prefix.empty() &&
          Decompose(prefix.back()).final == kRieul) {
        Jamo end = Decompose(prefix.back());
        end.final = 0;
        irregular = WithLast(prefix, end) + U"르";
      }
      // Known stems decide first (놀랐 → 놀라, 따랐 → 따르, 들렀 → 들르).
      for (const std::u32string* candidate :
           {&kept, &eu, static_cast<const std::u32string*>(&irregular)}) {
        if (!candidate->empty() && EndsWithStem(*candidate, vowel_stems)) return *candidate;
      }
      if (!irregular.empty()) return irregular;
      // ㅡ drops before 아/어: after ㅍ/ㅃ with 아 (아팠 → 아프, 바빴 → 바쁘; 갔 → 가), after
      // tense and aspirated consonants and ㄹ with 어 (컸 → 크, 썼 → 쓰, 치렀 → 치르; 섰 → 서).
      const int l = last.initial;
      const bool after_eu = last.medial == kMedialA
                                ? (l == kInitialPhieuph || l == kInitialPieup2) && !prefix.empty()
                                : l == kInitialKiyeok2 || l == kInitialTikeut2 ||
                                      l == kInitialPieup2 || l == kInitialSiot2 ||
                                      l == kInitialKhieukh || l == kInitialThieuth ||
                                      l == kInitialPhieuph || l == kInitialRieul;
      return after_eu ? eu : kept;
    }
    default:
      break;
  }
  return WithLast(stem, base);
}

std::string EojeolAnalyzer::Impl::PredicateLemma(std::string_view stem,
                                                 std::string_view ending) const {
  std::u32string s;
  size_t pos = 0;
  while (pos < stem.size()) {
    const char32_t c = utf8::Next(stem, &pos);
    if (!utf8::IsHangulSyllable(c)) return "";
    s.push_back(c);
  }
  // 겠 (will, must) is a pre-final ending fused into the part: 지키겠+다, 했겠+지.
  while (s.size() >= 2 && s.back() == U'겠') s.pop_back();
  if (s.empty() || s.back() == U'겠') return "";
  const Jamo last = Decompose(s.back());
  if (last.final == kSsangSiot && s.back() != U'있') {
    s = UndoPast(s.substr(0, s.size() - 1), last);
    if (s.empty()) return "";
    if (s == U"이") return "이다";  // the copula: 친구였다
  } else if (last.final == kBieup && ending.starts_with("니")) {
    // ㅂ니다 after a vowel: 드립 → 드리, 바랍 → 바라; an ㄹ stem dropped its ㄹ (만듭 → 만들).
    Jamo base = last;
    base.final = 0;
    s.back() = Compose(base);
    if (s == U"거") return "이다";  // 겁니다: 거 (것) and the copula
    base.final = kRieul;
    if (EndsWithStem(WithLast(s, base), rieul_stems)) s.back() = Compose(base);
  }
  // No stem ends in the bare 아/어/야/여 of a connective (지켜봐야+겠) or holds the past tense
  // (않았+답니다).
  const Jamo end = Decompose(s.back());
  if (end.initial == kInitialIeung && end.final == 0 &&
      (end.medial == kMedialA || end.medial == kMedialEo || end.medial == kMedialYa ||
       end.medial == kMedialYeo)) {
    return "";
  }
  for (const char32_t c : s) {
    if (utf8::FinalConsonant(c) == kSsangSiot && c != U'있') return "";
  }
  std::string lemma;
  for (const char32_t c : s) utf8::Append(c, &lemma);
  return lemma + "다";
}

// True when the stem w[0, cut) ends in a protected word of two syllables or more that starts at
// or before code point `first` (이사회 in 이사회+의 starts before 회의; 속도 in 경부고속도+로
// starts after 고속도로, which stays whole).
bool EojeolAnalyzer::Impl::EndsInProtected(const EojeolChars& w, size_t cut, size_t first) const {
  const size_t longest =
      std::min(max_protected_code_points, protected_words.MaxLength(w.cps[cut - 1]));
  for (size_t q = 0; q + 1 < cut && q <= first; ++q) {
    if (cut - q > longest) continue;
    if (protected_words.contains(w, q, cut)) return true;
  }
  return false;
}

bool EojeolAnalyzer::Impl::CutAllowed(const EojeolChars& w, size_t cut) const {
  const size_t n = w.n;
  // The leftmost start of a protected word across the cut, if any.
  size_t first = n;
  // A protected word counts when it ends the eojeol or only a particle follows it.
  for (size_t e = n; e > cut; --e) {
    if (e < n && n - e > max_particle_code_points) break;
    if (e < n && ParticleAt(w, e) == nullptr) continue;
    // Words of the lists that end in w[e - 1] are at most this long: none starts further left.
    const char32_t last = w.cps[e - 1];
    const size_t longest_head = std::min<size_t>(2, head_words.MaxLength(last));
    const size_t longest_protected = protected_words.MaxLength(last);
    const size_t longest =
        std::min(max_protected_code_points, std::max(longest_head, longest_protected));
    for (size_t q = cut; q-- > 0;) {
      const size_t length = e - q;
      if (length > longest) break;
      if (q >= first) continue;  // a word found there would not move `first`
      // Two-syllable words are too often the last syllable of a name plus a particle (경주+가 is
      // not 경+주가, 예수+의 not 예+수의): only compound heads (회의, 합의) of them guard a cut.
      const bool listed = length < 3
                              ? length <= longest_head && head_words.contains(w, q, e)
                              : length <= longest_protected && protected_words.contains(w, q, e);
      if (listed) first = q;
    }
  }
  if (first == n) return true;
  return EndsInProtected(w, cut, first);
}

// Appends the noun w[0, end) to `parts`, splitting off a title written against a name (김혜수씨 →
// 김혜수 + 씨, 왕가위감독 → 왕가위 + 감독, A씨 → A + 씨): the name must end where the entity
// stage looks for it.
void EojeolAnalyzer::Impl::AppendNoun(const EojeolChars& w, size_t end, bool before_particle,
                                      int depth, std::vector<Morph>* parts) const {
  const std::string_view noun = w.Prefix(end);
  const uint32_t noun_flags = Flags(noun);
  const bool known = (noun_flags & (kNounFlag | kNameFlag | kTitleFlag)) != 0;
  const char32_t last = w.cps[end - 1];
  if (!known && depth < 2) {
    // Every title tried ends in `last`: none is longer than the longest title that does.
    const size_t longest = std::min({max_title_code_points, end - 1, titles.MaxLength(last)});
    for (size_t length = longest; length >= 1; --length) {
      const size_t cut = end - length;
      const std::string_view title = w.Sub(cut, end);
      if (!titles.contains(w, cut, end)) continue;
      const std::string_view name = w.Prefix(cut);
      const Script script = w.ScriptOfPrefix(cut);
      const bool latin_name = script.latin && !script.hangul;
      const bool surname = script.code_points == 1 && surnames.contains(w, 0, cut);
      bool fits = false;
      if (length >= 2) {
        fits = latin_name || surname || (script.hangul && script.code_points >= 2);
      } else if (title == "씨" || title == "님") {
        // One-syllable titles end many common words (날씨, 솜씨, 하느님): a surname, a Latin
        // initial or a name of two to four syllables only.
        const bool anonymized =
            script.code_points == 2 && name.ends_with("모") && surnames.contains(w, 0, 1);
        fits = latin_name || anonymized || (surname && title == "씨") ||
               (script.AllHangul() && script.code_points >= 2 && script.code_points <= 4 &&
                !nouns.contains(w, 0, cut));
      } else {
        fits = latin_name;  // A군, B양: after a Hangul syllable 군/양 end place names (고양, 해군)
      }
      if (!fits) continue;
      if (!CutAllowed(w.First(end), cut)) continue;
      // 박모씨: a surname with 모 hides a name in crime reports (이모 alone is an aunt).
      if (cut == 2 && w.starts[2] - w.starts[1] == 3 && w.Sub(1, 2) == "모" &&
          surnames.contains(w, 0, 1)) {
        parts->push_back(Morph{Span{0, w.starts[1]}, TokenTag::kProperNoun});
        parts->push_back(Morph{Span{w.starts[1], w.starts[2]}, TokenTag::kNoun});
      } else {
        AppendNoun(w, cut, true, depth + 1, parts);
        if (titles.contains(w, 0, cut)) parts->back().tag = TokenTag::kNoun;  // 감독+님
      }
      parts->push_back(Morph{Span{w.starts[cut], w.starts[end]}, TokenTag::kNoun});
      return;
    }
  }
  const bool all_hangul = w.AllHangul(end);
  if (!known && all_hangul && end == 2 && surnames.contains(w, 0, 1)) {
    // 김모, 박군: a surname with 모 (an anonymized name) or 군 (a boy), not 부모, 공군 (listed).
    if (last == U'모' || last == U'군') {
      parts->push_back(Morph{Span{0, w.starts[1]}, TokenTag::kProperNoun});
      parts->push_back(Morph{Span{w.starts[1], w.starts[2]}, TokenTag::kNoun});
      return;
    }
  }
  if (!known && before_particle && all_hangul && end == 3 && last == U'이') {
    // 평식이가, 유경이는: a given name that ends in a consonant takes 이 before a particle in
    // speech. Nouns derived with 이 (목걸이, 해돋이, 쌍둥이) end in other syllables or are listed.
    static constexpr std::u32string_view kDerivedBefore =
        U"걸놀잡돋벌맞풀살받박둥덩팡멩맹닫멍옹양숭랑렁팽챙린은톨뭉들겹";
    const char32_t middle = w.cps[1];
    if (utf8::FinalConsonant(middle) != 0 &&
        kDerivedBefore.find(middle) == std::u32string_view::npos && !nouns.contains(w, 0, 2)) {
      parts->push_back(Morph{Span{0, w.starts[2]}, TokenTag::kProperNoun});
      parts->push_back(Morph{Span{w.starts[2], w.starts[3]}, TokenTag::kNoun});
      return;
    }
  }
  if (!known && depth < 2 && end >= 2) {
    // Every tail tried ends in `last`: none is longer than the longest noun that does.
    const size_t longest_tail = nouns.MaxLength(last);
    // The longest name first: 서울지역 is 서울 + 지역 before 서 + 울지역.
    for (size_t cut = end - 1; cut >= 1 && end - cut <= longest_tail; --cut) {
      const std::string_view tail = w.Sub(cut, end);
      // Every tail is a known noun: one look-up rules out most cuts.
      const uint32_t tail_flags = Flags(tail);
      if ((tail_flags & kNounFlag) == 0) continue;
      if ((tail_flags & kNameSuffixFlag) != 0) continue;
      // A one-syllable tail may end a longer noun: 기업은행 is not 기업은+행, nor 유럽여행
      // 유럽여+행.
      if (end - cut == 1 && nouns.contains(w, cut - 1, end)) continue;
      const Script script = w.ScriptOfPrefix(cut);
      const bool head_is_name = names.contains(w, 0, cut);
      const bool name_head =
          (head_is_name && script.code_points >= 2) || (script.latin && !script.hangul);
      // 북측, 미측: a one-syllable name only before 측 (한전 is no 한+전).
      const bool short_side = tail == "측" && script.code_points == 1 && head_is_name;
      const bool common_tail = end - cut >= 2;  // the tail is a known noun
      // After any noun a one-syllable tail must not end a Korean name (김부식, 박근형): a
      // surname and two syllables is a name before it is a noun and a tail.
      const bool name_like = end == 3 && end - cut == 1 && surnames.contains(w, 0, 1);
      const bool fits = short_side ||
                        (name_head && ((tail_flags & kNameTailFlag) != 0 || common_tail)) ||
                        (script.AllHangul() && script.code_points >= 2 && !name_like &&
                         (tail_flags & kAnyTailFlag) != 0);
      if (!fits || !CutAllowed(w.First(end), cut)) continue;
      AppendNoun(w, cut, true, depth + 1, parts);
      parts->push_back(Morph{Span{w.starts[cut], w.starts[end]}, TokenTag::kNoun});
      return;
    }
  }
  parts->push_back(Morph{Span{0, w.starts[end]}, StemTag(w, end, before_particle, noun_flags)});
}

// noun + 하다/되다/시키다/당하다 ...: 해임+되+었다, 임명+했+다, 위+해, 상당+한.
bool EojeolAnalyzer::Impl::AnalyzeLightVerb(const EojeolChars& w, EojeolAnalysis* out) const {
  const size_t n = w.n;
  for (size_t cut = 0; cut < n; ++cut) {
    if (cut > 0) {
      const char32_t last = w.cps[cut - 1];
      if (!utf8::IsHangulSyllable(last) && !IsLatin(last)) continue;
    }
    if (!IsLightVerbInitial(w.cps[cut])) continue;
    // Whether the stem is a known name, asked once for both lengths of light verb.
    int stem_is_name = -1;
    for (const size_t len : {size_t{2}, size_t{1}}) {
      if (cut + len > n) continue;
      const LightVerb* const verb = LightVerbAt(w, cut, cut + len);
      if (verb == nullptr) continue;
      // A two-syllable light verb (당하다, 시키다) after a one-syllable stem is usually part of
      // one adjective (정당한 = 정당+한, not 정+당한).
      if (verb->syllables >= 2 && cut < 2) continue;
      // A known name is no verbal noun: 일본해 is a sea, not 일본+해.
      if (cut > 0) {
        if (stem_is_name < 0) stem_is_name = names.contains(w, 0, cut) ? 1 : 0;
        if (stem_is_name == 1) continue;
      }
      const std::string_view rest = w.Suffix(cut + len);
      bool fits = false;
      if (rest.empty()) {
        fits = (verb->cls & kMayEndEojeol) != 0;
      } else {
        fits = (EndingClassesAt(w, cut + len) & verb->cls) != 0;
      }
      if (!fits) continue;
      if (cut > 0 && !CutAllowed(w, cut)) continue;
      out->parts.clear();
      if (cut > 0) out->parts.push_back(Morph{Span{0, w.starts[cut]}, TokenTag::kNoun});
      out->parts.push_back(Morph{Span{w.starts[cut], w.starts[cut + len]}, TokenTag::kPredicate});
      if (!rest.empty()) {
        out->parts.push_back(Morph{Span{w.starts[cut + len], static_cast<uint32_t>(w.text.size())},
                                   TokenTag::kEnding});
      }
      out->tag = out->parts.front().tag;
      out->lemma.assign(w.Prefix(cut));
      out->lemma += verb->lemma;
      return true;
    }
  }
  return false;
}

// A syllable that carries the past tense (있, 했, 밝혔) or a stem no noun has (않, 많, 없) marks
// a predicate whatever its stem: 밝혔+다, 있+지만, 않+은.
bool EojeolAnalyzer::Impl::AnalyzeFusedEnding(const EojeolChars& w, EojeolAnalysis* out) const {
  const size_t n = w.n;
  // No such syllable before the last one: nothing to try.
  if (n < 2 || (w.bits[n - 1] & kVerbSyllableBit) == 0) return false;
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!IsVerbSyllable(w.cps[i])) continue;
    const std::string_view rest = w.Suffix(i + 1);
    if ((EndingClassesAt(w, i + 1) & (kPastClass | kStemClass)) == 0) continue;
    out->parts.clear();
    out->parts.push_back(Morph{Span{0, w.starts[i + 1]}, TokenTag::kPredicate});
    out->parts.push_back(
        Morph{Span{w.starts[i + 1], static_cast<uint32_t>(w.text.size())}, TokenTag::kEnding});
    out->tag = TokenTag::kPredicate;
    out->lemma = PredicateLemma(w.Prefix(i + 1), rest);
    return true;
  }
  return false;
}

bool EojeolAnalyzer::Impl::AnalyzeParticle(const EojeolChars& w, EojeolAnalysis* out) const {
  const size_t n = w.n;
  // Every particle tried ends the eojeol: none is longer than the longest that ends in its last
  // character.
  const size_t longest =
      std::min(max_particle_code_points, particle_shapes.MaxLength(w.cps[n - 1]));
  // The longest particle first: 와의 before 의, 에서는 before 는.
  for (size_t cut = n > longest ? n - longest : 1; cut < n; ++cut) {
    const LexiconItem* const particle = ParticleAt(w, cut);
    if (particle == nullptr) continue;
    const char32_t last = w.cps[cut - 1];
    if (!utf8::IsHangulSyllable(last) && !IsLatin(last) && !IsDigit(last) && !utf8::IsHanja(last) &&
        last != U'%') {
      continue;
    }
    if (!PhonologyFits(last, particle->value.particle.after)) continue;
    // 으로 was refused (현으로 after a one-syllable stem): 현으 + 로 is no better.
    if (last == U'으') continue;
    // No noun holds a syllable with the past tense or 않/없 in it: 있지+만 and 밝혔지+만 are
    // verbs (있+지만), while 강혁+이었다 is a noun and the copula.
    if ((w.bits[cut] & kVerbSyllableBit) != 0) continue;
    const std::string_view stem = w.Prefix(cut);
    const Script script = w.ScriptOfPrefix(cut);
    // The copula 다 right after a noun (박병호다) but not after a verb stem in ㅡ (다르다, 크다).
    if (particle->value.particle.copula && particle->key == "다" &&
        (script.code_points < 2 || IsEuStem(last) || last == U'니')) {
      continue;
    }
    // Contractions (엔, 론, 에겐) and 서 for 에서 are written after known names and longer
    // words: 코엔 is a name, not 코+엔; 중국서 is 중국+서, 경찰서 is one word.
    if (particle->value.particle.short_form &&
        (script.code_points < 2 || (particle->key == "서" && !place_names.contains(w, 0, cut)))) {
      continue;
    }
    // A one-syllable Hangul stem is most often the first syllable of a word (회의, 속도, 사랑):
    // only a known pronoun or bound noun (그는, 것이, 수도) stands before a particle.
    if (script.AllHangul() && script.code_points == 1 &&
        (Flags(stem) & (kNounFlag | kNameFlag)) == 0) {
      continue;
    }
    if (!CutAllowed(w, cut)) continue;
    const bool copula = particle->value.particle.copula;
    out->parts.clear();
    AppendNoun(w, cut, !copula, 0, &out->parts);
    out->parts.push_back(Morph{Span{w.starts[cut], static_cast<uint32_t>(w.text.size())},
                               copula ? TokenTag::kPredicate : TokenTag::kParticle});
    out->tag = out->parts.front().tag;
    if (copula) {
      out->lemma = "이다";
    } else {
      out->particle = particle->key;  // points into the lexicon: valid as long as *this
    }
    return true;
  }
  return false;
}

// Predicates with no light verb, known by their ending: 합니다/입니다-like ㅂ니다, 는다/ㄴ다, and
// 다 after a final consonant no noun ends 다 with (같다, 좋다, 높다).
bool EojeolAnalyzer::Impl::AnalyzeVerbEnding(const EojeolChars& w, EojeolAnalysis* out) const {
  const size_t n = w.n;
  if (n < 2 || !w.AllHangul(n)) return false;
  size_t ending_start = 0;  // code point index where the ending begins; 0 = none
  const char32_t last = w.cps[n - 1];
  const char32_t before = w.cps[n - 2];
  const int before_final = utf8::FinalConsonant(before);
  if (n >= 3 && last == U'다' && before == U'니') {
    const char32_t stem_end = w.cps[n - 3];
    if (stem_end == U'습') {
      ending_start = n - 3;
    } else if (utf8::FinalConsonant(stem_end) == kBieup) {
      ending_start = n - 2;  // 합니다, 갑니다: ㅂ is fused into the stem's last syllable
    }
  } else if (last == U'다' && before == U'는' && n >= 3) {
    ending_start = n - 2;
  } else if (last == U'다' && before_final != 0 && before_final != 4 && before_final != kRieul &&
             before_final != 16 && before_final != 21) {
    // Not after ㄴ, ㄹ, ㅁ, ㅇ: 판다, 칼다, 잠다 and 강다 may be nouns or names.
    ending_start = n - 1;
  }
  if (ending_start == 0) return false;
  out->parts.clear();
  out->parts.push_back(Morph{Span{0, w.starts[ending_start]}, TokenTag::kPredicate});
  out->parts.push_back(
      Morph{Span{w.starts[ending_start], static_cast<uint32_t>(w.text.size())}, TokenTag::kEnding});
  out->tag = TokenTag::kPredicate;
  out->lemma = PredicateLemma(w.Prefix(ending_start), w.Suffix(ending_start));
  return true;
}

void EojeolAnalyzer::Impl::Analyze(std::string_view eojeol, EojeolAnalysis* out) const {
  if (eojeol.empty()) return;
  const DecodedEojeol decoded(eojeol);
  const EojeolChars w = decoded.chars();
  const size_t n = w.n;
  // Headlines abbreviate names to one Hanja written against Korean (北미사일, 盧대통령이나,
  // 中서): the change of script is the boundary.
  size_t hanja = 0;
  while (hanja < n && utf8::IsHanja(w.cps[hanja])) ++hanja;
  if (hanja > 0 && hanja < n && utf8::IsHangulSyllable(w.cps[hanja])) {
    const uint32_t offset = w.starts[hanja];
    const std::string_view rest = w.Suffix(hanja);
    EojeolAnalysis tail;
    const LexiconItem* const particle = Particle(rest, w.cps[hanja]);
    if (particle != nullptr && !particle->value.particle.copula) {
      tail.parts.push_back(Morph{Span{0, static_cast<uint32_t>(rest.size())}, TokenTag::kParticle});
      tail.particle = particle->key;
    } else {
      Analyze(rest, &tail);
    }
    out->parts.push_back(Morph{Span{0, offset}, TokenTag::kHanja});
    for (const Morph& part : tail.parts) {
      out->parts.push_back(Morph{Span{part.span.begin + offset, part.span.end + offset}, part.tag});
    }
    out->tag = TokenTag::kHanja;
    out->lemma = std::move(tail.lemma);
    out->particle = tail.particle;
    return;
  }
  const Span whole{0, static_cast<uint32_t>(eojeol.size())};
  // One look-up answers both whether the eojeol is a known word and whether it is a particle.
  const LexiconItem* const item = lexicon.Find(eojeol);
  const uint32_t flags = item == nullptr ? 0 : item->value.flags;
  const bool known = (flags & (kNounFlag | kNameFlag)) != 0;
  if (!known) {
    // The copula alone, after a closing quote or parenthesis: ...)입니다, '혁신'이었다.
    const LexiconItem* const copula = ParticleItem(item);
    if (copula != nullptr && copula->value.particle.copula && n > 1) {
      out->parts.push_back(Morph{whole, TokenTag::kPredicate});
      out->tag = TokenTag::kPredicate;
      out->lemma = "이다";
      return;
    }
    // Only a word that ends in Hangul can carry a Korean particle or ending.
    if ((w.bits[n] & kHangulBit) != 0 && utf8::IsHangulSyllable(w.cps[n - 1]) &&
        (AnalyzeLightVerb(w, out) || AnalyzeParticle(w, out) || AnalyzeFusedEnding(w, out) ||
         AnalyzeVerbEnding(w, out))) {
      return;
    }
  }
  if (known) {
    out->parts.push_back(Morph{whole, StemTag(w, n, false, flags)});
  } else {
    AppendNoun(w, n, false, 0, &out->parts);
  }
  out->tag = out->parts.front().tag;
}

// ---------------------------------------------------------------- public interface

Result<EojeolAnalyzer> EojeolAnalyzer::Create(const DictionarySet& dictionaries) {
  auto impl = std::make_unique<Impl>();

  SAGEON_ASSIGN_OR_RETURN(const TsvTable* particles, dictionaries.Get("particles"));
  SAGEON_RETURN_IF_ERROR(particles->RequireColumns({"form", "kind", "after"}));
  for (const TsvTable::Row& row : particles->rows()) {
    SAGEON_ASSIGN_OR_RETURN(After after,
                            ParseAfter(particles->Cell(row, "after"), *particles, row));
    impl->max_particle_code_points = std::max(impl->max_particle_code_points,
                                              utf8::CodePointCount(particles->Cell(row, "form")));
    const std::string_view kind = particles->Cell(row, "kind");
    const std::string_view form = particles->Cell(row, "form");
    impl->max_particle_bytes = std::max(impl->max_particle_bytes, form.size());
    if (!form.empty()) {
      size_t pos = 0;
      const char32_t first = utf8::Next(form, &pos);
      if (utf8::IsHangulSyllable(first)) impl->particle_initial_syllables.set(first - 0xAC00);
    }
    impl->particle_shapes.Add(form);
    LexiconEntry& entry = impl->lexicon[form];
    entry.flags |= kParticleFlag;
    entry.particle = ParticleInfo{after, kind == "copula", kind == "contraction"};
  }

  SAGEON_ASSIGN_OR_RETURN(const TsvTable* verbs, dictionaries.Get("predicate_suffixes"));
  SAGEON_RETURN_IF_ERROR(verbs->RequireColumns({"form", "lemma", "class"}));
  for (const TsvTable::Row& row : verbs->rows()) {
    SAGEON_ASSIGN_OR_RETURN(uint8_t cls, ParseClass(verbs->Cell(row, "class"), *verbs, row));
    const std::string_view form = verbs->Cell(row, "form");
    impl->light_verb_shapes.Add(form);
    LexiconEntry& entry = impl->lexicon[form];
    if (entry.light_verb < 0) {
      entry.light_verb = static_cast<int32_t>(impl->light_verb_list.size());
      impl->light_verb_list.emplace_back();
    }
    LightVerb& verb = impl->light_verb_list[static_cast<size_t>(entry.light_verb)];
    verb.lemma = std::string(verbs->Cell(row, "lemma"));
    verb.cls |= cls;
    verb.syllables = utf8::CodePointCount(form);
    size_t first = 0;
    if (!form.empty()) {
      const char32_t initial = utf8::Next(form, &first);
      if (utf8::IsHangulSyllable(initial)) {
        impl->light_verb_initial_syllables.set(initial - 0xAC00);
      } else {
        impl->light_verb_other_initials.push_back(initial);
      }
    }
  }

  SAGEON_ASSIGN_OR_RETURN(const TsvTable* endings, dictionaries.Get("endings"));
  SAGEON_RETURN_IF_ERROR(endings->RequireColumns({"form", "class"}));
  for (const TsvTable::Row& row : endings->rows()) {
    SAGEON_ASSIGN_OR_RETURN(uint8_t cls, ParseClass(endings->Cell(row, "class"), *endings, row));
    impl->ending_shapes.Add(endings->Cell(row, "form"));
    impl->lexicon[endings->Cell(row, "form")].ending_classes |= cls;
  }

  if (const TsvTable* stems = dictionaries.Find("verb_stems")) {
    SAGEON_RETURN_IF_ERROR(stems->RequireColumns({"stem", "class"}));
    for (const TsvTable::Row& row : stems->rows()) {
      const std::string_view cls = stems->Cell(row, "class");
      WordSet* set = cls == "rieul"    ? &impl->rieul_stems
                     : cls == "bieup"  ? &impl->bieup_stems
                     : cls == "digeut" ? &impl->digeut_stems
                     : cls == "siot"   ? &impl->siot_stems
                     : cls == "hieut"  ? &impl->hieut_stems
                     : cls == "vowel"  ? &impl->vowel_stems
                                       : nullptr;
      if (set == nullptr) {
        return DataError(stems->source() + ":" + std::to_string(row.line) + ": unknown class '" +
                         std::string(cls) +
                         "' (expected rieul, bieup, digeut, siot, hieut or vowel)");
      }
      set->emplace(stems->Cell(row, "stem"));
      impl->max_stem_code_points =
          std::max(impl->max_stem_code_points, utf8::CodePointCount(stems->Cell(row, "stem")));
    }
  }
  auto protect = [&impl](std::string_view word) {
    const size_t length = utf8::CodePointCount(word);
    if (length < 2) return;
    impl->protected_words.emplace(word);
    impl->max_protected_code_points = std::max(impl->max_protected_code_points, length);
  };
  // Optional: without it every noun is unknown, and only phonology guards the cuts.
  if (const TsvTable* nouns = dictionaries.Find("nouns_common")) {
    SAGEON_RETURN_IF_ERROR(nouns->RequireColumns({"form"}));
    for (const TsvTable::Row& row : nouns->rows()) {
      const std::string_view form = nouns->Cell(row, "form");
      const std::string_view kind = nouns->Cell(row, "kind");
      impl->nouns.emplace(form);
      protect(form);
      if (kind == "tail" || kind == "tail_any") impl->name_tails.emplace(form);
      if (kind == "tail_any") impl->any_tails.emplace(form);
      if (kind == "head") impl->head_words.emplace(form);
      if (kind == "name_part") impl->name_suffixes.emplace(form);
      if (kind == "title") {
        impl->titles.emplace(form);
        impl->max_title_code_points =
            std::max(impl->max_title_code_points, utf8::CodePointCount(form));
      }
    }
  }
  if (const TsvTable* titles = dictionaries.Find("person_titles")) {
    SAGEON_RETURN_IF_ERROR(titles->RequireColumns({"title"}));
    for (const TsvTable::Row& row : titles->rows()) {
      const std::string_view title = titles->Cell(row, "title");
      if (titles->Cell(row, "position") == "before" || title.empty()) continue;
      impl->titles.emplace(title);
      impl->max_title_code_points =
          std::max(impl->max_title_code_points, utf8::CodePointCount(title));
    }
  }
  for (std::string_view table_name : {"org_suffixes", "loc_suffixes"}) {
    const TsvTable* suffixes = dictionaries.Find(table_name);
    if (suffixes == nullptr) continue;
    SAGEON_RETURN_IF_ERROR(suffixes->RequireColumns({"suffix"}));
    for (const TsvTable::Row& row : suffixes->rows()) {
      impl->name_suffixes.emplace(suffixes->Cell(row, "suffix"));
    }
  }
  if (const TsvTable* surnames = dictionaries.Find("surnames")) {
    SAGEON_RETURN_IF_ERROR(surnames->RequireColumns({"surname"}));
    for (const TsvTable::Row& row : surnames->rows()) {
      impl->surnames.emplace(surnames->Cell(row, "surname"));
    }
  }
  // Event triggers that are verbal nouns (해임, 복귀) are common nouns, not name candidates.
  if (const TsvTable* triggers = dictionaries.Find("event_triggers")) {
    if (triggers->ColumnIndex("trigger") && triggers->ColumnIndex("pos")) {
      for (const TsvTable::Row& row : triggers->rows()) {
        if (triggers->Cell(row, "pos") == "noun")
          impl->nouns.emplace(triggers->Cell(row, "trigger"));
      }
    }
  }
  // Names of the gazetteers that are one eojeol (김정은, 마이크로소프트) are never cut inside.
  for (const TsvTable* gazetteer : dictionaries.Gazetteers()) {
    for (const TsvTable::Row& row : gazetteer->rows()) {
      const bool place = gazetteer->Cell(row, "type") == "LOC";
      auto add_name = [&](std::string_view name) {
        if (name.empty() || name.find(' ') != std::string_view::npos) return;
        if (!ScriptOf(name).hangul) return;
        impl->names.emplace(name);
        if (place) impl->place_names.emplace(name);
        protect(name);
      };
      add_name(gazetteer->Cell(row, "name"));
      std::string_view aliases = gazetteer->Cell(row, "aliases");
      while (!aliases.empty()) {
        const size_t bar = aliases.find('|');
        add_name(aliases.substr(0, bar));
        if (bar == std::string_view::npos) break;
        aliases.remove_prefix(bar + 1);
      }
    }
  }
  return EojeolAnalyzer(std::move(impl));
}

EojeolAnalyzer::EojeolAnalyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EojeolAnalyzer::EojeolAnalyzer(EojeolAnalyzer&&) noexcept = default;
EojeolAnalyzer& EojeolAnalyzer::operator=(EojeolAnalyzer&&) noexcept = default;
EojeolAnalyzer::~EojeolAnalyzer() = default;

EojeolAnalysis EojeolAnalyzer::Analyze(std::string_view eojeol) const {
  EojeolAnalysis out;
  impl_->Analyze(eojeol, &out);
  return out;
}

void EojeolAnalyzer::Analyze(std::string_view eojeol, EojeolAnalysis* out) const {
  out->parts.clear();
  out->tag = TokenTag::kOther;
  out->lemma.clear();
  out->particle = {};
  impl_->Analyze(eojeol, out);
}

bool EojeolAnalyzer::IsParticle(std::string_view form) const {
  const LexiconItem* const particle = impl_->Particle(form);
  return particle != nullptr && !particle->value.particle.copula;
}

}  // namespace sageon
