// The pipeline: normalize → sentences → tokens → dates → entities → events. Create() loads every
// dictionary once (the slow, fallible step); the Pipeline is then immutable and thread-safe, and
// each document is processed independently, so documents can run on all cores.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sageon/base/status.h"
#include "sageon/document.h"
#include "sageon/input/input_reader.h"

namespace sageon {

enum class Stage { kNormalize, kSentences, kTokens, kDates, kEntities, kEvents };

struct PipelineOptions {
  // dictionaries/: empty means look it up (SAGEON_DICT_DIR, then the source tree, then next to
  // the executable); FindDictionaryDir says where it looked.
  std::string dict_dir;
  std::vector<std::string> user_dictionaries;  // --dict FILE, gazetteer format
  bool prefer_future = false;                  // --prefer future
  std::optional<DateTime> doc_date;            // --doc-date: reference for documents without one
  // A hunspell word list of general Korean words (--word-list, SAGEON_WORD_LIST); empty means
  // Debian's hunspell-ko (/usr/share/hunspell/ko.dic) when it is installed. Without one, fewer
  // names are found (only those with a cue: a title, 씨, a gazetteer entry).
  std::string word_list;
  // Gazetteers given as text, read before user_dictionaries: (source name, TSV content), such as
  // the names a batch run discovered (extract/name_discovery.h).
  std::vector<std::pair<std::string, std::string>> gazetteer_texts;
};

class Pipeline {
 public:
  static Result<Pipeline> Create(const PipelineOptions& options);

  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;
  ~Pipeline();

  // A Document ready for Process: the raw text and the reference date (the document's own date,
  // else --doc-date; else none, and the date stage infers one).
  Document MakeDocument(RawDocument&& raw) const;
  // Runs the stages up to and including `last`. Const and thread-safe.
  void Process(Document* doc, Stage last = Stage::kEvents) const;
  // EntityRecognizer::IsKnownWord: a word some dictionary of the pipeline reads.
  bool IsKnownWord(std::string_view word) const;

  // This pipeline with one more gazetteer given as text (`source` names it in errors), read as the
  // last of options.gazetteer_texts, before the --dict files: the same pipeline as Create with it
  // there. For the names a batch discovers with this very pipeline: the dictionaries and word list
  // are not read again, and only the stages that read gazetteers (tokens, entities) are built
  // again. Consumes the pipeline: std::move(pipeline).WithGazetteerText(...).
  Result<Pipeline> WithGazetteerText(std::string source, std::string content) &&;

 private:
  struct Impl;
  explicit Pipeline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The dictionaries directory: `explicit_dir` when given, else $SAGEON_DICT_DIR, else the source
// tree's dictionaries/ (a build from a checkout), else ../share/sageon/dictionaries and
// dictionaries/ beside the executable. The error lists every place tried.
Result<std::string> FindDictionaryDir(const std::string& explicit_dir);

}  // namespace sageon
