// sageon: the command-line layer over sageon_core. It parses options, runs the pipeline over the
// inputs and prints or writes what the command asks for. Exit codes: 0 success, 1 a data or
// runtime error, 2 a usage error, 128 + the signal number when SIGINT or SIGTERM stopped it.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>

#include "cli/cli_options.h"
#include "sageon/batch.h"
#include "sageon/export/stage_records.h"
#include "sageon/export/timeline_text.h"
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
// memory twice.
void PrintRecords(const std::vector<nlohmann::json>& records) {
  std::string line;
  for (const auto& r : records) {
    line = r.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
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

int Run(const CliOptions& options) {
  InstallStopHandlers();
  const auto started = std::chrono::steady_clock::now();
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

  EventGraph graph;
  RunSummary summary;
  BatchOptions batch;
  batch.last = LastStage(options.command);
  batch.jobs = options.jobs;
  batch.input = options.input;
  batch.stop = &stop_requested;
  BatchCallbacks callbacks;
  callbacks.on_message = [&](const std::string& message) {
    if (!options.quiet || message.rfind("error", 0) == 0)
      std::cerr << "sageon: " << message << "\n";
  };
  callbacks.on_document = [&](const Document& doc) {
    switch (options.command) {
      case Command::kSentences:
        PrintRecords(SentenceRecords(doc));
        break;
      case Command::kTokens:
        PrintRecords(TokenRecords(doc));
        break;
      case Command::kEntities:
        PrintRecords(EntityRecords(doc));
        break;
      case Command::kDates:
        PrintRecords(DateRecords(doc));
        break;
      case Command::kEvents:
        PrintRecords(EventRecords(doc));
        break;
      case Command::kRun:
      case Command::kTimeline:
        graph.AddDocument(doc);
        break;
    }
  };
  if (Status status = ProcessInputs(*pipeline, *files, batch, callbacks, &summary); !status.ok()) {
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
    const std::string text = RenderTimelineText(graph);
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
  if (options.command == Command::kRun) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (Status written =
            WriteRunOutputs(options.out_dir, graph, summary.ToJson(*files, graph, seconds));
        !written.ok()) {
      std::cerr << "sageon: " << written.message() << "\n";
      return kExitData;
    }
    if (stop_requested.load()) {
      ReportStop(options, summary, files->size(),
                 "stopped while writing, after every output was written to " + options.out_dir);
      return StoppedExitCode();
    }
    if (!options.quiet) {
      std::cerr << "sageon: " << summary.processed() << " documents processed, "
                << summary.skipped() << " skipped, " << summary.failed() << " failed; "
                << graph.Events().size() << " events, " << graph.Actors().size()
                << " actors; wrote " << options.out_dir << "\n";
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
  return sageon::cli::Run(*parsed->options);
}
