// Tests of the pieces every stage stands on: Status/Result, UTF-8 helpers, calendar arithmetic,
// TSV dictionaries and the data model's name tables. Table-driven: one row per behaviour.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sageon/base/civil_time.h"
#include "sageon/base/status.h"
#include "sageon/base/utf8.h"
#include "sageon/document.h"
#include "sageon/resources/dictionary_set.h"
#include "unit/test_util.h"

namespace sageon {
namespace {

namespace fs = std::filesystem;

constexpr size_t kNpos = std::string_view::npos;

using ::sageon::testing::TempDir;

// ================================================================ Status / Result

Result<int> ParsePositive(int v) {
  if (v <= 0) return InvalidArgument("not positive: " + std::to_string(v));
  return v;
}

// Adds two parsed values; every line after a failing SAGEON_ASSIGN_OR_RETURN must not run.
Result<int> SumOfPositives(int a, int b, int* reached) {
  SAGEON_ASSIGN_OR_RETURN(int x, ParsePositive(a));
  ++*reached;
  SAGEON_ASSIGN_OR_RETURN(const int y, ParsePositive(b));
  ++*reached;
  return x + y;
}

Status CheckBoth(int a, int b) {
  SAGEON_RETURN_IF_ERROR(ParsePositive(a).status());
  SAGEON_RETURN_IF_ERROR(ParsePositive(b).status());
  return Status::Ok();
}

Result<std::unique_ptr<std::string>> MakeOwned(bool ok) {
  if (!ok) return NotFound("nothing to own");
  return std::make_unique<std::string>("서울");
}

Result<size_t> OwnedLength(bool ok) {
  SAGEON_ASSIGN_OR_RETURN(std::unique_ptr<std::string> owned, MakeOwned(ok));
  return owned->size();
}

TEST(StatusTest, DefaultIsOkAndHelpersCarryCodeAndMessage) {
  EXPECT_TRUE(Status().ok());
  EXPECT_TRUE(Status::Ok().ok());
  EXPECT_EQ(Status::Ok().code(), StatusCode::kOk);
  struct Case {
    Status status;
    StatusCode code;
    std::string message;
  };
  const Case cases[] = {
      {InvalidArgument("잘못된 옵션"), StatusCode::kInvalidArgument, "잘못된 옵션"},
      {NotFound("a.tsv"), StatusCode::kNotFound, "a.tsv"},
      {DataError("a.tsv:3: bad"), StatusCode::kDataError, "a.tsv:3: bad"},
      {IoError("disk full"), StatusCode::kIoError, "disk full"},
      {Status(StatusCode::kInternal, "bug"), StatusCode::kInternal, "bug"},
  };
  for (const Case& c : cases) {
    EXPECT_FALSE(c.status.ok());
    EXPECT_EQ(c.status.code(), c.code);
    EXPECT_EQ(c.status.message(), c.message);
  }
}

TEST(StatusTest, ResultHoldsValueOrError) {
  Result<std::string> value = std::string("가나다");
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*value, "가나다");
  EXPECT_EQ(value->size(), 9u);
  EXPECT_EQ(value.value(), "가나다");

  Result<std::string> error = DataError("a.tsv:3: bad");
  EXPECT_FALSE(error.ok());
  EXPECT_EQ(error.status().code(), StatusCode::kDataError);
  EXPECT_EQ(error.status().message(), "a.tsv:3: bad");
}

TEST(StatusTest, AssignOrReturnPropagatesTheFirstError) {
  struct Case {
    int a, b;
    bool ok;
    int sum;
    int reached;
    std::string message;
  };
  const Case cases[] = {
      {2, 3, true, 5, 2, ""},
      {-1, 3, false, 0, 0, "not positive: -1"},
      {2, 0, false, 0, 1, "not positive: 0"},
      {0, -5, false, 0, 0, "not positive: 0"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::to_string(c.a) + "+" + std::to_string(c.b));
    int reached = 0;
    Result<int> r = SumOfPositives(c.a, c.b, &reached);
    EXPECT_EQ(r.ok(), c.ok);
    EXPECT_EQ(reached, c.reached);
    if (c.ok) {
      EXPECT_EQ(*r, c.sum);
    } else {
      EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
      EXPECT_EQ(r.status().message(), c.message);
    }
  }
}

TEST(StatusTest, ReturnIfErrorPropagates) {
  EXPECT_TRUE(CheckBoth(1, 2).ok());
  EXPECT_EQ(CheckBoth(1, -2).message(), "not positive: -2");
  EXPECT_EQ(CheckBoth(-7, -2).message(), "not positive: -7");
}

TEST(StatusTest, AssignOrReturnMovesMoveOnlyValues) {
  Result<size_t> good = OwnedLength(true);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 6u);
  Result<size_t> bad = OwnedLength(false);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(bad.status().message(), "nothing to own");
}

// ================================================================ UTF-8

struct DecodeCase {
  std::string name;
  std::string bytes;
  std::vector<char32_t> code_points;
  std::vector<size_t> boundaries;  // byte offset after each code point
};

std::vector<DecodeCase> DecodeCases() {
  return {
      {"ascii", "abc", {'a', 'b', 'c'}, {1, 2, 3}},
      {"hangul", "가나", {0xAC00, 0xB098}, {3, 6}},
      {"mixed", "a가b", {'a', 0xAC00, 'b'}, {1, 4, 5}},
      {"two_byte", "é", {0xE9}, {2}},
      {"four_byte", "😀", {0x1F600}, {4}},
      {"hangul_then_emoji", "샘😀", {0xC0D8, 0x1F600}, {3, 7}},
      {"max_code_point", "\xF4\x8F\xBF\xBF", {0x10FFFF}, {4}},
      {"invalid_ff", "\xFF", {0xFFFD}, {1}},
      {"lone_continuation",
       "가\x80"
       "a",
       {0xAC00, 0xFFFD, 'a'},
       {3, 4, 5}},
      {"truncated_2", "\xC3", {0xFFFD}, {1}},
      {"truncated_3_then_ascii",
       "\xEA\xB0"
       "a",
       {0xFFFD, 0xFFFD, 'a'},
       {1, 2, 3}},
      {"truncated_at_end", "나\xEA\xB0", {0xB098, 0xFFFD, 0xFFFD}, {3, 4, 5}},
      {"overlong_slash", "\xC0\xAF", {0xFFFD, 0xFFFD}, {1, 2}},
      {"overlong_3", "\xE0\x80\x80", {0xFFFD, 0xFFFD, 0xFFFD}, {1, 2, 3}},
      {"surrogate", "\xED\xA0\x80", {0xFFFD, 0xFFFD, 0xFFFD}, {1, 2, 3}},
      {"beyond_10ffff", "\xF4\x90\x80\x80", {0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}, {1, 2, 3, 4}},
      {"emoji_then_stray", "\xF0\x9F\x98\x80\x80", {0x1F600, 0xFFFD}, {4, 5}},
      {"stray_then_emoji", "\x80\xF0\x9F\x98\x80", {0xFFFD, 0x1F600}, {1, 5}},
      {"two_byte_then_stray", "\xC3\xA9\xA9", {0xE9, 0xFFFD}, {2, 3}},
  };
}

