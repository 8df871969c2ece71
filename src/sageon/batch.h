// Batch processing: every input read in order, documents processed on worker threads, results
// handed back in input order, so output is the same whatever the number of threads.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "sageon/base/status.h"
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
};

struct BatchCallbacks {
  std::function<void(const Document&)> on_document;    // in input order
  std::function<void(const std::string&)> on_message;  // warnings and errors, with file and line
};

// Reads and processes every file (from ExpandInputPaths). Each file and each input in it ends up
// in `summary` (unless the run is stopped: then the documents abandoned are not in it).
// Returns an error only for a failure that stops the run (never for bad input data).
Status ProcessInputs(const Pipeline& pipeline, const std::vector<std::string>& files,
                     const BatchOptions& options, const BatchCallbacks& callbacks,
                     RunSummary* summary);

// Writes events.csv, entities.csv, nodes.csv, edges.csv, graph.graphml, graph.gexf and
// summary.json into `out_dir` (created when missing), each file atomically.
Status WriteRunOutputs(const std::string& out_dir, const EventGraph& graph,
                       const nlohmann::json& summary);

// Deletes the temporary file that WriteFileAtomically (export/file_output.cc) is writing, if
// any. Async-signal-safe, for a signal handler that ends the process in the middle of a write:
// the half-written file is never renamed into place, and this leaves no trace of it either.
void RemovePendingTemporaryFile() noexcept;

}  // namespace sageon
