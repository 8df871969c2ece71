// Events: a trigger word with a date and at least one actor, the actors' roles read from their
// particles. The documents are built by hand (sentences, eojeol tokens, entity mentions, dates)
// so these tests fix the event stage's own rules whatever the earlier stages do.
#include "sageon/extract/event_extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "sageon/export/stage_records.h"
#include "unit/test_util.h"

namespace sageon {
namespace {

const EventExtractor& Extractor() {
  static const EventExtractor* const extractor = [] {
    DictionarySet set;
    for (const char* name : {"event_triggers", "person_titles"}) {
      auto table = TsvTable::Load(std::string(SAGEON_TEST_DICT_DIR) + "/" + name + ".tsv");
      if (!table.ok()) {
        ADD_FAILURE() << table.status().message();
        std::abort();
      }
      set.Add(name, std::move(table).value());
    }
    auto created = EventExtractor::Create(set);
    if (!created.ok()) {
      ADD_FAILURE() << created.status().message();
      std::abort();
    }
    return new EventExtractor(std::move(created).value());
  }();
  return *extractor;
}

bool IsPunct(char c) { return std::string_view("()[],:;!?\"'").find(c) != std::string_view::npos; }

struct Line {
  std::string text;
  bool heading = false;
  bool boilerplate = false;
};

// Lines of text, one sentence each unless a line holds several sentences ending in ". ".
class DocBuilder {
 public:
  explicit DocBuilder(std::vector<Line> lines) {
    for (size_t i = 0; i < lines.size(); ++i) {
      const Line& line = lines[i];
      // Split prose lines at ". " into sentences; a line of a date such as "2024. 3. 4." stays.
      std::vector<std::string> parts;
      const bool dated_line =
          !line.text.empty() && std::isdigit(static_cast<unsigned char>(line.text[0]));
      size_t start = 0;
      while (!dated_line) {
        const size_t dot = line.text.find(". ", start);
        if (dot == std::string::npos) break;
        parts.push_back(line.text.substr(start, dot + 1 - start));
        start = dot + 2;
      }
      parts.push_back(line.text.substr(start));
      for (size_t p = 0; p < parts.size(); ++p) {
        if (p > 0) doc_.text += " ";
        const auto begin = static_cast<uint32_t>(doc_.text.size());
        doc_.text += parts[p];
        doc_.sentences.push_back(Sentence{Span{begin, static_cast<uint32_t>(doc_.text.size())},
                                          line.heading, line.boilerplate});
      }
      if (i + 1 < lines.size()) doc_.text += "\n";
    }
    // Eojeols split at spaces; punctuation is its own token, a final period too.
    for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
      const Span span = doc_.sentences[s].span;
      uint32_t i = span.begin;
      while (i < span.end) {
        if (doc_.text[i] == ' ') {
          ++i;
          continue;
        }
        uint32_t j = i;
        while (j < span.end && doc_.text[j] != ' ') ++j;
        // [i, j) is one eojeol; cut punctuation off.
        uint32_t k = i;
        while (k < j) {
          if (IsPunct(doc_.text[k]) || (doc_.text[k] == '.' && (k + 1 == j))) {
            AddToken(k, k + 1, TokenTag::kSymbol, s);
            ++k;
            continue;
          }
          uint32_t m = k;
          while (m < j && !IsPunct(doc_.text[m]) && !(doc_.text[m] == '.' && m + 1 == j)) ++m;
          AddToken(k, m, TokenTag::kNoun, s);
          k = m;
        }
        i = j;
      }
    }
  }

  DocBuilder& Entity(const std::string& name, EntityType type) {
    const auto index = static_cast<uint32_t>(doc_.entities.size());
    std::string id(EntityTypeName(type));
    for (char c : name) {
      if (c != ' ') id.push_back(c);
    }
    doc_.entities.push_back(sageon::Entity{id, type, name, {}, 0});
    for (size_t at = doc_.text.find(name); at != std::string::npos;
         at = doc_.text.find(name, at + name.size())) {
      doc_.mentions.push_back(
          Mention{Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size())}, index});
      ++doc_.entities.back().mention_count;
    }
    std::sort(doc_.mentions.begin(), doc_.mentions.end(),
              [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
    return *this;
  }

  // Every occurrence of `surface` is a date of the given day.
  DocBuilder& Date(const std::string& surface, int y, int m, int d) {
    for (size_t at = doc_.text.find(surface); at != std::string::npos;
         at = doc_.text.find(surface, at + surface.size())) {
      TemporalExpression t;
      t.span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + surface.size())};
      t.value.time.year = y;
      t.value.time.month = m;
      t.value.time.day = d;
      for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
        if (doc_.sentences[s].span.begin <= at && at < doc_.sentences[s].span.end) t.sentence = s;
      }
      doc_.dates.push_back(t);
    }
    std::sort(doc_.dates.begin(), doc_.dates.end(),
              [](const auto& a, const auto& b) { return a.span.begin < b.span.begin; });
    return *this;
  }

  // Every occurrence of `surface` is a date the extractor recognized but could not place
  // (no reference, no anchor): resolved = false, as DateExtractor emits it.
  DocBuilder& Unresolved(const std::string& surface, Grain grain) {
    for (size_t at = doc_.text.find(surface); at != std::string::npos;
         at = doc_.text.find(surface, at + surface.size())) {
      TemporalExpression t;
      t.span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + surface.size())};
      t.value = TimeValue{DateTime(), grain, ""};
      t.anchor = Anchor::kNone;
      t.resolved = false;
      t.is_time = grain >= Grain::kHour;
      for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
        if (doc_.sentences[s].span.begin <= at && at < doc_.sentences[s].span.end) t.sentence = s;
      }
      doc_.dates.push_back(t);
    }
    std::sort(doc_.dates.begin(), doc_.dates.end(),
              [](const auto& a, const auto& b) { return a.span.begin < b.span.begin; });
    return *this;
  }

  Document& doc() { return doc_; }

 private:
  void AddToken(uint32_t b, uint32_t e, TokenTag tag, uint32_t sentence) {
    Token t;
    t.span = Span{b, e};
    t.tag = tag;
    t.sentence = sentence;
    doc_.tokens.push_back(t);
  }
  Document doc_;
};