class Utf8DecodeTest : public ::testing::TestWithParam<DecodeCase> {};

TEST_P(Utf8DecodeTest, NextWalksForward) {
  const DecodeCase& c = GetParam();
  std::vector<char32_t> cps;
  std::vector<size_t> boundaries;
  for (size_t pos = 0; pos < c.bytes.size();) {
    cps.push_back(utf8::Next(c.bytes, &pos));
    boundaries.push_back(pos);
  }
  EXPECT_EQ(cps, c.code_points);
  EXPECT_EQ(boundaries, c.boundaries);
  EXPECT_EQ(utf8::CodePointCount(c.bytes), c.code_points.size());
}

TEST_P(Utf8DecodeTest, PrevWalksBackThroughTheSameBoundaries) {
  const DecodeCase& c = GetParam();
  std::vector<char32_t> cps;
  std::vector<size_t> starts;
  for (size_t pos = c.bytes.size(); pos > 0;) {
    size_t start = kNpos;
    cps.insert(cps.begin(), utf8::Prev(c.bytes, pos, &start));
    ASSERT_LT(start, pos);
    starts.insert(starts.begin(), start);
    pos = start;
  }
  EXPECT_EQ(cps, c.code_points);
  std::vector<size_t> expected_starts = {0};
  expected_starts.insert(expected_starts.end(), c.boundaries.begin(), c.boundaries.end() - 1);
  EXPECT_EQ(starts, expected_starts);
}

TEST_P(Utf8DecodeTest, ByteToCodePointTableMapsEveryByte) {
  const DecodeCase& c = GetParam();
  const std::vector<uint32_t> table = utf8::ByteToCodePointTable(c.bytes);
  ASSERT_EQ(table.size(), c.bytes.size() + 1);
  size_t start = 0;
  for (size_t i = 0; i < c.boundaries.size(); ++i) {
    for (size_t b = start; b < c.boundaries[i]; ++b) EXPECT_EQ(table[b], i) << "byte " << b;
    start = c.boundaries[i];
  }
  EXPECT_EQ(table.back(), c.code_points.size());
}

INSTANTIATE_TEST_SUITE_P(Cases, Utf8DecodeTest, ::testing::ValuesIn(DecodeCases()),
                         [](const auto& p) { return p.param.name; });

TEST(Utf8Test, PrevWithoutStartPointer) {
  EXPECT_EQ(utf8::Prev("가나", 6, nullptr), 0xB098u);
  EXPECT_EQ(utf8::Prev("가나", 3, nullptr), 0xAC00u);
}

TEST(Utf8Test, ByteToCodePointTableOfEmptyAndKorean) {
  EXPECT_EQ(utf8::ByteToCodePointTable(""), std::vector<uint32_t>{0});
  EXPECT_EQ(utf8::ByteToCodePointTable("a가b"), (std::vector<uint32_t>{0, 1, 1, 1, 2, 3}));
  EXPECT_EQ(utf8::CodePointCount("안녕하세요"), 5u);
  EXPECT_EQ(utf8::CodePointCount(""), 0u);
}

TEST(Utf8Test, AppendRoundTripsThroughNext) {
  struct Case {
    char32_t cp;
    size_t length;
  };
  const Case cases[] = {
      {0x00, 1},   {'A', 1},    {0x7F, 1},   {0x80, 2},   {0xE9, 2},    {0x7FF, 2},   {0x800, 3},
      {0xAC00, 3}, {0xD7A3, 3}, {0xFFFD, 3}, {0xFFFF, 3}, {0x10000, 4}, {0x1F600, 4}, {0x10FFFF, 4},
  };
  for (const Case& c : cases) {
    std::string out = "x";
    utf8::Append(c.cp, &out);
    ASSERT_EQ(out.size(), 1 + c.length) << std::hex << static_cast<uint32_t>(c.cp);
    size_t pos = 1;
    EXPECT_EQ(utf8::Next(out, &pos), c.cp);
    EXPECT_EQ(pos, out.size());
    EXPECT_EQ(utf8::FindInvalid(out), kNpos);
  }
  std::string korean;
  for (char32_t cp : {U'서', U'울'}) utf8::Append(cp, &korean);
  EXPECT_EQ(korean, "서울");
}

TEST(Utf8Test, FindInvalid) {
  struct Case {
    std::string name;
    std::string bytes;
    size_t expected;
  };
  const Case cases[] = {
      {"empty", "", kNpos},
      {"ascii", "hello", kNpos},
      {"korean", "안녕하세요, 서울!", kNpos},
      {"emoji", "좋아요😀", kNpos},
      {"u_ffff_is_well_formed", "\xEF\xBF\xBF", kNpos},
      {"max", "\xF4\x8F\xBF\xBF", kNpos},
      {"ff", "ab\xFF", 2},
      {"fe", "\xFE", 0},
      {"lone_continuation", "\x80", 0},
      {"continuation_after_hangul", "가\xA0", 3},
      {"overlong_nul", "\xC0\x80", 0},
      {"overlong_c1", "a\xC1\xBF", 1},
      {"overlong_3_byte", "a\xE0\x9F\xBF", 1},
      {"overlong_4_byte", "\xF0\x8F\xBF\xBF", 0},
      {"surrogate_high", "ab\xED\xA0\x80", 2},
      {"surrogate_low", "\xED\xBF\xBF", 0},
      {"beyond_10ffff", "\xF4\x90\x80\x80", 0},
      {"f5_lead", "\xF5\x80\x80\x80", 0},
      {"truncated_3_at_end", "가\xEA\xB0", 3},
      {"truncated_1_at_end", "가\xEA", 3},
      {"truncated_4_before_ascii",
       "\xF0\x9F\x98"
       "a",
       0},
      {"bad_continuation", "나\xEA\x41\x80", 3},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(utf8::FindInvalid(c.bytes), c.expected) << c.name;
  }
}

