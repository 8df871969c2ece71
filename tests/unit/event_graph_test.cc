// The merged event/actor graph: entities and events meet by id across documents, the output does
// not depend on the order documents are added in, and dates cover the days they name.
#include "sageon/graph/event_graph.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace sageon {
namespace {

TimeValue Day(int y, int m, int d) {
  TimeValue v;
  v.time.year = y;
  v.time.month = m;
  v.time.day = d;
  v.grain = Grain::kDay;
  return v;
}

TimeValue At(int y, int m, int d, Grain grain) {
  TimeValue v = Day(y, m, d);
  v.grain = grain;
  return v;
}

// A processed document built by hand: entities, dates and events, no text analysis.
class DocBuilder {
 public:
  explicit DocBuilder(std::string id) { doc_.id = std::move(id); }

  DocBuilder& Sentence(const std::string& text) {
    Span span{static_cast<uint32_t>(doc_.text.size()), 0};
    doc_.text += text;
    span.end = static_cast<uint32_t>(doc_.text.size());
    doc_.text += "\n";
    doc_.sentences.push_back(sageon::Sentence{span, false, false});
    return *this;
  }
  DocBuilder& Entity(const std::string& id, EntityType type, const std::string& name,
                     std::vector<std::string> aliases = {}, uint32_t mentions = 1) {
    doc_.entities.push_back(sageon::Entity{id, type, name, std::move(aliases), mentions});
    return *this;
  }
  DocBuilder& Date(TimeValue value) {
    TemporalExpression d;
    d.value = value;
    doc_.dates.push_back(d);
    return *this;
  }
  DocBuilder& Interval(TimeValue from, TimeValue to) {
    TemporalExpression d;
    d.is_interval = true;
    d.from = from;
    d.to = to;
    doc_.dates.push_back(d);
    return *this;
  }
  // actors: (entity index, role)
  DocBuilder& Event(const std::string& type, const std::string& lemma, uint32_t date,
                    std::vector<std::pair<uint32_t, Role>> actors, uint32_t sentence = 0) {
    sageon::Event e;
    e.type = type;
    e.trigger_lemma = lemma;
    e.date = date;
    e.sentence = sentence;
    for (auto [entity, role] : actors) e.actors.push_back(EventActor{entity, role, Span{}});
    doc_.events.push_back(e);
    return *this;
  }
  const Document& doc() const { return doc_; }

