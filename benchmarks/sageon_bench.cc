// Throughput of each sageon stage on one core, against ICU's own word BreakIterator over the same
// Korean text in the same run (issue 3: `sageon sentences` must reach at least half of ICU's
// word-break speed). The text is assembled at run time from the project's corpus/ and, when it is
// present, ../shared/corpus/wikinews_ko.jsonl, repeated to about 8 MB; nothing is written to disk.
//
//   sageon_bench [--mb=N] [Google Benchmark flags, e.g. --benchmark_filter=Icu]
//
// After Google Benchmark's own table comes a summary: MB/s (10^6 bytes of input per second of CPU
// time) of each stage and its ratio to ICU's word BreakIterator. The pipeline is timed up to each
// stage in turn (PipelineTo*), so a stage's own rate is the difference of two of them; Run adds
// what `sageon run` does after the stages: the event graph and every export, rendered in memory.

#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sageon/document.h"
#include "sageon/export/exporters.h"
#include "sageon/graph/event_graph.h"
#include "sageon/input/input_reader.h"
#include "sageon/normalize/normalizer.h"
#include "sageon/pipeline.h"
#include "sageon/resources/dictionary_set.h"
#include "sageon/segment/sentence_splitter.h"
#include "sageon/tokenize/tokenizer.h"

namespace sageon {
namespace {

namespace fs = std::filesystem;

constexpr double kMega = 1e6;
constexpr const char* kIcuWord = "IcuWordBreak";

// Everything a benchmark reads, prepared before any timing starts.
struct BenchData {
  std::vector<RawDocument> docs;  // the corpus repeated to the target size
  std::vector<std::string> normalized;
  std::vector<std::vector<Sentence>> sentences;
  size_t original_bytes = 0;
  size_t normalized_bytes = 0;
  size_t distinct_docs = 0;
  size_t distinct_bytes = 0;
  bool has_shared = false;
};

Status ReadDocuments(const std::string& path, std::vector<RawDocument>* docs) {
  InputCallbacks callbacks;
  callbacks.on_document = [docs](RawDocument&& doc) { docs->push_back(std::move(doc)); };
  callbacks.on_problem = [](InputProblem&& problem) {
    std::fprintf(stderr, "sageon_bench: skipped %s: %s\n", problem.source.c_str(),
                 problem.reason.c_str());
  };
  return ReadInput(path, InputOptions{}, callbacks);
}

Status LoadCorpus(size_t target_bytes, BenchData* data) {
  SAGEON_ASSIGN_OR_RETURN(std::vector<std::string> paths,
                          ExpandInputPaths({SAGEON_BENCH_CORPUS_DIR}));
  const fs::path shared = fs::path(SAGEON_BENCH_SHARED_DIR) / "corpus" / "wikinews_ko.jsonl";
  std::error_code ec;
  if (fs::is_regular_file(shared, ec)) {
    paths.push_back(shared.string());
    data->has_shared = true;
  }
  std::vector<RawDocument> distinct;
  for (const std::string& path : paths) SAGEON_RETURN_IF_ERROR(ReadDocuments(path, &distinct));
  for (const RawDocument& doc : distinct) data->distinct_bytes += doc.text.size();
  if (data->distinct_bytes == 0) return NotFound("no text in " SAGEON_BENCH_CORPUS_DIR);
  data->distinct_docs = distinct.size();
  while (data->original_bytes < target_bytes) {
    for (const RawDocument& doc : distinct) {
      data->docs.push_back(doc);
      data->original_bytes += doc.text.size();
    }
  }
  return Status::Ok();
}

// One BreakIterator walked over every document, as a tokenizer built on ICU alone would.
void WalkIcuBreaks(benchmark::State& state, const BenchData& data, bool words) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> breaks(
      words ? icu::BreakIterator::createWordInstance(icu::Locale::getKorean(), status)
            : icu::BreakIterator::createSentenceInstance(icu::Locale::getKorean(), status));
  if (U_FAILURE(status)) {
    state.SkipWithError(u_errorName(status));
    return;
  }
  for (auto _ : state) {
    size_t boundaries = 0;
    for (const RawDocument& doc : data.docs) {
      UText text = UTEXT_INITIALIZER;
      utext_openUTF8(&text, doc.text.data(), static_cast<int64_t>(doc.text.size()), &status);
      breaks->setText(&text, status);
      for (int32_t b = breaks->first(); b != icu::BreakIterator::DONE; b = breaks->next()) {
        ++boundaries;
      }
      utext_close(&text);
    }
    benchmark::DoNotOptimize(boundaries);
  }
  if (U_FAILURE(status)) state.SkipWithError(u_errorName(status));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(data.original_bytes));
}