// "dismissal 2024-03-04 김민수:patient 한빛전자:agent", actors sorted by name.
std::vector<std::string> Describe(const Document& doc) {
  std::vector<std::string> out;
  for (const Event& e : doc.events) {
    std::vector<std::string> actors;
    for (const EventActor& a : e.actors) {
      actors.push_back(doc.entities[a.entity].name + ":" + std::string(RoleName(a.role)));
    }
    std::sort(actors.begin(), actors.end());
    std::string line = e.type + " " + doc.dates[e.date].value.Iso();
    for (const auto& a : actors) line += " " + a;
    out.push_back(line);
  }
  return out;
}

struct Case {
  const char* name;
  std::vector<Line> lines;
  std::vector<std::pair<std::string, EntityType>> entities;
  std::vector<std::pair<std::string, std::array<int, 3>>> dates;
  std::vector<std::string> expected;
};

constexpr auto P = EntityType::kPerson;
constexpr auto O = EntityType::kOrg;
constexpr auto R = EntityType::kProduct;

TEST(EventExtractorTest, RolesAndDatesFromParticles) {
  const Case cases[] = {
      {"a dated list of bare-noun items",
       {{"2024. 3. 4.", true},
        {"한빛전자 이사회, 김민수 해임(사유: 경영 부진)", true},
        {"박지영 부사장을 신임 대표로 선임", true},
        {"2024. 3. 6.", true},
        {"대한모터스, 김민수와 이서준의 대한모터스 합류 발표", true}},
       {{"한빛전자", O}, {"김민수", P}, {"박지영", P}, {"대한모터스", O}, {"이서준", P}},
       {{"2024. 3. 4.", {2024, 3, 4}}, {"2024. 3. 6.", {2024, 3, 6}}},
       {"dismissal 2024-03-04 김민수:patient 한빛전자:agent",
        "appointment 2024-03-04 박지영:patient",
        "joining 2024-03-06 김민수:agent 대한모터스:participant 이서준:agent",
        "announcement 2024-03-06 대한모터스:agent"}},
      {"topic and object in prose",
       {{"한빛전자는 2024년 3월 4일 김민수 대표를 해임했다."}},
       {{"한빛전자", O}, {"김민수", P}},
       {{"2024년 3월 4일", {2024, 3, 4}}},
       {"dismissal 2024-03-04 김민수:patient 한빛전자:agent"}},
      {"the subject of a passive is the patient, 에 의해 the agent",
       {{"김민수 대표가 2024년 3월 4일 한빛전자 이사회에 의해 해임됐다."}},
       {{"한빛전자", O}, {"김민수", P}},
       {{"2024년 3월 4일", {2024, 3, 4}}},
       {"dismissal 2024-03-04 김민수:patient 한빛전자:agent"}},
      {"the reporter of a byline takes no part in the events",
       {{"(서울=한누리통신) 정하은 기자 = 한빛전자는 2024년 3월 4일 김민수 대표를 해임했다."}},
       {{"정하은", P}, {"한빛전자", O}, {"김민수", P}},
       {{"2024년 3월 4일", {2024, 3, 4}}},
       {"dismissal 2024-03-04 김민수:patient 한빛전자:agent"}},
      {"a title after a name and its organization carries the person's particle",
       {{"김민수 한빛전자 대표가 2024년 3월 4일 해임됐다."}},
       {{"김민수", P}, {"한빛전자", O}},
       {{"2024년 3월 4일", {2024, 3, 4}}},
       {"dismissal 2024-03-04 김민수:patient 한빛전자:participant"}},
      {"dative is the recipient",
       {{"한빛전자는 2024년 5월 2일 박지영에게 사장 자리를 제안했다."}},
       {{"한빛전자", O}, {"박지영", P}},
       {{"2024년 5월 2일", {2024, 5, 2}}},
       {"proposal 2024-05-02 박지영:recipient 한빛전자:agent"}},
      {"로 names the role taken only for appointments, and only an entity",
       {{"대한모터스는 2024년 4월 1일 김민수를 한빛전자 대표로 임명했다."}},
       {{"대한모터스", O}, {"김민수", P}, {"한빛전자", O}},
       {{"2024년 4월 1일", {2024, 4, 1}}},
       {"appointment 2024-04-01 김민수:patient 대한모터스:agent 한빛전자:role"}},
      {"와 before a verbal noun is the co-actor; the topic reaches every trigger",
       {{"한빛전자는 2024년 6월 10일 대한모터스와 합병 계약을 체결했다."}},
       {{"한빛전자", O}, {"대한모터스", O}},
       {{"2024년 6월 10일", {2024, 6, 10}}},
       {"merger 2024-06-10 대한모터스:co-actor 한빛전자:agent",
        "contract 2024-06-10 한빛전자:agent", "agreement 2024-06-10 한빛전자:agent"}},
      {"와 함께 (together with) is the co-actor: 함께 is no dative",
       {{"김민수는 2024년 6월 10일 박지영과 함께 한빛전자를 창업했다."}},
       {{"김민수", P}, {"박지영", P}, {"한빛전자", O}},
       {{"2024년 6월 10일", {2024, 6, 10}}},
       {"founding 2024-06-10 김민수:agent 박지영:co-actor 한빛전자:patient"}},
      {"에서 after an organization is the agent",
       {{"2024년 7월 1일 대한모터스에서 새 전기차 모닝스타를 출시했다."}},
       {{"대한모터스", O}, {"모닝스타", R}},
       {{"2024년 7월 1일", {2024, 7, 1}}},
       {"launch 2024-07-01 대한모터스:agent 모닝스타:patient"}},
      {"each trigger takes the nearest date before it",
       {{"2023년 12월 1일 김민수가 복귀했고, 2024년 1월 2일 박지영이 사임했다."}},
       {{"김민수", P}, {"박지영", P}},
       {{"2023년 12월 1일", {2023, 12, 1}}, {"2024년 1월 2일", {2024, 1, 2}}},
       {"return 2023-12-01 김민수:agent", "resignation 2024-01-02 박지영:agent"}},
      {"a date after the trigger when none comes before",
       {{"김민수 사임, 2024년 2월 9일 공시."}},
       {{"김민수", P}},
       {{"2024년 2월 9일", {2024, 2, 9}}},
       {"resignation 2024-02-09 김민수:agent"}},
      {"a particle after a gloss in parentheses; names inside it are no actors",
       {{"2024. 8. 1.", true}, {"박지영(한빛전자 부사장)을 임시 대표로 임명", true}},
       {{"박지영", P}, {"한빛전자", O}},
       {{"2024. 8. 1.", {2024, 8, 1}}},
       {"appointment 2024-08-01 박지영:patient"}},
      {"a native verb and a noun phrase before its particle",
       {{"2024년 2월 3일 이서준 회장이 숨졌다."}},
       {{"이서준", P}},
       {{"2024년 2월 3일", {2024, 2, 3}}},
       {"death 2024-02-03 이서준:agent"}},
      {"a name with no date anywhere makes no event",
       {{"김민수는 한빛전자에서 해임됐다."}},
       {{"김민수", P}, {"한빛전자", O}},
       {},
       {}},
      {"a trigger with no actor makes no event",
       {{"2024년 3월 4일 대표가 해임됐다."}},
       {},
       {{"2024년 3월 4일", {2024, 3, 4}}},
       {}},
      {"words that only start like a trigger are not events",
       {{"한빛전자 투자자들은 2024년 3월 4일 해임안을 공개적으로 비판적 시각에서 검토했다."}},
       {{"한빛전자", O}},
       {{"2024년 3월 4일", {2024, 3, 4}}},
       {}},
      {"the dated heading does not reach past a numbered section heading or into prose",
       {{"2024. 3. 4.", true},
        {"한빛전자 이사회, 김민수 해임", true},
        {"2. 김민수 해임의 배경", true},
        {"김민수의 해임 소식은 업계를 놀라게 했다."}},
       {{"한빛전자", O}, {"김민수", P}},
       {{"2024. 3. 4.", {2024, 3, 4}}},
       {"dismissal 2024-03-04 김민수:patient 한빛전자:agent"}},
      {"a line that starts with a date heads the items under it",
       {{"3월 4일: 한빛전자 이사회, 김민수 해임", true}, {"박지영 부사장 대표 선임", true}},
       {{"한빛전자", O}, {"김민수", P}, {"박지영", P}},
       {{"3월 4일", {2024, 3, 4}}},
       {"dismissal 2024-03-04 김민수:patient 한빛전자:agent",
        "appointment 2024-03-04 박지영:patient"}},
      {"a person before a comma and a bare transitive noun, as headlines write, is its patient",
       {{"김민수, 해임 후 사흘 만에 한빛전자 복귀 (2024-03-07)", true}},
       {{"김민수", P}, {"한빛전자", O}},
       {{"2024-03-07", {2024, 3, 7}}},
       {"dismissal 2024-03-07 김민수:patient",
        "return 2024-03-07 김민수:agent 한빛전자:participant"}},
      {"a trigger word inside a name is the name",
       {{"2024년 5월 1일 승리가 한빛전자를 방문했다."}},
       {{"승리", P}, {"한빛전자", O}},
       {{"2024년 5월 1일", {2024, 5, 1}}},
       {"visit 2024-05-01 승리:agent 한빛전자:patient"}},
      {"a name coordinated with a noun that is no actor takes its case",
       {{"김민수와 이사회는 2024년 9월 3일 합의에 이르렀다."}},
       {{"김민수", P}},
       {{"2024년 9월 3일", {2024, 9, 3}}},
       {"agreement 2024-09-03 김민수:agent"}},
      {"a coordination of noun phrases reaches the case at its end",
       {{"2024. 9. 4.", true}, {"한빛전자 노조원들과 대한모터스 경영진의 협상 결렬", true}},
       {{"한빛전자", O}, {"대한모터스", O}},
       {{"2024. 9. 4.", {2024, 9, 4}}},
       {"negotiation 2024-09-04 대한모터스:agent 한빛전자:agent"}},
      {"a note line under a dated list is not one of its items",
       {{"2024. 9. 5.", true}, {"※한빛전자: 2010년 김민수가 설립한 회사", true}},
       {{"한빛전자", O}, {"김민수", P}},
       {{"2024. 9. 5.", {2024, 9, 5}}},
       {}},
      {"a genitive before an intransitive noun is its agent; the phrase's last trigger takes it",
       {{"2024. 9. 2.", true}, {"한빛전자 직원들의 김민수 복귀 요청", true}},
       {{"한빛전자", O}, {"김민수", P}},
       {{"2024. 9. 2.", {2024, 9, 2}}},
       {"return 2024-09-02 김민수:agent", "request 2024-09-02 한빛전자:agent"}},
  };
  for (const Case& c : cases) {
    DocBuilder builder(c.lines);
    for (const auto& [name, type] : c.entities) builder.Entity(name, type);
    for (const auto& [surface, ymd] : c.dates) builder.Date(surface, ymd[0], ymd[1], ymd[2]);
    Document& doc = builder.doc();
    Extractor().Extract(&doc);
    EXPECT_EQ(Describe(doc), c.expected) << c.name;
    for (const Event& e : doc.events) {
      EXPECT_FALSE(e.actors.empty()) << c.name;
      EXPECT_LT(e.date, doc.dates.size()) << c.name;
      EXPECT_FALSE(doc.sentences[e.sentence].is_boilerplate) << c.name;
      // The trigger span reads back as the lexicon's form.
      EXPECT_TRUE(doc.Text(e.trigger) == e.trigger_lemma ||
                  std::string(doc.Text(e.trigger)).starts_with(e.trigger_lemma.substr(0, 3)))
          << c.name << ": " << doc.Text(e.trigger);
    }
  }
}