 private:
  Document doc_;
};

// Everything the graph exposes, as text, to compare two graphs.
std::string Dump(const EventGraph& graph) {
  std::string out;
  for (const GraphEntity* e : graph.Entities()) {
    out += e->id + "|" + e->name + "|" + std::to_string(e->mention_count) + "|";
    for (const auto& a : e->aliases) out += a + ",";
    out += "|";
    for (const auto& d : graph.DocumentIds(e->documents)) out += std::string(d) + ",";
    out += "\n";
  }
  for (const GraphEvent* e : graph.Events()) {
    out += e->id + "|" + e->type + "|" + e->trigger + "|" + e->DateLabel() + "|" +
           std::string(graph.DocumentId(e->first_document)) + "|" + e->sentence + "|";
    for (const auto& a : e->actors) out += a.entity_id + ":" + std::string(RoleName(a.role)) + ",";
    out += "|";
    for (const auto& d : graph.DocumentIds(e->documents)) out += std::string(d) + ",";
    out += "\n";
  }
  for (const GraphEntity* e : graph.Actors()) out += "actor " + e->id + "\n";
  for (const GraphEdge& e : graph.Edges()) {
    out += std::string(e.source) + (e.directed ? " -> " : " -- ") + std::string(e.target) + " " +
           std::string(e.label) + " " + std::to_string(e.weight) + "\n";
  }
  return out;
}

std::vector<Document> ThreeDocuments() {
  std::vector<Document> docs;
  docs.push_back(DocBuilder("b-blog")
                     .Sentence("오픈AI 이사회, 샘 알트먼 해임")
                     .Entity("org:오픈ai", EntityType::kOrg, "오픈AI", {"OpenAI"}, 3)
                     .Entity("person:샘알트먼", EntityType::kPerson, "샘 알트먼", {"알트먼"}, 5)
                     .Date(Day(2023, 11, 17))
                     .Event("dismissal", "해임", 0, {{0, Role::kAgent}, {1, Role::kPatient}})
                     .doc());
  docs.push_back(DocBuilder("a-news")
                     .Sentence("오픈AI는 17일 샘 올트먼 CEO를 해고했다.")
                     .Entity("person:샘알트먼", EntityType::kPerson, "샘 올트먼", {"Sam Altman"}, 2)
                     .Entity("org:오픈ai", EntityType::kOrg, "오픈AI", {}, 1)
                     .Entity("loc:미국", EntityType::kLoc, "미국", {}, 1)
                     .Date(Day(2023, 11, 17))
                     .Event("dismissal", "해고", 0, {{1, Role::kAgent}, {0, Role::kPatient}})
                     .doc());
  docs.push_back(DocBuilder("c-news")
                     .Sentence("마이크로소프트는 샘 알트먼의 합류를 발표했다.")
                     .Entity("org:마이크로소프트", EntityType::kOrg, "마이크로소프트", {}, 1)
                     .Entity("person:샘알트먼", EntityType::kPerson, "샘 알트먼", {}, 1)
                     .Entity("person:그렉브록먼", EntityType::kPerson, "그렉 브록먼", {}, 1)
                     .Date(Day(2023, 11, 20))
                     .Event("announcement", "발표", 0,
                            {{0, Role::kAgent}, {1, Role::kParticipant}, {2, Role::kParticipant}})
                     .Event("joining", "합류", 0, {{1, Role::kAgent}, {2, Role::kAgent}})
                     .doc());
  return docs;
}

// The days of an event are written without snprintf where they can be: the same text as
// FormatIso's, for years of four digits and for those it pads or widens.
TEST(EventGraphTest, DaysAreWrittenAsFormatIsoWritesThem) {
  for (const int year : {-12, 0, 7, 999, 2023, 9999, 10000, 123456}) {
    GraphEvent e;
    e.value.time = DateTime{year, 3, 9, 0, 0, 0};
    e.value.grain = Grain::kDay;
    EXPECT_EQ(e.StartIso(), FormatIso(e.value.time, Grain::kDay)) << year;
    EXPECT_EQ(e.EndIso(), FormatIso(e.value.time, Grain::kDay)) << year;
  }
  GraphEvent month;
  month.value.time = DateTime{2024, 2, 1, 0, 0, 0};
  month.value.grain = Grain::kMonth;
  EXPECT_EQ(month.StartIso(), "2024-02-01");
  EXPECT_EQ(month.EndIso(), "2024-02-29");
}

TEST(EventGraphTest, MergesEntitiesAcrossDocumentsById) {
  EventGraph graph;
  for (const Document& d : ThreeDocuments()) graph.AddDocument(d);
  const GraphEntity* altman = graph.FindEntity("person:샘알트먼");
  ASSERT_NE(altman, nullptr);
  // The name of the smallest document id ("a-news") is canonical; the others become aliases.
  EXPECT_EQ(altman->name, "샘 올트먼");
  EXPECT_EQ(altman->aliases, (std::set<std::string>{"Sam Altman", "샘 알트먼", "알트먼"}));
  EXPECT_EQ(altman->mention_count, 8u);
  EXPECT_EQ(graph.DocumentIds(altman->documents),
            (std::vector<std::string_view>{"a-news", "b-blog", "c-news"}));
  EXPECT_EQ(graph.Entities().size(), 5u);  // the location too, although it is no actor
  EXPECT_EQ(graph.FindEntity("person:없음"), nullptr);
}

// `timeline` adds every document it reads, one id twice when the input holds it twice: a
// document is listed once by each entity and event it tells, and still counts once.
TEST(EventGraphTest, ADocumentAddedTwiceIsListedOnce) {
  const std::vector<Document> docs = ThreeDocuments();
  EventGraph once, twice;
  for (const Document& d : docs) once.AddDocument(d);
  for (const Document& d : docs) twice.AddDocument(d);
  twice.AddDocument(docs[0]);
  twice.AddDocument(docs[2]);
  const GraphEntity* altman = twice.FindEntity("person:샘알트먼");
  ASSERT_NE(altman, nullptr);
  EXPECT_EQ(altman->documents.size(), 3u);
  EXPECT_EQ(twice.DocumentIds(twice.Events()[0]->documents),
            (std::vector<std::string_view>{"a-news", "b-blog"}));
  // Mentions add up (the document said them twice); everything else is as with one pass.
  EXPECT_EQ(altman->mention_count, 8u + 5u + 1u);
  for (const GraphEvent* e : twice.Events()) {
    EXPECT_EQ(e->documents.size(), once.FindEvent(e->id)->documents.size()) << e->id;
  }
}

TEST(EventGraphTest, SameEventToldTwiceIsOneEvent) {
  EventGraph graph;
  for (const Document& d : ThreeDocuments()) graph.AddDocument(d);
  const auto events = graph.Events();
  ASSERT_EQ(events.size(), 3u);
  const GraphEvent* dismissal = events[0];
  EXPECT_EQ(dismissal->type, "dismissal");
  EXPECT_EQ(graph.DocumentIds(dismissal->documents),
            (std::vector<std::string_view>{"a-news", "b-blog"}));
  // The first document and its words are kept: the smallest id.
  EXPECT_EQ(graph.DocumentId(dismissal->first_document), "a-news");
  EXPECT_EQ(dismissal->trigger, "해고");
  EXPECT_EQ(dismissal->sentence, "오픈AI는 17일 샘 올트먼 CEO를 해고했다.");
  ASSERT_EQ(dismissal->actors.size(), 2u);
  EXPECT_EQ(dismissal->actors[0].entity_id, "org:오픈ai");
  EXPECT_EQ(dismissal->actors[0].role, Role::kAgent);
  EXPECT_EQ(dismissal->actors[1].entity_id, "person:샘알트먼");
  EXPECT_EQ(dismissal->actors[1].role, Role::kPatient);
}

// "해고하지 않았다" is not the dismissal another document reports: a negated or planned event
// stays apart from the actual one, which keeps its id.
TEST(EventGraphTest, RealisSeparatesEventsAndKeepsActualIds) {
  std::vector<Document> docs = ThreeDocuments();
  EventGraph actual;
  for (const Document& d : docs) actual.AddDocument(d);
  const std::string actual_id = actual.Events()[0]->id;

  for (Document& d : docs) {
    if (d.id == "b-blog") d.events[0].realis = Realis::kNegated;  // it says it did not happen
  }
  EventGraph graph;
  for (const Document& d : docs) graph.AddDocument(d);
  const auto events = graph.Events();
  ASSERT_EQ(events.size(), 4u);
  size_t negated = 0;
  for (const GraphEvent* e : events) {
    if (e->type != "dismissal") continue;
    if (e->realis == Realis::kNegated) {
      ++negated;
      EXPECT_EQ(graph.DocumentIds(e->documents), (std::vector<std::string_view>{"b-blog"}));
      EXPECT_NE(e->id, actual_id);
    } else {
      EXPECT_EQ(e->id, actual_id);
      EXPECT_EQ(graph.DocumentIds(e->documents), (std::vector<std::string_view>{"a-news"}));
    }
  }
  EXPECT_EQ(negated, 1u);
}

TEST(EventGraphTest, RolesOfOneEventMergeByPriorityInAnyOrder) {
  auto doc = [](const std::string& id, Role role) {
    return DocBuilder(id)
        .Sentence("s")
        .Entity("person:a", EntityType::kPerson, "가")
        .Entity("org:b", EntityType::kOrg, "나")
        .Date(Day(2023, 11, 22))
        .Event("return", "복귀", 0, {{0, role}, {1, Role::kParticipant}})
        .doc();
  };
  for (bool agent_first : {true, false}) {
    EventGraph graph;
    graph.AddDocument(doc(agent_first ? "1" : "2", Role::kAgent));
    graph.AddDocument(doc(agent_first ? "2" : "1", Role::kParticipant));
    ASSERT_EQ(graph.Events().size(), 1u);
    // Actors are sorted by id: org:b, then person:a.
    ASSERT_EQ(graph.Events()[0]->actors.size(), 2u);
    EXPECT_EQ(graph.Events()[0]->actors[1].entity_id, "person:a");
    EXPECT_EQ(graph.Events()[0]->actors[1].role, Role::kAgent) << agent_first;
    EXPECT_EQ(graph.Events()[0]->documents.size(), 2u);
  }
}

TEST(EventGraphTest, EventIdIsStableHashOfTypeDateAndActors) {
  EventGraph graph;
  for (const Document& d : ThreeDocuments()) graph.AddDocument(d);
  std::set<std::string> ids;
  for (const GraphEvent* e : graph.Events()) {
    ASSERT_EQ(e->id.size(), std::string("event:").size() + 16) << e->id;
    EXPECT_TRUE(e->id.starts_with("event:"));
    EXPECT_EQ(e->id.find_first_not_of("0123456789abcdef", 6), std::string::npos) << e->id;
    ids.insert(e->id);
  }
  EXPECT_EQ(ids.size(), 3u);

  // Another actor makes another event; another trigger word does not.
  EventGraph other;
  other.AddDocument(DocBuilder("x")
                        .Sentence("s")
                        .Entity("org:오픈ai", EntityType::kOrg, "오픈AI")
                        .Entity("person:샘알트먼", EntityType::kPerson, "샘 알트먼")
                        .Entity("person:미라무라티", EntityType::kPerson, "미라 무라티")
                        .Date(Day(2023, 11, 17))
                        .Event("dismissal", "경질", 0, {{1, Role::kPatient}, {0, Role::kAgent}})
                        .Event("dismissal", "해임", 0, {{2, Role::kPatient}, {0, Role::kAgent}})
                        .doc());
  const auto events = other.Events();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_TRUE(ids.contains(events[0]->id) || ids.contains(events[1]->id));
  EXPECT_NE(events[0]->id, events[1]->id);
}

TEST(EventGraphTest, AddingOrderDoesNotChangeTheGraph) {
  std::vector<Document> docs = ThreeDocuments();
  std::vector<size_t> order = {0, 1, 2};
  std::string first;
  do {
    EventGraph graph;
    for (size_t i : order) graph.AddDocument(docs[i]);
    const std::string dump = Dump(graph);
    if (first.empty()) {
      first = dump;
    } else {
      EXPECT_EQ(dump, first) << "order " << order[0] << order[1] << order[2];
    }
  } while (std::next_permutation(order.begin(), order.end()));
  EXPECT_FALSE(first.empty());
}

TEST(EventGraphTest, ActorsAreEntitiesOfTypePersonOrgProductInEvents) {
  EventGraph graph;
  graph.AddDocument(DocBuilder("d")
                        .Sentence("s")
                        .Entity("person:a", EntityType::kPerson, "가")
                        .Entity("loc:서울", EntityType::kLoc, "서울")
                        .Entity("product:챗gpt", EntityType::kProduct, "챗GPT")
                        .Entity("person:b", EntityType::kPerson, "나")  // in no event
                        .Date(Day(2023, 1, 2))
                        .Event("launch", "출시", 0,
                               {{0, Role::kAgent}, {1, Role::kParticipant}, {2, Role::kPatient}})
                        .doc());
  std::vector<std::string> ids;
  for (const GraphEntity* e : graph.Actors()) ids.push_back(e->id);
  EXPECT_EQ(ids, (std::vector<std::string>{"person:a", "product:챗gpt"}));
  // No edge reaches the location, which is not a node of the actor graph.
  for (const GraphEdge& e : graph.Edges()) {
    EXPECT_NE(e.source, "loc:서울");
    EXPECT_NE(e.target, "loc:서울");
  }
}

TEST(EventGraphTest, EdgesCarryRolesThenSharedEventCounts) {
  EventGraph graph;
  for (const Document& d : ThreeDocuments()) graph.AddDocument(d);
  const auto edges = graph.Edges();
  size_t directed = 0;
  while (directed < edges.size() && edges[directed].directed) ++directed;
  // Actor–event edges first (2 + 3 + 2), then actor–actor edges only.
  EXPECT_EQ(directed, 7u);
  for (size_t i = directed; i < edges.size(); ++i) {
    EXPECT_FALSE(edges[i].directed);
    EXPECT_EQ(edges[i].label, "shares events");
    EXPECT_LT(edges[i].source, edges[i].target);
  }
  for (size_t i = 0; i < directed; ++i) {
    EXPECT_TRUE(edges[i].target.starts_with("event:"));
    EXPECT_EQ(edges[i].weight, 1);
    if (i > 0) {
      EXPECT_LE(std::tie(edges[i - 1].source, edges[i - 1].target),
                std::tie(edges[i].source, edges[i].target));
    }
  }
  auto weight = [&](const std::string& a, const std::string& b) {
    for (const GraphEdge& e : edges) {
      if (!e.directed && e.source == a && e.target == b) return e.weight;
    }
    return 0.0;
  };
  // 알트먼 and 브록먼 share the announcement and the joining; 오픈AI and 알트먼 the dismissal.
  EXPECT_EQ(weight("person:그렉브록먼", "person:샘알트먼"), 2);
  EXPECT_EQ(weight("org:오픈ai", "person:샘알트먼"), 1);
  EXPECT_EQ(weight("org:마이크로소프트", "person:샘알트먼"), 1);
  EXPECT_EQ(weight("org:마이크로소프트", "org:오픈ai"), 0);
  bool found_role = false;
  for (const GraphEdge& e : edges) {
    if (e.directed && e.source == "org:마이크로소프트") {
      EXPECT_EQ(e.label, "agent");
      found_role = true;
    }
  }
  EXPECT_TRUE(found_role);
}

TEST(EventGraphTest, EventsSortByStartDayThenId) {
  EventGraph graph;
  graph.AddDocument(DocBuilder("d")
                        .Sentence("s")
                        .Entity("person:a", EntityType::kPerson, "가")
                        .Date(Day(2023, 11, 20))
                        .Date(At(2023, 11, 1, Grain::kMonth))
                        .Date(Day(2022, 5, 5))
                        .Event("x", "x", 0, {{0, Role::kAgent}})
                        .Event("y", "y", 1, {{0, Role::kAgent}})
                        .Event("z", "z", 2, {{0, Role::kAgent}})
                        .doc());
  std::vector<std::string> types;
  for (const GraphEvent* e : graph.Events()) types.push_back(e->type);
  EXPECT_EQ(types, (std::vector<std::string>{"z", "y", "x"}));
}

struct DateCase {
  const char* name;
  TimeValue value;
  const char* label;
  const char* start;
  const char* end;
};

TEST(EventGraphTest, DatesCoverTheDaysTheyName) {
  const DateCase cases[] = {
      {"day", Day(2023, 11, 17), "2023-11-17", "2023-11-17", "2023-11-17"},
      {"month", At(2024, 2, 1, Grain::kMonth), "2024-02", "2024-02-01", "2024-02-29"},
      {"quarter", At(2023, 4, 1, Grain::kQuarter), "2023-Q2", "2023-04-01", "2023-06-30"},
      {"half", At(2023, 7, 1, Grain::kHalf), "2023-H2", "2023-07-01", "2023-12-31"},
      {"year", At(2015, 1, 1, Grain::kYear), "2015", "2015-01-01", "2015-12-31"},
      // 2023-11-17 is a Friday: its ISO week runs from Monday the 13th.
      {"week", At(2023, 11, 17, Grain::kWeek), "2023-W46", "2023-11-13", "2023-11-19"},
      {"hour", At(2023, 11, 17, Grain::kHour), "2023-11-17T00", "2023-11-17", "2023-11-17"},
  };
  for (const DateCase& c : cases) {
    GraphEvent e;
    e.value = c.value;
    EXPECT_EQ(e.DateLabel(), c.label) << c.name;
    EXPECT_EQ(e.StartIso(), c.start) << c.name;
    EXPECT_EQ(e.EndIso(), c.end) << c.name;
  }
  GraphEvent interval;
  interval.is_interval = true;
  interval.from = Day(2023, 11, 17);
  interval.to = At(2023, 12, 1, Grain::kMonth);
  EXPECT_EQ(interval.DateLabel(), "2023-11-17/2023-12");
  EXPECT_EQ(interval.StartIso(), "2023-11-17");
  EXPECT_EQ(interval.EndIso(), "2023-12-31");
  interval.to.reset();
  EXPECT_EQ(interval.DateLabel(), "2023-11-17/..");
}

TEST(EventGraphTest, SkipsEventsWithoutDateOrActors) {
  EventGraph graph;
  graph.AddDocument(DocBuilder("d")
                        .Sentence("s")
                        .Entity("person:a", EntityType::kPerson, "가")
                        .Date(Day(2023, 11, 20))
                        .Event("bad-date", "x", 7, {{0, Role::kAgent}})
                        .Event("no-actors", "x", 0, {})
                        .Event("bad-entity", "x", 0, {{9, Role::kAgent}})
                        .doc());
  EXPECT_TRUE(graph.Events().empty());
  EXPECT_TRUE(graph.Edges().empty());
}

// `sageon merge` rebuilds the graph from documents.jsonl: the contributions alone, without the
// documents, in any order, must give the graph the documents give.
TEST(EventGraphTest, ContributionsAloneRebuildTheGraph) {
  EventGraph from_documents;
  std::vector<GraphContribution> contributions;
  {
    std::vector<Document> docs = ThreeDocuments();
    docs.push_back(DocBuilder("d-undated")
                       .Sentence("날짜 없는 사건")
                       .Entity("", EntityType::kPerson, "이름 없는 사람")
                       .Entity("person:홍길동", EntityType::kPerson, "홍길동")
                       .Date(Day(2023, 1, 2))
                       .Event("dismissal", "해임", 7, {{1, Role::kAgent}})  // no such date
                       .Event("dismissal", "해임", 0, {{0, Role::kAgent}})  // no actor with an id
                       .doc());
    for (const Document& d : docs) {
      from_documents.AddDocument(d);
      contributions.push_back(MakeContribution(d));
    }
  }
  const GraphContribution& undated = contributions.back();
  ASSERT_EQ(undated.entities.size(), 1u);  // the entity without an id is left out
  EXPECT_EQ(undated.entities[0].id, "person:홍길동");
  EXPECT_TRUE(undated.events.empty());
  EXPECT_EQ(contributions[0].events.at(0).Id(), from_documents.Events()[0]->id);

  EventGraph rebuilt;
  for (auto it = contributions.rbegin(); it != contributions.rend(); ++it) {
    rebuilt.AddContribution(*it);
  }
  EXPECT_EQ(Dump(rebuilt), Dump(from_documents));
}

}  // namespace
}  // namespace sageon
