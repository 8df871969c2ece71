#include "sageon/extract/entity_recognizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "sageon/segment/sentence_splitter.h"
#include "sageon/tokenize/tokenizer.h"
#include "unit/test_util.h"

namespace sageon {
namespace {

using ::sageon::testing::ProjectDictionaries;

class EntityRecognizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto splitter = SentenceSplitter::Create(ProjectDictionaries());
    ASSERT_TRUE(splitter.ok()) << splitter.status().message();
    auto tokenizer = Tokenizer::Create(ProjectDictionaries());
    ASSERT_TRUE(tokenizer.ok()) << tokenizer.status().message();
    auto recognizer = EntityRecognizer::Create(ProjectDictionaries());
    ASSERT_TRUE(recognizer.ok()) << recognizer.status().message();
    splitter_ = new SentenceSplitter(std::move(splitter).value());
    tokenizer_ = new Tokenizer(std::move(tokenizer).value());
    recognizer_ = new EntityRecognizer(std::move(recognizer).value());
  }

  // The document as the pipeline hands it to the recognizer: sentences and tokens filled.
  static Document Prepare(const std::string& text) {
    Document doc;
    doc.original = text;
    doc.text = text;
    doc.text_to_original.resize(text.size() + 1);
    for (size_t i = 0; i <= text.size(); ++i) doc.text_to_original[i] = static_cast<uint32_t>(i);
    doc.sentences = splitter_->Split(doc.text);
    doc.tokens = tokenizer_->Tokenize(doc.text, doc.sentences);
    return doc;
  }

  static Document Analyze(const std::string& text, const EntityRecognizer* recognizer = nullptr) {
    Document doc = Prepare(text);
    (recognizer ? recognizer : recognizer_)->Recognize(&doc);
    return doc;
  }

  // The project's recognizer with `words` as its general dictionary (hunspell-ko's role), which
  // the rules for names without a cue need.
  static Result<EntityRecognizer> WithDictionaryWords(
      std::initializer_list<std::string_view> words) {
    DictionarySet dictionaries = ProjectDictionaries();
    dictionaries.AddDictionaryWords(words);
    return EntityRecognizer::Create(dictionaries);
  }

  struct PeopleCase {
    const char* text;
    std::vector<const char*> people;  // the surfaces read as PERSON, in order
  };
  // Each text, read by `recognizer`, names exactly its people (defined after PeopleIn).
  static void ExpectPeople(const EntityRecognizer& recognizer,
                           std::initializer_list<PeopleCase> cases);

  static SentenceSplitter* splitter_;
  static Tokenizer* tokenizer_;
  static EntityRecognizer* recognizer_;
};

SentenceSplitter* EntityRecognizerTest::splitter_ = nullptr;
Tokenizer* EntityRecognizerTest::tokenizer_ = nullptr;
EntityRecognizer* EntityRecognizerTest::recognizer_ = nullptr;

// The entity of the first mention that reads exactly `surface`, or nullptr.
const Entity* EntityOf(const Document& doc, std::string_view surface) {
  for (const Mention& m : doc.mentions) {
    if (doc.Text(m.span) == surface) return &doc.entities[m.entity];
  }
  return nullptr;
}

std::optional<uint32_t> EntityIndexOf(const Document& doc, std::string_view surface,
                                      size_t nth = 0) {
  for (const Mention& m : doc.mentions) {
    if (doc.Text(m.span) == surface && nth-- == 0) return m.entity;
  }
  return std::nullopt;
}

std::string Describe(const Document& doc) {
  std::string out;
  for (const Mention& m : doc.mentions) {
    const Entity& e = doc.entities[m.entity];
    out.append("[").append(doc.Text(m.span)).append("/").append(EntityTypeName(e.type));
    out.append("/").append(e.name).append("] ");
  }
  return out.empty() ? "(no mentions)" : out;
}