TEST(EventExtractorTest, BoilerplateMakesNoEvents) {
  DocBuilder builder({{"2024년 3월 4일 한빛전자는 김민수를 해임했다.", false, true}});
  builder.Entity("한빛전자", O).Entity("김민수", P).Date("2024년 3월 4일", 2024, 3, 4);
  Extractor().Extract(&builder.doc());
  EXPECT_TRUE(builder.doc().events.empty());
}

// Deep nesting costs nothing more than flat text (groups are matched once, with a stack): a
// hundred thousand brackets between the arguments and the trigger leave the roles as they are
// without them.
TEST(EventExtractorTest, DeepBracketsKeepTheRoles) {
  const std::string plain = "2024년 3월 4일 한빛전자는 김민수 대표를 해임했다.";
  const std::string deep = "2024년 3월 4일 한빛전자는 " + std::string(50000, '(') +
                           std::string(50000, ')') + " 김민수 대표를 해임했다.";
  std::vector<std::vector<std::string>> described;
  for (const std::string& text : {plain, deep}) {
    DocBuilder builder({{text}});
    builder.Entity("한빛전자", O).Entity("김민수", P).Date("2024년 3월 4일", 2024, 3, 4);
    Extractor().Extract(&builder.doc());
    described.push_back(Describe(builder.doc()));
  }
  EXPECT_EQ(described[0],
            (std::vector<std::string>{"dismissal 2024-03-04 김민수:patient 한빛전자:agent"}));
  EXPECT_EQ(described[1], described[0]);
}