TEST(Utf8Test, FinalConsonant) {
  struct Case {
    char32_t syllable;
    int expected;
  };
  const Case cases[] = {
      {U'가', 0}, {U'각', 1}, {U'간', 4},  {U'알', 8},  {U'먼', 4}, {U'을', 8},
      {U'는', 4}, {U'로', 0}, {U'힣', 27}, {U'값', 18}, {U'a', 0},  {U'ㄱ', 0},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(utf8::FinalConsonant(c.syllable), c.expected) << static_cast<uint32_t>(c.syllable);
  }
}

// Tested on the bytes: the code points just outside the block, jamo, other scripts, a cut
// sequence and the empty text are refused.
TEST(Utf8Test, AllHangulSyllables) {
  EXPECT_TRUE(utf8::AllHangulSyllables("가"));
  EXPECT_TRUE(utf8::AllHangulSyllables("힣문성민"));
  EXPECT_FALSE(utf8::AllHangulSyllables(""));
  EXPECT_FALSE(utf8::AllHangulSyllables("ㄱ"));            // compatibility jamo U+3131
  EXPECT_FALSE(utf8::AllHangulSyllables("\u1100\u1161"));  // conjoining jamo
  EXPECT_FALSE(utf8::AllHangulSyllables("가A"));
  EXPECT_FALSE(utf8::AllHangulSyllables("\uD7A4"));  // just past 힣
  EXPECT_FALSE(utf8::AllHangulSyllables("\uABFF"));  // just before 가
  EXPECT_FALSE(utf8::AllHangulSyllables(std::string_view("가", 2)));
  EXPECT_FALSE(utf8::AllHangulSyllables("漢字"));
}

TEST(Utf8Test, CharacterClasses) {
  struct Case {
    char32_t c;
    bool syllable, jamo, digit, alpha, hanja, space;
  };
  const Case cases[] = {
      {U'가', true, false, false, false, false, false},
      {U'힣', true, false, false, false, false, false},
      {U'ㄱ', false, true, false, false, false, false},
      {0x1100, false, true, false, false, false, false},
      {U'7', false, false, true, false, false, false},
      {U'Z', false, false, false, true, false, false},
      {U'q', false, false, false, true, false, false},
      {U'@', false, false, false, false, false, false},
      {U'[', false, false, false, false, false, false},
      {U'韓', false, false, false, false, true, false},
      {U' ', false, false, false, false, false, true},
      {U'\t', false, false, false, false, false, true},
      {U'\n', false, false, false, false, false, true},
      {0x3000, false, false, false, false, false, true},  // ideographic space
      {0x00A0, false, false, false, false, false, true},  // no-break space
      {0xFFFD, false, false, false, false, false, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(static_cast<uint32_t>(c.c));
    EXPECT_EQ(utf8::IsHangulSyllable(c.c), c.syllable);
    EXPECT_EQ(utf8::IsHangulJamo(c.c), c.jamo);
    EXPECT_EQ(utf8::IsHangul(c.c), c.syllable || c.jamo);
    EXPECT_EQ(utf8::IsAsciiDigit(c.c), c.digit);
    EXPECT_EQ(utf8::IsAsciiAlpha(c.c), c.alpha);
    EXPECT_EQ(utf8::IsHanja(c.c), c.hanja);
    EXPECT_EQ(utf8::IsSpace(c.c), c.space);
  }
}

// ================================================================ civil time

TEST(CivilTimeTest, KnownDayNumbers) {
  struct Case {
    int y, m, d;
    int64_t days;
  };
  // Day numbers checked against Python's datetime.date.
  const Case cases[] = {
      {1970, 1, 1, 0},        {1969, 12, 31, -1},   {2000, 1, 1, 10957},
      {2000, 3, 1, 11017},    {1900, 3, 1, -25508}, {1600, 1, 1, -135140},
      {2400, 12, 31, 157419}, {1950, 6, 25, -7130}, {2023, 11, 17, 19678},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DaysFromCivil(c.y, c.m, c.d), c.days) << c.y << "-" << c.m << "-" << c.d;
    EXPECT_EQ(CivilFromDays(c.days), (DateTime{c.y, c.m, c.d, 0, 0, 0}));
  }
}

TEST(CivilTimeTest, EveryDayFrom1600To2400RoundTripsAndIsConsecutive) {
  int64_t expected = DaysFromCivil(1600, 1, 1);
  int feb29 = 0;
  for (int y = 1600; y <= 2400; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= DaysInMonth(y, m); ++d) {
        const int64_t days = DaysFromCivil(y, m, d);
        ASSERT_EQ(days, expected) << y << "-" << m << "-" << d;
        const DateTime back = CivilFromDays(days);
        ASSERT_EQ(back, (DateTime{y, m, d, 0, 0, 0})) << days;
        ASSERT_EQ(Weekday(y, m, d), static_cast<int>(((days % 7) + 7 + 3) % 7));
        if (m == 2 && d == 29) ++feb29;
        ++expected;
      }
    }
  }
  // 801 years hold 195 leap years (1700, 1800, 1900, 2100, 2200, 2300 are not).
  EXPECT_EQ(feb29, 195);
}

TEST(CivilTimeTest, DaysInMonthAndIsValidDate) {
  struct Case {
    int y, m;
    int days;
  };
  const Case cases[] = {
      {2023, 1, 31},  {2023, 2, 28}, {2024, 2, 29}, {1900, 2, 28}, {2000, 2, 29},
      {2100, 2, 28},  {2023, 4, 30}, {2023, 6, 30}, {2023, 9, 30}, {2023, 11, 30},
      {2023, 12, 31}, {2023, 0, 0},  {2023, 13, 0},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DaysInMonth(c.y, c.m), c.days) << c.y << "-" << c.m;
  }
  EXPECT_TRUE(IsValidDate(2024, 2, 29));
  EXPECT_FALSE(IsValidDate(2023, 2, 29));
  EXPECT_FALSE(IsValidDate(1900, 2, 29));
  EXPECT_TRUE(IsValidDate(2000, 2, 29));
  EXPECT_FALSE(IsValidDate(2023, 4, 31));
  EXPECT_FALSE(IsValidDate(2023, 1, 0));
  EXPECT_FALSE(IsValidDate(2023, 0, 1));
  EXPECT_FALSE(IsValidDate(2023, 13, 1));
}

