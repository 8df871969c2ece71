#include "sageon/pipeline.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "sageon/extract/date_extractor.h"
#include "sageon/extract/entity_recognizer.h"
#include "sageon/extract/event_extractor.h"
#include "sageon/normalize/normalizer.h"
#include "sageon/segment/sentence_splitter.h"
#include "sageon/tokenize/tokenizer.h"

namespace sageon {

namespace fs = std::filesystem;

struct Pipeline::Impl {
  PipelineOptions options;
  // Every dictionary, kept for WithGazetteerText: the word list alone takes a third of Create.
  DictionarySet dictionaries;
  Normalizer normalizer;
  SentenceSplitter splitter;
  Tokenizer tokenizer;
  DateExtractor dates;
  EntityRecognizer entities;
  EventExtractor events;
};

Pipeline::Pipeline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

namespace {
fs::path ExecutableDir() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : self.parent_path();
}
}  // namespace

Result<std::string> FindDictionaryDir(const std::string& explicit_dir) {
  std::vector<std::string> tried;
  auto usable = [&](const fs::path& dir) {
    std::error_code ec;
    tried.push_back(dir.string());
    return fs::is_regular_file(dir / "particles.tsv", ec);
  };
  if (!explicit_dir.empty()) {
    if (usable(explicit_dir)) return explicit_dir;
    return NotFound(explicit_dir + ": not a sageon dictionaries folder (no particles.tsv)");
  }
  if (const char* env = std::getenv("SAGEON_DICT_DIR"); env != nullptr && *env != '\0') {
    if (usable(env)) return std::string(env);
    return NotFound(std::string("SAGEON_DICT_DIR=") + env +
                    ": not a sageon dictionaries folder (no particles.tsv)");
  }
  std::vector<fs::path> candidates = {SAGEON_SOURCE_DICT_DIR};
  const fs::path exe_dir = ExecutableDir();
  if (!exe_dir.empty()) {
    candidates.push_back(exe_dir / "../share/sageon/dictionaries");
    candidates.push_back(exe_dir / "dictionaries");
  }
  candidates.push_back("dictionaries");
  for (const fs::path& dir : candidates) {
    if (usable(dir)) return dir.lexically_normal().string();
  }
  std::string message = "no dictionaries folder found; tried:";
  for (const auto& dir : tried) message += " " + dir;
  return NotFound(message + " (set --dict-dir or SAGEON_DICT_DIR)");
}

namespace {
Status LoadWordList(const std::string& explicit_path, DictionarySet* dictionaries) {
  if (!explicit_path.empty()) return dictionaries->LoadHunspellWords(explicit_path);
  if (const char* env = std::getenv("SAGEON_WORD_LIST"); env && *env) {
    return dictionaries->LoadHunspellWords(env);
  }
  // Debian's hunspell-ko, which scripts/build.sh installs; a build without it still runs.
  const std::string debian = "/usr/share/hunspell/ko.dic";
  std::error_code ec;
  if (!std::filesystem::exists(debian, ec)) return Status::Ok();
  return dictionaries->LoadHunspellWords(debian);
}

// The gazetteers of `options` in the order they are read: the texts, then the --dict files (a
// later entry overrides an earlier one's reading of a form).
Status AddUserGazetteers(const PipelineOptions& options, DictionarySet* dictionaries) {
  for (const auto& [source, content] : options.gazetteer_texts) {
    SAGEON_RETURN_IF_ERROR(dictionaries->AddUserGazetteerText(source, content));
  }
  for (const std::string& path : options.user_dictionaries) {
    SAGEON_RETURN_IF_ERROR(dictionaries->AddUserGazetteer(path));
  }
  return Status::Ok();
}
}  // namespace

Result<Pipeline> Pipeline::Create(const PipelineOptions& options) {
  SAGEON_ASSIGN_OR_RETURN(std::string dir, FindDictionaryDir(options.dict_dir));
  SAGEON_ASSIGN_OR_RETURN(DictionarySet dictionaries, DictionarySet::LoadDirectory(dir));
  SAGEON_RETURN_IF_ERROR(AddUserGazetteers(options, &dictionaries));
  SAGEON_RETURN_IF_ERROR(LoadWordList(options.word_list, &dictionaries));
  SAGEON_ASSIGN_OR_RETURN(SentenceSplitter splitter, SentenceSplitter::Create(dictionaries));
  SAGEON_ASSIGN_OR_RETURN(Tokenizer tokenizer, Tokenizer::Create(dictionaries));
  SAGEON_ASSIGN_OR_RETURN(DateExtractor dates,
                          DateExtractor::Create(dictionaries, DateOptions{options.prefer_future}));
  SAGEON_ASSIGN_OR_RETURN(EntityRecognizer entities, EntityRecognizer::Create(dictionaries));
  SAGEON_ASSIGN_OR_RETURN(EventExtractor events, EventExtractor::Create(dictionaries));
  return Pipeline(std::make_unique<Impl>(
      Impl{options, std::move(dictionaries), Normalizer(), std::move(splitter),
           std::move(tokenizer), std::move(dates), std::move(entities), std::move(events)}));
}

Result<Pipeline> Pipeline::WithGazetteerText(std::string source, std::string content) && {
  Impl& impl = *impl_;
  impl.options.gazetteer_texts.emplace_back(std::move(source), std::move(content));
  // Read again in Create's order, so that the --dict files still come last.
  impl.dictionaries.RemoveUserGazetteers();
  SAGEON_RETURN_IF_ERROR(AddUserGazetteers(impl.options, &impl.dictionaries));
  // The eojeol analyzer keeps gazetteer names whole and the recognizer reads every gazetteer; the
  // sentence, date and event stages read no gazetteer and stay as they are.
  SAGEON_ASSIGN_OR_RETURN(Tokenizer tokenizer, Tokenizer::Create(impl.dictionaries));
  SAGEON_ASSIGN_OR_RETURN(EntityRecognizer entities, EntityRecognizer::Create(impl.dictionaries));
  impl.tokenizer = std::move(tokenizer);
  impl.entities = std::move(entities);
  return Pipeline(std::move(impl_));
}

Document Pipeline::MakeDocument(RawDocument&& raw) const {
  Document doc;
  doc.id = std::move(raw.id);
  doc.source = std::move(raw.source);
  doc.title = std::move(raw.title);
  doc.url = std::move(raw.url);
  doc.original = std::move(raw.text);
  doc.reference = raw.date ? raw.date : impl_->options.doc_date;
  return doc;
}

bool Pipeline::IsKnownWord(std::string_view word) const {
  return impl_->entities.IsKnownWord(word);
}

void Pipeline::Process(Document* doc, Stage last) const {
  impl_->normalizer.Normalize(doc->original, &doc->text, &doc->text_to_original);
  if (last == Stage::kNormalize) return;
  doc->sentences = impl_->splitter.Split(doc->text);
  if (last == Stage::kSentences) return;
  doc->tokens = impl_->tokenizer.Tokenize(doc->text, doc->sentences);
  if (last == Stage::kTokens) return;
  impl_->dates.Extract(doc);
  if (last == Stage::kDates) return;
  impl_->entities.Recognize(doc);
  if (last == Stage::kEntities) return;
  impl_->events.Extract(doc);
}

}  // namespace sageon