// Every event carries its sentence, so one sentence gives at most 16 events, its first ones:
// prose never has that many (8 at most in a sentence of the Wikinews corpus), and a generated
// sentence of thousands of triggers stays linear to export.
TEST(EventExtractorTest, ASentenceGivesAtMostSixteenEvents) {
  std::string text = "2024년 3월 4일 한빛전자는";
  for (int i = 0; i < 40; ++i) text += " 김민수를 해임하고";
  text += " 끝냈다.";
  DocBuilder builder({{text}});
  builder.Entity("한빛전자", O).Entity("김민수", P).Date("2024년 3월 4일", 2024, 3, 4);
  Document& doc = builder.doc();
  Extractor().Extract(&doc);
  ASSERT_EQ(doc.events.size(), 16u);
  EXPECT_EQ(doc.events.front().trigger.begin, text.find("해임하고"));
  for (size_t i = 1; i < doc.events.size(); ++i) {
    EXPECT_LT(doc.events[i - 1].trigger.begin, doc.events[i].trigger.begin);
  }
}

TEST(EventExtractorTest, UsesTheTokenizersPartsWhenPresent) {
  DocBuilder builder({{"2024년 3월 4일 한빛전자는 김민수를 해임하였다."}});
  builder.Entity("한빛전자", O).Entity("김민수", P).Date("2024년 3월 4일", 2024, 3, 4);
  Document& doc = builder.doc();
  // Split 해임하였다 as the tokenizer does: 해임/noun + 하였다/predicate.
  for (Token& t : doc.tokens) {
    if (doc.Text(t.span) == "해임하였다") {
      t.parts = {Morph{Span{t.span.begin, t.span.begin + 6}, TokenTag::kNoun},
                 Morph{Span{t.span.begin + 6, t.span.end}, TokenTag::kPredicate}};
    }
  }
  Extractor().Extract(&doc);
  EXPECT_EQ(Describe(doc),
            (std::vector<std::string>{"dismissal 2024-03-04 김민수:patient 한빛전자:agent"}));
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_EQ(doc.Text(doc.events[0].trigger), "해임");
  EXPECT_EQ(doc.events[0].trigger_lemma, "해임");
}

