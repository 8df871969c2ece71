#include "sageon/batch.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>
#include <variant>

#include "sageon/export/exporters.h"

namespace sageon {

namespace {

// Documents are processed in batches of this many: enough to keep every core busy, few enough
// that memory does not grow with the corpus.
constexpr size_t kBatchSize = 64;

struct PendingDocument {
  DocumentReport report;
  Document doc;
  bool done = false;  // false when the run was stopped before its turn
};
struct PendingProblem {
  InputProblem problem;
  size_t file;
};
using Pending = std::variant<PendingDocument, PendingProblem>;

bool Stopped(const std::atomic<bool>* stop) {
  return stop != nullptr && stop->load(std::memory_order_relaxed);
}

void ProcessBatch(const Pipeline& pipeline, Stage last, unsigned jobs,
                  const std::atomic<bool>* stop, std::vector<Pending>* batch) {
  std::vector<PendingDocument*> docs;
  for (Pending& item : *batch) {
    if (auto* pending = std::get_if<PendingDocument>(&item)) docs.push_back(pending);
  }
  auto process = [&](PendingDocument* pending) {
    if (Stopped(stop)) return;
    pipeline.Process(&pending->doc, last);
    pending->done = true;
  };
  const unsigned workers = std::min<unsigned>(jobs, static_cast<unsigned>(docs.size()));
  if (workers <= 1) {
    for (PendingDocument* pending : docs) process(pending);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> threads;
  threads.reserve(workers);
  for (unsigned w = 0; w < workers; ++w) {
    threads.emplace_back([&] {
      for (size_t i = next++; i < docs.size(); i = next++) process(docs[i]);
    });
  }
  for (std::thread& t : threads) t.join();
}

}  // namespace

unsigned ShardOf(std::string_view id, unsigned shards) {
  return shards <= 1 ? 0 : static_cast<unsigned>(Fnv1a64(id) % shards);
}

Status ProcessInputs(const Pipeline& pipeline, const std::vector<std::string>& files,
                     const BatchOptions& options, const BatchCallbacks& callbacks,
                     RunSummary* summary) {
  const unsigned jobs =
      options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<Pending> batch;
  // Results go out in input order; after a stop, only up to the first document not processed, so
  // the output stays a prefix of the inputs.
  bool cut = false;
  auto flush = [&] {
    ProcessBatch(pipeline, options.last, jobs, options.stop, &batch);
    for (Pending& item : batch) {
      if (auto* pending = std::get_if<PendingDocument>(&item)) {
        cut = cut || !pending->done;
        if (cut) continue;
        summary->AddProcessed(std::move(pending->report), pending->doc);
        if (callbacks.on_report) callbacks.on_report(summary->documents().back(), &pending->doc);
        if (callbacks.on_document) callbacks.on_document(pending->doc);
      } else if (!cut) {
        const auto& problem = std::get<PendingProblem>(item);
        summary->AddProblem(problem.problem, problem.file);
        if (callbacks.on_report) callbacks.on_report(summary->documents().back(), nullptr);
      }
    }
    batch.clear();
  };
  auto message = [&](const std::string& text) {
    if (callbacks.on_message) callbacks.on_message(text);
  };
  auto in_shard = [&](std::string_view id) {
    return options.shards <= 1 || ShardOf(id, options.shards) == options.shard;
  };
  size_t file_index = 0;
  InputCallbacks input;
  input.on_document = [&](RawDocument&& raw) {
    if (Stopped(options.stop)) return;  // the rest of a JSON lines file
    if (!in_shard(raw.id)) return;
    for (const std::string& warning : raw.warnings) message("warning: " + warning);
    DocumentReport report = RunSummary::Begin(raw, file_index);
    batch.emplace_back(PendingDocument{std::move(report), pipeline.MakeDocument(std::move(raw))});
    if (batch.size() >= kBatchSize) flush();
  };
  input.stop = [&] { return Stopped(options.stop); };
  input.on_problem = [&](InputProblem&& problem) {
    if (Stopped(options.stop)) return;
    if (!in_shard(problem.id)) return;
    message((problem.failed ? "error: " : "skipped: ") + problem.source + ": " + problem.reason);
    batch.emplace_back(PendingProblem{std::move(problem), file_index});
  };
  for (const std::string& file : files) {
    if (Stopped(options.stop)) break;
    file_index = summary->AddFile(file);
    std::string reason;
    if (Status read = ReadInput(file, options.input, input); !read.ok()) {
      if (read.code() == StatusCode::kInvalidArgument) return read;  // an unknown encoding
      flush();
      reason = read.message();
      // Every shard names the file's failure; one shard, as for a document, counts it.
      if (in_shard(file)) {
        message("error: " + reason);
        summary->AddUnreadable(file_index, reason);
        if (callbacks.on_report) callbacks.on_report(summary->documents().back(), nullptr);
      } else {
        summary->SetFileReason(file_index, reason);
      }
    }
    if (callbacks.on_file && !Stopped(options.stop)) callbacks.on_file(file, reason);
  }
  flush();
  return Status::Ok();
}

Status WriteRunOutputs(const std::string& out_dir, const EventGraph& graph,
                       std::string_view documents_jsonl, const nlohmann::json& summary) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) return IoError(out_dir + ": cannot create the output folder: " + ec.message());
  const std::filesystem::path dir(out_dir);
  auto write = [&](const char* name, std::string_view content) {
    return WriteFileAtomically((dir / name).string(), content);
  };
  SAGEON_RETURN_IF_ERROR(write("events.csv", RenderEventsCsv(graph)));
  SAGEON_RETURN_IF_ERROR(write("entities.csv", RenderEntitiesCsv(graph)));
  SAGEON_RETURN_IF_ERROR(write("nodes.csv", RenderNodesCsv(graph)));
  SAGEON_RETURN_IF_ERROR(write("edges.csv", RenderEdgesCsv(graph)));
  SAGEON_ASSIGN_OR_RETURN(std::string graphml, RenderGraphml(graph));
  SAGEON_RETURN_IF_ERROR(write("graph.graphml", graphml));
  SAGEON_ASSIGN_OR_RETURN(std::string gexf, RenderGexf(graph));
  SAGEON_RETURN_IF_ERROR(write("graph.gexf", gexf));
  SAGEON_RETURN_IF_ERROR(write("documents.jsonl", documents_jsonl));
  // The summary last: its presence says the run finished.
  return write("summary.json", summary.dump(2) + "\n");
}

}  // namespace sageon