void SetBytes(benchmark::State& state, size_t bytes_per_iteration) {
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes_per_iteration));
}

// Captures bytes/s of each benchmark while printing Google Benchmark's usual table.
class CapturingReporter : public benchmark::ConsoleReporter {
 public:
  // Colors only on a terminal: a display reporter given to RunSpecifiedBenchmarks does not get
  // --benchmark_color's automatic choice.
  CapturingReporter() : ConsoleReporter(isatty(fileno(stdout)) ? OO_ColorTabular : OO_Tabular) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.error_occurred) continue;
      const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
      if (run.run_type != Run::RT_Iteration && !median) continue;
      const auto it = run.counters.find("bytes_per_second");
      if (it == run.counters.end()) continue;
      // With --benchmark_repetitions the median stands for the benchmark.
      const std::string name = run.run_name.function_name;
      if (median || !has_median_.contains(name)) rates_[name] = it->second.value;
      if (median) has_median_.insert(name);
    }
    ConsoleReporter::ReportRuns(runs);
  }
  const std::map<std::string, double>& rates() const { return rates_; }

 private:
  std::map<std::string, double> rates_;
  std::set<std::string> has_median_;
};

struct Row {
  const char* name;
  const char* what;
};

constexpr Row kRows[] = {
    {kIcuWord, "ICU word BreakIterator (baseline)"},
    {"IcuSentenceBreak", "ICU sentence BreakIterator"},
    {"Normalize", "sageon Normalizer::Normalize"},
    {"Split", "sageon SentenceSplitter::Split (normalized)"},
    {"NormalizeAndSplit", "Normalize + Split (= sageon sentences)"},
    {"Tokenize", "sageon Tokenizer::Tokenize (normalized)"},
    {"PipelineToTokens", "Pipeline up to tokens"},
    {"PipelineToDates", "Pipeline up to dates"},
    {"PipelineToEntities", "Pipeline up to entities"},
    {"Pipeline", "Pipeline::Process, every stage"},
    {"Run", "sageon run: every stage, graph and exports"},
};

// A stage's own rate, from the pipeline timed up to it and up to the stage before it.
struct StageRow {
  const char* with;
  const char* without;
  const char* what;
};

constexpr StageRow kStageRows[] = {
    {"PipelineToDates", "PipelineToTokens", "dates stage alone"},
    {"PipelineToEntities", "PipelineToDates", "entities stage alone"},
    {"Pipeline", "PipelineToEntities", "events stage alone"},
    {"Run", "Pipeline", "graph and exports alone"},
};