TEST(EventExtractorTest, ArgumentsOfARelativeClauseStayInIt) {
  DocBuilder builder({{"2024년 7월 1일 한빛전자가 운영하는 공장에서 모닝스타가 출시되었다."}});
  builder.Entity("한빛전자", O).Entity("모닝스타", R).Date("2024년 7월 1일", 2024, 7, 1);
  Document& doc = builder.doc();
  // 운영하는 as the tokenizer splits it: 운영/noun + 하/predicate + 는/ending.
  for (Token& t : doc.tokens) {
    if (doc.Text(t.span) == "운영하는") {
      t.parts = {Morph{Span{t.span.begin, t.span.begin + 6}, TokenTag::kNoun},
                 Morph{Span{t.span.begin + 6, t.span.begin + 9}, TokenTag::kPredicate},
                 Morph{Span{t.span.begin + 9, t.span.end}, TokenTag::kEnding}};
    }
  }
  Extractor().Extract(&doc);
  EXPECT_EQ(Describe(doc), (std::vector<std::string>{"launch 2024-07-01 모닝스타:patient"}));
}

TEST(EventExtractorTest, ExtractReplacesEarlierEvents) {
  DocBuilder builder({{"2024년 3월 4일 한빛전자는 김민수를 해임했다."}});
  builder.Entity("한빛전자", O).Entity("김민수", P).Date("2024년 3월 4일", 2024, 3, 4);
  Extractor().Extract(&builder.doc());
  Extractor().Extract(&builder.doc());
  EXPECT_EQ(builder.doc().events.size(), 1u);
}

// A negated, planned or possible event is kept and marked, not dropped and not told as done.
TEST(EventExtractorTest, RealisFromTheWordsAfterTheTrigger) {
  const std::pair<const char*, Realis> cases[] = {
      {"2024년 3월 4일 한빛전자는 김민수를 해임했다.", Realis::kActual},
      {"2024년 3월 4일 한빛전자는 김민수를 해임하지 않았다.", Realis::kNegated},
      {"2024년 3월 4일 한빛전자는 김민수를 안 해임했다.", Realis::kNegated},
      {"2024년 3월 4일 한빛전자는 김민수를 해임할 예정이다.", Realis::kPlanned},
      {"2024년 3월 4일 한빛전자는 김민수를 해임하기로 했다.", Realis::kPlanned},
      {"2024년 3월 4일 한빛전자는 김민수를 해임하겠다고 밝혔다.", Realis::kPlanned},
      {"2024년 3월 4일 한빛전자는 김민수를 해임할 수도 있다.", Realis::kPossible},
      {"2024년 3월 4일 한빛전자가 김민수를 해임한다면 주가가 오른다.", Realis::kPossible},
  };
  for (const auto& [text, realis] : cases) {
    DocBuilder builder({{text}});
    builder.Entity("한빛전자", O).Entity("김민수", P).Date("2024년 3월 4일", 2024, 3, 4);
    Extractor().Extract(&builder.doc());
    const Document& doc = builder.doc();
    ASSERT_EQ(doc.events.size(), 1u) << text << " " << ::testing::PrintToString(Describe(doc));
    EXPECT_EQ(RealisName(doc.events[0].realis), RealisName(realis)) << text;
  }
}

