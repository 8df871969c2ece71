// summary.json: every input accounted for (processed, skipped or failed, with the reason), the
// counts of every stage, the size of the graph and the time taken.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sageon/document.h"
#include "sageon/graph/event_graph.h"
#include "sageon/input/input_reader.h"

namespace sageon {

struct DocumentReport {
  std::string id;
  std::string source;
  std::string status;  // "processed", "skipped", "failed"
  std::string reason;
  std::string encoding;
  size_t replaced_bytes = 0;
  std::vector<std::string> warnings;
  size_t characters = 0, sentences = 0, tokens = 0, dates = 0, entities = 0, mentions = 0,
         events = 0;
  std::string reference;  // ISO, empty when the document has none
  bool reference_inferred = false;
};

class RunSummary {
 public:
  // The part of a document's report known before processing (where it came from, its decoding).
  static DocumentReport Begin(const RawDocument& raw);
  // Fills the counts from the processed document and records the report.
  void AddProcessed(DocumentReport report, const Document& doc);
  void AddProblem(const InputProblem& problem);
  // An input path that could not be read at all.
  void AddUnreadable(const std::string& path, const std::string& reason);

  size_t processed() const { return processed_; }
  size_t skipped() const { return skipped_; }
  size_t failed() const { return failed_; }
  const std::vector<DocumentReport>& documents() const { return documents_; }

  nlohmann::json ToJson(const std::vector<std::string>& inputs, const EventGraph& graph,
                        double seconds) const;

 private:
  std::vector<DocumentReport> documents_;
  size_t processed_ = 0, skipped_ = 0, failed_ = 0;
};

}  // namespace sageon
