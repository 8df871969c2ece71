// The files a run writes: CSV that spreadsheets and Gephi read back cell for cell, GraphML and
// GEXF that parse as XML whatever the input held, and writes that never leave half a file.
#include "sageon/export/exporters.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace sageon {
namespace {

namespace fs = std::filesystem;

TimeValue Day(int y, int m, int d) {
  TimeValue v;
  v.time.year = y;
  v.time.month = m;
  v.time.day = d;
  return v;
}

Document MakeDoc(const std::string& id, const std::string& sentence, std::vector<Entity> entities,
                 std::vector<TemporalExpression> dates, std::vector<Event> events) {
  Document doc;
  doc.id = id;
  doc.text = sentence;
  doc.sentences.push_back(Sentence{Span{0, static_cast<uint32_t>(sentence.size())}});
  doc.entities = std::move(entities);
  doc.dates = std::move(dates);
  doc.events = std::move(events);
  return doc;
}

TemporalExpression DateValue(TimeValue v) {
  TemporalExpression d;
  d.value = v;
  return d;
}

Event MakeEvent(const std::string& type, const std::string& lemma, uint32_t date,
                std::vector<std::pair<uint32_t, Role>> actors) {
  Event e;
  e.type = type;
  e.trigger_lemma = lemma;
  e.date = date;
  for (auto [entity, role] : actors) e.actors.push_back(EventActor{entity, role, Span{}});
  return e;
}

// The seed story, in two documents.
EventGraph SampleGraph() {
  EventGraph graph;
  graph.AddDocument(
      MakeDoc("blog-1", "오픈AI 이사회, 샘 알트먼 해임",
              {Entity{"org:오픈ai", EntityType::kOrg, "오픈AI", {"OpenAI"}, 4},
               Entity{"person:샘알트먼", EntityType::kPerson, "샘 알트먼", {"Sam Altman"}, 9},
               Entity{"loc:미국", EntityType::kLoc, "미국", {}, 1}},
              {DateValue(Day(2023, 11, 17))},
              {MakeEvent("dismissal", "해임", 0, {{0, Role::kAgent}, {1, Role::kPatient}})}));
  TemporalExpression interval;
  interval.is_interval = true;
  interval.from = Day(2023, 11, 20);
  interval.to = Day(2023, 11, 21);
  graph.AddDocument(
      MakeDoc("news-2", "마이크로소프트, 샘 알트먼 합류 발표",
              {Entity{"org:마이크로소프트", EntityType::kOrg, "마이크로소프트", {}, 2},
               Entity{"person:샘알트먼", EntityType::kPerson, "샘 알트먼", {"알트먼"}, 3},
               Entity{"product:챗gpt", EntityType::kProduct, "챗GPT", {}, 1}},
              {interval},
              {MakeEvent("announcement", "발표", 0,
                         {{0, Role::kAgent}, {1, Role::kParticipant}, {2, Role::kParticipant}})}));
  return graph;
}

// A graph whose names hold everything that breaks CSV and XML: commas, quotes, newlines,
// control characters, U+FFFF and a stray byte.
EventGraph HostileGraph() {
  EventGraph graph;
  const std::string nasty =
      std::string("A, \"B\"\n<C> & D\x01\x1f\t") + "\xEF\xBF\xBF" + "\xFF" + "끝";
  graph.AddDocument(
      MakeDoc("doc,\"1\"\n", "문장\x02 \"인용\", 쉼표\r\n줄",
              {Entity{"person:" + nasty, EntityType::kPerson, nasty, {"별칭|\x07"}, 1},
               Entity{"org:x", EntityType::kOrg, "X & Y <Z>", {}, 1}},
              {DateValue(Day(2024, 1, 5))},
              {MakeEvent("dismissal", "해임\x0b", 0, {{0, Role::kPatient}, {1, Role::kAgent}})}));
  return graph;
}

void ExpectNoControlCharacters(const std::string& text) {
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    EXPECT_FALSE(u < 0x20 && c != '\t' && c != '\n' && c != '\r') << "control 0x" << int(u);
  }
  EXPECT_EQ(text.find("\xEF\xBF\xBF"), std::string::npos);
}

