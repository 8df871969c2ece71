// Corpus-level name discovery: an unknown noun that comes back in several documents with
// particles, once at least with a cue only people take, becomes a PERSON; anything short of that
// stays unread, and the names found read like a --dict gazetteer.
#include "sageon/extract/name_discovery.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "unit/test_util.h"

namespace sageon {
namespace {

using ::sageon::testing::TempDir;

Pipeline MakePipeline(std::vector<std::pair<std::string, std::string>> gazetteers = {}) {
  PipelineOptions options;
  options.dict_dir = SAGEON_TEST_DICT_DIR;
  options.gazetteer_texts = std::move(gazetteers);
  auto created = Pipeline::Create(options);
  if (!created.ok()) {
    ADD_FAILURE() << created.status().message();
    std::abort();
  }
  return std::move(created).value();
}

const Pipeline& ProjectPipeline() {
  static const Pipeline* const pipeline = new Pipeline(MakePipeline());
  return *pipeline;
}

Document Tokenized(const Pipeline& pipeline, std::string text, Stage last = Stage::kTokens) {
  RawDocument raw;
  raw.id = "test";
  raw.text = std::move(text);
  Document doc = pipeline.MakeDocument(std::move(raw));
  pipeline.Process(&doc, last);
  return doc;
}

std::vector<std::string> Promoted(const std::vector<std::string>& documents) {
  NameCounter counter;
  for (const std::string& text : documents) counter.Observe(Tokenized(ProjectPipeline(), text));
  std::vector<std::string> names;
  for (const DiscoveredName& name :
       counter.Promote([](std::string_view word) { return ProjectPipeline().IsKnownWord(word); })) {
    EXPECT_EQ(name.type, EntityType::kPerson) << name.name;
    names.push_back(name.name);
  }
  return names;
}

TEST(NameDiscoveryTest, RecurringNounWithACueOfAPersonIsPromoted) {
  EXPECT_EQ(Promoted({"서율은 아침마다 공원을 달렸다.", "어머니는 서율에게 편지를 썼다.",
                      "서율의 꿈은 화가였다."}),
            std::vector<std::string>{"서율"});
  // A word of kinship after the bare name is the cue as well (서율 아버지).
  EXPECT_EQ(Promoted({"서율 아버지는 웃었다.", "서율은 집에 갔다.", "서율의 가방이 있다."}),
            std::vector<std::string>{"서율"});
}

TEST(NameDiscoveryTest, NothingShortOfTheEvidenceIsPromoted) {
  // No particle only people take: a thing, however often it comes back.
  EXPECT_TRUE(Promoted({"콩타래는 맛있다.", "콩타래를 샀다.", "콩타래의 값이 올랐다."}).empty());
  // One document only: the batch has not seen it twice.
  EXPECT_TRUE(Promoted({"서율은 서율에게 서율의 편지를 주었다."}).empty());
  // Mostly without a particle: not used as a noun of its own.
  EXPECT_TRUE(Promoted({"서율에게 갔다.", "서율 서율 서율.", "서율은 갔다."}).empty());
  // A word the dictionaries know (a title, a listed name) is never discovered.
  EXPECT_TRUE(Promoted({"대표에게 물었다.", "대표는 답했다.", "대표의 말이다."}).empty());
}

TEST(NameDiscoveryTest, DiscoveredNamesReadAsAGazetteer) {
  const std::vector<DiscoveredName> names = {
      DiscoveredName{"서율", EntityType::kPerson, NameEvidence{3, 3, 0, 1}}};
  const std::string tsv = RenderDiscoveredNames(names);
  EXPECT_NE(tsv.find("name\ttype\taliases\tdocuments\twith_particle\tanimate\n"),
            std::string::npos);
  EXPECT_NE(tsv.find("서율\tPERSON\t\t3\t3\t1\n"), std::string::npos) << tsv;

  const Document without = Tokenized(ProjectPipeline(), "서율은 공원을 달렸다.", Stage::kEntities);
  EXPECT_TRUE(without.mentions.empty());
  const Pipeline with_names = MakePipeline({{"discovered", tsv}});
  const Document with = Tokenized(with_names, "서율은 공원을 달렸다.", Stage::kEntities);
  ASSERT_EQ(with.mentions.size(), 1u);
  EXPECT_EQ(with.Text(with.mentions[0].span), "서율");
  EXPECT_EQ(with.entities[with.mentions[0].entity].type, EntityType::kPerson);
}

TEST(NameDiscoveryTest, DiscoverNamesReadsEveryShard) {
  TempDir dir;
  const std::string path = dir.Write("docs.jsonl",
                                     "{\"id\":\"a\",\"text\":\"서율은 아침마다 공원을 달렸다.\"}\n"
                                     "{\"id\":\"b\",\"text\":\"어머니는 서율에게 편지를 썼다.\"}\n"
                                     "{\"id\":\"c\",\"text\":\"서율의 꿈은 화가였다.\"}\n");
  for (unsigned shard = 0; shard < 3; ++shard) {
    BatchOptions options;
    options.jobs = 2;
    options.shard = shard;
    options.shards = 3;
    auto names = DiscoverNames(ProjectPipeline(), {path}, options);
    ASSERT_TRUE(names.ok()) << names.status().message();
    ASSERT_EQ(names->size(), 1u) << "shard " << shard;
    EXPECT_EQ((*names)[0].name, "서율");
    EXPECT_EQ((*names)[0].evidence.documents, 3u);
  }
}

}  // namespace
}  // namespace sageon
