#include "sageon/tokenize/tokenizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "sageon/base/utf8.h"
#include "sageon/tokenize/eojeol_analyzer.h"
#include "unit/test_util.h"

namespace sageon {
namespace {

const Tokenizer& ProjectTokenizer() {
  static const Tokenizer* const tokenizer = [] {
    auto created = Tokenizer::Create(testing::ProjectDictionaries());
    if (!created.ok()) {
      ADD_FAILURE() << created.status().message();
      std::abort();
    }
    return new Tokenizer(std::move(created).value());
  }();
  return *tokenizer;
}

const EojeolAnalyzer& Analyzer() { return ProjectTokenizer().analyzer(); }

std::vector<Sentence> OneSentence(std::string_view text) {
  return {Sentence{Span{0, static_cast<uint32_t>(text.size())}}};
}

std::string_view Text(std::string_view text, Span span) {
  return text.substr(span.begin, span.size());
}

// The parts of an eojeol as "form/tag" joined by '+' ("알트먼/proper_noun+의/particle").
std::string Describe(std::string_view eojeol, const EojeolAnalysis& analysis) {
  std::string out;
  for (const Morph& part : analysis.parts) {
    if (!out.empty()) out += '+';
    out += Text(eojeol, part.span);
    out += '/';
    out += TokenTagName(part.tag);
  }
  return out;
}

// ---------------------------------------------------------------- eojeol analysis

struct EojeolCase {
  std::string_view eojeol;
  std::string_view parts;     // Describe() of the expected analysis
  std::string_view lemma;     // expected lemma ("" when none)
  std::string_view particle;  // expected final particle ("" when none)
};

const EojeolCase kEojeolCases[] = {
    // Noun + particle, with the allomorph that fits the stem's last syllable.
    {"알트먼의", "알트먼/proper_noun+의/particle", "", "의"},
    {"알트먼은", "알트먼/proper_noun+은/particle", "", "은"},
    {"이사회가", "이사회/noun+가/particle", "", "가"},
    {"정부를", "정부/noun+를/particle", "", "를"},
    {"서울로", "서울/proper_noun+로/particle", "", "로"},
    {"회사로", "회사/noun+로/particle", "", "로"},
    {"미국으로", "미국/proper_noun+으로/particle", "", "으로"},
    {"그는", "그/noun+는/particle", "", "는"},
    {"것이", "것/noun+이/particle", "", "이"},
    // Compound particles, the longest that fits.
    {"마이크로소프트와의", "마이크로소프트/proper_noun+와의/particle", "", "와의"},
    {"미국과의", "미국/proper_noun+과의/particle", "", "과의"},
    {"이사회에서의", "이사회/noun+에서의/particle", "", "에서의"},
    {"정부로부터", "정부/noun+로부터/particle", "", "로부터"},
    {"법원으로부터", "법원/noun+으로부터/particle", "", "으로부터"},
    {"검찰로부터", "검찰/proper_noun+로부터/particle", "", "로부터"},
    {"직원에게서", "직원/noun+에게서/particle", "", "에게서"},
    {"금요일까지는", "금요일/proper_noun+까지는/particle", "", "까지는"},
    {"알트먼만이", "알트먼/proper_noun+만이/particle", "", "만이"},
    {"직원들은", "직원/noun+들은/particle", "", "들은"},
    // Latin and digit stems take either allomorph.
    {"오픈AI는", "오픈AI/proper_noun+는/particle", "", "는"},
    {"OpenAI와", "OpenAI/foreign+와/particle", "", "와"},
    {"OpenAI의", "OpenAI/foreign+의/particle", "", "의"},
    {"GPT-4의", "GPT-4/foreign+의/particle", "", "의"},
    {"챗GPT로", "챗GPT/proper_noun+로/particle", "", "로"},
    {"2023년에는", "2023년/number+에는/particle", "", "에는"},
    {"50%가", "50%/number+가/particle", "", "가"},
    // 하다/되다/시키다/당하다 predicates with their endings; the lemma is the dictionary form.
    {"해임되었다", "해임/noun+되/predicate+었다/ending", "해임되다", ""},
    {"임명했다", "임명/noun+했/predicate+다/ending", "임명하다", ""},
    {"복귀했습니다", "복귀/noun+했/predicate+습니다/ending", "복귀하다", ""},
    {"선임됐다", "선임/noun+됐/predicate+다/ending", "선임되다", ""},
    {"해임된", "해임/noun+된/predicate", "해임되다", ""},
    {"발표한다고", "발표/noun+한/predicate+다고/ending", "발표하다", ""},
    {"해임하기로", "해임/noun+하/predicate+기로/ending", "해임하다", ""},
    {"해임당했다", "해임/noun+당했/predicate+다/ending", "해임당하다", ""},
    {"상당한", "상당/noun+한/predicate", "상당하다", ""},
    {"위해", "위/noun+해/predicate", "위하다", ""},
    {"했다", "했/predicate+다/ending", "하다", ""},
    // Predicates known by a fused ending.
    {"밝혔다", "밝혔/predicate+다/ending", "밝히다", ""},
    {"있지만", "있/predicate+지만/ending", "있다", ""},
    // The copula 이다 after a noun.
    {"CEO이다", "CEO/foreign+이다/predicate", "이다", ""},
    {"설립자이자", "설립자/noun+이자/predicate", "이다", ""},
    {"창업자인", "창업자/noun+인/predicate", "이다", ""},
    {"문제다", "문제/noun+다/predicate", "이다", ""},
    {"회장이었다", "회장/noun+이었다/predicate", "이다", ""},
    // A Hanja abbreviation written against Korean (headline style).
    {"北미사일", "北/hanja+미사일/noun", "", ""},
    {"中서", "中/hanja+서/particle", "", "서"},
    // Words that end in a particle-like syllable stay whole.
    {"복귀", "복귀/noun", "", ""},
    {"회의", "회의/noun", "", ""},
    {"국무회의", "국무회의/noun", "", ""},
    {"민주주의", "민주주의/noun", "", ""},
    {"사이", "사이/noun", "", ""},
    {"코로나", "코로나/noun", "", ""},
    {"피해", "피해/noun", "", ""},
    {"올해", "올해/noun", "", ""},
    {"권한", "권한/noun", "", ""},
    {"어린이", "어린이/noun", "", ""},
    {"속도", "속도/noun", "", ""},
    {"연예인", "연예인/noun", "", ""},
    // ... but take their own particles.
    {"이사회의", "이사회/noun+의/particle", "", "의"},
    {"회의에서", "회의/noun+에서/particle", "", "에서"},
    {"국무회의에서", "국무회의/noun+에서/particle", "", "에서"},
    {"피해를", "피해/noun+를/particle", "", "를"},
    // Phonology: 은 does not follow a vowel, 가 does not follow a consonant.
    {"서지은", "서지은/noun", "", ""},
    {"평가", "평가/noun", "", ""},
    {"OpenAI", "OpenAI/foreign", "", ""},
    {"2023", "2023/number", "", ""},
};

TEST(EojeolAnalyzerTest, SplitsEojeols) {
  for (const EojeolCase& c : kEojeolCases) {
    const EojeolAnalysis analysis = Analyzer().Analyze(c.eojeol);
    EXPECT_EQ(Describe(c.eojeol, analysis), c.parts) << c.eojeol;
    EXPECT_EQ(analysis.lemma, c.lemma) << c.eojeol;
    EXPECT_EQ(analysis.particle, c.particle) << c.eojeol;
    ASSERT_FALSE(analysis.parts.empty()) << c.eojeol;
    EXPECT_EQ(analysis.tag, analysis.parts.front().tag) << c.eojeol;
  }
}

// The dictionary form of native verbs and adjectives, from general conjugation rules: the ending
// comes off and the stem's last syllable is undone (past tense, 아/어, ㅂ니다, irregulars).
struct LemmaCase {
  std::string_view eojeol;
  std::string_view lemma;  // "" when the eojeol is no predicate or its stem is not plausible
};

const LemmaCase kLemmaCases[] = {
    // The past tense contracted with the stem's last vowel: ㅕ from ㅣ, ㅘ from ㅗ, ㅝ from ㅜ.
    {"밝혔다", "밝히다"},
    {"숨졌다", "숨지다"},
    {"일으켰다", "일으키다"},
    {"다쳤다", "다치다"},
    {"알렸다", "알리다"},
    {"왔다", "오다"},
    {"나왔다", "나오다"},
    {"봤을", "보다"},
    {"줬다", "주다"},
    {"내놨다", "내놓다"},
    {"세웠고", "세우다"},
    // ... with a stem in ㅏ, ㅓ, ㅐ: nothing to undo but the ㅆ.
    {"나섰다", "나서다"},
    {"갔다", "가다"},
    {"나타났다", "나타나다"},
    {"냈고", "내다"},
    {"했지만", "하다"},
    // ㅡ drops before 아/어.
    {"컸다", "크다"},
    {"썼어요", "쓰다"},
    {"아팠다", "아프다"},
    {"따랐다", "따르다"},
    // 았/었 after a stem that ends in a consonant, or uncontracted.
    {"받았다", "받다"},
    {"먹었다", "먹다"},
    {"있었다", "있다"},
    {"없었다", "없다"},
    {"아니었다", "아니다"},
    {"주었다", "주다"},
    // 였: a stem in 이, or the copula after a word in a vowel.
    {"보였다", "보이다"},
    {"붙였다", "붙이다"},
    {"뭐였을까", "이다"},
    // 겠 is a pre-final ending.
    {"지키겠다", "지키다"},
    {"두겠다", "두다"},
    // Irregular stems: 르, 러, ㅂ, ㄷ, ㅅ, ㅎ.
    {"몰랐다", "모르다"},
    {"불렀다", "부르다"},
    {"이르렀다", "이르다"},
    {"놀랐다", "놀라다"},
    {"어려웠다", "어렵다"},
    {"도왔다", "돕다"},
    {"새로웠다", "새롭다"},
    {"실망스러웠고", "실망스럽다"},
    {"불러왔다", "불러오다"},
    {"실었다", "싣다"},
    {"물었다", "묻다"},
    {"지었다", "짓다"},
    {"그랬다", "그렇다"},
    // ㅂ니다 fused into a vowel stem, and an ㄹ stem that drops its ㄹ.
    {"드립니다", "드리다"},
    {"바랍니다", "바라다"},
    {"만듭니다", "만들다"},
    // Endings after a stem in a consonant: the stem and 다.
    {"같습니다", "같다"},
    {"어렵다", "어렵다"},
    {"믿는다", "믿다"},
    {"많은", "많다"},
    {"않은", "않다"},
    {"있지만", "있다"},
    // A connective before 겠 is no stem.
    {"지켜봐야겠죠", ""},
    // Nouns with their particles have no lemma.
    {"정부는", ""},
    {"알트먼의", ""},
    {"회의에서", ""},
    {"사람들이", ""},
    {"마이크로소프트와의", ""},
    {"국무회의", ""},
};

TEST(EojeolAnalyzerTest, LemmatizesPredicates) {
  for (const LemmaCase& c : kLemmaCases) {
    const EojeolAnalysis analysis = Analyzer().Analyze(c.eojeol);
    EXPECT_EQ(analysis.lemma, c.lemma) << c.eojeol << " " << Describe(c.eojeol, analysis);
    const bool predicate =
        std::any_of(analysis.parts.begin(), analysis.parts.end(),
                    [](const Morph& part) { return part.tag == TokenTag::kPredicate; });
    // A lemma only ever comes with a predicate.
    if (!analysis.lemma.empty()) {
      EXPECT_TRUE(predicate) << c.eojeol;
    }
  }
}

// Every cut of an eojeol is looked up in the lexicons; a word of a hundred thousand syllables (a
// text pasted without spaces) is cut as a short one is, its particle or ending found the same way,
// each look-up costing no more than a short word's.
TEST(EojeolAnalyzerTest, LongEojeolsSplitLikeShortOnes) {
  std::string long_stem;
  for (int i = 0; i < 25000; ++i) long_stem += "반도체";
  for (std::string_view ending : {"의", "에서는", "했다", "되었다"}) {
    const std::string short_word = "반도체" + std::string(ending);
    const std::string long_word = long_stem + std::string(ending);
    const EojeolAnalysis short_analysis = Analyzer().Analyze(short_word);
    const EojeolAnalysis long_analysis = Analyzer().Analyze(long_word);
    ASSERT_EQ(long_analysis.parts.size(), short_analysis.parts.size()) << ending;
    for (size_t i = 0; i < short_analysis.parts.size(); ++i) {
      EXPECT_EQ(long_analysis.parts[i].tag, short_analysis.parts[i].tag) << ending;
    }
    EXPECT_EQ(Text(long_word, long_analysis.parts.back().span),
              Text(short_word, short_analysis.parts.back().span))
        << ending;
    EXPECT_EQ(long_analysis.particle, short_analysis.particle) << ending;
  }
  const std::string latin(100000, 'a');
  const EojeolAnalysis analysis = Analyzer().Analyze(latin);
  ASSERT_EQ(analysis.parts.size(), 1u);
  EXPECT_EQ(analysis.parts[0].tag, TokenTag::kForeign);
}

// Names and nouns that end in a particle-like syllable: never cut before a particle or an ending,
// whatever tag the gazetteers give them.
TEST(EojeolAnalyzerTest, DoesNotCutNamesBeforeParticleLikeSyllables) {
  for (std::string_view word : {"이명박", "제주도", "서울시의회", "경찰서", "고속도로", "노사합의",
                                "어린이", "스스로", "하느님", "날씨"}) {
    const EojeolAnalysis analysis = Analyzer().Analyze(word);
    for (size_t i = 0; i + 1 < analysis.parts.size(); ++i) {
      const Morph& next = analysis.parts[i + 1];
      EXPECT_NE(next.tag, TokenTag::kParticle) << word;
      EXPECT_NE(next.tag, TokenTag::kEnding) << word;
      EXPECT_NE(next.tag, TokenTag::kPredicate) << word;
      EXPECT_TRUE(analysis.particle.empty()) << word;
    }
  }
  // 사이+에 and 호주+의 do take their particle, at the right place.
  EXPECT_EQ(Describe("사이에", Analyzer().Analyze("사이에")).substr(0, 7), "사이/");
  EXPECT_EQ(Analyzer().Analyze("호주의").particle, "의");
}

// A title or a dependent noun written against a name is split off, so the name ends on a part.
TEST(EojeolAnalyzerTest, SplitsTitlesAndTailsFromNames) {
  const struct {
    std::string_view eojeol;
    std::string_view head;
  } kCases[] = {
      {"김혜수씨의", "김혜수"}, {"A씨는", "A"},     {"왕가위감독의", "왕가위"},
      {"박모씨가", "박"},       {"NC전에서", "NC"}, {"그것때문에", "그것"},
      {"회사측은", "회사"},
  };
  for (const auto& c : kCases) {
    const EojeolAnalysis analysis = Analyzer().Analyze(c.eojeol);
    ASSERT_GE(analysis.parts.size(), 2u) << c.eojeol;
    EXPECT_EQ(Text(c.eojeol, analysis.parts.front().span), c.head) << c.eojeol;
  }
  // Words that merely end like a title stay whole.
  for (std::string_view word : {"날씨가", "아가씨는", "솜씨"}) {
    const EojeolAnalysis analysis = Analyzer().Analyze(word);
    EXPECT_LE(analysis.parts.size(), 2u) << word;
    EXPECT_GE(Text(word, analysis.parts.front().span).size(), 6u) << word;
  }
}

TEST(EojeolAnalyzerTest, PartsConcatenateToTheEojeol) {
  for (const EojeolCase& c : kEojeolCases) {
    const EojeolAnalysis analysis = Analyzer().Analyze(c.eojeol);
    uint32_t end = 0;
    for (const Morph& part : analysis.parts) {
      EXPECT_EQ(part.span.begin, end) << c.eojeol;
      EXPECT_LT(part.span.begin, part.span.end) << c.eojeol;
      end = part.span.end;
    }
    EXPECT_EQ(end, c.eojeol.size()) << c.eojeol;
  }
}

TEST(EojeolAnalyzerTest, KnowsParticles) {
  EXPECT_TRUE(Analyzer().IsParticle("은"));
  EXPECT_TRUE(Analyzer().IsParticle("에서의"));
  EXPECT_TRUE(Analyzer().IsParticle("으로부터"));
  EXPECT_FALSE(Analyzer().IsParticle("이다"));  // the copula is a predicate
  EXPECT_FALSE(Analyzer().IsParticle("회의"));
  EXPECT_FALSE(Analyzer().IsParticle(""));
}

TEST(EojeolAnalyzerTest, EmptyAndOddInputDoNotCrash) {
  EXPECT_TRUE(Analyzer().Analyze("").parts.empty());
  for (std::string_view odd : {"의", "은", "-", "\xEA\xB0", "ㅋㅋ", "漢字의"}) {
    const EojeolAnalysis analysis = Analyzer().Analyze(odd);
    ASSERT_FALSE(analysis.parts.empty()) << odd;
    EXPECT_EQ(analysis.parts.back().span.end, odd.size()) << odd;
  }
}

TEST(EojeolAnalyzerTest, MissingLexiconIsAnError) {
  DictionarySet empty;
  const auto created = EojeolAnalyzer::Create(empty);
  ASSERT_FALSE(created.ok());
  EXPECT_NE(created.status().message().find("particles"), std::string::npos);
}

TEST(EojeolAnalyzerTest, BadLexiconRowIsAnErrorNamingTheLine) {
  DictionarySet set;
  auto particles = TsvTable::Parse("form\tkind\tafter\n의\tgenitive\tA\n은\ttopic\tX\n", "p.tsv");
  ASSERT_TRUE(particles.ok());
  set.Add("particles", std::move(particles).value());
  const auto created = EojeolAnalyzer::Create(set);
  ASSERT_FALSE(created.ok());
  EXPECT_NE(created.status().message().find("p.tsv:3"), std::string::npos)
      << created.status().message();
}

// ---------------------------------------------------------------- tokenizer

// The surfaces of the tokens of `text` as one sentence, joined by '|'.
std::string Surfaces(std::string_view text) {
  std::string out;
  for (const Token& token : ProjectTokenizer().Tokenize(text, OneSentence(text))) {
    if (!out.empty()) out += '|';
    out += Text(text, token.span);
  }
  return out;
}

struct TokenCase {
  std::string_view text;
  std::string_view surfaces;
};

const TokenCase kTokenCases[] = {
    {"샘 알트먼이 해임되었다.", "샘|알트먼이|해임되었다|."},
    {"GPT-4의 성능은", "GPT-4의|성능은"},
    {"2023년에는 챗GPT로", "2023년에는|챗GPT로"},
    {"OpenAI와 마이크로소프트와의 관계", "OpenAI와|마이크로소프트와의|관계"},
    {"'변호인'은 영화다", "'|변호인|'|은|영화다"},
    {"알트먼(38)은, \"복귀\"했다.", "알트먼|(|38|)|은|,|\"|복귀|\"|했다|."},
    {"한·미 정상", "한|·|미|정상"},
    {"수원ㆍ성남ㆍ용인", "수원|ㆍ|성남|ㆍ|용인"},
    {"3.5%가 1,000명", "3.5%가|1,000명"},
    {"AT&T와 K-팝", "AT&T와|K-팝"},
    {"  앞뒤   공백  ", "앞뒤|공백"},
};

TEST(TokenizerTest, TokensAreEojeolsAndSymbols) {
  for (const TokenCase& c : kTokenCases) {
    EXPECT_EQ(Surfaces(c.text), c.surfaces) << c.text;
  }
}

TEST(TokenizerTest, TagsAndAbsoluteParts) {
  const std::string text = "오늘 알트먼의 복귀를 OpenAI가 발표했다.";
  const std::vector<Token> tokens = ProjectTokenizer().Tokenize(text, OneSentence(text));
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(Text(text, tokens[1].head()), "알트먼");
  EXPECT_EQ(tokens[1].tag, TokenTag::kProperNoun);
  ASSERT_EQ(tokens[1].parts.size(), 2u);
  EXPECT_EQ(Text(text, tokens[1].parts[1].span), "의");
  EXPECT_EQ(tokens[1].parts[1].tag, TokenTag::kParticle);
  EXPECT_EQ(Text(text, tokens[3].head()), "OpenAI");
  EXPECT_EQ(tokens[3].tag, TokenTag::kForeign);
  EXPECT_EQ(tokens[4].lemma, "발표하다");
  EXPECT_EQ(tokens[5].tag, TokenTag::kSymbol);
  EXPECT_TRUE(tokens[0].parts.empty());  // an unsplit eojeol has no parts
}

TEST(TokenizerTest, ParticleAfterClosingQuote) {
  const std::string text = "'부림사건'을 다룬";
  const std::vector<Token> tokens = ProjectTokenizer().Tokenize(text, OneSentence(text));
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(Text(text, tokens[3].span), "을");
  EXPECT_EQ(tokens[3].tag, TokenTag::kParticle);
}

TEST(TokenizerTest, TokensStayInsideTheirSentence) {
  // Two sentences with no space between them, and text outside every sentence.
  const std::string text = "알트먼이 복귀했다.이사회는 사과했다. 남은 글";
  const uint32_t first_end = static_cast<uint32_t>(text.find("이사회"));
  const uint32_t second_end = static_cast<uint32_t>(text.find(" 남은"));
  const std::vector<Sentence> sentences = {Sentence{Span{0, first_end}},
                                           Sentence{Span{first_end, second_end}}};
  const std::vector<Token> tokens = ProjectTokenizer().Tokenize(text, sentences);
  ASSERT_FALSE(tokens.empty());
  uint32_t previous_end = 0;
  for (const Token& token : tokens) {
    ASSERT_LT(token.sentence, sentences.size());
    const Span sentence = sentences[token.sentence].span;
    EXPECT_GE(token.span.begin, sentence.begin) << Text(text, token.span);
    EXPECT_LE(token.span.end, sentence.end) << Text(text, token.span);
    EXPECT_GE(token.span.begin, previous_end);
    previous_end = token.span.end;
  }
  EXPECT_EQ(Text(text, tokens.back().span), ".");
  EXPECT_EQ(tokens.back().sentence, 1u);
  EXPECT_EQ(Text(text, tokens[3].span), "이사회는");
  EXPECT_EQ(tokens[3].sentence, 1u);
}

TEST(TokenizerTest, InvariantsOnTheSeedLikeText) {
  const std::string text =
      "2023년 11월 17일, 오픈AI 이사회는 샘 알트먼 CEO를 전격 해임했다. 그레그 브록먼 "
      "의장도 사임했고, 마이크로소프트는 그를 영입하겠다고 밝혔다. (출처: 뉴스1) ‘복귀’ 논의는 "
      "계속됐다…";
  const std::vector<Token> tokens = ProjectTokenizer().Tokenize(text, OneSentence(text));
  uint32_t previous_end = 0;
  for (const Token& token : tokens) {
    const std::string_view surface = Text(text, token.span);
    EXPECT_FALSE(surface.empty());
    EXPECT_GE(token.span.begin, previous_end);
    previous_end = token.span.end;
    size_t pos = 0;
    while (pos < surface.size()) EXPECT_FALSE(utf8::IsSpace(utf8::Next(surface, &pos))) << surface;
    if (token.parts.empty()) continue;
    EXPECT_GE(token.parts.size(), 2u);
    EXPECT_EQ(token.parts.front().span.begin, token.span.begin) << surface;
    EXPECT_EQ(token.parts.back().span.end, token.span.end) << surface;
    for (size_t i = 1; i < token.parts.size(); ++i) {
      EXPECT_EQ(token.parts[i].span.begin, token.parts[i - 1].span.end) << surface;
    }
    EXPECT_EQ(token.tag, token.parts.front().tag) << surface;
  }
}

// ---------------------------------------------------------------- the shortcut past ICU

// Random text of Hangul, ASCII (spaces, punctuation, letters, digits), line breaks and a few
// characters of other scripts and classes that ICU's word rules treat apart (interpuncts, joiners,
// combining marks, odd spaces, Thai, kana, Han, emoji). `style` 0 draws Hangul, spaces and ASCII
// punctuation only, the text the shortcut cuts by itself; 1 adds letters and digits; 2 adds the
// rest.
std::string RandomText(std::mt19937* rng, int style) {
  static constexpr char kPunctuation[] = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  static constexpr char32_t kOthers[] = {
      U'\n',  U'\t',  0x00A0, 0x3000,  0x2009,  0x00B7, 0x318D, 0x30FB, 0x2022, 0x2027,
      0xFF65, U'ㅋ',  U'ㅎ',  U'é',    U'中',   U'あ',  U'カ',  U'Д',   0x0301, 0x200D,
      0x200B, 0xFE0F, 0x00AD, 0x1F600, 0x1F3FB, 0xFF01, 0x2026, 0x201C, 0x201D, 0x2018,
      0x2019, 0x300C, 0x300D, 0x2010,  0x2011,  0xFF05, 0x2030, U'ก',   U'ع',   U'①',
      U'Ａ',  U'１',  U'％',  U'・',   0x3002,  U'〜',  U'～',  U'＿',  0x0E31, 0x1100};
  auto pick = [rng](size_t n) { return static_cast<size_t>((*rng)() % n); };
  std::string text;
  const size_t length = 1 + pick(24);
  for (size_t i = 0; i < length; ++i) {
    const size_t kind = pick(style == 0 ? 10 : style == 1 ? 13 : 16);
    if (kind < 5) {  // Hangul, often several syllables in a row
      for (size_t k = 1 + pick(4); k > 0; --k) {
        utf8::Append(static_cast<char32_t>(0xAC00 + pick(11172)), &text);
      }
    } else if (kind < 7) {
      text.append(1 + (pick(4) == 0 ? pick(3) : 0), ' ');
    } else if (kind < 10) {
      text.push_back(kPunctuation[pick(sizeof kPunctuation - 1)]);
    } else if (kind < 13) {
      const size_t which = pick(3);
      text.push_back(which == 0   ? static_cast<char>('0' + pick(10))
                     : which == 1 ? static_cast<char>('a' + pick(26))
                                  : static_cast<char>('A' + pick(26)));
    } else {
      utf8::Append(kOthers[pick(std::size(kOthers))], &text);
    }
  }
  return text;
}

std::string DescribePieces(std::string_view text, const std::vector<Tokenizer::Piece>& pieces) {
  std::string out;
  for (const Tokenizer::Piece& piece : pieces) {
    out += '[';
    out += text.substr(piece.begin, piece.end - piece.begin);
    out += "]/";
    out += piece.kind == Tokenizer::PieceKind::kSpace  ? "space "
           : piece.kind == Tokenizer::PieceKind::kWord ? "word "
                                                       : "symbol ";
  }
  return out;
}

// Tokenize cuts most of Korean text without ICU (spaces, runs of Hangul, ASCII punctuation); the
// pieces must be the ones ICU's word boundaries give over the whole sentence, on any text.
TEST(TokenizerTest, ShortcutCutsLikeIcu) {
  std::mt19937 rng(20231117);
  size_t taken = 0, cases = 0;
  for (int style = 0; style < 3; ++style) {
    for (int i = 0; i < 6000; ++i) {
      const std::string text = RandomText(&rng, style);
      bool shortcut = false;
      const std::vector<Tokenizer::Piece> fast = ProjectTokenizer().Pieces(text, true, &shortcut);
      const std::vector<Tokenizer::Piece> icu = ProjectTokenizer().Pieces(text, false);
      ASSERT_EQ(fast, icu) << "text: \"" << text << "\"\nshortcut: " << DescribePieces(text, fast)
                           << "\nICU:      " << DescribePieces(text, icu);
      ASSERT_FALSE(icu.empty());
      EXPECT_EQ(icu.front().begin, 0u);
      EXPECT_EQ(icu.back().end, text.size());
      ++cases;
      taken += shortcut ? 1 : 0;
      // Hangul, spaces and ASCII punctuation only: the shortcut never needs ICU's word rules.
      if (style == 0) {
        EXPECT_TRUE(shortcut) << text;
      }
    }
  }
  // The comparison is worth something only if the shortcut was taken on much of the text.
  EXPECT_GT(taken * 2, cases);
}

TEST(TokenizerTest, EmptyInputs) {
  EXPECT_TRUE(ProjectTokenizer().Tokenize("", {}).empty());
  EXPECT_TRUE(ProjectTokenizer().Tokenize("글", {}).empty());
  const std::string text = "글";
  // A sentence span past the end of the text is clamped, not read out of bounds.
  EXPECT_EQ(ProjectTokenizer().Tokenize(text, {Sentence{Span{0, 100}}}).size(), 1u);
}

// ---------------------------------------------------------------- KLUE-NER boundaries

// For the PER/ORG/LOC entities of the dev set, the share whose end falls on a token or part
// boundary: the entity stage can only find a name that ends where a token or part ends. Also the
// share of entities cut inside (a part boundary strictly within the entity's last eojeol).
TEST(TokenizerTest, EntityEndsFallOnBoundaries) {
  SAGEON_SKIP_WITHOUT_SHARED(path, "eval/ner/dev.jsonl");
  std::ifstream in(path);
  std::string line;
  size_t total = 0, on_boundary = 0, cut_inside = 0;
  while (std::getline(in, line)) {
    const nlohmann::json doc = nlohmann::json::parse(line, nullptr, false);
    if (doc.is_discarded()) continue;
    const std::string text = doc.value("text", "");
    const std::vector<uint32_t> cp_to_byte = [&] {
      std::vector<uint32_t> table;
      size_t pos = 0;
      while (pos < text.size()) {
        table.push_back(static_cast<uint32_t>(pos));
        utf8::Next(text, &pos);
      }
      table.push_back(static_cast<uint32_t>(text.size()));
      return table;
    }();
    const std::vector<Token> tokens = ProjectTokenizer().Tokenize(text, OneSentence(text));
    std::set<uint32_t> ends, inner;
    for (const Token& token : tokens) {
      ends.insert(token.span.end);
      for (size_t i = 0; i + 1 < token.parts.size(); ++i) inner.insert(token.parts[i].span.end);
    }
    for (const auto& entity : doc["entities"]) {
      const std::string type = entity.value("type", "");
      if (type != "PER" && type != "ORG" && type != "LOC") continue;
      const size_t start = entity.value("start", 0u), end = entity.value("end", 0u);
      if (end >= cp_to_byte.size() || start >= end) continue;
      const uint32_t b = cp_to_byte[start], e = cp_to_byte[end];
      ++total;
      if (ends.contains(e) || inner.contains(e)) ++on_boundary;
      for (uint32_t cut : inner) {
        // A cut strictly inside the entity's last eojeol (after its last space).
        const size_t space = text.rfind(' ', e - 1);
        const uint32_t last_word =
            space == std::string::npos || space < b ? b : static_cast<uint32_t>(space + 1);
        if (cut > last_word && cut < e) {
          ++cut_inside;
          break;
        }
      }
    }
  }
  ASSERT_GT(total, 1000u);
  const double share = static_cast<double>(on_boundary) / static_cast<double>(total);
  const double cut_share = static_cast<double>(cut_inside) / static_cast<double>(total);
  std::cout << "PER/ORG/LOC entities: " << total << ", end on a boundary: " << share
            << ", cut inside: " << cut_share << "\n";
  // Measured 0.9702 and 0.024 (dictionaries of this commit). The entity stage needs at least 97%
  // of entity ends on a boundary (issue 3), so that is the floor, not a figure below it.
  EXPECT_GE(share, 0.970);
  EXPECT_LT(cut_share, 0.03);
}

}  // namespace
}  // namespace sageon