// RFC 4180 reader for the tests: rows of cells.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, in_quotes = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell.push_back('"');
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        cell.push_back(c);
      }
    } else if (c == '"' && cell.empty() && !quoted) {
      in_quotes = quoted = true;
    } else if (c == ',') {
      row.push_back(cell);
      cell.clear();
      quoted = false;
    } else if (c == '\n') {
      row.push_back(cell);
      rows.push_back(row);
      row.clear();
      cell.clear();
      quoted = false;
    } else {
      EXPECT_FALSE(quoted) << "text after a closing quote";
      cell.push_back(c);
    }
  }
  EXPECT_FALSE(in_quotes) << "unterminated quote";
  EXPECT_TRUE(row.empty() && cell.empty()) << "the file must end with a newline";
  return rows;
}

TEST(CsvCellTest, QuotesOnlyWhenRfc4180Requires) {
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"", ""},
      {"샘 알트먼", "샘 알트먼"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\rhere", "\"cr\rhere\""},
      {"'single' ok", "'single' ok"},
  };
  for (const Case& c : cases) EXPECT_EQ(CsvCell(c.in), c.out) << c.in;
}

TEST(CsvTest, EventsCsvListsEventsByDateWithActorsAndRoles) {
  const auto rows = ParseCsv(RenderEventsCsv(SampleGraph()));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"date", "end_date", "grain", "type", "trigger",
                                               "realis", "actors", "doc", "sentence", "sources"}));
  EXPECT_EQ(rows[1],
            (std::vector<std::string>{"2023-11-17", "", "day", "dismissal", "해임", "actual",
                                      "오픈AI (agent); 샘 알트먼 (patient)", "blog-1",
                                      "오픈AI 이사회, 샘 알트먼 해임", "blog-1"}));
  EXPECT_EQ(rows[2][0], "2023-11-20");
  EXPECT_EQ(rows[2][1], "2023-11-21");
  EXPECT_EQ(rows[2][6], "마이크로소프트 (agent); 샘 알트먼 (participant); 챗GPT (participant)");
}

TEST(CsvTest, EntitiesCsvHasEveryEntity) {
  const auto rows = ParseCsv(RenderEntitiesCsv(SampleGraph()));
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[0],
            (std::vector<std::string>{"id", "type", "name", "aliases", "mentions", "documents"}));
  bool found = false;
  for (const auto& row : rows) {
    if (row[0] == "person:샘알트먼") {
      found = true;
      EXPECT_EQ(row, (std::vector<std::string>{"person:샘알트먼", "PERSON", "샘 알트먼",
                                               "Sam Altman|알트먼", "12", "blog-1; news-2"}));
    }
  }
  EXPECT_TRUE(found);
}

TEST(CsvTest, GephiNodesAndEdgesAgree) {
  const EventGraph graph = SampleGraph();
  const auto nodes = ParseCsv(RenderNodesCsv(graph));
  const auto edges = ParseCsv(RenderEdgesCsv(graph));
  ASSERT_GE(nodes.size(), 2u);
  EXPECT_EQ(nodes[0][0], "Id");
  EXPECT_EQ(nodes[0][1], "Label");
  EXPECT_EQ(nodes[0][2], "Type");
  EXPECT_EQ(nodes[0][3], "Kind");
  EXPECT_EQ(edges[0], (std::vector<std::string>{"Source", "Target", "Type", "Weight", "Label"}));
  std::set<std::string> ids;
  std::map<std::string, std::string> kind;
  for (size_t i = 1; i < nodes.size(); ++i) {
    ASSERT_EQ(nodes[i].size(), nodes[0].size());
    EXPECT_TRUE(ids.insert(nodes[i][0]).second) << "duplicate node " << nodes[i][0];
    kind[nodes[i][0]] = nodes[i][3];
  }
  // 4 actors (the location is no actor) and 2 events.
  EXPECT_EQ(ids.size(), 6u);
  EXPECT_EQ(kind["person:샘알트먼"], "person");
  EXPECT_EQ(kind["org:오픈ai"], "org");
  EXPECT_EQ(kind["product:챗gpt"], "product");
  EXPECT_FALSE(kind.contains("loc:미국"));
  size_t undirected = 0;
  for (size_t i = 1; i < edges.size(); ++i) {
    EXPECT_TRUE(ids.contains(edges[i][0])) << edges[i][0];
    EXPECT_TRUE(ids.contains(edges[i][1])) << edges[i][1];
    if (edges[i][2] == "Directed") {
      EXPECT_EQ(kind[edges[i][1]], "event");
      EXPECT_EQ(edges[i][3], "1");
    } else {
      EXPECT_EQ(edges[i][2], "Undirected");
      ++undirected;
    }
  }
  EXPECT_EQ(edges.size() - 1, 5u + 4u);  // 5 roles; 오픈AI–알트먼 and the three at the announcement
  EXPECT_EQ(undirected, 4u);
  for (size_t i = 1; i < nodes.size(); ++i) {
    if (nodes[i][3] == "event" && nodes[i][2] == "announcement") {
      EXPECT_EQ(nodes[i][4], "2023-11-20/2023-11-21");
      EXPECT_EQ(nodes[i][5], "2023-11-20");
      EXPECT_EQ(nodes[i][6], "2023-11-21");
    }
  }
}