// An event needs a real date: an expression found without a value never dates one.
TEST(EventExtractorTest, UnresolvedDatesNeverDateAnEvent) {
  {
    // The only date of the sentence has no value: no event.
    DocBuilder builder({{"지난 19일 한빛전자는 김민수를 해임했다."}});
    builder.Entity("한빛전자", O).Entity("김민수", P).Unresolved("19일", Grain::kDay);
    Extractor().Extract(&builder.doc());
    EXPECT_TRUE(builder.doc().events.empty()) << ::testing::PrintToString(Describe(builder.doc()));
  }
  {
    // The unresolved date is the nearest before the trigger; the real one after it wins.
    DocBuilder builder({{"오후 3시 한빛전자는 김민수를 해임했다고 2024년 3월 4일 밝혔다."}});
    builder.Entity("한빛전자", O)
        .Entity("김민수", P)
        .Unresolved("오후 3시", Grain::kHour)
        .Date("2024년 3월 4일", 2024, 3, 4);
    Extractor().Extract(&builder.doc());
    const Document& doc = builder.doc();
    ASSERT_FALSE(doc.events.empty());
    for (const Event& e : doc.events) {
      EXPECT_TRUE(doc.dates[e.date].resolved);
      EXPECT_EQ(doc.Text(doc.dates[e.date].span), "2024년 3월 4일");
    }
  }
  {
    // A heading whose date has no value heads no dated list.
    DocBuilder builder({{"17일", true}, {"한빛전자 이사회, 김민수 해임", true}});
    builder.Entity("한빛전자", O).Entity("김민수", P).Unresolved("17일", Grain::kDay);
    Extractor().Extract(&builder.doc());
    EXPECT_TRUE(builder.doc().events.empty()) << ::testing::PrintToString(Describe(builder.doc()));
  }
}

// A news article's headline and first sentences tell the news of its date without writing it:
// an event that took place, told there with no date, is dated by the document (and says so).
TEST(EventExtractorTest, NewsLeadWithoutADateTakesTheDocumentsDate) {
  auto build = [](std::vector<Line> lines) {
    DocBuilder builder(std::move(lines));
    builder.Entity("한빛전자", O).Entity("김민수", P).Entity("박서연", P);
    builder.doc().reference = DateTime{2024, 3, 4, 9, 30, 0};
    return builder;
  };
  {
    DocBuilder builder = build({{"한빛전자, 김민수 대표 해임", true},
                                {"한빛전자는 김민수를 해임했다. 주가는 올랐다. 시장은 놀랐다."},
                                {"한빛전자는 박서연을 영입했다."}});
    Extractor().Extract(&builder.doc());
    const Document& doc = builder.doc();
    // The headline and the first sentence; the fifth sentence is past the lead.
    EXPECT_EQ(Describe(doc),
              (std::vector<std::string>{"dismissal 2024-03-04 김민수:patient 한빛전자:agent",
                                        "dismissal 2024-03-04 김민수:patient 한빛전자:agent"}));
    for (const Event& e : doc.events) {
      const TemporalExpression& date = doc.dates[e.date];
      EXPECT_TRUE(date.implicit);
      EXPECT_EQ(date.anchor, Anchor::kDocument);
      EXPECT_EQ(date.value.grain, Grain::kDay);
      EXPECT_TRUE(date.span.empty());
      EXPECT_EQ(date.sentence, e.sentence);
    }
    // Users see where the date came from; the dates and entities stages do not list it.
    builder.doc().original = doc.text;
    builder.doc().text_to_original.clear();
    for (uint32_t i = 0; i <= doc.text.size(); ++i) builder.doc().text_to_original.push_back(i);
    const std::vector<nlohmann::json> events = EventRecords(doc);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0]["date"]["value"], "2024-03-04");
    EXPECT_EQ(events[0]["date"]["from_document"], true);
    EXPECT_TRUE(DateRecords(doc).empty());
    EXPECT_EQ(EntityRecords(doc).size(), doc.mentions.size());
  }
  {
    // A date of its own wins; the document's date is only for an undated sentence.
    DocBuilder builder = build({{"2024년 2월 27일 한빛전자는 김민수를 해임했다."}});
    builder.Date("2024년 2월 27일", 2024, 2, 27);
    Extractor().Extract(&builder.doc());
    EXPECT_EQ(Describe(builder.doc()),
              (std::vector<std::string>{"dismissal 2024-02-27 김민수:patient 한빛전자:agent"}));
    EXPECT_FALSE(builder.doc().dates[builder.doc().events[0].date].implicit);
  }
  {
    // A planned event did not happen on the document's date.
    DocBuilder builder = build({{"한빛전자는 김민수를 해임할 예정이다."}});
    Extractor().Extract(&builder.doc());
    EXPECT_TRUE(builder.doc().events.empty()) << ::testing::PrintToString(Describe(builder.doc()));
  }
  {
    // Quoted speech tells what was said, not the news of the day.
    DocBuilder builder = build({{"김민수는 \"한빛전자를 해임하고 싶다\"고 말했다."}});
    Extractor().Extract(&builder.doc());
    EXPECT_TRUE(builder.doc().events.empty()) << ::testing::PrintToString(Describe(builder.doc()));
  }
  {
    // A reference inferred from the text is no document date.
    DocBuilder builder = build({{"한빛전자는 김민수를 해임했다."}});
    builder.doc().reference_inferred = true;
    Extractor().Extract(&builder.doc());
    EXPECT_TRUE(builder.doc().events.empty()) << ::testing::PrintToString(Describe(builder.doc()));
  }
}

