// The command line: Boost.Program_options tables for every command, turned into CliOptions.
// Usage errors come back as a Status so main() can map them to exit code 2.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sageon/base/status.h"
#include "sageon/input/input_reader.h"
#include "sageon/pipeline.h"

namespace sageon::cli {

enum class Command {
  kRun,
  kSentences,
  kTokens,
  kEntities,
  kDates,
  kEvents,
  kTimeline,
  kStream,
  kMerge,
  kDiscover
};

struct CliOptions {
  Command command = Command::kRun;
  std::vector<std::string> inputs;
  InputOptions input;
  PipelineOptions pipeline;
  std::string out_dir = "output";
  unsigned jobs = 0;  // 0: every core
  bool quiet = false;
  // --shard K/N (run, stream): process only shard K-1 of N (BatchOptions::shard).
  unsigned shard = 0;
  unsigned shards = 1;
  // run --update: merge the new documents into the outputs already in out_dir.
  bool update = false;
  // run, entities, events, timeline: discover names over file inputs first (--no-discover).
  bool discover = true;
};

// What parsing decided: run with options, or print `text` (help, version) and exit 0.
struct ParsedCommandLine {
  std::optional<CliOptions> options;
  std::string text;
};

Result<ParsedCommandLine> ParseCommandLine(int argc, const char* const* argv);

}  // namespace sageon::cli