TEST(CsvTest, HostileTextSurvivesARoundTrip) {
  const EventGraph graph = HostileGraph();
  for (const std::string& csv : {RenderEventsCsv(graph), RenderEntitiesCsv(graph),
                                 RenderNodesCsv(graph), RenderEdgesCsv(graph)}) {
    ExpectNoControlCharacters(csv);
    const auto rows = ParseCsv(csv);
    ASSERT_GE(rows.size(), 2u);
    for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size()) << csv;
  }
  const auto events = ParseCsv(RenderEventsCsv(graph));
  EXPECT_EQ(events[1][7], "doc,\"1\"\n");
  // The sentence is one line, its quotes and commas intact, its control character gone.
  EXPECT_EQ(events[1][8], "문장 \"인용\", 쉼표 줄");
}

TEST(XmlSafeTest, DropsWhatXml10Forbids) {
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"샘 알트먼", "샘 알트먼"},
      {"tab\tnl\ncr\r", "tab\tnl\ncr\r"},
      {std::string("nul\0x", 5), "nulx"},
      {"bell\x07 esc\x1b", "bell esc"},
      {"\xEF\xBF\xBE\xEF\xBF\xBF", ""},                      // U+FFFE, U+FFFF
      {"real \xEF\xBF\xBD kept", "real \xEF\xBF\xBD kept"},  // U+FFFD itself is allowed
      {"stray \xFF\xC3 bytes", "stray  bytes"},
      {"\xED\xA0\x80surrogate", "surrogate"},  // an encoded surrogate is no UTF-8
      {"emoji 😀", "emoji 😀"},
      {"overlong \xE0\x80\x80 cut \xEA\xB0", "overlong  cut "},
      {"\x7f del", "\x7f del"},
  };
  for (const Case& c : cases) EXPECT_EQ(XmlSafe(c.in), c.out) << c.in;
}

// --------------------------------------------------------------- XML checks

struct XmlDoc {
  xmlDocPtr doc = nullptr;
  explicit XmlDoc(const std::string& text)
      : doc(xmlReadMemory(text.data(), static_cast<int>(text.size()), "test.xml", nullptr,
                          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)) {}
  ~XmlDoc() { xmlFreeDoc(doc); }
  xmlNodePtr root() const { return xmlDocGetRootElement(doc); }
};

std::string Name(xmlNodePtr node) { return reinterpret_cast<const char*>(node->name); }

