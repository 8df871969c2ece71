#include "sageon/batch.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <variant>

#include "sageon/export/exporters.h"

namespace sageon {

namespace {

// How many documents may be read ahead of the oldest one not yet handed back: enough to keep every
// worker busy while one slow document holds the output back, few enough that memory does not grow
// with the corpus.
constexpr size_t kInFlightPerWorker = 16;

struct PendingDocument {
  DocumentReport report;
  Document doc;
  bool done = false;  // false when the run was stopped before its turn
};
struct PendingProblem {
  InputProblem problem;
  size_t file;
};
// A file read to its end: its callback comes after its documents', whatever the timing.
struct PendingFile {
  std::string path;
  std::string reason;
};
using Pending = std::variant<PendingDocument, PendingProblem, PendingFile>;

bool Stopped(const std::atomic<bool>* stop) {
  return stop != nullptr && stop->load(std::memory_order_relaxed);
}

// Worker threads that live for the whole run, fed through a bounded window: the main thread reads
// and submits, the workers process documents in any order, and the main thread hands the results
// back strictly in input order, so the output is the same whatever the number of workers.
class OrderedPool {
 public:
  using Emit = std::function<void(Pending&)>;

  OrderedPool(const Pipeline& pipeline, Stage last, unsigned workers, const std::atomic<bool>* stop,
              Emit emit)
      : pipeline_(pipeline),
        last_(last),
        stop_(stop),
        emit_(std::move(emit)),
        capacity_(std::max<size_t>(1, workers) * kInFlightPerWorker) {
    if (workers <= 1) return;  // one worker: the main thread processes each document itself
    threads_.reserve(workers);
    for (unsigned w = 0; w < workers; ++w) threads_.emplace_back([this] { Work(); });
  }
  ~OrderedPool() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      shutdown_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  void Submit(Pending item) {
    auto slot = std::make_unique<Slot>();
    slot->item = std::move(item);
    auto* doc = std::get_if<PendingDocument>(&slot->item);
    if (doc == nullptr) {
      slot->ready = true;
    } else if (threads_.empty()) {
      Process(doc);
      slot->ready = true;
    }
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (doc != nullptr && !slot->ready) {
        todo_.push_back(slot.get());
        work_ready_.notify_one();
      }
      window_.push_back(std::move(slot));
    }
    EmitReady(capacity_);
  }
  // Waits for every document submitted and hands every result back.
  void Drain() { EmitReady(1); }

 private:
  struct Slot {
    Pending item;
    bool ready = false;  // guarded by mutex_
  };

  void Process(PendingDocument* pending) {
    if (Stopped(stop_)) return;
    pipeline_.Process(&pending->doc, last_);
    pending->done = true;
  }

  void Work() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      work_ready_.wait(lock, [this] { return shutdown_ || !todo_.empty(); });
      if (todo_.empty()) return;  // shut down with nothing left
      Slot* slot = todo_.front();
      todo_.pop_front();
      lock.unlock();
      Process(&std::get<PendingDocument>(slot->item));
      lock.lock();
      slot->ready = true;
      if (slot == window_.front().get()) front_ready_.notify_one();
    }
  }

  // Hands back the finished results at the front of the window; waits while the window holds
  // `limit` or more items (Drain: any item).
  void EmitReady(size_t limit) {
    for (;;) {
      std::unique_ptr<Slot> front;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        if (window_.empty()) return;
        if (!window_.front()->ready) {
          if (window_.size() < limit) return;
          front_ready_.wait(lock, [this] { return window_.front()->ready; });
        }
        front = std::move(window_.front());
        window_.pop_front();
      }
      emit_(front->item);  // outside the lock: the workers go on meanwhile
    }
  }

  const Pipeline& pipeline_;
  const Stage last_;
  const std::atomic<bool>* const stop_;
  const Emit emit_;
  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable front_ready_;
  std::deque<Slot*> todo_;
  std::deque<std::unique_ptr<Slot>> window_;
  bool shutdown_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace

unsigned ShardOf(std::string_view id, unsigned shards) {
  return shards <= 1 ? 0 : static_cast<unsigned>(Fnv1a64(id) % shards);
}

Status ProcessInputs(const Pipeline& pipeline, const std::vector<std::string>& files,
                     const BatchOptions& options, const BatchCallbacks& callbacks,
                     RunSummary* summary) {
  const unsigned jobs =
      options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  // Results go out in input order; after a stop, only up to the first document not processed, so
  // the output stays a prefix of the inputs.
  bool cut = false;
  auto emit = [&](Pending& item) {
    if (auto* pending = std::get_if<PendingDocument>(&item)) {
      cut = cut || !pending->done;
      if (cut) return;
      summary->AddProcessed(std::move(pending->report), pending->doc);
      if (callbacks.on_report) callbacks.on_report(summary->documents().back(), &pending->doc);
      if (callbacks.on_document) callbacks.on_document(pending->doc);
    } else if (cut) {
      return;
    } else if (auto* problem = std::get_if<PendingProblem>(&item)) {
      summary->AddProblem(problem->problem, problem->file);
      if (callbacks.on_report) callbacks.on_report(summary->documents().back(), nullptr);
    } else if (callbacks.on_file) {
      const auto& file = std::get<PendingFile>(item);
      callbacks.on_file(file.path, file.reason);
    }
  };
  OrderedPool pool(pipeline, options.last, jobs, options.stop, emit);
  auto flush = [&] { pool.Drain(); };
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
    pool.Submit(PendingDocument{std::move(report), pipeline.MakeDocument(std::move(raw))});
  };
  input.stop = [&] { return Stopped(options.stop); };
  input.waiting = flush;
  input.on_problem = [&](InputProblem&& problem) {
    if (Stopped(options.stop)) return;
    if (!in_shard(problem.id)) return;
    message((problem.failed ? "error: " : "skipped: ") + problem.source + ": " + problem.reason);
    pool.Submit(PendingProblem{std::move(problem), file_index});
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
    if (!Stopped(options.stop)) pool.Submit(PendingFile{file, reason});
  }
  flush();
  return Status::Ok();
}

Status WriteRunOutputs(const std::string& out_dir, const EventGraph& graph,
                       const FileProducer& write_documents, const FileProducer& write_summary) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) return IoError(out_dir + ": cannot create the output folder: " + ec.message());
  const std::filesystem::path dir(out_dir);
  auto write = [&](const char* name, Status (*write_file)(const EventGraph&, const PieceWriter&)) {
    return WriteFileAtomically((dir / name).string(),
                               [&](const PieceWriter& piece) { return write_file(graph, piece); });
  };
  SAGEON_RETURN_IF_ERROR(write("events.csv", WriteEventsCsv));
  SAGEON_RETURN_IF_ERROR(write("entities.csv", WriteEntitiesCsv));
  SAGEON_RETURN_IF_ERROR(write("nodes.csv", WriteNodesCsv));
  SAGEON_RETURN_IF_ERROR(write("edges.csv", WriteEdgesCsv));
  SAGEON_RETURN_IF_ERROR(write("graph.graphml", WriteGraphml));
  SAGEON_RETURN_IF_ERROR(write("graph.gexf", WriteGexf));
  SAGEON_RETURN_IF_ERROR(WriteFileAtomically((dir / "documents.jsonl").string(), write_documents));
  // The summary last: its presence says the run finished.
  return WriteFileAtomically((dir / "summary.json").string(), write_summary);
}

}  // namespace sageon
