// The pipeline as a whole: creation errors name what is wrong, every stage's spans point into the
// original text, and the invariants the exporters rely on hold on every sample document.
#include "sageon/pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "sageon/base/utf8.h"
#include "sageon/batch.h"
#include "sageon/extract/entity_recognizer.h"
#include "unit/test_util.h"

namespace sageon {
namespace {

const Pipeline& ProjectPipeline() {
  static const Pipeline* const pipeline = [] {
    PipelineOptions options;
    options.dict_dir = SAGEON_TEST_DICT_DIR;
    auto created = Pipeline::Create(options);
    if (!created.ok()) {
      ADD_FAILURE() << created.status().message();
      std::abort();
    }
    return new Pipeline(std::move(created).value());
  }();
  return *pipeline;
}

Document Process(std::string text, std::optional<DateTime> reference = std::nullopt) {
  RawDocument raw;
  raw.id = "test";
  raw.text = std::move(text);
  raw.date = reference;
  Document doc = ProjectPipeline().MakeDocument(std::move(raw));
  ProjectPipeline().Process(&doc);
  return doc;
}

void ExpectSpanInside(const Document& doc, Span span, const char* what) {
  EXPECT_LE(span.begin, span.end) << what;
  EXPECT_LE(span.end, doc.text.size()) << what;
  EXPECT_EQ(utf8::FindInvalid(doc.Text(span)), std::string_view::npos)
      << what << " cuts a character: " << doc.Text(span);
}

// Invariants every stage promises: spans inside the text on character boundaries, references
// between stages valid, every event dated with at least one actor.
void ExpectInvariants(const Document& doc) {
  ASSERT_EQ(doc.text_to_original.size(), doc.text.size() + 1);
  EXPECT_EQ(doc.text_to_original.back(), doc.original.size());
  for (const Sentence& s : doc.sentences) {
    ExpectSpanInside(doc, s.span, "sentence");
    EXPECT_FALSE(s.span.empty());
  }
  for (size_t i = 1; i < doc.sentences.size(); ++i) {
    EXPECT_LE(doc.sentences[i - 1].span.end, doc.sentences[i].span.begin) << "sentences overlap";
  }
  for (const Token& t : doc.tokens) {
    ExpectSpanInside(doc, t.span, "token");
    ASSERT_LT(t.sentence, doc.sentences.size());
    const Span sentence = doc.sentences[t.sentence].span;
    EXPECT_GE(t.span.begin, sentence.begin);
    EXPECT_LE(t.span.end, sentence.end);
    std::string joined;
    for (const Morph& m : t.parts) joined += doc.Text(m.span);
    if (!t.parts.empty()) {
      EXPECT_EQ(joined, doc.Text(t.span)) << "parts make up the token";
    }
  }
  for (const TemporalExpression& d : doc.dates) ExpectSpanInside(doc, d.span, "date");
  for (const Mention& m : doc.mentions) {
    ExpectSpanInside(doc, m.span, "mention");
    ASSERT_LT(m.entity, doc.entities.size());
  }
  for (const Entity& e : doc.entities) {
    // Canonical, or for a person named only in part (김 대표, A씨) scoped to the document:
    // the canonical id, "@" and eight hex digits.
    const std::string canonical = CanonicalEntityId(e.type, e.name);
    const bool scoped = e.type == EntityType::kPerson && e.id.size() == canonical.size() + 9 &&
                        e.id.compare(0, canonical.size() + 1, canonical + "@") == 0;
    EXPECT_TRUE(e.id == canonical || scoped) << e.id;
  }
  for (const Event& e : doc.events) {
    ASSERT_LT(e.sentence, doc.sentences.size());
    ASSERT_LT(e.date, doc.dates.size());
    EXPECT_FALSE(e.actors.empty());
    EXPECT_FALSE(e.type.empty());
    for (const EventActor& a : e.actors) ASSERT_LT(a.entity, doc.entities.size());
  }
}

TEST(PipelineCreate, MissingDictionaryDirectoryIsNamed) {
  PipelineOptions options;
  options.dict_dir = "/nonexistent/sageon-dictionaries";
  auto created = Pipeline::Create(options);
  ASSERT_FALSE(created.ok());
  EXPECT_NE(created.status().message().find("/nonexistent/sageon-dictionaries"), std::string::npos);
}

TEST(PipelineCreate, UserDictionaryWithoutGazetteerColumnsIsRefused) {
  const auto path = std::filesystem::temp_directory_path() / "sageon_bad_user_dict.tsv";
  std::ofstream(path) << "word\tmeaning\n사과\tapple\n";
  PipelineOptions options;
  options.dict_dir = SAGEON_TEST_DICT_DIR;
  options.user_dictionaries.push_back(path.string());
  auto created = Pipeline::Create(options);
  std::filesystem::remove(path);
  ASSERT_FALSE(created.ok());
  EXPECT_NE(created.status().message().find("sageon_bad_user_dict.tsv"), std::string::npos);
  EXPECT_NE(created.status().message().find("name"), std::string::npos);
}

// What the tokens and entity stages made of a document, to compare two pipelines by.
std::string Describe(const Document& doc) {
  std::string out;
  for (const Token& t : doc.tokens) {
    out += std::string(doc.Text(t.span)) + "/" + std::to_string(static_cast<int>(t.tag)) + " ";
  }
  out += "\n";
  for (const Mention& m : doc.mentions) {
    out += std::string(doc.Text(m.span)) + "=" + doc.entities.at(m.entity).id + " ";
  }
  return out;
}

Document ProcessWith(const Pipeline& pipeline, std::string text) {
  RawDocument raw;
  raw.id = "test";
  raw.text = std::move(text);
  Document doc = pipeline.MakeDocument(std::move(raw));
  pipeline.Process(&doc);
  return doc;
}

TEST(PipelineWithGazetteerText, ReadsAsIfCreatedWithIt) {
  const auto path = std::filesystem::temp_directory_path() / "sageon_with_gazetteer_dict.tsv";
  // The user's file reads 라온 as an organization: it must still win over the added text.
  std::ofstream(path) << "name\ttype\taliases\n라온\tORG\t\n";
  const std::string added = "name\ttype\taliases\n서율\tPERSON\t\n라온\tPERSON\t\n";
  PipelineOptions options;
  options.dict_dir = SAGEON_TEST_DICT_DIR;
  options.user_dictionaries.push_back(path.string());
  auto base = Pipeline::Create(options);
  ASSERT_TRUE(base.ok()) << base.status().message();
  auto added_later = std::move(base).value().WithGazetteerText("discovered", added);
  options.gazetteer_texts.emplace_back("discovered", added);
  auto created_with = Pipeline::Create(options);
  std::filesystem::remove(path);
  ASSERT_TRUE(added_later.ok()) << added_later.status().message();
  ASSERT_TRUE(created_with.ok()) << created_with.status().message();

  const std::string text = "서율은 아침마다 공원을 달렸다. 라온은 서율에게 새 일을 맡겼다.";
  const Document later = ProcessWith(*added_later, text);
  EXPECT_EQ(Describe(later), Describe(ProcessWith(*created_with, text)));
  std::vector<std::string> ids;
  for (const Mention& m : later.mentions) ids.push_back(later.entities.at(m.entity).id);
  EXPECT_NE(std::find(ids.begin(), ids.end(), CanonicalEntityId(EntityType::kPerson, "서율")),
            ids.end())
      << Describe(later);
  EXPECT_NE(std::find(ids.begin(), ids.end(), CanonicalEntityId(EntityType::kOrg, "라온")),
            ids.end())
      << Describe(later);
}

TEST(PipelineWithGazetteerText, ABadGazetteerIsAnErrorNamingIt) {
  PipelineOptions options;
  options.dict_dir = SAGEON_TEST_DICT_DIR;
  auto base = Pipeline::Create(options);
  ASSERT_TRUE(base.ok()) << base.status().message();
  auto added = std::move(base).value().WithGazetteerText("found names", "name\n서율\n");
  ASSERT_FALSE(added.ok());
  EXPECT_NE(added.status().message().find("found names"), std::string::npos)
      << added.status().message();
}

TEST(Pipeline, OffsetsPointIntoTheOriginalThroughNormalization) {
  // A no-break space, a zero-width space and decomposed jamo (ᄒ ᅡ ᆫ) before the name.
  const std::string original =
      "\xE2\x80\x8B\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\xC2\xA0삼성전자는 2024년 3월 1일 "
      "새 공장 설립을 발표했다.";
  const Document doc = Process(original);
  ExpectInvariants(doc);
  bool found = false;
  for (const Mention& m : doc.mentions) {
    if (doc.Text(m.span) == "삼성전자") {
      EXPECT_EQ(doc.OriginalText(m.span), "삼성전자");
      found = true;
    }
  }
  EXPECT_TRUE(found) << "삼성전자 is recognized after the odd characters";
}

TEST(Pipeline, StopsAfterTheRequestedStage) {
  RawDocument raw;
  raw.id = "stop";
  raw.text = "오픈AI는 2023년 11월 17일 샘 알트먼을 해임했다.";
  Document doc = ProjectPipeline().MakeDocument(std::move(raw));
  ProjectPipeline().Process(&doc, Stage::kTokens);
  EXPECT_FALSE(doc.sentences.empty());
  EXPECT_FALSE(doc.tokens.empty());
  EXPECT_TRUE(doc.dates.empty());
  EXPECT_TRUE(doc.events.empty());
}

TEST(Pipeline, DocumentDateIsTheReference) {
  const Document doc = Process("어제 현대자동차가 신차를 공개했다.", DateTime{2024, 5, 2});
  ASSERT_TRUE(doc.reference.has_value());
  EXPECT_FALSE(doc.reference_inferred);
  ASSERT_FALSE(doc.dates.empty());
  EXPECT_EQ(doc.dates[0].value.Iso(), "2024-05-01");
}

TEST(Pipeline, ReferenceIsInferredFromTheTextWhenMissing) {
  const Document doc = Process("2024년 4월 10일 발표가 있었다. 이튿날이 아니라 어제 일이다.");
  ASSERT_TRUE(doc.reference.has_value());
  EXPECT_TRUE(doc.reference_inferred);
  EXPECT_EQ(FormatIso(*doc.reference, Grain::kDay), "2024-04-10");
}

TEST(Pipeline, EverySampleDocumentKeepsTheInvariants) {
  auto files = ExpandInputPaths({SAGEON_TEST_CORPUS_DIR});
  ASSERT_TRUE(files.ok()) << files.status().message();
  ASSERT_GE(files->size(), 3u);
  RunSummary summary;
  size_t documents = 0, events = 0;
  BatchCallbacks callbacks;
  callbacks.on_document = [&](const Document& doc) {
    SCOPED_TRACE(doc.id);
    ExpectInvariants(doc);
    ++documents;
    events += doc.events.size();
  };
  BatchOptions options;
  options.jobs = 2;
  ASSERT_TRUE(ProcessInputs(ProjectPipeline(), *files, options, callbacks, &summary).ok());
  EXPECT_EQ(summary.failed(), 0u);
  EXPECT_EQ(documents, summary.processed());
  EXPECT_GT(events, documents) << "the sample posts tell more events than there are posts";
}

}  // namespace
}  // namespace sageon