// Korean drops a subject the discourse already has: a sentence that names no actor and has no
// subject of its own goes on about the topic that opened the sentence before.
TEST(EventExtractorTest, SentenceWithoutSubjectGoesOnAboutThePreviousTopic) {
  auto build = [](const std::string& second) {
    DocBuilder builder({{"김민수는 2024년 3월 4일 한빛전자에서 사퇴했다. " + second}});
    builder.Entity("김민수", P)
        .Entity("한빛전자", O)
        .Date("2024년 3월 4일", 2024, 3, 4)
        .Date("2024년 3월 5일", 2024, 3, 5);
    // The tokenizer's split of a noun and its subject particle: 전원 + 이.
    for (Token& t : builder.doc().tokens) {
      if (builder.doc().Text(t.span) == "전원이") {
        t.parts = {Morph{Span{t.span.begin, t.span.begin + 6}, TokenTag::kNoun},
                   Morph{Span{t.span.begin + 6, t.span.end}, TokenTag::kParticle}};
      }
    }
    Extractor().Extract(&builder.doc());
    return Describe(builder.doc());
  };
  EXPECT_EQ(build("2024년 3월 5일 복귀했다."),
            (std::vector<std::string>{"resignation 2024-03-04 김민수:agent 한빛전자:agent",
                                      "return 2024-03-05 김민수:agent"}));
  // A subject of its own, even one that is no entity, is the subject.
  EXPECT_EQ(build("2024년 3월 5일 노조원 전원이 복귀했다."),
            (std::vector<std::string>{"resignation 2024-03-04 김민수:agent 한빛전자:agent"}));
}

// A verbal noun under a prefix names the same kind of event: 총파업 is a strike.
TEST(EventExtractorTest, PrefixedVerbalNounIsTheSameEvent) {
  DocBuilder builder({{"2024년 3월 4일 한빛노조는 총파업에 돌입했다."},
                      {"2024년 3월 5일 한빛전자는 김민수를 재선출했다."}});
  builder.Entity("한빛노조", O)
      .Entity("한빛전자", O)
      .Entity("김민수", P)
      .Date("2024년 3월 4일", 2024, 3, 4)
      .Date("2024년 3월 5일", 2024, 3, 5);
  Extractor().Extract(&builder.doc());
  const Document& doc = builder.doc();
  EXPECT_EQ(Describe(doc), (std::vector<std::string>{"strike 2024-03-04 한빛노조:agent",
                                                     "election 2024-03-05 김민수:patient "
                                                     "한빛전자:agent"}));
  ASSERT_FALSE(doc.events.empty());
  EXPECT_EQ(doc.Text(doc.events[0].trigger), "총파업");
}

// A title glued to the place it serves (경기도지사) after a person's name and a place carries the
// person's particle: 김민수 대한민국 경기도지사가 사퇴했다 has 김민수 as its agent.
TEST(EventExtractorTest, TitleGluedToAPlaceCarriesThePersonsParticle) {
  DocBuilder builder({{"김민수 대한민국 경기도지사가 2024년 3월 4일 사퇴했다."}});
  builder.Entity("김민수", P)
      .Entity("대한민국", EntityType::kLoc)
      .Date("2024년 3월 4일", 2024, 3, 4);
  Extractor().Extract(&builder.doc());
  EXPECT_EQ(Describe(builder.doc()),
            (std::vector<std::string>{"resignation 2024-03-04 김민수:agent"}));
}