TEST(CivilTimeTest, Weekday) {
  struct Case {
    int y, m, d;
    int weekday;  // 0 = Monday
  };
  const Case cases[] = {
      {2023, 11, 17, 4}, {1970, 1, 1, 3},  {1969, 12, 31, 2}, {2000, 1, 1, 5}, {2024, 2, 29, 3},
      {1900, 3, 1, 3},   {2013, 2, 12, 1}, {1950, 6, 25, 6},  {1600, 1, 1, 5}, {2400, 12, 31, 6},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Weekday(c.y, c.m, c.d), c.weekday) << c.y << "-" << c.m << "-" << c.d;
  }
}

TEST(CivilTimeTest, AddDaysKeepsTheTime) {
  struct Case {
    DateTime from;
    int64_t days;
    DateTime expected;
  };
  const Case cases[] = {
      {{2023, 12, 31, 9, 30, 5}, 1, {2024, 1, 1, 9, 30, 5}},
      {{2024, 3, 1, 23, 0, 0}, -1, {2024, 2, 29, 23, 0, 0}},
      {{2023, 3, 1, 0, 0, 0}, -1, {2023, 2, 28, 0, 0, 0}},
      {{2023, 11, 17, 0, 0, 0}, 0, {2023, 11, 17, 0, 0, 0}},
      {{2023, 11, 17, 0, 0, 0}, 366, {2024, 11, 17, 0, 0, 0}},
      {{1970, 1, 1, 0, 0, 0}, -365, {1969, 1, 1, 0, 0, 0}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(AddDays(c.from, c.days), c.expected) << FormatIso(c.from, Grain::kSecond);
  }
}

TEST(CivilTimeTest, AddMonthsClampsTheDay) {
  struct Case {
    DateTime from;
    int months;
    DateTime expected;
  };
  const Case cases[] = {
      {{2023, 1, 31, 0, 0, 0}, 1, {2023, 2, 28, 0, 0, 0}},
      {{2024, 1, 31, 0, 0, 0}, 1, {2024, 2, 29, 0, 0, 0}},
      {{2023, 3, 31, 0, 0, 0}, -1, {2023, 2, 28, 0, 0, 0}},
      {{2023, 3, 31, 0, 0, 0}, 1, {2023, 4, 30, 0, 0, 0}},
      {{2023, 12, 15, 8, 5, 1}, 1, {2024, 1, 15, 8, 5, 1}},
      {{2023, 1, 15, 0, 0, 0}, -1, {2022, 12, 15, 0, 0, 0}},
      {{2023, 5, 31, 0, 0, 0}, 13, {2024, 6, 30, 0, 0, 0}},
      {{2023, 5, 10, 0, 0, 0}, -24, {2021, 5, 10, 0, 0, 0}},
      {{2020, 2, 29, 0, 0, 0}, -12, {2019, 2, 28, 0, 0, 0}},
      {{2020, 2, 29, 0, 0, 0}, 48, {2024, 2, 29, 0, 0, 0}},
      {{2023, 11, 17, 0, 0, 0}, 0, {2023, 11, 17, 0, 0, 0}},
      {{2023, 1, 1, 0, 0, 0}, -1, {2022, 12, 1, 0, 0, 0}},
      {{2023, 1, 1, 0, 0, 0}, -12, {2022, 1, 1, 0, 0, 0}},
      {{2023, 1, 1, 0, 0, 0}, -13, {2021, 12, 1, 0, 0, 0}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(AddMonths(c.from, c.months), c.expected)
        << FormatIso(c.from, Grain::kDay) << " + " << c.months
        << " months = " << FormatIso(AddMonths(c.from, c.months), Grain::kSecond);
  }
}

TEST(CivilTimeTest, IsoWeek) {
  struct Case {
    int y, m, d;
    int iso_year, iso_week;
  };
  // Checked against Python's date.isocalendar().
  const Case cases[] = {
      {2021, 1, 3, 2020, 53},  {2021, 1, 4, 2021, 1},    {2008, 12, 29, 2009, 1},
      {2010, 1, 3, 2009, 53},  {2023, 11, 17, 2023, 46}, {2013, 2, 12, 2013, 7},
      {2024, 12, 30, 2025, 1}, {2020, 12, 31, 2020, 53}, {2015, 12, 31, 2015, 53},
      {2016, 1, 1, 2015, 53},
  };
  for (const Case& c : cases) {
    int iso_year = 0, iso_week = 0;
    IsoWeek(c.y, c.m, c.d, &iso_year, &iso_week);
    EXPECT_EQ(iso_year, c.iso_year) << c.y << "-" << c.m << "-" << c.d;
    EXPECT_EQ(iso_week, c.iso_week) << c.y << "-" << c.m << "-" << c.d;
  }
}

TEST(CivilTimeTest, ParseIsoDateTimeAccepts) {
  struct Case {
    std::string text;
    DateTime expected;
  };
  const Case cases[] = {
      {"2023-11-17", {2023, 11, 17, 0, 0, 0}},
      {"2024-02-29", {2024, 2, 29, 0, 0, 0}},
      {"2000-02-29", {2000, 2, 29, 0, 0, 0}},
      {"2023-11-17T04:30", {2023, 11, 17, 4, 30, 0}},
      {"2023-11-17T04:30:05", {2023, 11, 17, 4, 30, 5}},
      {"2023-11-17 04:30:05", {2023, 11, 17, 4, 30, 5}},
      {"2013-02-12T04:30:00.000-02:00", {2013, 2, 12, 4, 30, 0}},
      {"2023-11-17T23:59:59Z", {2023, 11, 17, 23, 59, 59}},
      {"2023-11-17T09:00:00+09:00", {2023, 11, 17, 9, 0, 0}},
      {"2023-11-17T00:00:00.123456", {2023, 11, 17, 0, 0, 0}},
  };
  for (const Case& c : cases) {
    Result<DateTime> r = ParseIsoDateTime(c.text);
    ASSERT_TRUE(r.ok()) << c.text << ": " << r.status().message();
    EXPECT_EQ(*r, c.expected) << c.text;
  }
}

TEST(CivilTimeTest, ParseIsoDateTimeRejects) {
  const std::string cases[] = {
      "2023-13-01",
      "2023-02-30",
      "abc",
      "",
      "2023-11",
      "2023/11/17",
      "2023-00-10",
      "2023-11-00",
      "2023-02-29",
      "1900-02-29",
      "23-11-17",
      "2023-1-17",
      "2023-11-17x",
      "2023-11-17T",
      "2023-11-17T04",
      "2023-11-17T4:30",
      "2023-11-17T25:00",
      "2023-11-17T24:00",
      "2023-11-17T04:60",
      "2023-11-17T04:30:61",
      "2023-11-17T04:30:xx",
      "２０２３-11-17",
  };
  for (const std::string& text : cases) {
    Result<DateTime> r = ParseIsoDateTime(text);
    ASSERT_FALSE(r.ok()) << "accepted '" << text << "' as " << FormatIso(*r, Grain::kSecond);
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find("'" + text + "'"), std::string::npos)
        << r.status().message();
  }
}

// The header promises fractional seconds and a UTC offset are ignored, not arbitrary text: a
// date such as "2023-11-17T04:30:0" (cut) or "...04:30 오후" (PM!) must not read as a valid time.
TEST(CivilTimeTest, ParseIsoDateTimeRejectsTrailingGarbage) {
  const std::string cases[] = {
      "2023-11-17T04:30:0",
      "2023-11-17T04:30 오후",
      "2023-11-17T04:30junk",
      "2023-11-17T04:30:00 abc",
  };
  for (const std::string& text : cases) {
    Result<DateTime> r = ParseIsoDateTime(text);
    EXPECT_FALSE(r.ok()) << "accepted '" << text << "' as " << FormatIso(*r, Grain::kSecond);
  }
}

TEST(CivilTimeTest, FormatIsoEveryGrain) {
  struct Case {
    DateTime t;
    Grain grain;
    std::string expected;
  };
  const DateTime t{2013, 2, 12, 4, 30, 7};
  const DateTime late{2023, 11, 17, 21, 5, 0};
  const Case cases[] = {
      {t, Grain::kDecade, "201"},
      {t, Grain::kYear, "2013"},
      {t, Grain::kHalf, "2013-H1"},
      {t, Grain::kQuarter, "2013-Q1"},
      {t, Grain::kMonth, "2013-02"},
      {t, Grain::kWeek, "2013-W07"},
      {t, Grain::kDay, "2013-02-12"},
      {t, Grain::kHour, "2013-02-12T04"},
      {t, Grain::kMinute, "2013-02-12T04:30"},
      {t, Grain::kSecond, "2013-02-12T04:30:07"},
      {late, Grain::kDecade, "202"},
      {late, Grain::kHalf, "2023-H2"},
      {late, Grain::kQuarter, "2023-Q4"},
      {late, Grain::kWeek, "2023-W46"},
      {late, Grain::kHour, "2023-11-17T21"},
      {{2023, 3, 31, 0, 0, 0}, Grain::kQuarter, "2023-Q1"},
      {{2023, 4, 1, 0, 0, 0}, Grain::kQuarter, "2023-Q2"},
      {{2023, 6, 30, 0, 0, 0}, Grain::kHalf, "2023-H1"},
      {{2023, 7, 1, 0, 0, 0}, Grain::kHalf, "2023-H2"},
      {{2023, 9, 1, 0, 0, 0}, Grain::kQuarter, "2023-Q3"},
      {{2021, 1, 3, 0, 0, 0}, Grain::kWeek, "2020-W53"},
      {{2024, 12, 30, 0, 0, 0}, Grain::kWeek, "2025-W01"},
      {{999, 1, 1, 0, 0, 0}, Grain::kYear, "0999"},
      {{1999, 12, 31, 0, 0, 0}, Grain::kDecade, "199"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FormatIso(c.t, c.grain), c.expected) << GrainName(c.grain);
  }
}

TEST(CivilTimeTest, GrainNames) {
  const std::pair<Grain, std::string_view> cases[] = {
      {Grain::kDecade, "decade"},   {Grain::kYear, "year"},   {Grain::kHalf, "half"},
      {Grain::kQuarter, "quarter"}, {Grain::kMonth, "month"}, {Grain::kWeek, "week"},
      {Grain::kDay, "day"},         {Grain::kHour, "hour"},   {Grain::kMinute, "minute"},
      {Grain::kSecond, "second"},
  };
  for (const auto& [grain, name] : cases) EXPECT_EQ(GrainName(grain), name);
}

TEST(CivilTimeTest, DateTimeOrdersChronologically) {
  const DateTime ordered[] = {
      {1999, 12, 31, 23, 59, 59}, {2000, 1, 1, 0, 0, 0}, {2000, 1, 1, 0, 0, 1},
      {2000, 1, 1, 0, 1, 0},      {2000, 1, 1, 1, 0, 0}, {2000, 1, 2, 0, 0, 0},
      {2000, 2, 1, 0, 0, 0},      {2001, 1, 1, 0, 0, 0},
  };
  for (size_t i = 0; i + 1 < std::size(ordered); ++i) {
    EXPECT_LT(ordered[i], ordered[i + 1]) << i;
    EXPECT_FALSE(ordered[i] == ordered[i + 1]);
  }
}

// ================================================================ TSV tables

struct TsvCase {
  std::string name;
  std::string content;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<size_t> lines;
};

std::vector<TsvCase> TsvCases() {
  return {
      {"header_and_rows",
       "name\ttype\taliases\n샘 알트먼\tPERSON\tSam Altman|알트먼\n오픈AI\tORG\t\n",
       {"name", "type", "aliases"},
       {{"샘 알트먼", "PERSON", "Sam Altman|알트먼"}, {"오픈AI", "ORG", ""}},
       {2, 3}},
      {"comments_and_blank_lines",
       "# 조사 목록\n# 두 번째 주석\n\nform\tkind\n이\tsubject\n\n# 중간 주석\n가\tsubject\n",
       {"form", "kind"},
       {{"이", "subject"}, {"가", "subject"}},
       {5, 8}},
      {"crlf",
       "form\tkind\r\n을\tobject\r\n를\tobject\r\n",
       {"form", "kind"},
       {{"을", "object"}, {"를", "object"}},
       {2, 3}},
      {"bom", "\xEF\xBB\xBFname\ttype\n서울\tLOC\n", {"name", "type"}, {{"서울", "LOC"}}, {2}},
      {"no_trailing_newline", "a\tb\n1\t2", {"a", "b"}, {{"1", "2"}}, {2}},
      {"single_column", "word\n가다\n오다\n", {"word"}, {{"가다"}, {"오다"}}, {2, 3}},
      {"header_only", "# 빈 사전\nname\ttype\taliases\n", {"name", "type", "aliases"}, {}, {}},
      {"all_empty_cells", "a\tb\tc\n\t\t\n", {"a", "b", "c"}, {{"", "", ""}}, {2}},
  };
}

class TsvParseTest : public ::testing::TestWithParam<TsvCase> {};

TEST_P(TsvParseTest, Parses) {
  const TsvCase& c = GetParam();
  Result<TsvTable> table = TsvTable::Parse(c.content, "test.tsv");
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_EQ(table->source(), "test.tsv");
  EXPECT_EQ(table->columns(), c.columns);
  ASSERT_EQ(table->rows().size(), c.rows.size());
  for (size_t i = 0; i < c.rows.size(); ++i) {
    EXPECT_EQ(table->rows()[i].cells, c.rows[i]) << "row " << i;
    EXPECT_EQ(table->rows()[i].line, c.lines[i]) << "row " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, TsvParseTest, ::testing::ValuesIn(TsvCases()),
                         [](const auto& p) { return p.param.name; });

TEST(TsvTableTest, ParseErrorsNameFileAndLine) {
  struct Case {
    std::string name;
    std::string content;
    std::string message;
  };
  const Case cases[] = {
      {"too_few", "a\tb\n1\t2\n3\n", "people.tsv:3: expected 2 columns, got 1"},
      {"too_many", "a\tb\n1\t2\t3\n", "people.tsv:2: expected 2 columns, got 3"},
      {"after_comments", "# 설명\n# 설명\na\tb\tc\n김\t\n",
       "people.tsv:4: expected 3 columns, got 2"},
      {"crlf", "a\tb\r\n1\t2\r\n3\r\n", "people.tsv:3: expected 2 columns, got 1"},
      {"empty", "", "people.tsv: no header line"},
      {"only_comments", "# 아무것도 없음\n\n", "people.tsv: no header line"},
  };
  for (const Case& c : cases) {
    Result<TsvTable> table = TsvTable::Parse(c.content, "people.tsv");
    ASSERT_FALSE(table.ok()) << c.name;
    EXPECT_EQ(table.status().code(), StatusCode::kDataError) << c.name;
    EXPECT_NE(table.status().message().find(c.message), std::string::npos)
        << c.name << ": " << table.status().message();
  }
}

TEST(TsvTableTest, ColumnIndexCellAndRequireColumns) {
  Result<TsvTable> table = TsvTable::Parse("name\ttype\n서울\tLOC\n", "g.tsv");
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->ColumnIndex("name"), 0u);
  EXPECT_EQ(table->ColumnIndex("type"), 1u);
  EXPECT_FALSE(table->ColumnIndex("aliases").has_value());
  const TsvTable::Row& row = table->rows().at(0);
  EXPECT_EQ(table->Cell(row, "name"), "서울");
  EXPECT_EQ(table->Cell(row, "type"), "LOC");
  EXPECT_EQ(table->Cell(row, "aliases"), "");

  EXPECT_TRUE(table->RequireColumns({}).ok());
  EXPECT_TRUE(table->RequireColumns({"type", "name"}).ok());
  const Status missing = table->RequireColumns({"name", "aliases", "type"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.code(), StatusCode::kDataError);
  EXPECT_NE(missing.message().find("g.tsv"), std::string::npos) << missing.message();
  EXPECT_NE(missing.message().find("'aliases'"), std::string::npos) << missing.message();
}

// Dictionaries carry '#' comment lines above the header, so the header is often not line 1: the
// message must point at the line that is really the header.
TEST(TsvTableTest, RequireColumnsNamesTheHeaderLine) {
  Result<TsvTable> table = TsvTable::Parse("# 지명 사전\n# 형식: name type\nname\ttype\n", "g.tsv");
  ASSERT_TRUE(table.ok());
  const Status missing = table->RequireColumns({"aliases"});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.message().find("g.tsv:3:"), std::string::npos) << missing.message();
}

TEST(TsvTableTest, LoadMissingFileIsNotFound) {
  TempDir dir;
  const std::string path = (dir.path() / "없는파일.tsv").string();
  Result<TsvTable> table = TsvTable::Load(path);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().code(), StatusCode::kNotFound);
  EXPECT_NE(table.status().message().find(path), std::string::npos);
}

