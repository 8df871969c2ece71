#include "sageon/normalize/normalizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sageon {
namespace {

struct Normalized {
  std::string text;
  std::vector<uint32_t> map;
};

Normalized NormalizeText(std::string_view original) {
  Normalized out;
  Normalizer().Normalize(original, &out.text, &out.map);
  return out;
}

// The invariants every stage relies on: one entry per byte and one past the end, monotone, and
// the end maps to the end of the original.
void ExpectMapInvariants(std::string_view original, const Normalized& n) {
  ASSERT_EQ(n.map.size(), n.text.size() + 1);
  EXPECT_EQ(n.map.back(), original.size());
  for (size_t k = 1; k < n.map.size(); ++k) {
    EXPECT_LE(n.map[k - 1], n.map[k]) << "at byte " << k;
  }
  for (uint32_t o : n.map) EXPECT_LE(o, original.size());
}

struct Case {
  const char* name;
  std::string original;
  std::string expected;
};

class NormalizerCaseTest : public ::testing::TestWithParam<Case> {};

TEST_P(NormalizerCaseTest, NormalizesAndKeepsMap) {
  const Case& c = GetParam();
  const Normalized n = NormalizeText(c.original);
  EXPECT_EQ(n.text, c.expected);
  ExpectMapInvariants(c.original, n);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NormalizerCaseTest,
    ::testing::Values(
        Case{"clean_korean", "샘 알트먼이 복귀했다.", "샘 알트먼이 복귀했다."},
        Case{"clean_mixed", "OpenAI CEO 샘 알트먼 (2023. 11. 17.)\n\t끝",
             "OpenAI CEO 샘 알트먼 (2023. 11. 17.)\n\t끝"},
        // ᄒ + ᅡ + ᆫ (conjoining jamo, as some Mac and PDF text arrives) is 한.
        Case{"decomposed_hangul", "\u1112\u1161\u11AB\u1100\u1173\u11AF", "한글"},
        // A precomposed syllable followed by a final jamo composes too: 가 + ᆨ → 각.
        Case{"syllable_plus_final", "가\u11A8", "각"},
        Case{"latin_combining", "Cafe\u0301 re\u0301sume\u0301", "Café résumé"},
        Case{"angstrom_singleton", "\u212B", "\u00C5"},
        Case{"nbsp", "오픈AI\u00A0이사회", "오픈AI 이사회"},
        Case{"ideographic_space", "샘\u3000알트먼", "샘 알트먼"},
        Case{"narrow_nbsp_and_en_space", "11월\u202F17일\u2002발표\u205F끝", "11월 17일 발표 끝"},
        Case{"zero_width", "알\u200B트\u200C먼\u200D의\u2060 \uFEFF해임", "알트먼의 해임"},
        Case{"controls", "해임\r\n복귀\x01\x7F\u0085끝", "해임\n복귀끝"}, Case{"empty", "", ""},
        // Found by fuzz/normalizer_fuzzer: what a dropped character separated is adjacent once it
        // is gone and must compose (ᄀ + control + ᅳ → 그), else the text is not NFC and
        // normalizing it again changes it.
        Case{"jamo_around_control", "\u1100\x1E\u1173", "\uADF8"},
        Case{"syllable_zwsp_final", "가\u200B\u11A8", "각"},
        // Marks split by a zero-width space are put in canonical order as one sequence.
        Case{"marks_around_zwsp", "a\u0301\u200B\u0323", "\u1EA1\u0301"}),
    [](const ::testing::TestParamInfo<Case>& param_info) {
      return std::string(param_info.param.name);
    });

TEST(NormalizerTest, CleanTextIsCopiedWithIdentityMap) {
  const std::string original = "지난 11월, 생성형 AI 업계에\n흥미로운(?) 사건이 발생했습니다.";
  const Normalized n = NormalizeText(original);
  EXPECT_EQ(n.text, original);
  for (size_t k = 0; k < n.map.size(); ++k) EXPECT_EQ(n.map[k], k);
}

TEST(NormalizerTest, ComposedClusterMapsToClusterStart) {
  const std::string original = "ab \u1112\u1161\u11AB 글";
  const Normalized n = NormalizeText(original);
  ASSERT_EQ(n.text, "ab 한 글");
  // "한" is bytes 3..5 of the text; all three come from the first jamo at byte 3.
  EXPECT_EQ(n.map[3], 3u);
  EXPECT_EQ(n.map[4], 3u);
  EXPECT_EQ(n.map[5], 3u);
  // The space after it is byte 6 of the text and byte 3 + 9 (three 3-byte jamo) of the original.
  EXPECT_EQ(n.map[6], 12u);
  EXPECT_EQ(n.text.substr(7), "글");
  EXPECT_EQ(n.map[7], 13u);
}

TEST(NormalizerTest, DroppedCharactersShiftTheMap) {
  const std::string original = "가\u200B나";  // ZWSP is 3 bytes
  const Normalized n = NormalizeText(original);
  ASSERT_EQ(n.text, "가나");
  EXPECT_EQ(n.map[3], 6u);  // 나 starts after the dropped ZWSP
  EXPECT_EQ(n.map[6], original.size());
}

TEST(NormalizerTest, MarkAfterDroppedCharacterKeepsItsOrigin) {
  const std::string original = "x\u200B\u0301";  // no precomposed x with acute: stays two
  const Normalized n = NormalizeText(original);
  ExpectMapInvariants(original, n);
  ASSERT_EQ(n.text, "x\u0301");
  EXPECT_EQ(n.map[0], 0u);
  EXPECT_EQ(n.map[1], 4u);  // the mark's bytes come after the 3-byte ZWSP
  EXPECT_EQ(n.map[2], 5u);
}

TEST(NormalizerTest, NormalizedTextIsStable) {
  for (const std::string original :
       {"\u1100\x1E\u1173", "가\u200B\u11A8 나", "a\u0301\u200B\u0323", "\u1112\u1161\u11AB"}) {
    const Normalized once = NormalizeText(original);
    EXPECT_EQ(NormalizeText(once.text).text, once.text) << original;
  }
}

TEST(NormalizerTest, SpansReadBackOnMixedText) {
  const std::string original =
      "\uFEFF[속보]\u00A0오픈AI,\u3000샘 알트먼 해임\r\n\u1112\u1161\u11AB국 시간 "
      "2023.\u202F11.\u200B17.";
  const Normalized n = NormalizeText(original);
  ExpectMapInvariants(original, n);
  ASSERT_EQ(n.text, "[속보] 오픈AI, 샘 알트먼 해임\n한국 시간 2023. 11.17.");
  // Every word of the text reads back as itself from the original through the map.
  for (std::string_view word : {"[속보]", "오픈AI,", "샘", "알트먼", "해임", "국", "시간"}) {
    const size_t at = n.text.find(word);
    ASSERT_NE(at, std::string::npos) << word;
    const uint32_t b = n.map[at];
    const uint32_t e = n.map[at + word.size()];
    EXPECT_EQ(original.substr(b, e - b).find(word), 0u) << word;
  }
}

}  // namespace
}  // namespace sageon
