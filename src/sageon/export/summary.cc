#include "sageon/export/summary.h"

#include "sageon/base/utf8.h"

namespace sageon {

using nlohmann::json;

DocumentReport RunSummary::Begin(const RawDocument& raw) {
  DocumentReport report;
  report.id = raw.id;
  report.source = raw.source;
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
  report.dates = doc.dates.size();
  report.entities = doc.entities.size();
  report.mentions = doc.mentions.size();
  report.events = doc.events.size();
  if (doc.reference) report.reference = FormatIso(*doc.reference, Grain::kSecond);
  report.reference_inferred = doc.reference_inferred;
  documents_.push_back(std::move(report));
  ++processed_;
}

void RunSummary::AddProblem(const InputProblem& problem) {
  DocumentReport report;
  report.id = problem.id;
  report.source = problem.source;
  report.status = problem.failed ? "failed" : "skipped";
  report.reason = problem.reason;
  documents_.push_back(std::move(report));
  ++(problem.failed ? failed_ : skipped_);
}

void RunSummary::AddUnreadable(const std::string& path, const std::string& reason) {
  AddProblem(InputProblem{path, path, reason, true});
}

json RunSummary::ToJson(const std::vector<std::string>& inputs, const EventGraph& graph,
                        double seconds) const {
  json docs = json::array();
  size_t sentences = 0, tokens = 0, dates = 0, entities = 0, mentions = 0, events = 0,
         characters = 0, replaced = 0;
  for (const DocumentReport& r : documents_) {
    json d{{"id", r.id}, {"source", r.source}, {"status", r.status}};
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
  return json{
      {"sageon_version", SAGEON_VERSION},
      {"inputs", inputs},
      {"documents_total", documents_.size()},
      {"documents_processed", processed_},
      {"documents_skipped", skipped_},
      {"documents_failed", failed_},
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