// The id of a person named only in part (김 대표, A씨, 김모씨): the canonical id scoped to its
// document with "@" and eight hex digits.
bool IsDocumentScopedId(const std::string& id, EntityType type, std::string_view name) {
  const std::string canonical = CanonicalEntityId(type, name) + "@";
  if (id.size() != canonical.size() + 8 || id.compare(0, canonical.size(), canonical) != 0) {
    return false;
  }
  return std::all_of(id.begin() + static_cast<std::ptrdiff_t>(canonical.size()), id.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool HasAlias(const Entity& e, std::string_view alias) {
  return std::find(e.aliases.begin(), e.aliases.end(), alias) != e.aliases.end();
}

TEST(CanonicalEntityIdTest, RemovesSpacesAndLowersLatin) {
  EXPECT_EQ(CanonicalEntityId(EntityType::kPerson, "샘 알트먼"), "person:샘알트먼");
  EXPECT_EQ(CanonicalEntityId(EntityType::kOrg, "오픈AI"), "org:오픈ai");
  EXPECT_EQ(CanonicalEntityId(EntityType::kOrg, "오픈 AI"), "org:오픈ai");
  EXPECT_EQ(CanonicalEntityId(EntityType::kLoc, "New York"), "loc:newyork");
  EXPECT_EQ(CanonicalEntityId(EntityType::kProduct, "챗GPT"), "product:챗gpt");
}

struct FoundCase {
  const char* text;
  const char* surface;  // the mention, particles excluded
  EntityType type;
  const char* name;  // the entity's canonical name
};

class FoundTest : public EntityRecognizerTest, public ::testing::WithParamInterface<FoundCase> {};

TEST_P(FoundTest, FindsTheMention) {
  const FoundCase& c = GetParam();
  const Document doc = Analyze(c.text);
  const Entity* e = EntityOf(doc, c.surface);
  ASSERT_NE(e, nullptr) << c.text << " → " << Describe(doc);
  EXPECT_EQ(e->type, c.type) << c.text << " → " << Describe(doc);
  EXPECT_EQ(e->name, c.name) << c.text << " → " << Describe(doc);
  EXPECT_TRUE(e->id == CanonicalEntityId(c.type, c.name) ||
              IsDocumentScopedId(e->id, c.type, c.name))
      << e->id;
  EXPECT_GE(e->mention_count, 1u);
}

INSTANTIATE_TEST_SUITE_P(
    Gazetteers, FoundTest,
    ::testing::Values(
        // Particles stay out of the span.
        FoundCase{"삼성전자는 새 공장을 지었다.", "삼성전자", EntityType::kOrg, "삼성전자"},
        FoundCase{"마이크로소프트와의 협력이 이어졌다.", "마이크로소프트", EntityType::kOrg,
                  "마이크로소프트"},
        // A name of two words, and its Latin alias resolved to the Hangul canonical name.
        FoundCase{"샘 알트먼의 복귀가 결정됐다.", "샘 알트먼", EntityType::kPerson, "샘 알트먼"},
        FoundCase{"OpenAI가 새 모델을 공개했다.", "OpenAI", EntityType::kOrg, "오픈AI"},
        FoundCase{"정상회담은 베이징에서 열렸다.", "베이징", EntityType::kLoc, "베이징"},
        // A country is a place, and the state when it acts (subject, object, genitive ...).
        FoundCase{"회의는 중국에서 열렸다.", "중국", EntityType::kLoc, "중국"},
        FoundCase{"중국이 제재에 반대했다.", "중국", EntityType::kOrg, "중국"},
        FoundCase{"챗GPT를 써 봤다.", "챗GPT", EntityType::kProduct, "챗GPT"},
        // Counties and districts, with or without their suffix, and places abroad.
        FoundCase{"축제는 진천군에서 열린다.", "진천군", EntityType::kLoc, "진천군"},
        FoundCase{"새 역사는 분당구에 들어선다.", "분당구", EntityType::kLoc, "분당구"},
        FoundCase{"그는 텍사스주 출신이다.", "텍사스주", EntityType::kLoc, "텍사스주"},
        FoundCase{"잉글랜드에서 뛰던 시절이었다.", "잉글랜드", EntityType::kLoc, "잉글랜드"},
        // Leagues, clubs and people of general knowledge.
        FoundCase{"그는 NBA에서 은퇴했다.", "NBA", EntityType::kOrg, "미국프로농구"},
        FoundCase{"레이커스는 연승을 이어갔다.", "레이커스", EntityType::kOrg, "LA 레이커스"},
        FoundCase{"코페르니쿠스의 책을 읽었다.", "코페르니쿠스", EntityType::kPerson,
                  "코페르니쿠스"}));

INSTANTIATE_TEST_SUITE_P(
    Rules, FoundTest,
    ::testing::Values(
        // Titles and honorifics around Korean names.
        FoundCase{"김철수 대표는 어제 사임했다.", "김철수", EntityType::kPerson, "김철수"},
        FoundCase{"홍길동 씨가 그렇게 말했다.", "홍길동", EntityType::kPerson, "홍길동"},
        FoundCase{"이영희 전 장관이 입장을 밝혔다.", "이영희", EntityType::kPerson, "이영희"},
        FoundCase{"회동 뒤 문 대표는 말을 아꼈다.", "문", EntityType::kPerson, "문"},
        FoundCase{"자금을 관리한 박씨의 딸도 입건됐다.", "박", EntityType::kPerson, "박"},
        FoundCase{"성매매 여성 김모(33)씨 등이 입건됐다.", "김", EntityType::kPerson, "김"},
        // Hangul name with the Latin original in parentheses, with a title before it.
        FoundCase{"CTO 미라 무라티(Mira Murati)를 임시 CEO로 임명했다.", "미라 무라티",
                  EntityType::kPerson, "미라 무라티"},
        FoundCase{"에밋 시어(Emmett Shear, 트위치 공동설립자)가 임명됐다.", "에밋 시어",
                  EntityType::kPerson, "에밋 시어"},
        // Organization and place suffixes on names no gazetteer lists.
        FoundCase{"한빛전자가 신제품을 발표했다.", "한빛전자", EntityType::kOrg, "한빛전자"},
        FoundCase{"푸른숲재단은 장학금을 준다.", "푸른숲재단", EntityType::kOrg, "푸른숲재단"},
        FoundCase{"결승에서 한빛상고를 꺾었다.", "한빛상고", EntityType::kOrg, "한빛상고"},
        // Multi-word units: a state and its government. An address is one place a unit
        // (AddressUnitsAreSeparatePlaces).
        FoundCase{"한국 정부가 입장을 냈다.", "한국 정부", EntityType::kOrg, "한국 정부"},
        // A body and a unit of it are one mention: 한빛병원 산부인과, 서울대 공대.
        // The mention covers both; the actor stays the body.
        FoundCase{"그는 한빛병원 산부인과에 입원했다.", "한빛병원 산부인과", EntityType::kOrg,
                  "한빛병원"},
        FoundCase{"그는 서울대 공대에서 강의했다.", "서울대 공대", EntityType::kOrg, "서울대학교"},
        FoundCase{"A씨는 경찰에 신고했다.", "A", EntityType::kPerson, "A"},
        FoundCase{"최민호(45)는 현장에 있었다.", "최민호", EntityType::kPerson, "최민호"},
        // A place's office written as one word after the name: 부산시장, 강원도지사.
        FoundCase{"한도윤 부산시장은 예산안을 냈다.", "한도윤", EntityType::kPerson, "한도윤"},
        FoundCase{"임재현 강원도지사가 현장을 찾았다.", "임재현", EntityType::kPerson, "임재현"},
        // A listed place written together with a common noun: the place alone.
        FoundCase{"경기는 한국시각 새벽에 열린다.", "한국", EntityType::kLoc, "대한민국"},
        FoundCase{"서울지역 학교들이 문을 닫았다.", "서울", EntityType::kLoc, "서울"}));

// Words that look like names to a careless rule.
class NotFoundTest : public EntityRecognizerTest,
                     public ::testing::WithParamInterface<std::pair<const char*, const char*>> {};

TEST_P(NotFoundTest, FindsNoMention) {
  const auto& [text, surface] = GetParam();
  const Document doc = Analyze(text);
  EXPECT_EQ(EntityOf(doc, surface), nullptr) << text << " → " << Describe(doc);
}

INSTANTIATE_TEST_SUITE_P(CommonWords, NotFoundTest,
                         ::testing::Values(std::pair{"국가 대표 선수들이 훈련했다.", "국가"},
                                           std::pair{"일부 의원들은 반대했다.", "일부"},
                                           std::pair{"비상시에 대피하세요.", "비상시"},
                                           std::pair{"당시 회사 대표는 몰랐다.", "회사"},
                                           std::pair{"걸그룹 멤버가 출연했다.", "걸그룹"},
                                           std::pair{"마음씨가 고운 사람이다.", "마음"},
                                           std::pair{"이번 대표 선출은 늦어졌다.", "이번"},
                                           // 부천영화제 names a festival, not the city.
                                           std::pair{"부천영화제가 개막했다.", "부천"},
                                           // 시장 alone is "market": no office of a place.
                                           std::pair{"주식 시장이 흔들렸다.", "주식"}));

TEST_F(EntityRecognizerTest, HangulNameWithLatinOriginalIsOnePersonWithAlias) {
  const Document doc = Analyze("그렉 브록먼(Greg Brockman)이 합류했다. 브록먼은 사장이었다.");
  const auto full = EntityIndexOf(doc, "그렉 브록먼");
  ASSERT_TRUE(full) << Describe(doc);
  const Entity& e = doc.entities[*full];
  EXPECT_EQ(e.type, EntityType::kPerson);
  EXPECT_EQ(e.id, "person:그렉브록먼");
  EXPECT_TRUE(HasAlias(e, "Greg Brockman")) << Describe(doc);
  // The Latin form in parentheses and the later surname are mentions of the same actor.
  EXPECT_EQ(EntityIndexOf(doc, "Greg Brockman"), full) << Describe(doc);
  EXPECT_EQ(EntityIndexOf(doc, "브록먼"), full) << Describe(doc);
  EXPECT_TRUE(HasAlias(e, "브록먼"));
  EXPECT_EQ(e.mention_count, 3u);
}

TEST_F(EntityRecognizerTest, ThereafterMakesTheShortNameAnAlias) {
  const Document doc =
      Analyze("Acme Robotics(이하 애크미)는 로봇을 만든다. 애크미는 작년에 상장했다.");
  const auto first = EntityIndexOf(doc, "Acme Robotics");
  ASSERT_TRUE(first) << Describe(doc);
  EXPECT_EQ(doc.entities[*first].type, EntityType::kOrg);
  EXPECT_EQ(EntityIndexOf(doc, "애크미", 0), first) << Describe(doc);
  EXPECT_EQ(EntityIndexOf(doc, "애크미", 1), first) << Describe(doc);
  EXPECT_TRUE(HasAlias(doc.entities[*first], "Acme Robotics") ||
              doc.entities[*first].name == "Acme Robotics");
}

TEST_F(EntityRecognizerTest, ThereafterWithCommaLinksKnownNames) {
  const Document doc = Analyze("OpenAI(이하, 오픈AI)는 비영리 단체다. 오픈AI가 챗GPT를 만들었다.");
  const auto first = EntityIndexOf(doc, "OpenAI");
  ASSERT_TRUE(first) << Describe(doc);
  EXPECT_EQ(doc.entities[*first].name, "오픈AI");
  EXPECT_EQ(EntityIndexOf(doc, "오픈AI", 1), first) << Describe(doc);
  EXPECT_TRUE(HasAlias(doc.entities[*first], "OpenAI"));
}

TEST_F(EntityRecognizerTest, PartialMentionLinksToTheFullName) {
  const Document doc = Analyze("샘 알트먼이 돌아왔다. 직원들은 알트먼을 지지했다.");
  const auto full = EntityIndexOf(doc, "샘 알트먼");
  ASSERT_TRUE(full) << Describe(doc);
  EXPECT_EQ(EntityIndexOf(doc, "알트먼"), full) << Describe(doc);
  EXPECT_EQ(doc.entities[*full].mention_count, 2u);
}

TEST_F(EntityRecognizerTest, TitledNameIsFoundAgainWithoutTitle) {
  const Document doc = Analyze("박민수 교수는 연구를 이끌었다. 박민수는 상을 받았다.");
  const auto first = EntityIndexOf(doc, "박민수", 0);
  ASSERT_TRUE(first) << Describe(doc);
  EXPECT_EQ(EntityIndexOf(doc, "박민수", 1), first) << Describe(doc);
}

TEST_F(EntityRecognizerTest, SpacingVariantsShareTheId) {
  const Document a = Analyze("오픈 AI가 발표했다.");
  const Document b = Analyze("오픈AI가 발표했다.");
  const Entity* ea = EntityOf(a, "오픈 AI");
  const Entity* eb = EntityOf(b, "오픈AI");
  ASSERT_NE(ea, nullptr) << Describe(a);
  ASSERT_NE(eb, nullptr) << Describe(b);
  EXPECT_EQ(ea->id, eb->id);
  EXPECT_EQ(ea->id, "org:오픈ai");
}

TEST_F(EntityRecognizerTest, UserGazetteerAddsNames) {
  const std::string text = "누리랩스가 투자를 유치했다.";
  EXPECT_EQ(EntityOf(Analyze(text), "누리랩스"), nullptr);

  DictionarySet dictionaries = ProjectDictionaries();
  auto table = TsvTable::Parse("name\ttype\taliases\n누리랩스\tORG\tNuri Labs\n", "user.tsv");
  ASSERT_TRUE(table.ok()) << table.status().message();
  dictionaries.Add("gazetteer_user_test", std::move(table).value());
  auto recognizer = EntityRecognizer::Create(dictionaries);
  ASSERT_TRUE(recognizer.ok()) << recognizer.status().message();
  const Document doc = Analyze(text, &recognizer.value());
  const Entity* e = EntityOf(doc, "누리랩스");
  ASSERT_NE(e, nullptr) << Describe(doc);
  EXPECT_EQ(e->type, EntityType::kOrg);
  EXPECT_EQ(e->id, "org:누리랩스");
}

TEST_F(EntityRecognizerTest, BadGazetteerTypeIsAnError) {
  DictionarySet dictionaries = ProjectDictionaries();
  auto table = TsvTable::Parse("name\ttype\taliases\n누리랩스\tCOMPANY\t\n", "user.tsv");
  ASSERT_TRUE(table.ok());
  dictionaries.Add("gazetteer_user_test", std::move(table).value());
  auto recognizer = EntityRecognizer::Create(dictionaries);
  ASSERT_FALSE(recognizer.ok());
  EXPECT_NE(recognizer.status().message().find("user.tsv:2"), std::string::npos)
      << recognizer.status().message();
}

TEST_F(EntityRecognizerTest, NoEntityOnADateSpan) {
  const std::string text = "서울에서 삼성전자가 발표했다.";
  Document doc = Prepare(text);
  TemporalExpression date;  // as if the date stage had claimed the first word
  date.span = Span{0, static_cast<uint32_t>(std::string("서울").size())};
  doc.dates.push_back(date);
  recognizer_->Recognize(&doc);
  EXPECT_EQ(EntityOf(doc, "서울"), nullptr) << Describe(doc);
  EXPECT_NE(EntityOf(doc, "삼성전자"), nullptr) << Describe(doc);
  for (const Mention& m : doc.mentions) {
    EXPECT_FALSE(m.span.begin < date.span.end && date.span.begin < m.span.end);
  }
}

TEST_F(EntityRecognizerTest, MentionsAreOrderedAndCounted) {
  const Document doc = Analyze("구글과 애플, 그리고 구글의 경쟁.");
  ASSERT_GE(doc.mentions.size(), 3u) << Describe(doc);
  for (size_t i = 1; i < doc.mentions.size(); ++i) {
    EXPECT_LE(doc.mentions[i - 1].span.end, doc.mentions[i].span.begin);
  }
  const Entity* google = EntityOf(doc, "구글");
  ASSERT_NE(google, nullptr);
  EXPECT_EQ(google->mention_count, 2u);
}

TEST_F(EntityRecognizerTest, SeedPost) {
  SAGEON_SKIP_WITHOUT_SHARED(path, "seed/000_e6fe4dbf8c2f6a6d.txt");
  const Document doc = Analyze(::sageon::testing::ReadFileOrDie(path));
  auto entity_named = [&](std::string_view name) -> const Entity* {
    for (const Entity& e : doc.entities) {
      if (e.name == name) return &e;
    }
    return nullptr;
  };
  for (const char* person : {"샘 알트먼", "미라 무라티", "에밋 시어", "그렉 브록먼",
                             "일리야 수츠케버", "브렛 테일러", "사티아 나델라"}) {
    const Entity* e = entity_named(person);
    ASSERT_NE(e, nullptr) << person;
    EXPECT_EQ(e->type, EntityType::kPerson) << person;
  }
  const Entity* altman = entity_named("샘 알트먼");
  EXPECT_TRUE(HasAlias(*altman, "Sam Altman"));
  EXPECT_TRUE(HasAlias(*altman, "알트먼"));
  EXPECT_GT(altman->mention_count, 20u);
  const Entity* openai = entity_named("오픈AI");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->type, EntityType::kOrg);
  EXPECT_TRUE(HasAlias(*openai, "OpenAI"));
  const Entity* microsoft = entity_named("마이크로소프트");
  ASSERT_NE(microsoft, nullptr);
  EXPECT_EQ(microsoft->type, EntityType::kOrg);
  // Every mention reads back as a name of its entity.
  for (const Mention& m : doc.mentions) {
    const Entity& e = doc.entities[m.entity];
    const std::string_view surface = doc.Text(m.span);
    EXPECT_TRUE(CanonicalEntityId(e.type, surface) == e.id || HasAlias(e, surface) ||
                IsDocumentScopedId(e.id, e.type, surface))
        << surface << " of " << e.name;
  }
}

// ---------------------------------------------------------------- partial names
struct LinkCase {
  const char* text;
  const char* partial;  // a surname or a given name before its title
  size_t nth;           // which mention of `partial`
  const char* full;     // the full name it stands for, or nullptr: it links to no one
};

class LinkTest : public EntityRecognizerTest, public ::testing::WithParamInterface<LinkCase> {};

TEST_P(LinkTest, LinksThePartialNameWithinTheDocument) {
  const LinkCase& c = GetParam();
  const Document doc = Analyze(c.text);
  const auto partial = EntityIndexOf(doc, c.partial, c.nth);
  ASSERT_TRUE(partial) << c.text << " → " << Describe(doc);
  const Entity& e = doc.entities[*partial];
  EXPECT_EQ(e.type, EntityType::kPerson);
  if (c.full != nullptr) {
    EXPECT_EQ(partial, EntityIndexOf(doc, c.full)) << c.text << " → " << Describe(doc);
    EXPECT_EQ(e.name, c.full);
    EXPECT_EQ(e.id, CanonicalEntityId(EntityType::kPerson, c.full));
  } else {
    EXPECT_EQ(e.name, c.partial) << c.text << " → " << Describe(doc);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Titles, LinkTest,
    ::testing::Values(
        // Surname and title: the one full name of the document with that surname.
        LinkCase{"김서준 대표가 해임됐다. 김 대표는 이틀 만에 복귀했다.", "김", 0, "김서준"},
        LinkCase{"최민아 장관이 취임했다. 최 장관은 업무를 시작했다.", "최", 0, "최민아"},
        // The title may differ when only one name fits (부사장, later 대표).
        LinkCase{"박지현 부사장이 신임 대표로 선임됐다. 박 대표는 부산 출신이다.", "박", 0,
                 "박지현"},
        LinkCase{"이사회는 박지현 부사장을 세웠다. 박씨는 직무대행을 맡았다.", "박", 0, "박지현"},
        // Given name and title.
        LinkCase{"발표는 박지현 부사장이 했다. 지현 부사장은 칩을 소개했다.", "지현", 0, "박지현"},
        LinkCase{"최민아 장관이 행사에 왔다. 민아 장관은 지원을 약속했다.", "민아", 0, "최민아"},
        // A foreign name by its last word.
        LinkCase{"제임스 카터(James Carter) 대표가 성명을 냈다. 카터 대표는 환영했다.", "카터", 0,
                 "제임스 카터"},
        // Two full names fit: the one with the same title, or no one.
        LinkCase{"김서준 대표와 김민수 교수가 만났다. 김 교수는 웃었다.", "김", 0, "김민수"},
        LinkCase{"김서준 대표와 김민수 대표가 만났다. 김 대표는 웃었다.", "김", 0, nullptr},
        // A surname that is also a word counts with the same title: 한 교수 is Prof. 한.
        LinkCase{"한소희 교수가 지적했다. 한 교수 말로는 가치가 높다.", "한", 0, "한소희"},
        LinkCase{"정태윤 의원이 썼다. 정 의원 지역구가 부산이다.", "정", 0, "정태윤"},
        // 남 is not the surname of 남궁민 (남궁 is).
        LinkCase{"남궁민 대표가 말했다. 남 대표는 반대했다.", "남", 0, nullptr},
        // No full name in the document: the surname stays itself.
        LinkCase{"회동 뒤 문 대표는 말을 아꼈다.", "문", 0, nullptr}));

// Words a surname rule must leave alone.
INSTANTIATE_TEST_SUITE_P(PartialNames, NotFoundTest,
                         ::testing::Values(
                             // 한 교수 with no 한 professor named: "a professor".
                             std::pair{"한 교수가 학생들에게 말했다.", "한"},
                             // A plural title follows no single person: "these players".
                             std::pair{"이 선수들에 대한 관심을 많이 갖도록 하겠다.", "이"},
                             // A title after its name heads no second name (지역구 "constituency").
                             std::pair{"정 의원 지역구가 부산이라 그렇다.", "지역구"},
                             // A verb before a title stays a verb (유명한 배우, 인용해 전 군).
                             std::pair{"이미지로 유명한 배우가 출연했다.", "유명한"},
                             std::pair{"현지 매체를 인용해 전 군이 숨졌다고 전했다.", "인용해"}));

TEST_F(EntityRecognizerTest, SurnameAloneIsNoNameElsewhere) {
  // 이 대표 is a person; 이 in 이 합병 ("this merger") and 이같이 ("like this") is not.
  const Document doc =
      Analyze("이도윤 대표가 세웠다. 이 대표는 약속했다. 사실 이 합병이었다. 이같이 말했다.");
  const auto lee = EntityIndexOf(doc, "이");
  ASSERT_TRUE(lee) << Describe(doc);
  EXPECT_EQ(doc.entities[*lee].name, "이도윤") << Describe(doc);
  EXPECT_FALSE(EntityIndexOf(doc, "이", 1)) << Describe(doc);
  const Document alone = Analyze("이 대표는 약속했다. 사실 이 합병이었다. 이같이 말했다.");
  ASSERT_TRUE(EntityIndexOf(alone, "이")) << Describe(alone);
  EXPECT_FALSE(EntityIndexOf(alone, "이", 1)) << Describe(alone);
}

TEST_F(EntityRecognizerTest, FullNameReadAsAVerbBeforeATitle) {
  // The analyzer reads 정하은 as 정하 + 은 ("which decided"); before 기자 it is a reporter.
  const Document doc = Analyze("(서울=한누리통신) 정하은 기자 = 한빛전자는 이사회를 열었다.");
  const Entity* e = EntityOf(doc, "정하은");
  ASSERT_NE(e, nullptr) << Describe(doc);
  EXPECT_EQ(e->type, EntityType::kPerson);
}

// 부산 동래구 온천동: each unit of an address is a place of its own, as most annotated news
// tags it, and a district no gazetteer lists is found after a known place.
TEST_F(EntityRecognizerTest, AddressUnitsAreSeparatePlaces) {
  const Document doc = Analyze("그는 부산 동래구 온천동 자신의 집에 있었다.");
  EXPECT_EQ(EntityOf(doc, "부산 동래구 온천동"), nullptr) << Describe(doc);
  EXPECT_EQ(EntityOf(doc, "부산 동래구"), nullptr) << Describe(doc);
  for (const char* unit : {"부산", "동래구", "온천동"}) {
    const Entity* e = EntityOf(doc, unit);
    ASSERT_NE(e, nullptr) << unit << " → " << Describe(doc);
    EXPECT_EQ(e->type, EntityType::kLoc) << unit;
  }
  EXPECT_EQ(EntityOf(doc, "동래구")->name, "동래구");
  // An organization in a place is still one mention: 울산 남부경찰서.
  const Document police = Analyze("울산 남부경찰서는 수사에 나섰다.");
  const Entity* e = EntityOf(police, "울산 남부경찰서");
  ASSERT_NE(e, nullptr) << Describe(police);
  EXPECT_EQ(e->type, EntityType::kOrg);
}

// An abbreviation in capitals that no gazetteer lists, with the particle of an agent or a
// possessor, is a body; common abbreviations of things and jobs, model names with digits and
// abbreviations with other particles are not.
TEST_F(EntityRecognizerTest, CapitalAbbreviationActingIsAnOrganization) {
  for (const char* text : {"QWXZ가 조사 결과를 발표했다.", "당시 QWXZ의 보고서가 나왔다.",
                           "QWXZ는 사고 원인을 밝혔다.", "QWXZ 측은 부인했다."}) {
    const Document doc = Analyze(text);
    const Entity* e = EntityOf(doc, "QWXZ");
    ASSERT_NE(e, nullptr) << text << " → " << Describe(doc);
    EXPECT_EQ(e->type, EntityType::kOrg) << text;
  }
  for (const auto& [text, surface] :
       {std::pair{"SNS에 사진을 올렸다.", "SNS"}, std::pair{"SNS는 빠르다.", "SNS"},
        std::pair{"PD가 출연을 부탁했다.", "PD"}, std::pair{"QX7이 출시됐다.", "QX7"},
        std::pair{"QWXZ로 보냈다.", "QWXZ"}, std::pair{"Qwxz가 말했다.", "Qwxz"}}) {
    const Document doc = Analyze(text);
    EXPECT_EQ(EntityOf(doc, surface), nullptr) << text << " → " << Describe(doc);
  }
}

// 한누리대의 정하람교수가: a full name written together with its title is the person; a body
// written together with its office (노조위원장, 경제부총리) is no one. Like every name without a
// cue around it, the rule needs the general dictionary to tell words from names.
TEST_F(EntityRecognizerTest, FullNameGluedToItsTitleIsThePerson) {
  const auto made = WithDictionaryWords({"노조", "경제", "발표", "만나다"});
  ASSERT_TRUE(made.ok()) << made.status().message();
  const EntityRecognizer& recognizer = *made;
  for (const auto& [text, name] : {std::pair{"한누리대의 정하람교수가 발표했다.", "정하람"},
                                   std::pair{"새별무역 박도윤사장은 말했다.", "박도윤"}}) {
    const Document doc = Analyze(text, &recognizer);
    const Entity* e = EntityOf(doc, name);
    ASSERT_NE(e, nullptr) << text << " → " << Describe(doc);
    EXPECT_EQ(e->type, EntityType::kPerson) << text;
  }
  for (const auto& [text, surface] : {std::pair{"김철수 노조위원장이 말했다.", "노조위"},
                                      std::pair{"그는 경제부총리를 만났다.", "경제부"}}) {
    const Document doc = Analyze(text, &recognizer);
    EXPECT_EQ(EntityOf(doc, surface), nullptr) << text << " → " << Describe(doc);
  }
  const Document plain = Analyze("한누리대의 정하람교수가 발표했다.");
  EXPECT_EQ(EntityOf(plain, "정하람"), nullptr) << Describe(plain);
}

TEST_F(EntityRecognizerTest, CompanyWithLatinNameIsAnOrganization) {
  const Document doc = Analyze("새별반도체(Saebyeol Semiconductor)는 부산에 공장이 있다.");
  const Entity* e = EntityOf(doc, "새별반도체");
  ASSERT_NE(e, nullptr) << Describe(doc);
  EXPECT_EQ(e->type, EntityType::kOrg);
  EXPECT_EQ(EntityOf(doc, "Saebyeol Semiconductor"), e);
}

struct CountryCase {
  const char* text;
  EntityType type;
};
class CountryTest : public EntityRecognizerTest,
                    public ::testing::WithParamInterface<CountryCase> {};

TEST_P(CountryTest, ActorParticleMakesTheStateGenitiveKeepsThePlace) {
  const Document doc = Analyze(GetParam().text);
  const Entity* e = EntityOf(doc, "미국");
  ASSERT_NE(e, nullptr) << Describe(doc);
  EXPECT_EQ(e->type, GetParam().type) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Genitive, CountryTest,
    ::testing::Values(
        // The state acts: its decision, its partner, its object.
        CountryCase{"미국이 결정했다.", EntityType::kOrg},
        CountryCase{"중국은 미국과 합의했다.", EntityType::kOrg},
        CountryCase{"북한은 미국을 비난했다.", EntityType::kOrg},
        // A genitive: its sanctions, an American non-profit, a student, a band.
        CountryCase{"미국의 제재가 이어졌다.", EntityType::kLoc},
        CountryCase{"인공지능을 연구하는 미국의 비영리 단체입니다.", EntityType::kLoc},
        CountryCase{"미국의 한 고등학생이 상을 받았다.", EntityType::kLoc},
        CountryCase{"미국의 전설적인 록밴드가 내한했다.", EntityType::kLoc}));

// ---------------------------------------------------------------- ids across documents
class ScopedIdTest : public EntityRecognizerTest {
 protected:
  static Document AnalyzeAs(const std::string& id, const std::string& text) {
    Document doc = Prepare(text);
    doc.id = id;
    recognizer_->Recognize(&doc);
    return doc;
  }
};

struct ScopedCase {
  const char* text;
  const char* surface;
  const char* name;
};
class ScopedNameTest : public ScopedIdTest, public ::testing::WithParamInterface<ScopedCase> {};

TEST_P(ScopedNameTest, PartialNameIsScopedToItsDocument) {
  const ScopedCase& c = GetParam();
  const Document a = AnalyzeAs("news-0001", c.text);
  const Document b = AnalyzeAs("news-0002", c.text);
  const Document a_again = AnalyzeAs("news-0001", c.text);
  const Entity* ea = EntityOf(a, c.surface);
  const Entity* eb = EntityOf(b, c.surface);
  ASSERT_NE(ea, nullptr) << Describe(a);
  ASSERT_NE(eb, nullptr) << Describe(b);
  EXPECT_EQ(ea->name, c.name);  // the span and the name stay as written
  EXPECT_TRUE(IsDocumentScopedId(ea->id, EntityType::kPerson, c.name)) << ea->id;
  EXPECT_TRUE(IsDocumentScopedId(eb->id, EntityType::kPerson, c.name)) << eb->id;
  EXPECT_NE(ea->id, eb->id) << "two documents' " << c.text << " are two people";
  EXPECT_EQ(EntityOf(a_again, c.surface)->id, ea->id) << "the id is stable from run to run";
}

INSTANTIATE_TEST_SUITE_P(
    Anonymous, ScopedNameTest,
    ::testing::Values(ScopedCase{"A씨는 경찰에 신고했다.", "A", "A"},
                      ScopedCase{"성매매 여성 김모(33)씨 등이 입건됐다.", "김", "김"},
                      ScopedCase{"김모씨는 혐의를 부인했다.", "김", "김"},
                      ScopedCase{"자금을 관리한 박씨의 딸도 입건됐다.", "박", "박"},
                      ScopedCase{"회동 뒤 문 대표는 말을 아꼈다.", "문", "문"},
                      ScopedCase{"김서준 대표와 김민수 대표가 만났다. 김 대표는 웃었다.", "김",
                                 "김"}));

TEST_F(ScopedIdTest, FullNamesMeetAcrossDocuments) {
  const Document a = AnalyzeAs("news-0001", "샘 알트먼이 돌아왔다.");
  const Document b = AnalyzeAs("news-0002", "샘 알트먼의 복귀가 결정됐다.");
  const Entity* ea = EntityOf(a, "샘 알트먼");
  const Entity* eb = EntityOf(b, "샘 알트먼");
  ASSERT_NE(ea, nullptr) << Describe(a);
  ASSERT_NE(eb, nullptr) << Describe(b);
  EXPECT_EQ(ea->id, "person:샘알트먼");
  EXPECT_EQ(eb->id, ea->id);
  // A surname linked to its full name takes the full name's id, shared across documents.
  const Document c = AnalyzeAs("news-0003", "김서준 대표가 해임됐다. 김 대표는 복귀했다.");
  const Document d = AnalyzeAs("news-0004", "김서준 대표는 말했다. 김 대표가 웃었다.");
  ASSERT_NE(EntityOf(c, "김"), nullptr) << Describe(c);
  ASSERT_NE(EntityOf(d, "김"), nullptr) << Describe(d);
  EXPECT_EQ(EntityOf(c, "김")->id, "person:김서준");
  EXPECT_EQ(EntityOf(d, "김")->id, "person:김서준");
}

TEST_F(ScopedIdTest, OneSurnameIsOneActorWithinADocument) {
  const Document doc = AnalyzeAs("news-0005", "김 대표는 반대했다. 김 대표는 결국 사임했다.");
  const auto first = EntityIndexOf(doc, "김", 0);
  ASSERT_TRUE(first) << Describe(doc);
  EXPECT_EQ(EntityIndexOf(doc, "김", 1), first) << Describe(doc);
  EXPECT_EQ(doc.entities[*first].mention_count, 2u);
}

// A full Korean name with no cue is found when a general dictionary says it is no word; the rule
// is off without one (the project's own lexicons are too small to tell words from names).
TEST_F(EntityRecognizerTest, BareKoreanNamesNeedTheGeneralDictionary) {
  const auto made =
      WithDictionaryWords({"이사회", "부패", "이어지다", "한꺼번에", "영화", "수경", "전쟁"});
  ASSERT_TRUE(made.ok()) << made.status().message();
  const EntityRecognizer& recognizer = *made;

  ExpectPeople(recognizer,
               {
                   {"문성민은 강한 서브를 넣었다.", {"문성민"}},
                   {"김현수·박병호가 나란히 출전했다.", {"김현수", "박병호"}},
                   {"이사회는 회의를 열었다.", {}},  // a dictionary word
                   {"반부패 정책을 발표했다.", {}},  // prefix + word
                   {"전쟁과 이 영화를 봤다.", {}},   // "this film"
                   // 이 + a word with a particle: the commonest surname wins (이영화를 "this
                   // film" written together is lost to it; edited news writes 이 영화).
                   {"이수경을 만났다.", {"이수경"}},
                   {"반전쟁을 외쳤다.", {}},                 // 반 "anti-" + word: no name
                   {"행사가 이어지는 동안 비가 왔다.", {}},  // a verb stem
                   {"라인업이 공개됐다.", {}},               // 라 is no common surname
                   {"조계사에서 법회가 열렸다.", {}},        // a temple: 사 ends no given name
               });
  // The same text without the dictionary: no cue, no name.
  const Document plain = Analyze("문성민은 강한 서브를 넣었다.");
  EXPECT_EQ(EntityOf(plain, "문성민"), nullptr) << Describe(plain);
}

// 박기자, 남경사: a surname glued to its title is the person, told by the surname.
TEST_F(EntityRecognizerTest, SurnameGluedToTitleIsThePerson) {
  const auto made = WithDictionaryWords({"기자"});
  ASSERT_TRUE(made.ok()) << made.status().message();
  const Document doc = Analyze("박기자가 현장을 찾았다.", &*made);
  const Entity* park = EntityOf(doc, "박");
  ASSERT_NE(park, nullptr) << Describe(doc);
  EXPECT_EQ(park->type, EntityType::kPerson);
}

// The people read as PERSON in `text`, in order.
std::vector<std::string> PeopleIn(const Document& doc) {
  std::vector<std::string> people;
  for (const Mention& m : doc.mentions) {
    if (doc.entities[m.entity].type == EntityType::kPerson) people.emplace_back(doc.Text(m.span));
  }
  return people;
}

void EntityRecognizerTest::ExpectPeople(const EntityRecognizer& recognizer,
                                        std::initializer_list<PeopleCase> cases) {
  for (const PeopleCase& c : cases) {
    const Document doc = Analyze(c.text, &recognizer);
    EXPECT_EQ(PeopleIn(doc), std::vector<std::string>(c.people.begin(), c.people.end()))
        << c.text << " → " << Describe(doc);
  }
}

// A foreign name in Hangul before a title is a person when the general dictionary does not know
// the word; common words, verb forms and departments before a title are not.
TEST_F(EntityRecognizerTest, ForeignNameBeforeTitleNeedsTheGeneralDictionary) {
  const auto made = WithDictionaryWords({"상대", "선발", "넘다", "뛰어나다", "사회학"});
  ASSERT_TRUE(made.ok()) << made.status().message();
  const EntityRecognizer& recognizer = *made;

  ExpectPeople(recognizer, {
                               {"펠트너 장관은 회담 뒤 떠났다.", {"펠트너"}},
                               {"오르반 전 총리가 입장을 냈다.", {"오르반"}},
                               {"로비나 케슬러 교수가 발표했다.", {"로비나 케슬러"}},
                               {"그는 상대 투수를 무너뜨렸다.", {}},  // a common word
                               {"선발 투수로 나섰다.", {}},  // a common word shaped like a name
                               {"기준을 넘는 선수가 많았다.", {}},  // a verb form left whole
                               {"가장 뛰어난 선수였다.", {}},       // an adnominal of a listed verb
                               {"정해진 사회학과 교수가 말했다.", {}},  // a department, not a name
                               {"펠트너 선수들이 입국했다.", {}},  // a plural title follows a group
                           });
  // Without the dictionary the rule stays off.
  EXPECT_EQ(EntityOf(Analyze("펠트너 장관은 회담 뒤 떠났다."), "펠트너"), nullptr);

  // After the full name, the last name before a title is the same person.
  const Document doc =
      Analyze("앨런 펠트너(Alan Feltner)가 취임했다. 펠트너 장관은 회담 뒤 떠났다.", &recognizer);
  const auto full = EntityIndexOf(doc, "앨런 펠트너");
  const auto last = EntityIndexOf(doc, "펠트너");
  ASSERT_TRUE(full && last) << Describe(doc);
  EXPECT_EQ(*full, *last) << Describe(doc);
}

// A name right after a noun for a kind of body (업체 코베아가) is that body; common words and
// compounds of two dictionary words (교섭단체 대표연설) are not.
TEST_F(EntityRecognizerTest, NameAfterAKindOfBodyIsAnOrganization) {
  const auto made = WithDictionaryWords({"대표", "연설", "관계자"});
  ASSERT_TRUE(made.ok()) << made.status().message();
  const EntityRecognizer& recognizer = *made;

  const Document found = Analyze("캠핑용품 업체 도르미카가 새 텐트를 냈다.", &recognizer);
  const Entity* org = EntityOf(found, "도르미카");
  ASSERT_NE(org, nullptr) << Describe(found);
  EXPECT_EQ(org->type, EntityType::kOrg);
  const Document quoted = Analyze("펀딩 업체 '펀디아'에서 모금했다.", &recognizer);
  ASSERT_NE(EntityOf(quoted, "펀디아"), nullptr) << Describe(quoted);

  for (const char* text : {"교섭단체 대표연설을 마쳤다.", "업체 관계자가 말했다."}) {
    const Document doc = Analyze(text, &recognizer);
    for (const Mention& m : doc.mentions) {
      EXPECT_NE(doc.entities[m.entity].type, EntityType::kOrg) << text << " → " << Describe(doc);
    }
  }
}

// Korean full names closed by a mark (박서진(두산)) or written in a row (cast lists) are people.
TEST_F(EntityRecognizerTest, BareKoreanNamesClosedByAMarkOrInARow) {
  const auto made = WithDictionaryWords({"이사회", "지키다"});
  ASSERT_TRUE(made.ok()) << made.status().message();
  const EntityRecognizer& recognizer = *made;

  ExpectPeople(recognizer,
               {
                   {"박서진(두산)이 선발로 나선다.", {"박서진"}},
                   {"출연진은 김하람 이도윤 정서율 등이다.", {"김하람", "이도윤", "정서율"}},
                   {"이사회(3월) 결정이 나왔다.", {}},   // a dictionary word
                   {"약속을 지키라(웃음)고 했다.", {}},  // a verb's stem and ending
               });
}

// 봉하늘 신임 대표, 서지운 가족도: a name alone before another word, when no word, verb form,
// ending or copula reads it.
TEST_F(EntityRecognizerTest, BareKoreanNameBeforeAnotherWord) {
  const auto made = WithDictionaryWords({"나오다", "이민"});
  ASSERT_TRUE(made.ok()) << made.status().message();
  const EntityRecognizer& recognizer = *made;

  ExpectPeople(recognizer, {
                               {"봉하늘 신임 사장이 취임했다.", {"봉하늘"}},
                               {"서지운 가족도 함께 왔다.", {"서지운"}},
                               {"기자들이 나오고 있었다.", {}},  // a verb form
                               {"이민정 결과가 나왔다.", {}},  // its first two syllables are a word
                               {"독립운동가 이라는 말을 들었다.", {}},  // a copula form
                               {"김하며 나갔다.", {}},  // an ending as its last syllable
                           });
}

// 보스턴은 마이애미를 꺾었다: in a sentence about a game, a city acting is its team; elsewhere it
// stays the place.
TEST_F(EntityRecognizerTest, CityActingInSportsNewsIsItsTeam) {
  const Document game = Analyze("보스턴은 홈경기에서 시카고를 꺾었다.");
  ASSERT_NE(EntityOf(game, "보스턴"), nullptr) << Describe(game);
  EXPECT_EQ(EntityOf(game, "보스턴")->type, EntityType::kOrg) << Describe(game);
  EXPECT_EQ(EntityOf(game, "시카고")->type, EntityType::kOrg) << Describe(game);

  const Document travel = Analyze("보스턴은 오래된 항구 도시다.");
  ASSERT_NE(EntityOf(travel, "보스턴"), nullptr) << Describe(travel);
  EXPECT_EQ(EntityOf(travel, "보스턴")->type, EntityType::kLoc) << Describe(travel);
}

// In sports news a city before one of its club's people, or after a player's age, is the club;
// a district (종로구) never is, and outside sports news the city stays a place.
TEST_F(EntityRecognizerTest, CityBeforeItsClubsPeopleIsTheTeam) {
  const Document coach = Analyze("피츠버그 감독은 9회에 투수를 바꿨지만 경기를 내줬다.");
  ASSERT_NE(EntityOf(coach, "피츠버그"), nullptr) << Describe(coach);
  EXPECT_EQ(EntityOf(coach, "피츠버그")->type, EntityType::kOrg) << Describe(coach);

  const Document age = Analyze("강봉수(29·볼티모어)는 이날 경기에서 홈런을 쳤다.");
  ASSERT_NE(EntityOf(age, "볼티모어"), nullptr) << Describe(age);
  EXPECT_EQ(EntityOf(age, "볼티모어")->type, EntityType::kOrg) << Describe(age);

  const Document district = Analyze("서울 종로구 감독 사무실에서 경기를 분석했다.");
  ASSERT_NE(EntityOf(district, "종로구"), nullptr) << Describe(district);
  EXPECT_EQ(EntityOf(district, "종로구")->type, EntityType::kLoc) << Describe(district);

  const Document film = Analyze("피츠버그 팬들이 공항에 모였다.");
  ASSERT_NE(EntityOf(film, "피츠버그"), nullptr) << Describe(film);
  EXPECT_EQ(EntityOf(film, "피츠버그")->type, EntityType::kLoc) << Describe(film);
}

// 경기 alone is also the province: 경기 성남 tells no game, so 성남 stays a place.
TEST_F(EntityRecognizerTest, ProvinceGyeonggiIsNoGame) {
  const Document doc = Analyze("경기 성남은 새 도로를 열었다.");
  ASSERT_NE(EntityOf(doc, "성남"), nullptr) << Describe(doc);
  EXPECT_EQ(EntityOf(doc, "성남")->type, EntityType::kLoc) << Describe(doc);
}

// After a place, a word that ends like an administrative unit but reads as common words is no
// unit (한국 프로야구, 미국 기준금리), while a real unit is (부산 온천동).
TEST_F(EntityRecognizerTest, WordEndingLikeAUnitAfterAPlaceIsNoPlace) {
  const auto made = WithDictionaryWords({"프로", "야구", "기준", "금리"});
  ASSERT_TRUE(made.ok()) << made.status().message();
  const Document doc =
      Analyze("미국 기준금리가 오르자 한국 프로야구도 흔들렸다. 부산 온천동에 비가 왔다.", &*made);
  EXPECT_EQ(EntityOf(doc, "기준금리"), nullptr) << Describe(doc);
  EXPECT_EQ(EntityOf(doc, "프로야구"), nullptr) << Describe(doc);
  ASSERT_NE(EntityOf(doc, "온천동"), nullptr) << Describe(doc);
  EXPECT_EQ(EntityOf(doc, "온천동")->type, EntityType::kLoc);
}

// An age in parentheses is the cue news gives people: the words before it that no dictionary or
// title list knows are a person's name (a foreign one too); a title or a common noun is not.
TEST_F(EntityRecognizerTest, UnknownNameBeforeAnAgeIsAPerson) {
  const auto made = WithDictionaryWords({"배우", "아버지", "무대", "오르다"});
  ASSERT_TRUE(made.ok()) << made.status().message();
  ExpectPeople(*made,
               {
                   {"배우 도린 키드웰(47)과 그의 아버지(78)가 무대에 올랐다.", {"도린 키드웰"}},
                   {"권하람(27·회사원)씨가 말했다.", {"권하람"}},
                   {"홍보실장(56)과 회장(60)이 무대에 올랐다.", {}},
               });
}

// A verb's stem and ending that a particle follows is no bare name: a nominalized verb before
// a particle (이르기까지), a past tense (나타났을) or a double final consonant (기약없는) never
// ends a given name, while a name that starts like a verb (강하늘, 강하다) stays a name.
TEST_F(EntityRecognizerTest, VerbFormsBeforeAParticleAreNoBareNames) {
  const auto made = WithDictionaryWords({"이르다", "나타나다", "강하다", "계속", "때"});
  ASSERT_TRUE(made.ok()) << made.status().message();
  ExpectPeople(*made, {
                          {"오늘에 이르기까지 계속 달렸다.", {}},
                          {"긍정적으로 나타났을 때 웃었다.", {}},
                          {"강하늘은 노래를 불렀다.", {"강하늘"}},
                      });
}

// After a place, a three-syllable word ending like a neighbourhood is the next unit of the
// address, not a bare Korean name (신천동 reads like surname 신 + 천동).
TEST_F(EntityRecognizerTest, NeighbourhoodAfterAPlaceIsNoName) {
  const auto made = WithDictionaryWords({"아파트", "한"});
  ASSERT_TRUE(made.ok()) << made.status().message();
  const Document doc = Analyze("송파구 신천동의 한 아파트에서 불이 났다.", &*made);
  ASSERT_NE(EntityOf(doc, "신천동"), nullptr) << Describe(doc);
  EXPECT_EQ(EntityOf(doc, "신천동")->type, EntityType::kLoc) << Describe(doc);
}

// Names of venues and new towns end in words that make a place by themselves (잠실야구장,
// 동탄2신도시), unless the word or the part before its ending is a common word (실내체육관).
TEST_F(EntityRecognizerTest, VenueEndingMakesAPlace) {
  const auto made = WithDictionaryWords({"실내", "열리다"});
  ASSERT_TRUE(made.ok()) << made.status().message();
  const Document doc = Analyze(
      "경기는 솔내야구장에서 열렸다. 실내체육관에서 열렸다. 새솔신도시에 입주했다.", &*made);
  ASSERT_NE(EntityOf(doc, "솔내야구장"), nullptr) << Describe(doc);
  EXPECT_EQ(EntityOf(doc, "솔내야구장")->type, EntityType::kLoc);
  ASSERT_NE(EntityOf(doc, "새솔신도시"), nullptr) << Describe(doc);
  EXPECT_EQ(EntityOf(doc, "실내체육관"), nullptr) << Describe(doc);
}

// 미국 지질조사국, 홍콩 고등법원: after a place, a word that ends like a body is that place's body,
// one organization, even when the word alone is a common noun.
TEST_F(EntityRecognizerTest, BodyAfterItsPlaceIsOneOrganization) {
  const auto made = WithDictionaryWords({"고등법원"});
  ASSERT_TRUE(made.ok()) << made.status().message();
  const Document doc = Analyze("홍콩 고등법원은 미국 지질조사국의 자료를 인용했다.", &*made);
  ASSERT_NE(EntityOf(doc, "홍콩 고등법원"), nullptr) << Describe(doc);
  EXPECT_EQ(EntityOf(doc, "홍콩 고등법원")->type, EntityType::kOrg);
  ASSERT_NE(EntityOf(doc, "미국 지질조사국"), nullptr) << Describe(doc);
  EXPECT_EQ(EntityOf(doc, "미국"), nullptr) << Describe(doc);
}

// A listed foreign first name and the unknown word after it are one person (맷 데이먼은); a first
// name that is a common word (키스 "kiss") needs the name closed, and a common word after the first
// name makes no name (존 중).
TEST_F(EntityRecognizerTest, KnownForeignFirstNameStartsAName) {
  const auto made = WithDictionaryWords({"키스", "존중", "중", "영화", "나오다", "보다"});
  ASSERT_TRUE(made.ok()) << made.status().message();
  ExpectPeople(*made, {
                          {"맷 데이먼은 영화에 나왔다.", {"맷 데이먼"}},
                          {"제니퍼 로런스와 나카무라 슌스케가 나왔다.",
                           {"제니퍼 로런스", "나카무라 슌스케"}},
                          {"키스 퍼킨스 감독이 나왔다.", {"키스 퍼킨스"}},
                          {"존 중 하나를 보았다.", {}},
                      });
}

// 무라야마 도미이치(村山富市): the name in Chinese characters in parentheses is another mention of
// the same actor.
TEST_F(EntityRecognizerTest, HanjaSpellingInParenthesesIsAMentionOfTheName) {
  const Document doc = Analyze("마오쩌둥(毛澤東) 주석과 중국 베이징(北京)을 다뤘다.");
  const auto person = EntityIndexOf(doc, "마오쩌둥");
  const auto hanja = EntityIndexOf(doc, "毛澤東");
  ASSERT_TRUE(person && hanja) << Describe(doc);
  EXPECT_EQ(*person, *hanja);
  const auto city = EntityIndexOf(doc, "베이징");
  const auto city_hanja = EntityIndexOf(doc, "北京");
  ASSERT_TRUE(city && city_hanja) << Describe(doc);
  EXPECT_EQ(*city, *city_hanja);
}

// 영국 BBC, 미국 국무부: a listed organization after its country is one mention, and the actor
// stays the organization.
TEST_F(EntityRecognizerTest, ListedOrganizationAfterItsCountryIsOneMention) {
  const Document doc = Analyze("영국 BBC는 미국 국무부의 발표를 전했다.");
  const Entity* bbc = EntityOf(doc, "영국 BBC");
  ASSERT_NE(bbc, nullptr) << Describe(doc);
  EXPECT_EQ(bbc->type, EntityType::kOrg);
  EXPECT_EQ(bbc->id, CanonicalEntityId(EntityType::kOrg, "BBC")) << bbc->id;
  EXPECT_EQ(EntityOf(doc, "영국"), nullptr) << Describe(doc);
  ASSERT_NE(EntityOf(doc, "미국 국무부"), nullptr) << Describe(doc);
}

// 샘 말트먼 in a document that names 샘 알트먼 is a typo of that name (one typed letter away);
// two Korean names one letter apart are two people.
TEST_F(EntityRecognizerTest, MisspelledNameLinksToTheActorOfTheDocument) {
  const Document doc = Analyze("샘 알트먼 CEO는 15일 발표했다. 샘 말트먼은 이어 말했다.");
  const auto right = EntityIndexOf(doc, "샘 알트먼");
  const auto typo = EntityIndexOf(doc, "샘 말트먼");
  ASSERT_TRUE(right && typo) << Describe(doc);
  EXPECT_EQ(*right, *typo) << Describe(doc);

  const Document alone = Analyze("샘 말트먼은 이어 말했다.");
  EXPECT_EQ(EntityOf(alone, "샘 말트먼"), nullptr)
      << "no name to be a typo of: " << Describe(alone);

  const Document two = Analyze("김민수 교수와 김민주 교수가 만났다.");
  const auto a = EntityIndexOf(two, "김민수");
  const auto b = EntityIndexOf(two, "김민주");
  ASSERT_TRUE(a && b) << Describe(two);
  EXPECT_NE(*a, *b) << Describe(two);
}

// 로버트 케네디언 and 로버트 캐네디언 (no list has either): two spellings of one actor, linked to
// the one named more often; two listed people one letter apart (존 케리, 존 켈리) stay two.
TEST_F(EntityRecognizerTest, VariantSpellingsOfOneForeignNameAreOneActor) {
  const auto made = WithDictionaryWords({"회담"});  // foreign names before a title need it
  ASSERT_TRUE(made.ok()) << made.status().message();
  const EntityRecognizer& recognizer = *made;

  const Document doc = Analyze(
      "로버트 케네디언 장관은 회담했다. 로버트 케네디언 장관은 웃었다. 로버트 캐네디언 장관도 "
      "말했다.",
      &recognizer);
  const auto first = EntityIndexOf(doc, "로버트 케네디언");
  const auto variant = EntityIndexOf(doc, "로버트 캐네디언");
  ASSERT_TRUE(first && variant) << Describe(doc);
  EXPECT_EQ(*first, *variant) << Describe(doc);
  EXPECT_EQ(doc.entities[*first].name, "로버트 케네디언");
  EXPECT_TRUE(HasAlias(doc.entities[*first], "로버트 캐네디언"));

  const Document listed = Analyze("존 케리 장관과 존 켈리 실장이 만났다.");
  const auto kerry = EntityIndexOf(listed, "존 케리");
  const auto kelly = EntityIndexOf(listed, "존 켈리");
  ASSERT_TRUE(kerry && kelly) << Describe(listed);
  EXPECT_NE(*kerry, *kelly) << Describe(listed);
}

// 경기 화성시, 경북 경주, 서울·경기: a short form that is also a common word is the place next
// to another place, and a word elsewhere (경기 부양, the economy).
TEST_F(EntityRecognizerTest, ShortPlaceNameThatIsAWordNeedsAnotherPlace) {
  const Document doc = Analyze(
      "경기 화성시에 공장을 세웠다. 서울·경기·인천에 비가 왔다. 경북 경주에서 열렸다. 경기 부양 "
      "조치가 나왔다.");
  size_t gyeonggi = 0;
  for (const Mention& m : doc.mentions) {
    if (doc.Text(m.span) == "경기") {
      ++gyeonggi;
      EXPECT_EQ(doc.entities[m.entity].id, CanonicalEntityId(EntityType::kLoc, "경기도"));
    }
  }
  EXPECT_EQ(gyeonggi, 2u) << Describe(doc);
  ASSERT_NE(EntityOf(doc, "경주"), nullptr) << Describe(doc);
  EXPECT_EQ(EntityOf(doc, "경주")->id, CanonicalEntityId(EntityType::kLoc, "경주시"));
}

// 한빛건설은: a name with an organization's ending is an organization, unless the whole word is
// a common word of the dictionary (토목건설 "civil engineering").
TEST_F(EntityRecognizerTest, OrganizationSuffixSparesDictionaryWords) {
  const auto made = WithDictionaryWords({"토목건설", "가구", "소득"});
  ASSERT_TRUE(made.ok()) << made.status().message();
  const EntityRecognizer& recognizer = *made;

  const Document doc = Analyze("한빛건설은 토목건설에 나섰다.", &recognizer);
  ASSERT_NE(EntityOf(doc, "한빛건설"), nullptr) << Describe(doc);
  EXPECT_EQ(EntityOf(doc, "한빛건설")->type, EntityType::kOrg);
  EXPECT_EQ(EntityOf(doc, "토목건설"), nullptr) << Describe(doc);

  // 당 after a common noun is "per" (가구당 "per household"); after a name, a party.
  const Document per = Analyze("새솔당은 가구당 소득을 발표했다.", &recognizer);
  ASSERT_NE(EntityOf(per, "새솔당"), nullptr) << Describe(per);
  EXPECT_EQ(EntityOf(per, "가구당"), nullptr) << Describe(per);
}

// ‘왕의 길’이란 관광코스: 이란 after a closing quote is the particle ("called"), not Iran.
TEST_F(EntityRecognizerTest, ListedNameThatIsAParticleAfterAQuoteIsTheParticle) {
  const Document doc = Analyze("‘왕의 길’이란 관광코스로 개발했다. 이란은 핵 협상에 나섰다.");
  size_t iran = 0;
  for (const Mention& m : doc.mentions) {
    if (doc.Text(m.span) == "이란") {
      ++iran;
      EXPECT_EQ(m.span.begin, doc.text.find("이란은")) << Describe(doc);
    }
  }
  EXPECT_EQ(iran, 1u) << Describe(doc);
}

// 더스틴 존슨(미국): the words right before a nationality in parentheses name a person.
TEST_F(EntityRecognizerTest, NameBeforeANationalityInParenthesesIsAPerson) {
  const auto made = WithDictionaryWords({"선두", "오르다", "공동"});
  ASSERT_TRUE(made.ok()) << made.status().message();
  const EntityRecognizer& recognizer = *made;

  const Document doc = Analyze(
      "더스틴 존슨(미국)과 헨리크 스텐손(스웨덴·27)이 공동 선두(미국)에 올랐다.", &recognizer);
  EXPECT_EQ(PeopleIn(doc), (std::vector<std::string>{"더스틴 존슨", "헨리크 스텐손"}))
      << Describe(doc);
}

}  // namespace
}  // namespace sageon