void PrintSummary(const BenchData& data, const std::map<std::string, double>& rates) {
  std::printf("\nsageon_bench: %.1f MB in %zu documents (%zu distinct, %.2f MB; %s)\n",
              static_cast<double>(data.original_bytes) / kMega, data.docs.size(),
              data.distinct_docs, static_cast<double>(data.distinct_bytes) / kMega,
              data.has_shared ? "corpus/ + ../shared/corpus/wikinews_ko.jsonl"
                              : "corpus/ only: ../shared is absent");
  const auto base = rates.find(kIcuWord);
  std::printf("%-46s %10s %14s\n", "stage (one thread)", "MB/s", "x ICU word");
  for (const Row& row : kRows) {
    const auto it = rates.find(row.name);
    if (it == rates.end()) continue;
    std::printf("%-46s %10.2f", row.what, it->second / kMega);
    if (base != rates.end() && base->second > 0) {
      std::printf(" %14.3f", it->second / base->second);
    }
    std::printf("\n");
  }
  for (const StageRow& row : kStageRows) {
    const auto with = rates.find(row.with);
    const auto without = rates.find(row.without);
    if (with == rates.end() || without == rates.end() || with->second <= 0 ||
        without->second <= 0) {
      continue;
    }
    // Seconds per byte add up along the pipeline; a difference at or below zero is noise.
    const double seconds_per_byte = 1 / with->second - 1 / without->second;
    if (seconds_per_byte <= 0) continue;
    std::printf("%-46s %10.2f", row.what, 1 / seconds_per_byte / kMega);
    if (base != rates.end() && base->second > 0) {
      std::printf(" %14.3f", 1 / seconds_per_byte / base->second);
    }
    std::printf("\n");
  }
  const auto run = rates.find("Run");
  if (base != rates.end() && run != rates.end() && base->second > 0) {
    const double ratio = run->second / base->second;
    std::printf("goal: sageon run >= 0.3 x ICU word breaks: %.3f (%s)\n", ratio,
                ratio >= 0.3 ? "met" : "NOT met");
  }
  const auto sentences = rates.find("NormalizeAndSplit");
  if (base != rates.end() && sentences != rates.end() && base->second > 0) {
    const double ratio = sentences->second / base->second;
    std::printf("goal: sageon sentences >= 0.5 x ICU word breaks: %.3f (%s)\n", ratio,
                ratio >= 0.5 ? "met" : "NOT met");
  }
}

