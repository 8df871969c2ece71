// documents.jsonl, and the merging of runs: what lets a corpus be processed in parts (shards,
// archives, new documents added later) and put back together as if by one run.
//
// A run's unit of merging is a document's record: where it came from, its report for summary.json
// and its contribution to the graph (GraphContribution). documents.jsonl holds one line per input
// file and one per input document; `sageon merge` reads such lines (from runs, or from `sageon
// stream`) into a DocumentSet, which rebuilds the graph and the summary, and `sageon run` goes
// through a DocumentSet too, so both write the same bytes for the same documents.
//
// The total order of documents: by file (in the order the files were first named: a run's input
// order, then the files each later input adds), then by line, then by the order they were added.
// It depends on what the documents are and where they came from, never on how they were split.
//
// Duplicate ids: among processed documents with one id, the one from the latest input (BeginInput)
// wins, and within one input the latest in the total order. The others stay in the summary with
// status "replaced" (their contributions dropped), so every input line is still accounted for.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sageon/base/status.h"
#include "sageon/export/summary.h"
#include "sageon/graph/event_graph.h"

namespace sageon {

struct DocumentRecord {
  DocumentReport report;           // report.file is not used: `file` names the file
  std::string file;                // the input file path, as the run named it
  GraphContribution contribution;  // filled for a processed document only
};

// The record of a report from ProcessInputs, with its document when it was processed.
DocumentRecord MakeDocumentRecord(const DocumentReport& report, const std::string& file,
                                  const Document* doc);

// One line of documents.jsonl, without the line end.
std::string FileRecordLine(const std::string& path, const std::string& reason);
std::string DocumentRecordLine(const DocumentRecord& record);

class DocumentSet {
 public:
  // Starts the next input (a run, a folder or file given to merge): on a duplicate id, a document
  // of a later input replaces one of an earlier input, wherever their files and lines are.
  void BeginInput();
  // Records an input file; the same path given again is the same file, and keeps the first
  // non-empty reason it could not be read.
  void AddFile(const std::string& path, const std::string& reason);
  // Adds a document to the current input (its file is added when new).
  void AddDocument(DocumentRecord record);
  // Reads the lines of a documents.jsonl (or of `sageon stream`) into the current input. `name`
  // names the input in errors, which give the line ("out/documents.jsonl:12: ...").
  Status AddJsonLines(std::string_view content, const std::string& name);
  // BeginInput, then the lines of `path`: a folder's documents.jsonl, a file, or "-" for
  // standard input.
  Status AddInput(const std::string& path);

  // Decides which documents are replaced and sorts the documents into their total order. Call it
  // once, after everything is added and before reading the results.
  void Finish();

  std::vector<std::string> FilePaths() const;
  EventGraph BuildGraph() const;
  RunSummary BuildSummary() const;
  // documents.jsonl: each file's line, then the lines of its documents.
  std::string RenderJsonLines() const;

 private:
  struct FileEntry {
    std::string path;
    std::string reason;
  };
  struct Entry {
    DocumentRecord record;
    size_t input = 0;
    size_t file = 0;  // index into files_
    size_t seq = 0;   // the order it was added in
  };
  size_t FileIndex(const std::string& path);

  std::vector<FileEntry> files_;
  std::map<std::string, size_t> file_index_;
  std::vector<Entry> entries_;
  size_t input_ = 0;
};

}  // namespace sageon
