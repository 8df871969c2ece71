// summary.json: every input accounted for (each file, and each document in it processed, skipped
// or failed with the reason and, for JSON lines, the line), the counts of every stage, the size of
// the graph and the time taken.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "sageon/document.h"
#include "sageon/export/exporters.h"
#include "sageon/graph/event_graph.h"
#include "sageon/input/input_reader.h"

namespace sageon {

struct DocumentReport {
  std::string id;
  std::string source;
  size_t file = 0;  // index of the file it came from (RunSummary::AddFile)
  size_t line = 0;  // its line in a JSON lines file, 0 for a whole file
  // "processed", "skipped", "failed", or "replaced": processed, but a later document with the
  // same id took its place (see DocumentSet)
  std::string status;
  std::string reason;
  std::string encoding;
  size_t replaced_bytes = 0;
  std::vector<std::string> warnings;
  size_t characters = 0, sentences = 0, tokens = 0, dates = 0, entities = 0, mentions = 0,
         events = 0;
  std::string reference;  // ISO, empty when the document has none
  bool reference_inferred = false;
};

// One input file and what became of the documents read from it.
struct FileReport {
  std::string path;
  std::string reason;  // why it could not be read at all; empty when it was read
  size_t processed = 0, skipped = 0, failed = 0, replaced = 0;
};

class RunSummary {
 public:
  // Records an input file before it is read; the returned index tags its documents' reports.
  size_t AddFile(const std::string& path);
  // The part of a document's report known before processing (where it came from, its decoding).
  static DocumentReport Begin(const RawDocument& raw, size_t file);
  // Fills the counts from the processed document and records the report.
  void AddProcessed(DocumentReport report, const Document& doc);
  void AddProblem(const InputProblem& problem, size_t file);
  // A file that could not be read at all (it gives no document, so it counts as one failed).
  void AddUnreadable(size_t file, const std::string& reason);
  // Notes why a file could not be read without counting a document for it (a shard that the
  // file's failure does not belong to).
  void SetFileReason(size_t file, const std::string& reason);
  // For a caller that keeps the reports itself, or needs none (run's DocumentSet, stream, which
  // writes each at once): only the latest report is kept (documents().back(), for the callback
  // that takes it), so the summary's memory does not grow with the corpus. The counts are whole.
  void KeepOnlyLatestReport() { keep_every_report_ = false; }

  size_t processed() const { return processed_; }
  size_t skipped() const { return skipped_; }
  size_t failed() const { return failed_; }
  size_t replaced() const { return replaced_; }
  const std::vector<DocumentReport>& documents() const { return documents_; }
  const std::vector<FileReport>& files() const { return files_; }

 private:
  void Count(size_t file, const std::string& status);
  void Keep(DocumentReport report);

  std::vector<FileReport> files_;
  std::vector<DocumentReport> documents_;
  size_t processed_ = 0, skipped_ = 0, failed_ = 0, replaced_ = 0;
  bool keep_every_report_ = true;
};

// What summary.json counts, kept up to date report by report, so that a writer of the summary
// needs no report in memory (DocumentSet keeps them on disk).
struct SummaryCounts {
  size_t total = 0, processed = 0, skipped = 0, failed = 0, replaced = 0;
  // Of the documents the outputs hold: every one but the replaced.
  size_t characters = 0, replaced_bytes = 0, sentences = 0, tokens = 0, dates = 0, entities = 0,
         mentions = 0, events = 0;

  void Add(const DocumentReport& report);
  void Remove(const DocumentReport& report);  // undoes Add(report)
};

// The elements of summary.json's three lists, each as the file prints it (indented at its depth,
// without the comma between elements): a document's report, a file's counts, an input path.
std::string SummaryDocumentElement(const DocumentReport& report);
std::string SummaryFileElement(const FileReport& file);
std::string SummaryInputElement(std::string_view path);

// Hands every element of one list, in order, to its argument.
using SummaryList = std::function<Status(const std::function<Status(std::string_view)>&)>;

// summary.json, given to `write` in pieces. Its lists ("documents", "files", "inputs") grow with
// the corpus, so they come element by element from their SummaryList (from disk, for a large
// run) and are never in memory whole.
Status WriteSummaryJson(const SummaryCounts& counts, const EventGraph& graph, double seconds,
                        const SummaryList& documents, const SummaryList& files,
                        const SummaryList& inputs, const PieceWriter& write);

}  // namespace sageon