// ================================================================ DictionarySet

constexpr char kGazetteerHeader[] = "name\ttype\taliases\n";

TEST(DictionarySetTest, LoadDirectoryReadsEveryTsvByStem) {
  TempDir dir;
  dir.Write("particles.tsv", "# 조사\nform\tkind\n이\tsubject\n가\tsubject\n");
  dir.Write("gazetteer_places.tsv", std::string(kGazetteerHeader) + "서울\tLOC\t서울특별시\n");
  dir.Write("gazetteer_people.tsv", std::string(kGazetteerHeader) + "샘 알트먼\tPERSON\t알트먼\n");
  dir.Write("notes.txt", "not a dictionary\n");
  dir.Write("README.md", "# readme\n");
  dir.Write("sub/nested.tsv", "a\n1\n");  // not recursive

  Result<DictionarySet> set = DictionarySet::LoadDirectory(dir.path().string());
  ASSERT_TRUE(set.ok()) << set.status().message();
  EXPECT_EQ(set->directory(), dir.path().string());
  const TsvTable* particles = set->Find("particles");
  ASSERT_NE(particles, nullptr);
  EXPECT_EQ(particles->rows().size(), 2u);
  EXPECT_EQ(particles->source(), (dir.path() / "particles.tsv").string());
  EXPECT_EQ(set->Find("notes"), nullptr);
  EXPECT_EQ(set->Find("README"), nullptr);
  EXPECT_EQ(set->Find("nested"), nullptr);
  EXPECT_EQ(set->Find("particles.tsv"), nullptr);

  Result<const TsvTable*> got = set->Get("particles");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, particles);
  Result<const TsvTable*> missing = set->Get("endings");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("endings.tsv"), std::string::npos);
  EXPECT_NE(missing.status().message().find(dir.path().string()), std::string::npos);

  // Project gazetteers in name order.
  const std::vector<const TsvTable*> gazetteers = set->Gazetteers();
  ASSERT_EQ(gazetteers.size(), 2u);
  EXPECT_EQ(gazetteers[0], set->Find("gazetteer_people"));
  EXPECT_EQ(gazetteers[1], set->Find("gazetteer_places"));
}

