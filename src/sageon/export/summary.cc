#include "sageon/export/summary.h"

#include <algorithm>

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

void RunSummary::AddReport(DocumentReport report) {
  Count(report.file, report.status);
  Keep(std::move(report));
}

json RunSummary::ToJson(const std::vector<std::string>& inputs, const EventGraph& graph,
                        double seconds) const {
  json docs = json::array();
  size_t sentences = 0, tokens = 0, dates = 0, entities = 0, mentions = 0, events = 0,
         characters = 0, replaced = 0;
  for (const DocumentReport& r : documents_) {
    json d{{"id", r.id}, {"source", r.source}, {"status", r.status}};
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
    docs.push_back(std::move(d));
    // The counts describe the documents the outputs hold: a replaced one is not among them.
    if (r.status == "replaced") continue;
    sentences += r.sentences;
    tokens += r.tokens;
    dates += r.dates;
    entities += r.entities;
    mentions += r.mentions;
    events += r.events;
    characters += r.characters;
    replaced += r.replaced_bytes;
  }
  size_t actor_event_edges = 0;
  const auto edges = graph.Edges();
  for (const GraphEdge& e : edges) actor_event_edges += e.directed ? 1 : 0;
  json files = json::array();
  for (const FileReport& f : files_) {
    json file{{"path", f.path},
              {"documents", f.processed + f.skipped + f.failed + f.replaced},
              {"processed", f.processed},
              {"skipped", f.skipped},
              {"failed", f.failed}};
    if (f.replaced > 0) file["replaced"] = f.replaced;  // only a file with duplicate ids has any
    if (!f.reason.empty()) file["reason"] = f.reason;
    files.push_back(std::move(file));
  }
  return json{
      {"sageon_version", SAGEON_VERSION},
      {"inputs", inputs},
      {"files", std::move(files)},
      {"documents_total", documents_.size()},
      {"documents_processed", processed_},
      {"documents_skipped", skipped_},
      {"documents_failed", failed_},
      {"documents_replaced", replaced_},
      {"counts", json{{"characters", characters},
                      {"replaced_bytes", replaced},
                      {"sentences", sentences},
                      {"tokens", tokens},
                      {"dates", dates},
                      {"entities", entities},
                      {"mentions", mentions},
                      {"events", events}}},
      {"graph", json{{"entities", graph.Entities().size()},
                     {"actors", graph.Actors().size()},
                     {"events", graph.Events().size()},
                     {"actor_event_edges", actor_event_edges},
                     {"actor_actor_edges", edges.size() - actor_event_edges}}},
      {"seconds", seconds},
      {"documents", std::move(docs)},
  };
}

}  // namespace sageon
