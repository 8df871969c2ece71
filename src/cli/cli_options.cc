#include "cli/cli_options.h"

#include <algorithm>
#include <boost/program_options.hpp>
#include <charconv>
#include <sstream>

namespace sageon::cli {

namespace po = boost::program_options;

namespace {

struct CommandInfo {
  const char* name;
  Command command;
  const char* summary;
};

constexpr CommandInfo kCommands[] = {
    {"run", Command::kRun,
     "run every stage and write the timeline, entities, Gephi CSV, GraphML, GEXF and summary.json"},
    {"sentences", Command::kSentences, "print sentences as JSON lines"},
    {"tokens", Command::kTokens, "print tokens (eojeols and their parts) as JSON lines"},
    {"entities", Command::kEntities, "print entity mentions (and DATE/TIME) as JSON lines"},
    {"dates", Command::kDates, "print temporal expressions as JSON lines"},
    {"events", Command::kEvents, "print events with their date and actors as JSON lines"},
    {"timeline", Command::kTimeline, "print a readable timeline: date, event, actors"},
    {"stream", Command::kStream,
     "read JSON lines, print each document's record for merge as JSON lines (a map step)"},
    {"merge", Command::kMerge,
     "merge the documents.jsonl of runs, shards or streams into one run's outputs"},
    {"discover", Command::kDiscover,
     "print the names a batch discovers (unknown nouns that recur with cues of a person) as a "
     "gazetteer for --dict"},
};

std::string TopLevelHelp() {
  std::ostringstream out;
  out << "sageon " << SAGEON_VERSION
      << ": Korean blog posts and news articles to timelines and event/actor graphs\n\n"
         "usage: sageon COMMAND [INPUT...] [OPTIONS]\n"
         "       sageon COMMAND --help | sageon --help | sageon --version\n\n"
         "commands:\n";
  for (const auto& c : kCommands) {
    out << "  " << c.name << std::string(12 - std::string_view(c.name).size(), ' ') << c.summary
        << "\n";
  }
  out << "\nINPUT is a file, a folder (its *.txt and *.jsonl files, recursively, in sorted order)\n"
         "or - for standard input. Exit codes: 0 success, 1 a data or runtime error (some input\n"
         "failed; see the messages and summary.json), 2 a usage error, 130 or 143 stopped by\n"
         "SIGINT or SIGTERM (run then writes nothing and the previous outputs stay as they "
         "were).\n";
  return out.str();
}

po::options_description CommonOptions() {
  po::options_description common("Options shared by every command");
  common.add_options()("help,h", "show this help")(
      "input-format", po::value<std::string>()->default_value("auto"),
      "text | jsonl | auto (by file extension: .jsonl and .ndjson are JSON lines)")(
      "doc-date", po::value<std::string>(),
      "reference date (YYYY-MM-DD[THH:MM[:SS]]) for documents that carry none")(
      "prefer", po::value<std::string>()->default_value("past"),
      "past | future: where a partial date such as 17일 or 화요일 falls")(
      "dict", po::value<std::vector<std::string>>()->composing(),
      "an extra gazetteer (TSV with columns name, type, aliases); may be repeated")(
      "dict-dir", po::value<std::string>(),
      "the dictionaries folder (default: $SAGEON_DICT_DIR, else the one of this build)")(
      "encoding", po::value<std::string>(),
      "read every input in this encoding instead of detecting it: any ICU converter name, "
      "e.g. cp949, euc-kr, utf-16le, utf-8")(
      "on-invalid", po::value<std::string>()->default_value("replace"),
      "replace | skip | fail: a document with bytes invalid in its encoding gets U+FFFD for "
      "them (counted in summary.json), is skipped, or fails (exit code 1); the message names "
      "the file and the byte offset")("jobs,j", po::value<unsigned>()->default_value(0),
                                      "worker threads (0: every core)")(
      "quiet,q", "no messages on stderr except errors");
  return common;
}

}  // namespace

Result<ParsedCommandLine> ParseCommandLine(int argc, const char* const* argv) {
  ParsedCommandLine parsed;
  if (argc < 2) return InvalidArgument("no command given\n\n" + TopLevelHelp());
  const std::string first = argv[1];
  if (first == "--help" || first == "-h" || first == "help") {
    parsed.text = TopLevelHelp();
    return parsed;
  }
  if (first == "--version" || first == "-V") {
    parsed.text = std::string("sageon ") + SAGEON_VERSION + "\n";
    return parsed;
  }
  const CommandInfo* info = nullptr;
  for (const auto& c : kCommands) {
    if (first == c.name) info = &c;
  }
  if (info == nullptr) {
    return InvalidArgument("unknown command '" + first + "'; see 'sageon --help'");
  }

  po::options_description visible;
  if (info->command == Command::kMerge) {
    // merge runs no stage: the input and pipeline options mean nothing to it.
    po::options_description merge("Options of merge");
    merge.add_options()("help,h", "show this help")(
        "out,o", po::value<std::string>()->default_value("output"),
        "the folder the merged exports are written to (may be one of the inputs)")(
        "quiet,q", "no messages on stderr except errors");
    visible.add(merge);
  } else {
    visible.add(CommonOptions());
  }
  if (info->command == Command::kRun || info->command == Command::kStream) {
    po::options_description shard("Options of " + std::string(info->name));
    shard.add_options()("shard", po::value<std::string>(),
                        "K/N: process only the K-th of N parts of the documents (1 <= K <= N), "
                        "chosen by a hash of each document's id; merge the parts with merge");
    if (info->command == Command::kRun) {
      shard.add_options()("out,o", po::value<std::string>()->default_value("output"),
                          "the folder the exports are written to")(
          "update",
          "add the documents to the outputs already in --out (their documents.jsonl): "
          "a document whose id is there replaces the earlier version");
    }
    visible.add(shard);
  }
  if (info->command == Command::kRun || info->command == Command::kEntities ||
      info->command == Command::kEvents || info->command == Command::kTimeline) {
    po::options_description discovery("Name discovery");
    discovery.add_options()(
        "no-discover",
        "do not read file inputs twice to discover names first (an unknown noun that comes back "
        "in several documents with particles only people take becomes a PERSON); standard "
        "input is always read once, without discovery");
    visible.add(discovery);
  }
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>(), "inputs");
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc - 1, argv + 1)
                  .options(all)
                  .positional(positional)
                  .style(po::command_line_style::unix_style)
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return InvalidArgument(std::string(e.what()) + "; see 'sageon " + info->name + " --help'");
  }
  if (vm.count("help")) {
    std::ostringstream out;
    out << "usage: sageon " << info->name << " [INPUT...] [OPTIONS]\n" << info->summary << "\n";
    if (info->command == Command::kRun) {
      out << "Defaults: INPUT corpus/, --out output/.\n";
    } else if (info->command == Command::kMerge) {
      out << "INPUT: a folder written by run or merge (its documents.jsonl), a .jsonl file of\n"
             "documents (documents.jsonl, the output of stream) or - for standard input. When\n"
             "two inputs hold a document with the same id, the later input's wins.\n";
    } else if (info->command == Command::kStream) {
      out << "INPUT defaults to - (standard input, read as JSON lines). One line is printed per\n"
             "input file and per document (failed ones too), as documents.jsonl holds them.\n";
    } else {
      out << "INPUT defaults to - (standard input).\n";
    }
    out << "\n" << visible;
    parsed.text = out.str();
    return parsed;
  }

  CliOptions options;
  options.command = info->command;
  if (vm.count("input")) options.inputs = vm["input"].as<std::vector<std::string>>();
  if (options.inputs.empty()) {
    if (info->command == Command::kMerge) {
      return InvalidArgument("merge needs at least one INPUT; see 'sageon merge --help'");
    }
    options.inputs.push_back(info->command == Command::kRun ? "corpus" : "-");
  }
  if (vm.count("shard")) {
    const std::string shard = vm["shard"].as<std::string>();
    unsigned k = 0, n = 0;
    const char* end = shard.data() + shard.size();
    const auto numerator = std::from_chars(shard.data(), end, k);
    const bool slash = numerator.ec == std::errc() && numerator.ptr != end && *numerator.ptr == '/';
    const auto denominator = slash ? std::from_chars(numerator.ptr + 1, end, n) : numerator;
    if (!slash || denominator.ec != std::errc() || denominator.ptr != end || n == 0 || k == 0 ||
        k > n) {
      return InvalidArgument("--shard must be K/N with 1 <= K <= N, not '" + shard + "'");
    }
    options.shard = k - 1;
    options.shards = n;
  }
  options.update = vm.count("update") > 0;
  options.discover = vm.count("no-discover") == 0;
  if (vm.count("out")) options.out_dir = vm["out"].as<std::string>();
  options.quiet = vm.count("quiet") > 0;
  if (info->command == Command::kMerge) {
    parsed.options = std::move(options);
    return parsed;
  }
  const std::string format = vm["input-format"].as<std::string>();
  if (format == "text") {
    options.input.format = InputFormat::kText;
  } else if (format == "jsonl") {
    options.input.format = InputFormat::kJsonl;
  } else if (format != "auto") {
    return InvalidArgument("--input-format must be text, jsonl or auto, not '" + format + "'");
  } else if (info->command == Command::kStream &&
             std::all_of(options.inputs.begin(), options.inputs.end(),
                         [](const std::string& input) { return input == "-"; })) {
    // A map step is fed JSON lines on standard input.
    options.input.format = InputFormat::kJsonl;
  }
  if (vm.count("encoding")) {
    options.input.encoding = vm["encoding"].as<std::string>();
    if (Status known = CheckEncodingName(options.input.encoding); !known.ok()) {
      return InvalidArgument("--encoding: " + known.message());
    }
  }
  const std::string on_invalid = vm["on-invalid"].as<std::string>();
  if (on_invalid == "replace") {
    options.input.on_invalid = OnInvalid::kReplace;
  } else if (on_invalid == "skip") {
    options.input.on_invalid = OnInvalid::kSkip;
  } else if (on_invalid == "fail") {
    options.input.on_invalid = OnInvalid::kFail;
  } else {
    return InvalidArgument("--on-invalid must be replace, skip or fail, not '" + on_invalid + "'");
  }
  const std::string prefer = vm["prefer"].as<std::string>();
  if (prefer != "past" && prefer != "future") {
    return InvalidArgument("--prefer must be past or future, not '" + prefer + "'");
  }
  options.pipeline.prefer_future = prefer == "future";
  if (vm.count("doc-date")) {
    auto date = ParseIsoDateTime(vm["doc-date"].as<std::string>());
    if (!date.ok()) return InvalidArgument("--doc-date: " + date.status().message());
    options.pipeline.doc_date = *date;
  }
  if (vm.count("dict"))
    options.pipeline.user_dictionaries = vm["dict"].as<std::vector<std::string>>();
  if (vm.count("dict-dir")) options.pipeline.dict_dir = vm["dict-dir"].as<std::string>();
  options.jobs = vm["jobs"].as<unsigned>();
  parsed.options = std::move(options);
  return parsed;
}

}  // namespace sageon::cli