TEST(DictionarySetTest, LoadDirectoryErrors) {
  {
    TempDir dir;
    const std::string missing = (dir.path() / "없는폴더").string();
    Result<DictionarySet> set = DictionarySet::LoadDirectory(missing);
    ASSERT_FALSE(set.ok());
    EXPECT_EQ(set.status().code(), StatusCode::kNotFound);
    EXPECT_NE(set.status().message().find(missing), std::string::npos);
  }
  {
    TempDir dir;
    dir.Write("good.tsv", "a\tb\n1\t2\n");
    dir.Write("bad.tsv", "a\tb\n1\t2\n3\t4\t5\n");
    Result<DictionarySet> set = DictionarySet::LoadDirectory(dir.path().string());
    ASSERT_FALSE(set.ok());
    EXPECT_EQ(set.status().code(), StatusCode::kDataError);
    EXPECT_NE(set.status().message().find("bad.tsv:3:"), std::string::npos)
        << set.status().message();
  }
  {
    TempDir dir;
    const std::string file = dir.Write("file.tsv", "a\n");
    Result<DictionarySet> set = DictionarySet::LoadDirectory(file);
    EXPECT_FALSE(set.ok()) << "a file is not a dictionary directory";
  }
}

TEST(DictionarySetTest, UserGazetteersComeAfterTheProjectsInOrderAdded) {
  TempDir dir;
  dir.Write("gazetteer_z.tsv", std::string(kGazetteerHeader) + "부산\tLOC\t\n");
  dir.Write("gazetteer_a.tsv", std::string(kGazetteerHeader) + "대구\tLOC\t\n");
  dir.Write("particles.tsv", "form\n은\n");
  const std::string user2 =
      dir.Write("user/b_second.tsv",
                "# 사용자 사전\n" + std::string(kGazetteerHeader) + "오픈AI\tORG\tOpenAI\n");
  const std::string user1 =
      dir.Write("user/a_first.tsv", std::string(kGazetteerHeader) + "삼성전자\tORG\t삼성\n");
  Result<DictionarySet> set = DictionarySet::LoadDirectory(dir.path().string());
  ASSERT_TRUE(set.ok()) << set.status().message();
  // Added in this order on purpose: user files keep the order the user gave them.
  ASSERT_TRUE(set->AddUserGazetteer(user2).ok());
  ASSERT_TRUE(set->AddUserGazetteer(user1).ok());

  const std::vector<const TsvTable*> gazetteers = set->Gazetteers();
  ASSERT_EQ(gazetteers.size(), 4u);
  EXPECT_EQ(gazetteers[0], set->Find("gazetteer_a"));
  EXPECT_EQ(gazetteers[1], set->Find("gazetteer_z"));
  ASSERT_NE(gazetteers[2], nullptr);
  ASSERT_NE(gazetteers[3], nullptr);
  EXPECT_EQ(gazetteers[2]->source(), user2);
  EXPECT_EQ(gazetteers[3]->source(), user1);
  EXPECT_EQ(gazetteers[2]->rows().at(0).cells.at(0), "오픈AI");
  EXPECT_EQ(gazetteers[3]->rows().at(0).cells.at(0), "삼성전자");
}

