// sageon: the command-line layer over sageon_core. It parses options, runs the pipeline over the
// inputs and prints or writes what the command asks for. Exit codes: 0 success, 1 a data or
// runtime error, 2 a usage error, 128 + the signal number when SIGINT or SIGTERM stopped it.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>

#include "cli/cli_options.h"
#include "cli/progress.h"
#include "sageon/batch.h"
#include "sageon/export/document_set.h"
#include "sageon/export/stage_records.h"
#include "sageon/export/timeline_text.h"
#include "sageon/extract/name_discovery.h"
#include "sageon/pipeline.h"

namespace sageon::cli {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitData = 1;
constexpr int kExitUsage = 2;

// SIGINT and SIGTERM stop a run cleanly: the handler only raises this flag, and the batch loop,
// which polls it, stops reading and abandons the documents not yet started. A second signal ends
// the process at once, after deleting the output file being written, if any.
std::atomic<bool> stop_requested{false};
volatile std::sig_atomic_t stop_signal = 0;
static_assert(std::atomic<bool>::is_always_lock_free);

void OnStopSignal(int signal) {
  if (stop_requested.load()) {
    RemovePendingTemporaryFile();
    constexpr char kMessage[] = "\nsageon: stopped at once (second signal)\n";
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
    ::_exit(128 + signal);
  }
  stop_signal = signal;
  stop_requested.store(true);
}

void InstallStopHandlers() {
  struct sigaction action = {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  // Interrupted reads and writes resume: the flag is polled between documents, not by I/O.
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

int StoppedExitCode() { return 128 + static_cast<int>(stop_signal); }

const char* StopSignalName() { return stop_signal == SIGTERM ? "SIGTERM" : "SIGINT"; }

Stage LastStage(Command command) {
  switch (command) {
    case Command::kSentences:
      return Stage::kSentences;
    case Command::kTokens:
    case Command::kDiscover:
      return Stage::kTokens;
    case Command::kDates:
      return Stage::kDates;
    case Command::kEntities:
      return Stage::kEntities;
    default:
      return Stage::kEvents;
  }
}

// One line per record, written as it is rendered: a huge document's records never sit in
// memory together.
void PrintRecords(const Document& doc, void (*visit_all)(const Document&, const RecordVisitor&)) {
  std::string line;
  visit_all(doc, [&](const nlohmann::json& r) {
    line = r.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
  });
}

// Progress is for a person watching stderr on a terminal; a command whose records go to the same
// terminal (stdout) shows none, as the two would be mixed on one line.
bool ShowsProgress(const CliOptions& options) {
  return !options.quiet && StderrIsTerminal() &&
         (options.command == Command::kRun || !::isatty(STDOUT_FILENO));
}

// Progress on a terminal's stderr around what a batch already reports: each document and file
// as it is done, and the progress line cleared before any other message.
void ShowProgress(Progress* progress, BatchCallbacks* callbacks) {
  auto on_report = std::move(callbacks->on_report);
  callbacks->on_report = [progress, on_report](const DocumentReport& report, const Document* doc) {
    if (on_report) on_report(report, doc);
    progress->Document(doc != nullptr ? doc->original.size() : 0);
  };
  auto on_file = std::move(callbacks->on_file);
  callbacks->on_file = [progress, on_file](const std::string& path, const std::string& reason) {
    if (on_file) on_file(path, reason);
    std::error_code ec;
    const auto size = path == "-" ? 0 : std::filesystem::file_size(path, ec);
    progress->File(ec ? 0 : size);
  };
  auto on_message = std::move(callbacks->on_message);
  callbacks->on_message = [progress, on_message](const std::string& message) {
    progress->Clear();
    if (on_message) on_message(message);
  };
}

// What a stopped run tells the user: how far it got and what became of the outputs.
void ReportStop(const CliOptions& options, const RunSummary& summary, size_t files,
                const std::string& outputs) {
  std::cerr << "sageon: interrupted by " << StopSignalName() << ": read " << summary.files().size()
            << " of " << files << " files; " << summary.processed() << " documents processed, "
            << summary.skipped() << " skipped, " << summary.failed() << " failed";
  if (options.command == Command::kRun) std::cerr << "; " << outputs;
  std::cerr << "\n";
}

// run --update: the documents of the run that wrote `out_dir`, as the first input, so the new
// documents replace the ones with their ids. A folder that does not exist yet, or holds no run,
// starts empty.
Status AddPreviousOutputs(const std::string& out_dir, DocumentSet* documents) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(fs::path(out_dir) / "documents.jsonl", ec)) return documents->AddInput(out_dir);
  if (fs::exists(fs::path(out_dir) / "summary.json", ec)) {
    return NotFound(out_dir +
                    " holds outputs but no documents.jsonl (written by an older "
                    "sageon): run over every input again without --update");
  }
  return Status::Ok();
}

// What run and merge write: the graph, the summary and documents.jsonl, all rebuilt from the
// documents, so the same documents give the same bytes however they were processed.
Status WriteDocuments(const CliOptions& options, std::chrono::steady_clock::time_point started,
                      DocumentSet* documents) {
  SAGEON_RETURN_IF_ERROR(documents->Finish());
  const EventGraph& graph = documents->graph();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  SAGEON_RETURN_IF_ERROR(WriteRunOutputs(
      options.out_dir, graph,
      [&](const PieceWriter& write) { return documents->WriteJsonLines(write); },
      [&](const PieceWriter& write) { return documents->WriteSummary(seconds, write); }));
  if (!options.quiet) {
    const SummaryCounts& counts = documents->counts();
    std::cerr << "sageon: " << counts.processed << " documents processed, " << counts.skipped
              << " skipped, " << counts.failed << " failed";
    if (counts.replaced > 0) std::cerr << ", " << counts.replaced << " replaced";
    std::cerr << "; " << graph.Events().size() << " events, " << graph.Actors().size()
              << " actors; wrote " << options.out_dir << "\n";
  }
  return Status::Ok();
}

// sageon merge: every input's records in one DocumentSet, written as one run would write them.
// Failed documents are reported in summary.json, not by the exit code: merge is a reducer, and a
// reducer that fails over data would fail the whole job.
int Merge(const CliOptions& options) {
  InstallStopHandlers();
  const auto started = std::chrono::steady_clock::now();
  DocumentSet documents;
  for (const std::string& input : options.inputs) {
    if (Status read = documents.AddInput(input); !read.ok()) {
      std::cerr << "sageon: " << read.message() << "\n";
      return kExitData;
    }
    if (stop_requested.load()) break;
  }
  if (stop_requested.load()) {
    std::cerr << "sageon: interrupted by " << StopSignalName() << ": nothing written: the files in "
              << options.out_dir << " are as they were\n";
    return StoppedExitCode();
  }
  if (Status written = WriteDocuments(options, started, &documents); !written.ok()) {
    std::cerr << "sageon: " << written.message() << "\n";
    return kExitData;
  }
  return stop_requested.load() ? StoppedExitCode() : kExitOk;
}

// The batch settings every processing command takes from the command line.
BatchOptions MakeBatchOptions(const CliOptions& options, Stage last) {
  BatchOptions batch;
  batch.last = last;
  batch.jobs = options.jobs;
  batch.input = options.input;
  batch.stop = &stop_requested;
  batch.shard = options.shard;
  batch.shards = options.shards;
  return batch;
}

// Warnings and errors of the batch on stderr; with --quiet, errors only.
std::function<void(const std::string&)> MessagePrinter(const CliOptions& options) {
  return [quiet = options.quiet](const std::string& message) {
    if (!quiet || message.rfind("error", 0) == 0) std::cerr << "sageon: " << message << "\n";
  };
}

// sageon stream: a map step. Each file's line and each document's line (as documents.jsonl holds
// them) go to stdout as soon as the document is done, flushed, so a Hadoop Streaming or Spark
// pipe() consumer reads them while the rest is processed. Exit code 0 when some documents failed:
// they are in the output (status "failed", and on stderr with their line), and a mapper's non-zero
// exit would make the engine retry the whole split for a fault in the data.
int Stream(const CliOptions& options) {
  InstallStopHandlers();
  auto pipeline = Pipeline::Create(options.pipeline);
  if (!pipeline.ok()) {
    std::cerr << "sageon: " << pipeline.status().message() << "\n";
    return kExitData;
  }
  auto files = ExpandInputPaths(options.inputs);
  if (!files.ok()) {
    std::cerr << "sageon: " << files.status().message() << "\n";
    return kExitData;
  }
  RunSummary summary;
  summary.KeepOnlyLatestReport();  // the records keep the reports
  const BatchOptions batch = MakeBatchOptions(options, Stage::kEvents);
  BatchCallbacks callbacks;
  callbacks.on_message = MessagePrinter(options);
  auto emit = [](std::string line) {
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fflush(stdout);
  };
  callbacks.on_report = [&](const DocumentReport& report, const Document* doc) {
    emit(DocumentRecordLine(MakeDocumentRecord(report, summary.files()[report.file].path, doc)));
  };
  callbacks.on_file = [&](const std::string& path, const std::string& reason) {
    emit(FileRecordLine(path, reason));
  };
  Progress progress(ShowsProgress(options), InputBytes(*files));
  ShowProgress(&progress, &callbacks);
  const Status status = ProcessInputs(*pipeline, *files, batch, callbacks, &summary);
  progress.Finish();
  if (!status.ok()) {
    std::cerr << "sageon: " << status.message() << "\n";
    return kExitData;
  }
  if (stop_requested.load()) {
    ReportStop(options, summary, files->size(), "");
    return StoppedExitCode();
  }
  if (!options.quiet) {
    std::cerr << "sageon: " << summary.processed() << " documents processed, " << summary.skipped()
              << " skipped, " << summary.failed() << " failed\n";
  }
  return kExitOk;
}

// run, entities, events and timeline over files read them twice: first to discover names, then
// to process the documents with them. Standard input can be read only once.
bool Discovers(const CliOptions& options, const std::vector<std::string>& files) {
  return options.discover && options.command != Command::kDiscover &&
         LastStage(options.command) >= Stage::kEntities &&
         std::none_of(files.begin(), files.end(), [](const std::string& f) { return f == "-"; });
}

// The pipeline of a batch command: with the names discovered in `files` read as one more
// gazetteer when the command discovers (the same as giving `sageon discover`'s output to --dict).
Result<Pipeline> MakeBatchPipeline(const CliOptions& options,
                                   const std::vector<std::string>& files) {
  SAGEON_ASSIGN_OR_RETURN(Pipeline pipeline, Pipeline::Create(options.pipeline));
  if (!Discovers(options, files)) return pipeline;
  SAGEON_ASSIGN_OR_RETURN(
      std::vector<DiscoveredName> names,
      DiscoverNames(pipeline, files, MakeBatchOptions(options, Stage::kTokens)));
  if (names.empty() || stop_requested.load()) return pipeline;
  return std::move(pipeline).WithGazetteerText("names discovered in the input",
                                               RenderDiscoveredNames(names));
}

// sageon discover: the names as a gazetteer on standard output.
int Discover(const CliOptions& options) {
  InstallStopHandlers();
  auto pipeline = Pipeline::Create(options.pipeline);
  auto files = ExpandInputPaths(options.inputs);
  if (!pipeline.ok() || !files.ok()) {
    std::cerr << "sageon: "
              << (pipeline.ok() ? files.status().message() : pipeline.status().message()) << "\n";
    return kExitData;
  }
  auto names = DiscoverNames(*pipeline, *files, MakeBatchOptions(options, Stage::kTokens));
  if (!names.ok()) {
    std::cerr << "sageon: " << names.status().message() << "\n";
    return kExitData;
  }
  if (stop_requested.load()) return StoppedExitCode();
  std::cout << RenderDiscoveredNames(*names);
  return kExitOk;
}

int Run(const CliOptions& options) {
  InstallStopHandlers();
  const auto started = std::chrono::steady_clock::now();
  auto files = ExpandInputPaths(options.inputs);
  if (!files.ok()) {
    std::cerr << "sageon: " << files.status().message() << "\n";
    return kExitData;
  }
  auto pipeline = MakeBatchPipeline(options, *files);
  if (!pipeline.ok()) {
    std::cerr << "sageon: " << pipeline.status().message() << "\n";
    return kExitData;
  }
  if (stop_requested.load()) {
    ReportStop(options, RunSummary(), files->size(),
               "nothing written: the files in " + options.out_dir + " are as they were");
    return StoppedExitCode();
  }

  EventGraph graph;
  RunSummary summary;
  summary.KeepOnlyLatestReport();  // the records keep the reports
  // run: every document's record, the run's outputs are rebuilt from (as merge rebuilds them).
  DocumentSet documents;
  if (options.command == Command::kRun && options.update) {
    if (Status read = AddPreviousOutputs(options.out_dir, &documents); !read.ok()) {
      std::cerr << "sageon: --update: " << read.message() << "\n";
      return kExitData;
    }
  }
  documents.BeginInput();
  const BatchOptions batch = MakeBatchOptions(options, LastStage(options.command));
  BatchCallbacks callbacks;
  callbacks.on_message = MessagePrinter(options);
  callbacks.on_document = [&](const Document& doc) {
    switch (options.command) {
      case Command::kSentences:
        PrintRecords(doc, VisitSentenceRecords);
        break;
      case Command::kTokens:
        PrintRecords(doc, VisitTokenRecords);
        break;
      case Command::kEntities:
        PrintRecords(doc, VisitEntityRecords);
        break;
      case Command::kDates:
        PrintRecords(doc, VisitDateRecords);
        break;
      case Command::kEvents:
        PrintRecords(doc, VisitEventRecords);
        break;
      case Command::kTimeline:
        graph.AddDocument(doc);
        break;
      default:
        break;
    }
  };
  if (options.command == Command::kRun) {
    callbacks.on_report = [&](const DocumentReport& report, const Document* doc) {
      documents.AddDocument(MakeDocumentRecord(report, summary.files()[report.file].path, doc));
    };
    callbacks.on_file = [&](const std::string& path, const std::string& reason) {
      documents.AddFile(path, reason);
    };
  }
  Progress progress(ShowsProgress(options), InputBytes(*files));
  ShowProgress(&progress, &callbacks);
  const Status status = ProcessInputs(*pipeline, *files, batch, callbacks, &summary);
  progress.Finish();
  if (!status.ok()) {
    std::cerr << "sageon: " << status.message() << "\n";
    return kExitData;
  }
  if (stop_requested.load()) {
    std::fflush(stdout);
    ReportStop(options, summary, files->size(),
               "nothing written: the files in " + options.out_dir + " are as they were");
    return StoppedExitCode();
  }

  if (options.command == Command::kTimeline) {
    const Status printed = WriteTimelineText(graph, [](std::string_view piece) {
      std::fwrite(piece.data(), 1, piece.size(), stdout);
      return Status::Ok();
    });
    if (!printed.ok()) std::cerr << "sageon: " << printed.message() << "\n";
  }
  if (options.command == Command::kRun) {
    if (Status written = WriteDocuments(options, started, &documents); !written.ok()) {
      std::cerr << "sageon: " << written.message() << "\n";
      return kExitData;
    }
    if (stop_requested.load()) {
      ReportStop(options, summary, files->size(),
                 "stopped while writing, after every output was written to " + options.out_dir);
      return StoppedExitCode();
    }
  }
  std::fflush(stdout);
  return summary.failed() > 0 ? kExitData : kExitOk;
}

}  // namespace
}  // namespace sageon::cli

int main(int argc, char** argv) {
  auto parsed = sageon::cli::ParseCommandLine(argc, argv);
  if (!parsed.ok()) {
    std::cerr << "sageon: " << parsed.status().message() << "\n";
    return sageon::cli::kExitUsage;
  }
  if (!parsed->options) {
    std::cout << parsed->text;
    return sageon::cli::kExitOk;
  }
  switch (parsed->options->command) {
    case sageon::cli::Command::kMerge:
      return sageon::cli::Merge(*parsed->options);
    case sageon::cli::Command::kStream:
      return sageon::cli::Stream(*parsed->options);
    case sageon::cli::Command::kDiscover:
      return sageon::cli::Discover(*parsed->options);
    default:
      return sageon::cli::Run(*parsed->options);
  }
}
