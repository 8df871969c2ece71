// documents.jsonl and DocumentSet: a record reads back as it was written, duplicate ids leave the
// latest version (the latest input first, then the latest line), and lines that are not records
// are refused with their line number.
#include "sageon/export/document_set.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace sageon {
namespace {

TimeValue Value(int y, int m, int d, Grain grain, std::string mod = {}) {
  TimeValue v;
  v.time = DateTime{y, m, d, 9, 30, 0};
  v.grain = grain;
  v.mod = std::move(mod);
  return v;
}

DocumentRecord Processed(const std::string& id, const std::string& file, size_t line,
                         const std::string& name) {
  DocumentRecord r;
  r.report.id = id;
  r.report.source = file + ":" + std::to_string(line);
  r.report.line = line;
  r.report.status = "processed";
  r.report.encoding = "utf-8";
  r.report.sentences = 2;
  r.report.warnings = {"a warning"};
  r.report.reference = "2024-01-02T00:00:00";
  r.file = file;
  r.contribution.document_id = id;
  r.contribution.entities.push_back(
      ContributionEntity{"person:" + name, EntityType::kPerson, name, {"별칭"}, 2});
  r.contribution.entities.push_back(
      ContributionEntity{"org:회사", EntityType::kOrg, "회사", {}, 1});
  ContributionEvent e;
  e.type = "appointment";
  e.trigger = "선임하다";
  e.realis = Realis::kPlanned;
  e.is_interval = true;
  e.value = Value(2024, 3, 1, Grain::kDay);
  e.from = Value(2024, 3, 1, Grain::kMonth, "START");
  e.actors = {GraphEventActor{"org:회사", Role::kAgent},
              GraphEventActor{"person:" + name, Role::kRoleTaken}};
  e.sentence = "회사는 " + name + "을 선임할 예정이다.";
  r.contribution.events.push_back(e);
  return r;
}

// summary.json as WriteSummary gives it, in pieces, put together.
std::string SummaryText(DocumentSet* set) {
  std::string text;
  const Status status = set->WriteSummary(1.5, [&](std::string_view piece) {
    text += piece;
    return Status::Ok();
  });
  EXPECT_TRUE(status.ok()) << status.message();
  return text;
}

TEST(DocumentSetTest, RecordsReadBackAsWritten) {
  const DocumentRecord record = Processed("d1", "news.jsonl", 3, "김철수");
  const std::string lines =
      FileRecordLine("news.jsonl", "") + "\n" + DocumentRecordLine(record) + "\n";
  DocumentSet set;
  ASSERT_TRUE(set.AddJsonLines(lines, "in").ok());
  ASSERT_TRUE(set.Finish().ok());
  EXPECT_EQ(set.RenderJsonLines(), lines);

  EventGraph written, read = set.BuildGraph();
  written.AddContribution(record.contribution);
  ASSERT_EQ(read.Events().size(), 1u);
  EXPECT_EQ(read.Events()[0]->id, written.Events()[0]->id);
  EXPECT_EQ(read.Events()[0]->DateLabel(), "2024-03/..");
  EXPECT_EQ(read.Events()[0]->from->mod, "START");
  EXPECT_EQ(read.Events()[0]->realis, Realis::kPlanned);
  EXPECT_EQ(read.Events()[0]->actors, written.Events()[0]->actors);
  EXPECT_EQ(read.FindEntity("person:김철수")->aliases, (std::set<std::string>{"별칭"}));
}

TEST(DocumentSetTest, TheLatestVersionOfAnIdWins) {
  DocumentSet set;
  set.BeginInput();
  set.AddFile("a.jsonl", "");
  set.AddDocument(Processed("x", "a.jsonl", 5, "옛사람"));
  set.AddDocument(Processed("y", "a.jsonl", 1, "첫째"));
  set.AddDocument(Processed("y", "a.jsonl", 2, "둘째"));  // later line, same input: wins
  set.BeginInput();
  set.AddDocument(Processed("x", "a.jsonl", 1, "새사람"));  // later input wins, earlier line
  ASSERT_TRUE(set.Finish().ok());

  const nlohmann::json summary = nlohmann::json::parse(SummaryText(&set));
  EXPECT_EQ(summary["documents_processed"], 2u);
  EXPECT_EQ(summary["documents_replaced"], 2u);
  EXPECT_EQ(summary["documents_total"], 4u);
  // The counts are those of the documents kept: 2 sentences each, replaced ones left out.
  EXPECT_EQ(summary["counts"]["sentences"], 4u);
  EXPECT_EQ(summary["files"][0]["processed"], 2u);
  EXPECT_EQ(summary["files"][0]["replaced"], 2u);
  // Sorted by file and line, ties in the order added.
  std::vector<std::string> order;
  for (const auto& d : summary["documents"]) {
    order.push_back(d["source"].get<std::string>() + " " + d["status"].get<std::string>());
  }
  EXPECT_EQ(order, (std::vector<std::string>{"a.jsonl:1 replaced", "a.jsonl:1 processed",
                                             "a.jsonl:2 processed", "a.jsonl:5 replaced"}));
  EXPECT_EQ(summary["documents"][3]["reason"], "replaced by a.jsonl:1");
  // documents.jsonl says the same, and a replaced document gives the graph nothing.
  const std::string lines = set.RenderJsonLines();
  EXPECT_NE(lines.find(R"("source":"a.jsonl:5","file":"a.jsonl","line":5,"status":"replaced",)"
                       R"("reason":"replaced by a.jsonl:1")"),
            std::string::npos)
      << lines;
  const EventGraph graph = set.BuildGraph();
  EXPECT_NE(graph.FindEntity("person:새사람"), nullptr);
  EXPECT_NE(graph.FindEntity("person:둘째"), nullptr);
  EXPECT_EQ(graph.FindEntity("person:옛사람"), nullptr);
  EXPECT_EQ(graph.FindEntity("person:첫째"), nullptr);
}

TEST(DocumentSetTest, FilesKeepTheOrderTheyWereFirstNamedIn) {
  DocumentSet set;
  set.BeginInput();
  set.AddFile("b.txt", "");
  set.AddFile("a.txt", "");
  set.BeginInput();
  set.AddFile("c.txt", "cannot open");
  set.AddFile("a.txt", "");
  set.AddFile("c.txt", "");
  ASSERT_TRUE(set.Finish().ok());
  EXPECT_EQ(set.FilePaths(), (std::vector<std::string>{"b.txt", "a.txt", "c.txt"}));
  EXPECT_EQ(nlohmann::json::parse(SummaryText(&set))["files"][2]["reason"], "cannot open");
}

// summary.json is written in pieces, its lists element by element from the spill; the text must
// be what printing the whole object at once gives (two spaces a level, keys sorted), with its
// lists empty or not.
TEST(DocumentSetTest, SummaryIsTheWholeObjectPrettyPrinted) {
  DocumentSet empty;
  ASSERT_TRUE(empty.Finish().ok());
  const std::string nothing = SummaryText(&empty);
  EXPECT_EQ(nothing, nlohmann::json::parse(nothing).dump(2) + "\n");
  EXPECT_NE(nothing.find(R"("documents": [],)"), std::string::npos) << nothing;

  DocumentSet set;
  set.BeginInput();
  set.AddFile("a.jsonl", "");
  set.AddFile("b.txt", "cannot open");
  set.AddDocument(Processed("x", "a.jsonl", 1, "가나"));
  DocumentRecord failed;
  failed.report.id = "a.jsonl:2";
  failed.report.source = "a.jsonl:2";
  failed.report.line = 2;
  failed.report.status = "failed";
  failed.report.reason = "not valid JSON";
  failed.file = "a.jsonl";
  set.AddDocument(failed);
  set.AddDocument(Processed("y", "a.jsonl", 3, "다라"));
  ASSERT_TRUE(set.Finish().ok());
  const std::string text = SummaryText(&set);
  const nlohmann::json summary = nlohmann::json::parse(text);
  EXPECT_EQ(text, summary.dump(2) + "\n");
  ASSERT_EQ(summary["documents"].size(), 3u);
  EXPECT_EQ(summary["documents"][1]["reason"], "not valid JSON");
  EXPECT_EQ(summary["documents"][2]["warnings"], nlohmann::json::array({"a warning"}));
  EXPECT_EQ(summary["inputs"], nlohmann::json::array({"a.jsonl", "b.txt"}));
  EXPECT_EQ(summary["files"][1]["reason"], "cannot open");
  EXPECT_EQ(summary["documents_failed"], 1u);
  EXPECT_EQ(summary["seconds"], 1.5);
  EXPECT_EQ(summary["graph"]["entities"], 3u);
}

// Strings that JSON must escape or repair: quotes, backslashes, control characters, invalid bytes.
const std::string kHostile[] = {
    "plain",
    "따옴표 \"인용\" 와 \\ 역슬래시",
    std::string("control \x01\x1f\t\n\r nul \0 end", 23),  // 23 bytes: the NUL included
    "del \x7f slash / emoji 😀",
    "stray \xFF\xC3 bytes \xED\xA0\x80 surrogate \xE0\x80\x80 overlong",
    "cut at the end \xEA\xB0",
    "backspace \b form feed \f vertical tab \x0b",
    "",
};

TEST(DocumentSetTest, RecordLinesKeepEveryString) {
  for (const std::string& text : kHostile) {
    DocumentRecord record = Processed(text.empty() ? "id" : text, text, 4, text);
    record.report.reason = text;
    record.report.warnings = {text, text};
    record.contribution.entities[0].aliases = {text};
    record.contribution.events[0].sentence = text;
    record.contribution.events[0].to = Value(-12, 1, 31, Grain::kYear, text);
    const std::string line = DocumentRecordLine(record);
    // One compact line in the fixed key order (an ordered_json keeps the order it read), with
    // invalid bytes replaced by U+FFFD.
    const auto parsed = nlohmann::ordered_json::parse(line);
    EXPECT_EQ(line, parsed.dump()) << text;
    // The value reads back as nlohmann's own printing of it reads back (U+FFFD for bad bytes).
    const std::string printed =
        nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    EXPECT_EQ(parsed.value("reason", std::string()), nlohmann::json::parse(printed)) << text;
    const std::string file_line = FileRecordLine(text, text);
    EXPECT_EQ(file_line, nlohmann::ordered_json::parse(file_line).dump()) << text;
  }
}

// A summary element is JSON at a list element's depth, whatever its strings hold.
TEST(DocumentSetTest, SummaryElementsKeepEveryString) {
  for (const std::string& text : kHostile) {
    for (const char* status : {"processed", "failed", "skipped"}) {
      DocumentReport r = Processed(text, text, 0, "가").report;
      r.status = status;
      r.reason = text;
      r.warnings.assign(2, text);
      const std::string element = SummaryDocumentElement(r);
      const auto parsed = nlohmann::json::parse(element);
      const std::string read_back =
          nlohmann::json::parse(
              nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
              .get<std::string>();
      EXPECT_EQ(parsed.value("id", std::string()), read_back) << text;
      // An empty reason is left out.
      EXPECT_EQ(parsed.value("reason", std::string()), read_back) << text;
      EXPECT_EQ(parsed.value("warnings", std::vector<std::string>()),
                std::vector<std::string>(2, read_back))
          << text;
      EXPECT_EQ(parsed.value("status", std::string()), status);
      EXPECT_EQ(parsed.contains("tokens"), std::string(status) == "processed") << status;
      for (size_t line = 0; line != std::string::npos;) {
        EXPECT_EQ(element.compare(line, 4, "    "), 0) << element;
        const size_t end = element.find('\n', line);
        line = end == std::string::npos ? end : end + 1;
      }
    }
  }
}

// A document's characters are code points, not bytes; an invalid byte counts as one.
TEST(RunSummaryTest, CountsCharactersAsCodePoints) {
  Document doc;
  doc.original = "한글 ab \xF0\x9F\x98\x80 \xFF";
  RunSummary summary;
  summary.AddProcessed(DocumentReport{}, doc);
  EXPECT_EQ(summary.documents().back().characters, 9u);
}

TEST(DocumentSetTest, RefusesLinesThatAreNotRecords) {
  const std::string good = FileRecordLine("a.txt", "") + "\n";
  for (const auto& [line, error] : std::vector<std::pair<std::string, std::string>>{
           {"{oops", "in:2: not valid JSON"},
           {"[1]", "in:2: not a JSON object"},
           {R"({"id":"x","text":"본문"})", "in:2: no \"record\" field"},
           {R"({"record":"other"})", "in:2: unknown record 'other'"},
           {R"({"record":"document","id":"x","status":"done"})", "in:2: \"status\""},
           {R"({"record":"document","id":"x","status":"processed","events":[{"type":"t"}]})",
            "in:2: no \"realis\" field"},
           {R"({"record":"document","id":"x","status":"processed","events":[{"type":"t",)"
            R"("realis":"actual","actors":[{"entity":"e","role":"agent"}]}]})",
            "in:2: no \"value\" field"},
       }) {
    DocumentSet set;
    const Status status = set.AddJsonLines(good + line + "\n", "in");
    EXPECT_FALSE(status.ok()) << line;
    EXPECT_EQ(status.message().rfind(error, 0), 0u) << status.message();
  }
}

}  // namespace
}  // namespace sageon

namespace sageon {
namespace {

// Records past the spill's buffer go to its temporary file; every one reads back as written,
// whether it is in the file or still in the buffer.
TEST(RecordSpillTest, LinesReadBackFromTheFileAndTheBuffer) {
  RecordSpill spill;
  std::vector<std::pair<uint64_t, std::string>> lines;
  for (int i = 0; i < 3000; ++i) {
    std::string line = "line " + std::to_string(i) + " " + std::string(1000 + i % 7, 'x');
    lines.emplace_back(spill.Append(line), std::move(line));
  }
  ASSERT_TRUE(spill.status().ok());
  std::string read;
  for (size_t i : {size_t{0}, size_t{1}, size_t{1500}, size_t{2998}, size_t{2999}}) {
    ASSERT_TRUE(spill.Read(lines[i].first, lines[i].second.size(), &read).ok());
    EXPECT_EQ(read, lines[i].second);
  }
}

}  // namespace
}  // namespace sageon