std::string Prop(xmlNodePtr node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}
bool HasProp(xmlNodePtr node, const char* name) {
  return xmlHasProp(node, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

std::vector<xmlNodePtr> Children(xmlNodePtr node, const std::string& name) {
  std::vector<xmlNodePtr> out;
  for (xmlNodePtr c = node->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && Name(c) == name) out.push_back(c);
  }
  return out;
}

// GraphML: keys come first, every data element names a declared key of its domain, ids unique,
// every edge joins two nodes.
void CheckGraphml(const std::string& text, size_t* nodes_out, size_t* edges_out) {
  ExpectNoControlCharacters(text);
  XmlDoc xml(text);
  ASSERT_NE(xml.doc, nullptr) << "not well-formed:\n" << text;
  xmlNodePtr root = xml.root();
  ASSERT_EQ(Name(root), "graphml");
  ASSERT_NE(root->ns, nullptr);
  EXPECT_STREQ(reinterpret_cast<const char*>(root->ns->href),
               "http://graphml.graphdrawing.org/xmlns");
  std::map<std::string, std::string> key_domain;
  bool graph_seen = false;
  for (xmlNodePtr c = root->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (Name(c) == "key") {
      EXPECT_FALSE(graph_seen) << "key declared after the graph";
      EXPECT_TRUE(key_domain.emplace(Prop(c, "id"), Prop(c, "for")).second) << Prop(c, "id");
      EXPECT_TRUE(HasProp(c, "attr.name"));
      EXPECT_TRUE(HasProp(c, "attr.type"));
    } else if (Name(c) == "graph") {
      graph_seen = true;
    }
  }
  ASSERT_TRUE(graph_seen);
  EXPECT_EQ(key_domain["d_label"], "node");
  EXPECT_EQ(key_domain["e_weight"], "edge");
  const auto graphs = Children(root, "graph");
  ASSERT_EQ(graphs.size(), 1u);
  EXPECT_EQ(Prop(graphs[0], "edgedefault"), "directed");
  std::set<std::string> node_ids, edge_ids;
  for (xmlNodePtr n : Children(graphs[0], "node")) {
    EXPECT_TRUE(node_ids.insert(Prop(n, "id")).second) << "duplicate node id " << Prop(n, "id");
    EXPECT_EQ(Children(n, "data").empty(), false);
    for (xmlNodePtr d : Children(n, "data")) EXPECT_EQ(key_domain[Prop(d, "key")], "node");
  }
  for (xmlNodePtr e : Children(graphs[0], "edge")) {
    EXPECT_TRUE(edge_ids.insert(Prop(e, "id")).second) << "duplicate edge id";
    EXPECT_TRUE(node_ids.contains(Prop(e, "source"))) << Prop(e, "source");
    EXPECT_TRUE(node_ids.contains(Prop(e, "target"))) << Prop(e, "target");
    for (xmlNodePtr d : Children(e, "data")) EXPECT_EQ(key_domain[Prop(d, "key")], "edge");
  }
  *nodes_out = node_ids.size();
  *edges_out = edge_ids.size();
}

TEST(GraphmlTest, WellFormedWithDeclaredKeysAndUniqueIds) {
  auto graphml = RenderGraphml(SampleGraph());
  ASSERT_TRUE(graphml.ok()) << graphml.status().message();
  size_t nodes = 0, edges = 0;
  CheckGraphml(*graphml, &nodes, &edges);
  EXPECT_EQ(nodes, 6u);
  EXPECT_EQ(edges, 9u);
  // Names stay readable UTF-8, not character references.
  EXPECT_NE(graphml->find("샘 알트먼"), std::string::npos);
  EXPECT_TRUE(graphml->starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
}

TEST(GraphmlTest, HostileNamesStillParse) {
  auto graphml = RenderGraphml(HostileGraph());
  ASSERT_TRUE(graphml.ok()) << graphml.status().message();
  size_t nodes = 0, edges = 0;
  CheckGraphml(*graphml, &nodes, &edges);
  EXPECT_EQ(nodes, 3u);
  XmlDoc xml(*graphml);
  ASSERT_NE(xml.doc, nullptr);
  // The label reads back without what XML forbids, and with what it escapes.
  bool found = false;
  for (xmlNodePtr n : Children(Children(xml.root(), "graph")[0], "node")) {
    for (xmlNodePtr d : Children(n, "data")) {
      xmlChar* content = xmlNodeGetContent(d);
      const std::string value(reinterpret_cast<const char*>(content));
      xmlFree(content);
      if (value == "X & Y <Z>") found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST(GraphmlTest, SameGraphSameBytes) {
  auto a = RenderGraphml(SampleGraph());
  auto b = RenderGraphml(SampleGraph());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

void CheckGexf(const std::string& text, size_t* nodes_out) {
  ExpectNoControlCharacters(text);
  XmlDoc xml(text);
  ASSERT_NE(xml.doc, nullptr) << "not well-formed:\n" << text;
  xmlNodePtr root = xml.root();
  ASSERT_EQ(Name(root), "gexf");
  ASSERT_NE(root->ns, nullptr);
  EXPECT_STREQ(reinterpret_cast<const char*>(root->ns->href), "http://gexf.net/1.3");
  EXPECT_EQ(Prop(root, "version"), "1.3");
  const auto graphs = Children(root, "graph");
  ASSERT_EQ(graphs.size(), 1u);
  xmlNodePtr graph = graphs[0];
  EXPECT_EQ(Prop(graph, "defaultedgetype"), "directed");
  EXPECT_EQ(Prop(graph, "mode"), "dynamic");
  EXPECT_EQ(Prop(graph, "timeformat"), "date");
  std::map<std::string, std::set<std::string>> declared;  // class → attribute ids
  for (xmlNodePtr a : Children(graph, "attributes")) {
    for (xmlNodePtr attr : Children(a, "attribute")) {
      EXPECT_TRUE(declared[Prop(a, "class")].insert(Prop(attr, "id")).second);
    }
  }
  const auto nodes_el = Children(graph, "nodes");
  const auto edges_el = Children(graph, "edges");
  ASSERT_EQ(nodes_el.size(), 1u);
  ASSERT_EQ(edges_el.size(), 1u);
  std::set<std::string> ids, edge_ids;
  std::map<std::string, std::pair<std::string, std::string>> event_span;
  for (xmlNodePtr n : Children(nodes_el[0], "node")) {
    const std::string id = Prop(n, "id");
    EXPECT_TRUE(ids.insert(id).second) << "duplicate node " << id;
    EXPECT_TRUE(HasProp(n, "label"));
    for (xmlNodePtr av : Children(n, "attvalues")) {
      for (xmlNodePtr v : Children(av, "attvalue")) {
        EXPECT_TRUE(declared["node"].contains(Prop(v, "for"))) << Prop(v, "for");
      }
    }
    if (id.starts_with("event:")) {
      EXPECT_TRUE(HasProp(n, "start") && HasProp(n, "end")) << id;
      EXPECT_LE(Prop(n, "start"), Prop(n, "end"));
      event_span[id] = {Prop(n, "start"), Prop(n, "end")};
    } else {
      EXPECT_FALSE(HasProp(n, "start")) << "actors are static";
    }
  }
  for (xmlNodePtr e : Children(edges_el[0], "edge")) {
    EXPECT_TRUE(edge_ids.insert(Prop(e, "id")).second);
    EXPECT_TRUE(ids.contains(Prop(e, "source")));
    EXPECT_TRUE(ids.contains(Prop(e, "target")));
    if (auto it = event_span.find(Prop(e, "target")); it != event_span.end()) {
      EXPECT_EQ(Prop(e, "start"), it->second.first);
      EXPECT_EQ(Prop(e, "end"), it->second.second);
    }
    for (xmlNodePtr av : Children(e, "attvalues")) {
      for (xmlNodePtr v : Children(av, "attvalue")) {
        EXPECT_TRUE(declared["edge"].contains(Prop(v, "for"))) << Prop(v, "for");
      }
    }
  }
  *nodes_out = ids.size();
}

TEST(GexfTest, DynamicGraphWithEventSpells) {
  auto gexf = RenderGexf(SampleGraph());
  ASSERT_TRUE(gexf.ok()) << gexf.status().message();
  size_t nodes = 0;
  CheckGexf(*gexf, &nodes);
  EXPECT_EQ(nodes, 6u);
  EXPECT_NE(gexf->find("start=\"2023-11-20\" end=\"2023-11-21\""), std::string::npos);
}

TEST(GexfTest, HostileNamesStillParse) {
  auto gexf = RenderGexf(HostileGraph());
  ASSERT_TRUE(gexf.ok()) << gexf.status().message();
  size_t nodes = 0;
  CheckGexf(*gexf, &nodes);
  EXPECT_EQ(nodes, 3u);
}

TEST(GexfTest, EmptyGraphIsAValidFile) {
  EventGraph empty;
  auto gexf = RenderGexf(empty);
  ASSERT_TRUE(gexf.ok());
  size_t nodes = 1;
  CheckGexf(*gexf, &nodes);
  EXPECT_EQ(nodes, 0u);
  auto graphml = RenderGraphml(empty);
  ASSERT_TRUE(graphml.ok());
  size_t edges = 1;
  CheckGraphml(*graphml, &nodes, &edges);
  EXPECT_EQ(edges, 0u);
  EXPECT_EQ(RenderEventsCsv(empty),
            "date,end_date,grain,type,trigger,realis,actors,doc,sentence,sources\n");
}

// --------------------------------------------------------------- writing in pieces

// A graph of `events` events, each told by its own document: files of about 100 bytes an event.
EventGraph LargeGraph(int events) {
  EventGraph graph;
  for (int i = 0; i < events; ++i) {
    graph.AddDocument(MakeDoc(
        "doc-" + std::to_string(i), "한빛전자는 " + std::to_string(i) + "번째 대표를 임명했다.",
        {Entity{"org:한빛전자", EntityType::kOrg, "한빛전자", {}, 1},
         Entity{"person:대표" + std::to_string(i), EntityType::kPerson, "대표", {}, 1}},
        {DateValue(Day(2000 + i / 365, 1 + i % 12, 1 + i % 28))},
        {MakeEvent("appointment", "임명", 0, {{0, Role::kAgent}, {1, Role::kPatient}})}));
  }
  return graph;
}

// A run's files are written as they are rendered, so memory never holds one whole: each writer
// hands out pieces far smaller than the file, which put together are the file.
TEST(WriteInPiecesTest, EveryFileComesInPiecesThatMakeTheWhole) {
  const EventGraph graph = LargeGraph(3000);
  struct File {
    const char* name;
    Status (*write)(const EventGraph&, const PieceWriter&);
    std::string whole;
  };
  const File files[] = {
      {"events.csv", WriteEventsCsv, RenderEventsCsv(graph)},
      {"entities.csv", WriteEntitiesCsv, RenderEntitiesCsv(graph)},
      {"nodes.csv", WriteNodesCsv, RenderNodesCsv(graph)},
      {"edges.csv", WriteEdgesCsv, RenderEdgesCsv(graph)},
      {"graph.graphml", WriteGraphml, RenderGraphml(graph).value()},
      {"graph.gexf", WriteGexf, RenderGexf(graph).value()},
  };
  for (const File& f : files) {
    std::string joined;
    size_t pieces = 0, largest = 0;
    const Status status = f.write(graph, [&](std::string_view piece) {
      joined += piece;
      ++pieces;
      largest = std::max(largest, piece.size());
      return Status::Ok();
    });
    ASSERT_TRUE(status.ok()) << f.name << ": " << status.message();
    EXPECT_EQ(joined, f.whole) << f.name;
    EXPECT_GT(f.whole.size(), size_t{150'000}) << f.name;
    EXPECT_LE(largest, size_t{70'000}) << f.name << ": a piece of " << largest << " bytes";
    EXPECT_GT(pieces, 2u) << f.name;
  }
}

// A write that fails (a full disk) stops the writer, which returns the failure as it came.
TEST(WriteInPiecesTest, AFailedWriteIsTheWritersError) {
  const EventGraph graph = LargeGraph(3000);
  for (auto write :
       {WriteEventsCsv, WriteEntitiesCsv, WriteNodesCsv, WriteEdgesCsv, WriteGraphml, WriteGexf}) {
    size_t calls = 0;
    const Status status = write(graph, [&](std::string_view) {
      ++calls;
      return calls == 2 ? IoError("disk full") : Status::Ok();
    });
    EXPECT_EQ(status.code(), StatusCode::kIoError);
    EXPECT_EQ(status.message(), "disk full");
    EXPECT_EQ(calls, 2u) << "nothing is written after the failure";
  }
}

// --------------------------------------------------------------- atomic writes

class WriteFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sageon_write_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  fs::path dir_;
};

TEST_F(WriteFileTest, WritesAndReplacesWithoutLeavingTemporaryFiles) {
  const fs::path path = dir_ / "events.csv";
  ASSERT_TRUE(WriteFileAtomically(path.string(), "첫 번째\n").ok());
  EXPECT_EQ(Read(path), "첫 번째\n");
  const std::string big(1 << 20, 'x');
  ASSERT_TRUE(WriteFileAtomically(path.string(), big).ok());
  EXPECT_EQ(Read(path), big);
  ASSERT_TRUE(WriteFileAtomically(path.string(), "").ok());
  EXPECT_EQ(fs::file_size(path), 0u);
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir_)) {
    ++files;
    EXPECT_EQ(entry.path().filename(), "events.csv");
  }
  EXPECT_EQ(files, 1u);
}

TEST_F(WriteFileTest, ErrorNamesThePathAndLeavesNothing) {
  const fs::path path = dir_ / "no-such-dir" / "graph.gexf";
  const Status status = WriteFileAtomically(path.string(), "x");
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kIoError);
  EXPECT_NE(status.message().find(path.string()), std::string::npos) << status.message();

  // A directory where the file should go: the rename fails, the old directory stays.
  const fs::path taken = dir_ / "taken";
  fs::create_directories(taken / "inside");
  const Status rename_status = WriteFileAtomically(taken.string(), "x");
  EXPECT_FALSE(rename_status.ok());
  EXPECT_NE(rename_status.message().find(taken.string()), std::string::npos);
  EXPECT_TRUE(fs::is_directory(taken));
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp."), std::string::npos) << entry.path();
  }
}

}  // namespace
}  // namespace sageon
