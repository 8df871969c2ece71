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
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sageon/base/status.h"
#include "sageon/export/summary.h"
#include "sageon/graph/event_graph.h"
#include "sageon/graph/string_pool.h"

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

// Where the records of a DocumentSet wait until the outputs are written: an unlinked temporary
// file (in $TMPDIR, as sort(1) keeps its runs), so a run's memory does not grow with the records
// of its corpus and nothing is left behind however the process ends. When no such file can be
// made, the records stay in memory.
class RecordSpill {
 public:
  RecordSpill() = default;
  ~RecordSpill();
  RecordSpill(const RecordSpill&) = delete;
  RecordSpill& operator=(const RecordSpill&) = delete;

  // Stores `line`; returns where it is, for Read.
  uint64_t Append(std::string_view line);
  // The line stored at `offset` (the `size` bytes Append was given).
  Status Read(uint64_t offset, size_t size, std::string* line);
  // The first write failure, if any.
  const Status& status() const { return status_; }

 private:
  Status Flush();

  int fd_ = -1;
  bool opened_ = false;
  uint64_t size_ = 0;     // bytes appended
  uint64_t written_ = 0;  // bytes in the file (the rest is in buffer_)
  std::string buffer_;
  Status status_;
};

class DocumentSet {
 public:
  // Starts the next input (a run, a folder or file given to merge): on a duplicate id, a document
  // of a later input replaces one of an earlier input, wherever their files and lines are.
  void BeginInput();
  // Records an input file; the same path given again is the same file, and keeps the first
  // non-empty reason it could not be read.
  void AddFile(const std::string& path, const std::string& reason);
  // Adds a document to the current input (its file is added when new). Its record line and its
  // element of summary.json go to the spill, and into the graph at once while documents come in
  // their total order with no id twice (as in a run without duplicates); memory keeps only where
  // they are and the counts of the summary.
  void AddDocument(const DocumentRecord& record);
  // Reads the lines of a documents.jsonl (or of `sageon stream`) into the current input. `name`
  // names the input in errors, which give the line ("out/documents.jsonl:12: ...").
  Status AddJsonLines(std::string_view content, const std::string& name);
  // BeginInput, then the lines of `path`, one at a time: a folder's documents.jsonl, a file, or
  // "-" for standard input.
  Status AddInput(const std::string& path);

  // Decides which documents are replaced, sorts the documents into their total order and builds
  // the graph (streaming the records back when it could not be built as they came). Call it
  // once, after everything is added and before reading the results.
  Status Finish();

  std::vector<std::string> FilePaths() const;
  const EventGraph& graph() const { return graph_; }
  EventGraph BuildGraph() const { return graph_; }
  const SummaryCounts& counts() const { return counts_; }
  // summary.json, given to `write` in pieces: the documents' part comes back from the spill.
  Status WriteSummary(double seconds, const PieceWriter& write);
  // documents.jsonl: each file's line, then the lines of its documents, given to `write` in
  // pieces of about 64 KB.
  Status WriteJsonLines(const PieceWriter& write);
  std::string RenderJsonLines();

 private:
  struct FileEntry {
    std::string reason;
    size_t processed = 0, skipped = 0, failed = 0, replaced = 0;
  };
  enum class DocumentStatus : uint8_t { kProcessed, kSkipped, kFailed, kReplaced };
  // What stays in memory of a document: where its lines are and what orders it. About 50 bytes,
  // and its id once in ids_ when it was processed or replaced.
  struct Entry {
    uint64_t offset = 0;  // its record line in spill_, followed by its summary element
    uint64_t line = 0;
    uint32_t record_size = 0;
    uint32_t element_size = 0;
    uint32_t file = 0;         // index into file_paths_ and files_
    uint32_t input = 0;        // the input it came in (BeginInput)
    uint32_t seq = 0;          // the order it was added in
    StringPool::Index id = 0;  // in ids_, for a processed or replaced document
    DocumentStatus status = DocumentStatus::kProcessed;
  };
  static DocumentStatus StatusOf(std::string_view status);
  size_t FileIndex(const std::string& path);
  Status AddJsonLine(std::string_view line, const std::string& where);
  // Marks every version of an id but the winner replaced (Finish, when ids came twice).
  Status ReplaceRepeatedIds();
  // Stores the record's line and its summary element in the spill, at `entry`.
  void Spill(const DocumentRecord& record, Entry* entry);
  Status ReadRecord(const Entry& entry, DocumentRecord* record);
  void CountFile(size_t file, DocumentStatus status, bool remove = false);

  StringPool file_paths_;  // index: the file's index, as in files_
  std::vector<FileEntry> files_;
  // A deque: growing never copies the entries, so memory never holds them twice.
  std::deque<Entry> entries_;
  uint32_t input_ = 0;
  StringPool ids_;                  // of processed and replaced documents
  std::vector<bool> id_processed_;  // by index in ids_: a processed document has it
  bool ids_repeat_ = false;         // an id of ids_ came twice: Finish decides who wins
  RecordSpill spill_;
  Status spill_status_;  // a record too long to keep (4 GB), in addition to spill_.status()
  SummaryCounts counts_;
  EventGraph graph_;
  // graph_ holds every contribution so far, added in the total order, and no id came twice:
  // Finish has nothing to redo.
  bool graph_in_order_ = true;
};

}  // namespace sageon