TEST(DictionarySetTest, RemoveUserGazetteersKeepsTheProjects) {
  TempDir dir;
  dir.Write("gazetteer_a.tsv", std::string(kGazetteerHeader) + "대구\tLOC\t\n");
  Result<DictionarySet> set = DictionarySet::LoadDirectory(dir.path().string());
  ASSERT_TRUE(set.ok()) << set.status().message();
  ASSERT_TRUE(
      set->AddUserGazetteerText("first", std::string(kGazetteerHeader) + "부산\tLOC\t\n").ok());
  ASSERT_EQ(set->Gazetteers().size(), 2u);
  set->RemoveUserGazetteers();
  ASSERT_EQ(set->Gazetteers().size(), 1u);
  EXPECT_EQ(set->Gazetteers()[0], set->Find("gazetteer_a"));
  // Read again, in a new order.
  ASSERT_TRUE(
      set->AddUserGazetteerText("second", std::string(kGazetteerHeader) + "울산\tLOC\t\n").ok());
  ASSERT_TRUE(
      set->AddUserGazetteerText("first", std::string(kGazetteerHeader) + "부산\tLOC\t\n").ok());
  const std::vector<const TsvTable*> gazetteers = set->Gazetteers();
  ASSERT_EQ(gazetteers.size(), 3u);
  EXPECT_EQ(gazetteers[1]->source(), "second");
  EXPECT_EQ(gazetteers[2]->source(), "first");
}

// hunspell-ko's format: an entry count, then one word a line in conjoining jamo, with affix flags
// after a '/'.
TEST(DictionarySetTest, HunspellWordsAreComposedIntoSyllables) {
  TempDir dir;
  const std::string path = dir.Write("ko.dic",
                                     "9\n"
                                     "\u1100\u1161\u11A8\u110C\u1161/12\n"     // 각자, with flags
                                     "\u1112\u1161\u11AB\u1100\u1161\u11BC\n"  // 한강
                                     "\u1100\u1161\n"                          // 가: one syllable
                                     "\u1100\u1161\u1102\n"              // 가 + a lone consonant
                                     "\u1100\u1161\u11A8\u11A8\u1161\n"  // a final twice
                                     "\u1161\u1100\u1161\n"            // a vowel with no consonant
                                     "나무\n"                          // composed already
                                     "\u1100\u1161A\n"                 // 가 + a Latin letter
                                     "\u1112\u1161\u1102\u1161\r\n");  // a carriage return
  DictionarySet set;
  ASSERT_TRUE(set.LoadHunspellWords(path).ok());
  EXPECT_TRUE(set.IsDictionaryWord("각자"));
  EXPECT_TRUE(set.IsDictionaryWord("한강"));
  EXPECT_TRUE(set.IsDictionaryWord("나무"));
  EXPECT_EQ(set.dictionary_word_count(), 3u);

  const std::string empty = dir.Write("empty.dic", "1\nabc/1\n");
  const Status status = DictionarySet().LoadHunspellWords(empty);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("empty.dic"), std::string::npos) << status.message();
}