int Main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  size_t target_mb = 8;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with("--mb=")) {
      target_mb = std::strtoul(argv[i] + 5, nullptr, 10);
      if (target_mb == 0) {
        std::fprintf(stderr, "sageon_bench: --mb wants a positive number of megabytes\n");
        return 2;
      }
    } else {
      std::fprintf(stderr, "sageon_bench: unknown option '%s' (--mb=N, --benchmark_*)\n", argv[i]);
      return 2;
    }
  }

  BenchData data;
  if (Status s = LoadCorpus(target_mb * 1000 * 1000, &data); !s.ok()) {
    std::fprintf(stderr, "sageon_bench: %s\n", s.message().c_str());
    return 1;
  }
  Result<std::string> dict_dir = FindDictionaryDir("");
  if (!dict_dir.ok()) {
    std::fprintf(stderr, "sageon_bench: %s\n", dict_dir.status().message().c_str());
    return 1;
  }
  Result<DictionarySet> dictionaries = DictionarySet::LoadDirectory(*dict_dir);
  if (!dictionaries.ok()) {
    std::fprintf(stderr, "sageon_bench: %s\n", dictionaries.status().message().c_str());
    return 1;
  }
  Result<SentenceSplitter> splitter = SentenceSplitter::Create(*dictionaries);
  Result<Tokenizer> tokenizer = Tokenizer::Create(*dictionaries);
  Result<Pipeline> pipeline = Pipeline::Create(PipelineOptions{});
  for (const Status& s : {splitter.status(), tokenizer.status(), pipeline.status()}) {
    if (!s.ok()) {
      std::fprintf(stderr, "sageon_bench: %s\n", s.message().c_str());
      return 1;
    }
  }
  const Normalizer normalizer;

  // The inputs of the later stages, computed once so each benchmark times its own stage only.
  for (const RawDocument& doc : data.docs) {
    std::string text;
    std::vector<uint32_t> map;
    normalizer.Normalize(doc.text, &text, &map);
    data.sentences.push_back(splitter->Split(text));
    data.normalized_bytes += text.size();
    data.normalized.push_back(std::move(text));
  }

  const BenchData& d = data;
  // Every benchmark walks the whole text per iteration: milliseconds read better than ns.
  auto add = [](const char* name, auto body) {
    benchmark::RegisterBenchmark(name, body)->Unit(benchmark::kMillisecond);
  };
  add(kIcuWord, [&d](benchmark::State& state) { WalkIcuBreaks(state, d, /*words=*/true); });
  add("IcuSentenceBreak",
      [&d](benchmark::State& state) { WalkIcuBreaks(state, d, /*words=*/false); });
  add("Normalize", [&d, &normalizer](benchmark::State& state) {
    for (auto _ : state) {
      for (const RawDocument& doc : d.docs) {
        // Fresh buffers per document, as the CLI's Documents have.
        std::string text;
        std::vector<uint32_t> map;
        normalizer.Normalize(doc.text, &text, &map);
        benchmark::DoNotOptimize(text.data());
      }
    }
    SetBytes(state, d.original_bytes);
  });
  add("Split", [&d, &splitter](benchmark::State& state) {
    for (auto _ : state) {
      for (const std::string& text : d.normalized) {
        std::vector<Sentence> sentences = splitter->Split(text);
        benchmark::DoNotOptimize(sentences.data());
      }
    }
    SetBytes(state, d.normalized_bytes);
  });
  add("NormalizeAndSplit", [&d, &normalizer, &splitter](benchmark::State& state) {
    for (auto _ : state) {
      for (const RawDocument& doc : d.docs) {
        std::string text;
        std::vector<uint32_t> map;
        normalizer.Normalize(doc.text, &text, &map);
        std::vector<Sentence> sentences = splitter->Split(text);
        benchmark::DoNotOptimize(sentences.data());
      }
    }
    SetBytes(state, d.original_bytes);
  });
  add("Tokenize", [&d, &tokenizer](benchmark::State& state) {
    for (auto _ : state) {
      for (size_t i = 0; i < d.normalized.size(); ++i) {
        std::vector<Token> tokens = tokenizer->Tokenize(d.normalized[i], d.sentences[i]);
        benchmark::DoNotOptimize(tokens.data());
      }
    }
    SetBytes(state, d.normalized_bytes);
  });
  auto add_pipeline = [&](const char* name, Stage last) {
    add(name, [&d, &pipeline, last](benchmark::State& state) {
      for (auto _ : state) {
        for (const RawDocument& raw : d.docs) {
          Document doc = pipeline->MakeDocument(RawDocument(raw));
          pipeline->Process(&doc, last);
          benchmark::DoNotOptimize(doc.text.data());
        }
      }
      SetBytes(state, d.original_bytes);
    });
  };
  add_pipeline("PipelineToTokens", Stage::kTokens);
  add_pipeline("PipelineToDates", Stage::kDates);
  add_pipeline("PipelineToEntities", Stage::kEntities);
  add_pipeline("Pipeline", Stage::kEvents);
  // What `sageon run` does on one job, less reading the input and writing the files.
  add("Run", [&d, &pipeline](benchmark::State& state) {
    for (auto _ : state) {
      EventGraph graph;
      for (const RawDocument& raw : d.docs) {
        Document doc = pipeline->MakeDocument(RawDocument(raw));
        pipeline->Process(&doc);
        graph.AddDocument(doc);
      }
      size_t bytes = RenderEventsCsv(graph).size() + RenderEntitiesCsv(graph).size() +
                     RenderNodesCsv(graph).size() + RenderEdgesCsv(graph).size();
      if (Result<std::string> graphml = RenderGraphml(graph); graphml.ok()) {
        bytes += graphml->size();
      }
      if (Result<std::string> gexf = RenderGexf(graph); gexf.ok()) bytes += gexf->size();
      benchmark::DoNotOptimize(bytes);
    }
    SetBytes(state, d.original_bytes);
  });
  CapturingReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  PrintSummary(data, reporter.rates());
  return 0;
}

}  // namespace
}  // namespace sageon

int main(int argc, char** argv) { return sageon::Main(argc, argv); }