// The JSON records users read: an unresolved expression has no value (null) but keeps its grain,
// anchor "none" and "resolved": false; resolved records keep their shape (no "resolved" key).
TEST(StageRecordsTest, UnresolvedDatesPrintNullValues) {
  Document doc;
  doc.id = "d1";
  doc.text = "지난 19일 오후 3시. 2024년 3월 4일. 오전에. 2008년 이후.";
  doc.original = doc.text;
  for (uint32_t i = 0; i <= doc.text.size(); ++i) doc.text_to_original.push_back(i);
  doc.sentences.push_back(Sentence{Span{0, static_cast<uint32_t>(doc.text.size())}});
  auto span_of = [&](std::string_view surface) {
    const auto at = static_cast<uint32_t>(doc.text.find(surface));
    return Span{at, at + static_cast<uint32_t>(surface.size())};
  };
  TemporalExpression day;  // 19일, unresolved
  day.span = span_of("19일");
  day.value.grain = Grain::kDay;
  day.anchor = Anchor::kNone;
  day.resolved = false;
  TemporalExpression time = day;  // 오후 3시, unresolved
  time.span = span_of("오후 3시");
  time.value.grain = Grain::kHour;
  time.is_time = true;
  TemporalExpression full;  // 2024년 3월 4일, resolved
  full.span = span_of("2024년 3월 4일");
  full.value.time = DateTime{2024, 3, 4, 0, 0, 0};
  full.value.grain = Grain::kDay;
  TemporalExpression morning;  // 오전, an unresolved interval of hours
  morning.span = span_of("오전");
  morning.is_time = true;
  morning.is_interval = true;
  morning.from = TimeValue{DateTime(), Grain::kHour, ""};
  morning.to = TimeValue{DateTime(), Grain::kHour, ""};
  morning.anchor = Anchor::kNone;
  morning.resolved = false;
  TemporalExpression since;  // 2008년 이후, unresolved and open at its end
  since.span = span_of("2008년");
  since.is_interval = true;
  since.from = TimeValue{DateTime(), Grain::kYear, ""};
  since.anchor = Anchor::kNone;
  since.resolved = false;
  doc.dates = {day, time, full, morning, since};

  const std::vector<nlohmann::json> dates = DateRecords(doc);
  ASSERT_EQ(dates.size(), 5u);
  EXPECT_EQ(dates[0]["text"], "19일");
  EXPECT_TRUE(dates[0]["value"].is_null());
  EXPECT_EQ(dates[0]["grain"], "day");
  EXPECT_EQ(dates[0]["anchor"], "none");
  EXPECT_EQ(dates[0]["resolved"], false);
  EXPECT_EQ(dates[0]["kind"], "DATE");
  EXPECT_EQ(dates[1]["kind"], "TIME");
  EXPECT_TRUE(dates[1]["value"].is_null());
  EXPECT_EQ(dates[1]["grain"], "hour");
  EXPECT_EQ(dates[2]["value"], "2024-03-04");
  EXPECT_EQ(dates[2]["anchor"], "absolute");
  EXPECT_FALSE(dates[2].contains("resolved"));
  EXPECT_EQ(dates[3]["type"], "interval");
  EXPECT_TRUE(dates[3]["from"]["value"].is_null());
  EXPECT_EQ(dates[3]["from"]["grain"], "hour");
  EXPECT_TRUE(dates[3]["to"]["value"].is_null());
  EXPECT_EQ(dates[3]["resolved"], false);
  // An open end stays null, as for a resolved "2008년 이후".
  EXPECT_TRUE(dates[4]["from"]["value"].is_null());
  EXPECT_EQ(dates[4]["from"]["grain"], "year");
  EXPECT_TRUE(dates[4]["to"].is_null());

  const std::vector<nlohmann::json> entities = EntityRecords(doc);
  ASSERT_EQ(entities.size(), 5u);
  EXPECT_EQ(entities[0]["type"], "DATE");
  EXPECT_TRUE(entities[0]["date"].is_null());
  EXPECT_EQ(entities[1]["type"], "TIME");
  EXPECT_TRUE(entities[1]["date"].is_null());
  EXPECT_EQ(entities[2]["date"]["value"], "2024-03-04");
  EXPECT_TRUE(entities[3]["date"].is_null());
}

TEST(EventTriggerLexiconTest, ProjectLexiconIsGeneralAndWellFormed) {
  auto table = TsvTable::Load(std::string(SAGEON_TEST_DICT_DIR) + "/event_triggers.tsv");
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_GE(table->rows().size(), 80u);
  std::set<std::string> types;
  for (const auto& row : table->rows()) types.insert(std::string(table->Cell(row, "type")));
  for (const char* type : {"dismissal", "appointment", "return", "joining", "announcement",
                           "launch", "founding", "merger", "acquisition", "resignation",
                           "agreement", "arrest", "indictment", "visit", "death"}) {
    EXPECT_TRUE(types.contains(type)) << type;
  }
}

TEST(EventTriggerLexiconTest, BadRowsAreErrorsNamingTheLine) {
  struct Bad {
    const char* content;
    const char* message;
  };
  const Bad cases[] = {
      {"trigger\ttype\n해임\t\n", "t.tsv:2:"},
      {"trigger\ttype\tpos\n해임\tdismissal\tadverb\n", "t.tsv:2: pos"},
      {"trigger\ttype\n해임\tdismissal\n해임\tother\n", "t.tsv:3:"},
      {"trigger\tkind\n해임\tdismissal\n", "type"},
  };
  for (const Bad& b : cases) {
    auto table = TsvTable::Parse(b.content, "t.tsv");
    ASSERT_TRUE(table.ok()) << b.content;
    DictionarySet set;
    set.Add("event_triggers", std::move(table).value());
    auto created = EventExtractor::Create(set);
    ASSERT_FALSE(created.ok()) << b.content;
    EXPECT_NE(created.status().message().find(b.message), std::string::npos)
        << created.status().message();
  }
  DictionarySet empty;
  EXPECT_FALSE(EventExtractor::Create(empty).ok());
}

}  // namespace
}  // namespace sageon