TEST(DictionarySetTest, AddUserGazetteerRequiresTheGazetteerColumns) {
  TempDir dir;
  struct Case {
    std::string name;
    std::string content;  // empty: the file is not written
    StatusCode code;
    std::string message;
  };
  const Case cases[] = {
      {"no_aliases.tsv", "name\ttype\n서울\tLOC\n", StatusCode::kDataError, "'aliases'"},
      {"no_type.tsv", "name\taliases\n서울\t\n", StatusCode::kDataError, "'type'"},
      {"no_name.tsv", "이름\ttype\taliases\n서울\tLOC\t\n", StatusCode::kDataError, "'name'"},
      {"bad_row.tsv", "name\ttype\taliases\n서울\tLOC\n", StatusCode::kDataError, "bad_row.tsv:2:"},
      {"missing.tsv", "", StatusCode::kNotFound, "missing.tsv"},
  };
  DictionarySet set;
  for (const Case& c : cases) {
    const std::string path =
        c.content.empty() ? (dir.path() / c.name).string() : dir.Write(c.name, c.content);
    const Status status = set.AddUserGazetteer(path);
    ASSERT_FALSE(status.ok()) << c.name;
    EXPECT_EQ(status.code(), c.code) << c.name;
    EXPECT_NE(status.message().find(c.message), std::string::npos)
        << c.name << ": " << status.message();
    EXPECT_NE(status.message().find(c.name), std::string::npos) << status.message();
  }
  EXPECT_TRUE(set.Gazetteers().empty()) << "a rejected file must not be used";

  const std::string good =
      dir.Write("good.tsv", "\xEF\xBB\xBF" + std::string(kGazetteerHeader) + "한강\tLOC\t\r\n");
  ASSERT_TRUE(set.AddUserGazetteer(good).ok());
  ASSERT_EQ(set.Gazetteers().size(), 1u);
  EXPECT_EQ(set.Gazetteers()[0]->Cell(set.Gazetteers()[0]->rows().at(0), "name"), "한강");
}

TEST(DictionarySetTest, AddReplacesATableByName) {
  DictionarySet set;
  Result<TsvTable> first = TsvTable::Parse("form\n이\n", "first");
  Result<TsvTable> second = TsvTable::Parse("form\n가\n을\n", "second");
  ASSERT_TRUE(first.ok() && second.ok());
  set.Add("particles", std::move(first).value());
  set.Add("gazetteer_mem", std::move(second).value());
  ASSERT_NE(set.Find("particles"), nullptr);
  EXPECT_EQ(set.Find("particles")->source(), "first");
  EXPECT_EQ(set.Gazetteers().size(), 1u);

  Result<TsvTable> third = TsvTable::Parse("form\n는\n", "third");
  ASSERT_TRUE(third.ok());
  set.Add("particles", std::move(third).value());
  EXPECT_EQ(set.Find("particles")->source(), "third");
  EXPECT_EQ(set.Find("particles")->rows().size(), 1u);
}

// The shipped gazetteers are what a user's run depends on: each must have the gazetteer columns
// and only the five entity types.
TEST(DictionarySetTest, ProjectGazetteersAreWellFormed) {
  const DictionarySet& set = testing::ProjectDictionaries();
  for (const TsvTable* table : set.Gazetteers()) {
    ASSERT_NE(table, nullptr);
    EXPECT_TRUE(table->RequireColumns({"name", "type", "aliases"}).ok()) << table->source();
    for (const TsvTable::Row& row : table->rows()) {
      EXPECT_FALSE(table->Cell(row, "name").empty()) << table->source() << ":" << row.line;
      EXPECT_TRUE(ParseEntityType(table->Cell(row, "type")).has_value())
          << table->source() << ":" << row.line << ": type '" << table->Cell(row, "type") << "'";
    }
  }
}

// ================================================================ document names

TEST(DocumentNamesTest, EntityTypeRoundTrips) {
  const std::pair<EntityType, std::string_view> cases[] = {
      {EntityType::kPerson, "PERSON"},   {EntityType::kOrg, "ORG"},     {EntityType::kLoc, "LOC"},
      {EntityType::kProduct, "PRODUCT"}, {EntityType::kEvent, "EVENT"},
  };
  for (const auto& [type, name] : cases) {
    EXPECT_EQ(EntityTypeName(type), name);
    const std::optional<EntityType> parsed = ParseEntityType(EntityTypeName(type));
    ASSERT_TRUE(parsed.has_value()) << name;
    EXPECT_EQ(*parsed, type) << name;
  }
  for (std::string_view bad : {"", "person", "Person", "PER", "LOCATION", "ORG ", "사람"}) {
    EXPECT_FALSE(ParseEntityType(bad).has_value()) << "'" << bad << "'";
  }
}

TEST(DocumentNamesTest, NamesAreTheDocumentedOnes) {
  const std::pair<TokenTag, std::string_view> tags[] = {
      {TokenTag::kNoun, "noun"},           {TokenTag::kProperNoun, "proper_noun"},
      {TokenTag::kPredicate, "predicate"}, {TokenTag::kParticle, "particle"},
      {TokenTag::kEnding, "ending"},       {TokenTag::kNumber, "number"},
      {TokenTag::kForeign, "foreign"},     {TokenTag::kHanja, "hanja"},
      {TokenTag::kSymbol, "symbol"},       {TokenTag::kOther, "other"},
  };
  for (const auto& [tag, name] : tags) EXPECT_EQ(TokenTagName(tag), name);
  const std::pair<Anchor, std::string_view> anchors[] = {
      {Anchor::kAbsolute, "absolute"},
      {Anchor::kDocument, "document"},
      {Anchor::kPreviousMention, "previous"},
      {Anchor::kNone, "none"},
  };
  for (const auto& [anchor, name] : anchors) EXPECT_EQ(AnchorName(anchor), name);
  const std::pair<Role, std::string_view> roles[] = {
      {Role::kAgent, "agent"},    {Role::kPatient, "patient"},  {Role::kRecipient, "recipient"},
      {Role::kRoleTaken, "role"}, {Role::kCoActor, "co-actor"}, {Role::kParticipant, "participant"},
  };
  for (const auto& [role, name] : roles) EXPECT_EQ(RoleName(role), name);
}

TEST(DocumentTest, SpansReadBackThroughTheOffsetMap) {
  Document doc;
  doc.original = "샘  알트먼";  // two spaces, normalized to one
  doc.text = "샘 알트먼";
  doc.text_to_original = {0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};
  ASSERT_EQ(doc.text_to_original.size(), doc.text.size() + 1);
  const Span name{4, 13};
  EXPECT_EQ(doc.Text(name), "알트먼");
  EXPECT_EQ(doc.ToOriginal(name), (Span{5, 14}));
  EXPECT_EQ(doc.OriginalText(name), "알트먼");
  EXPECT_EQ(name.size(), 9u);
  EXPECT_FALSE(name.empty());
  EXPECT_TRUE((Span{3, 3}).empty());
  TimeValue value{{2023, 11, 17, 0, 0, 0}, Grain::kMonth, ""};
  EXPECT_EQ(value.Iso(), "2023-11");
}

}  // namespace
}  // namespace sageon
