// sageon: the command-line layer over sageon_core. It parses options, runs the pipeline over the
// inputs and prints or writes what the command asks for. Exit codes: 0 success, 1 a data or
// runtime error, 2 a usage error.
#include <unistd.h>

#include <chrono>
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

void PrintRecords(const std::vector<nlohmann::json>& records) {
  std::string out;
  for (const auto& r : records) {
    out += r.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
}

int Run(const CliOptions& options) {
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
