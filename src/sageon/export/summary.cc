#include "sageon/export/summary.h"

#include <algorithm>
#include <cstring>

#include "sageon/base/utf8.h"

namespace sageon {

using nlohmann::json;

size_t RunSummary::AddFile(const std::string& path) {
  files_.push_back(FileReport{path, {}});
  return files_.size() - 1;
}

void RunSummary::Count(size_t file, const std::string& status) {
  if (status == "processed") {
    ++processed_;
  } else if (status == "skipped") {
    ++skipped_;
  } else if (status == "replaced") {
    ++replaced_;
  } else {
    ++failed_;
  }
  if (file >= files_.size()) return;  // a caller that does not record files
  FileReport& report = files_[file];
  ++(status == "processed"  ? report.processed
     : status == "skipped"  ? report.skipped
     : status == "replaced" ? report.replaced
                            : report.failed);
}

void RunSummary::Keep(DocumentReport report) {
  if (!keep_every_report_) documents_.clear();
  documents_.push_back(std::move(report));
}

DocumentReport RunSummary::Begin(const RawDocument& raw, size_t file) {
  DocumentReport report;
  report.id = raw.id;
  report.source = raw.source;
  report.file = file;
  report.line = raw.line;
  report.encoding = raw.encoding;
  report.replaced_bytes = raw.replaced_bytes;
  report.warnings = raw.warnings;
  return report;
}

void RunSummary::AddProcessed(DocumentReport report, const Document& doc) {
  report.status = "processed";
  report.characters = utf8::CodePointCount(doc.original);
  report.sentences = doc.sentences.size();
  report.tokens = doc.tokens.size();
  report.dates = static_cast<size_t>(std::count_if(
      doc.dates.begin(), doc.dates.end(), [](const TemporalExpression& d) { return !d.implicit; }));
  report.entities = doc.entities.size();
  report.mentions = doc.mentions.size();
  report.events = doc.events.size();
  if (doc.reference) report.reference = FormatIso(*doc.reference, Grain::kSecond);
  report.reference_inferred = doc.reference_inferred;
  Count(report.file, report.status);
  Keep(std::move(report));
}

void RunSummary::AddProblem(const InputProblem& problem, size_t file) {
  DocumentReport report;
  report.id = problem.id;
  report.source = problem.source;
  report.file = file;
  report.line = problem.line;
  report.status = problem.failed ? "failed" : "skipped";
  report.reason = problem.reason;
  Count(file, report.status);
  Keep(std::move(report));
}

void RunSummary::AddUnreadable(size_t file, const std::string& reason) {
  const std::string path = file < files_.size() ? files_[file].path : std::string();
  SetFileReason(file, reason);
  AddProblem(InputProblem{path, path, reason, true}, file);
}

void RunSummary::SetFileReason(size_t file, const std::string& reason) {
  if (file < files_.size()) files_[file].reason = reason;
}

namespace {

// Pretty-printed as in the whole file: two spaces a level. Invalid UTF-8 (which a path may hold)
// becomes U+FFFD, as in documents.jsonl, rather than failing the run at its very end.
std::string Dump(const json& value) {
  return value.dump(2, ' ', false, json::error_handler_t::replace);
}

// An element of a list of the top-level object sits two levels deep: every line of its own
// printing moves four spaces right (a JSON string never holds a raw newline).
std::string AtListDepth(const json& value) {
  const std::string text = Dump(value);
  std::string out = "    ";
  out.reserve(text.size() + text.size() / 8 + 64);
  // Line by line rather than byte by byte: it is done for every document's element.
  size_t line = 0;
  for (size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', line)) {
    out.append(text, line, end + 1 - line).append("    ");
    line = end + 1;
  }
  out.append(text, line);
  return out;
}

void AddCounts(SummaryCounts* counts, const DocumentReport& r, bool remove) {
  auto change = [remove](size_t* field, size_t by) { *field = remove ? *field - by : *field + by; };
  change(&counts->total, 1);
  change(r.status == "processed"  ? &counts->processed
         : r.status == "skipped"  ? &counts->skipped
         : r.status == "replaced" ? &counts->replaced
                                  : &counts->failed,
         1);
  // The counts describe the documents the outputs hold: a replaced one is not among them.
  if (r.status == "replaced") return;
  change(&counts->characters, r.characters);
  change(&counts->replaced_bytes, r.replaced_bytes);
  change(&counts->sentences, r.sentences);
  change(&counts->tokens, r.tokens);
  change(&counts->dates, r.dates);
  change(&counts->entities, r.entities);
  change(&counts->mentions, r.mentions);
  change(&counts->events, r.events);
}

// A list of the top-level object, as the whole object would print it.
Status WriteList(const SummaryList& list, const PieceWriter& write) {
  bool empty = true;
  auto write_element = [&](std::string_view element) {
    const Status opened = write(empty ? "[\n" : ",\n");
    empty = false;
    return opened.ok() ? write(element) : opened;
  };
  SAGEON_RETURN_IF_ERROR(list(write_element));
  return write(empty ? "[]" : "\n  ]");
}

}  // namespace

void SummaryCounts::Add(const DocumentReport& report) { AddCounts(this, report, false); }
void SummaryCounts::Remove(const DocumentReport& report) { AddCounts(this, report, true); }

std::string SummaryDocumentElement(const DocumentReport& r) {
  json d = json::object();
  d["id"] = r.id;
  d["source"] = r.source;
  d["status"] = r.status;
  if (r.line > 0) d["line"] = r.line;
  if (!r.reason.empty()) d["reason"] = r.reason;
  if (r.status == "processed") {
    d["encoding"] = r.encoding;
    if (r.replaced_bytes > 0) d["replaced_bytes"] = r.replaced_bytes;
    d["characters"] = r.characters;
    d["sentences"] = r.sentences;
    d["tokens"] = r.tokens;
    d["dates"] = r.dates;
    d["entities"] = r.entities;
    d["mentions"] = r.mentions;
    d["events"] = r.events;
    d["reference_date"] = r.reference.empty() ? json(nullptr) : json(r.reference);
    d["reference_inferred"] = r.reference_inferred;
  }
  if (!r.warnings.empty()) d["warnings"] = r.warnings;
  return AtListDepth(d);
}

std::string SummaryFileElement(const FileReport& f) {
  json file{{"path", f.path},
            {"documents", f.processed + f.skipped + f.failed + f.replaced},
            {"processed", f.processed},
            {"skipped", f.skipped},
            {"failed", f.failed}};
  if (f.replaced > 0) file["replaced"] = f.replaced;  // only a file with duplicate ids has any
  if (!f.reason.empty()) file["reason"] = f.reason;
  return AtListDepth(file);
}

std::string SummaryInputElement(std::string_view path) { return AtListDepth(json(path)); }

Status WriteSummaryJson(const SummaryCounts& counts, const EventGraph& graph, double seconds,
                        const SummaryList& documents, const SummaryList& files,
                        const SummaryList& inputs, const PieceWriter& write) {
  size_t actor_event_edges = 0;
  const auto edges = graph.Edges();
  for (const GraphEdge& e : edges) actor_event_edges += e.directed ? 1 : 0;
  // The lists stand in as markers, printed where the lists go (keys print sorted), then each
  // marker is replaced by its list. Every value printed before a marker is a number or a marker,
  // so the first marker text after the previous list is the place of the next.
  struct Marked {
    const char* marker;
    const SummaryList* list;
  };
  const Marked lists[] = {
      {"\"@documents@\"", &documents}, {"\"@files@\"", &files}, {"\"@inputs@\"", &inputs}};
  const json summary{
      {"sageon_version", SAGEON_VERSION},
      {"inputs", "@inputs@"},
      {"files", "@files@"},
      {"documents_total", counts.total},
      {"documents_processed", counts.processed},
      {"documents_skipped", counts.skipped},
      {"documents_failed", counts.failed},
      {"documents_replaced", counts.replaced},
      {"counts", json{{"characters", counts.characters},
                      {"replaced_bytes", counts.replaced_bytes},
                      {"sentences", counts.sentences},
                      {"tokens", counts.tokens},
                      {"dates", counts.dates},
                      {"entities", counts.entities},
                      {"mentions", counts.mentions},
                      {"events", counts.events}}},
      {"graph", json{{"entities", graph.Entities().size()},
                     {"actors", graph.Actors().size()},
                     {"events", graph.Events().size()},
                     {"actor_event_edges", actor_event_edges},
                     {"actor_actor_edges", edges.size() - actor_event_edges}}},
      {"seconds", seconds},
      {"documents", "@documents@"},
  };
  const std::string text = Dump(summary) + "\n";
  size_t done = 0;
  for (const Marked& m : lists) {
    const size_t at = text.find(m.marker, done);
    if (at == std::string::npos) {
      return Status(StatusCode::kInternal, std::string("summary.json: no place for ") + m.marker);
    }
    SAGEON_RETURN_IF_ERROR(write(std::string_view(text).substr(done, at - done)));
    SAGEON_RETURN_IF_ERROR(WriteList(*m.list, write));
    done = at + std::strlen(m.marker);
  }
  return write(std::string_view(text).substr(done));
}

}  // namespace sageon
