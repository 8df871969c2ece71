// Batch processing: every input read in order, documents processed on worker threads, results
// handed back in input order, so output is the same whatever the number of threads.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "sageon/base/status.h"
#include "sageon/export/exporters.h"
#include "sageon/export/summary.h"
#include "sageon/graph/event_graph.h"
#include "sageon/input/input_reader.h"
#include "sageon/pipeline.h"

namespace sageon {

struct BatchOptions {
  Stage last = Stage::kEvents;
  unsigned jobs = 0;  // 0: std::thread::hardware_concurrency()
  InputOptions input;
  // Set (by a signal handler, another thread) to stop the run: no further file or line is read,
  // documents not yet started are abandoned and the ones being processed are finished.
  // ProcessInputs then returns Ok with the summary of what was done; the caller knows it stopped.
  const std::atomic<bool>* stop = nullptr;
  // --shard K/N: only the documents with ShardOf(id, shards) == shard are processed and reported;
  // every file is still read (a document's id is known only once it is read).
  unsigned shard = 0;  // 0-based here; the command line counts from 1
  unsigned shards = 1;
};

// The shard (0..shards-1) a document belongs to: FNV-1a of its id (the path as given for a text
// file, the "id" field for a JSON line, the file:line for a line without one) modulo `shards`.
// It depends on the id alone, so a document keeps its shard when the input grows or is
// reordered, and all versions of one id meet in one shard, where the later replaces the earlier
// exactly as in an unsharded run.
unsigned ShardOf(std::string_view id, unsigned shards);

struct BatchCallbacks {
  std::function<void(const Document&)> on_document;    // in input order
  std::function<void(const std::string&)> on_message;  // warnings and errors, with file and line
  // Every report as it enters the summary, in input order: with its document when it was
  // processed, with nullptr when it was skipped or failed.
  std::function<void(const DocumentReport&, const Document*)> on_report;
  // Every input file once it has been read; `reason` says why it could not be, else is empty.
  std::function<void(const std::string& path, const std::string& reason)> on_file;
};

// Reads and processes every file (from ExpandInputPaths). Each file and each input in it ends up
// in `summary` (unless the run is stopped: then the documents abandoned are not in it).
// Returns an error only for a failure that stops the run (never for bad input data).
Status ProcessInputs(const Pipeline& pipeline, const std::vector<std::string>& files,
                     const BatchOptions& options, const BatchCallbacks& callbacks,
                     RunSummary* summary);

// Writes events.csv, entities.csv, nodes.csv, edges.csv, graph.graphml, graph.gexf,
// documents.jsonl (export/document_set.h, given in pieces by `write_documents`) and summary.json
// (given in pieces by `write_summary`) into `out_dir` (created when missing), each file
// atomically and each as it is rendered, so no file is in memory whole.
using FileProducer = std::function<Status(const PieceWriter&)>;
Status WriteRunOutputs(const std::string& out_dir, const EventGraph& graph,
                       const FileProducer& write_documents, const FileProducer& write_summary);

// Deletes the temporary file that WriteFileAtomically (export/file_output.cc) is writing, if
// any. Async-signal-safe, for a signal handler that ends the process in the middle of a write:
// the half-written file is never renamed into place, and this leaves no trace of it either.
void RemovePendingTemporaryFile() noexcept;

}  // namespace sageon
