// The Korean temporal expressions of issue 4, one row per form, each read against a document
// date. Every row states the span (KLUE-NER convention: a direction word before the date and a
// fuzzy or approximate suffix after it belong to the expression, particles do not), the value as
// ISO 8601 cut at its grain (intervals "from/to" with an inclusive `to`), the modifier and whether
// it is a TIME. The text runs through the sentence splitter and the tokenizer first, as in the
// pipeline, so that narrative anchoring across sentences is what users get.
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "sageon/extract/date_extractor.h"
#include "sageon/segment/sentence_splitter.h"
#include "sageon/tokenize/tokenizer.h"
#include "unit/test_util.h"

namespace sageon {
namespace {

// Document dates the rows are read against, chosen for their edges.
constexpr const char* kSat = "2023-11-25";        // a Saturday, ISO week 2023-W47
constexpr const char* kSun = "2023-11-26";        // a Sunday, still 2023-W47
constexpr const char* kEarly = "2023-11-03";      // early in the month (a Friday)
constexpr const char* kMonthEnd = "2023-10-31";   // the last day of a 31-day month (a Tuesday)
constexpr const char* kYearEnd = "2023-12-31";    // the last day of the year (a Sunday)
constexpr const char* kNewYear = "2024-01-03";    // a Wednesday just after a year boundary
constexpr const char* kLeapDay = "2024-02-29";    // a Thursday
constexpr const char* kAfterLeap = "2024-03-01";  // a Friday, the day after 2024-02-29
constexpr const char* kLater = "2024-03-05";      // months after the story it reports

struct Pipeline {
  SentenceSplitter splitter;
  Tokenizer tokenizer;
  DateExtractor past;
  DateExtractor future;
};

const Pipeline& Stages() {
  static const Pipeline* const stages = [] {
    const DictionarySet& dictionaries = testing::ProjectDictionaries();
    auto splitter = SentenceSplitter::Create(dictionaries);
    auto tokenizer = Tokenizer::Create(dictionaries);
    auto past = DateExtractor::Create(dictionaries, DateOptions{false});
    auto future = DateExtractor::Create(dictionaries, DateOptions{true});
    if (!splitter.ok() || !tokenizer.ok() || !past.ok() || !future.ok()) {
      ADD_FAILURE() << "cannot build the stages from the project's dictionaries";
      std::abort();
    }
    return new Pipeline{std::move(splitter).value(), std::move(tokenizer).value(),
                        std::move(past).value(), std::move(future).value()};
  }();
  return *stages;
}

Document ExtractFrom(const std::string& text, const char* reference, bool prefer_future) {
  Document doc;
  doc.text = text;
  doc.original = text;
  auto ref = ParseIsoDateTime(reference);
  EXPECT_TRUE(ref.ok()) << reference;
  if (ref.ok()) doc.reference = *ref;
  doc.sentences = Stages().splitter.Split(doc.text);
  doc.tokens = Stages().tokenizer.Tokenize(doc.text, doc.sentences);
  (prefer_future ? Stages().future : Stages().past).Extract(&doc);
  return doc;
}

// "2023-11-17", or "2023-11-17/2023-11-22" for an interval ("2008/" or "/2023-08" when open).
std::string Show(const TemporalExpression& e) {
  if (!e.is_interval) return e.value.Iso();
  return (e.from ? e.from->Iso() : "") + "/" + (e.to ? e.to->Iso() : "");
}

std::string ModOf(const TemporalExpression& e) {
  if (!e.is_interval) return e.value.mod;
  return e.from ? e.from->mod : (e.to ? e.to->mod : "");
}

const TemporalExpression* FindSpan(const Document& doc, std::string_view span) {
  for (const TemporalExpression& e : doc.dates) {
    if (doc.Text(e.span) == span) return &e;
  }
  return nullptr;
}

std::string Dump(const Document& doc) {
  std::string out;
  for (const TemporalExpression& e : doc.dates) {
    out.append("[").append(doc.Text(e.span)).append("] ").append(Show(e));
    if (!ModOf(e).empty()) out.append(" ").append(ModOf(e));
    if (e.is_time) out.append(" TIME");
    if (!e.resolved) out.append(" unresolved");
    out.append("; ");
  }
  return out.empty() ? "(none)" : out;
}

struct Row {
  const char* text;
  const char* span;       // the expression's surface in `text`
  const char* value;      // as Show() prints it
  const char* reference;  // the document date
  bool future = false;    // DateOptions::prefer_future
  const char* mod = "";   // START, MID, END, APPROX or none
  bool is_time = false;
  std::optional<Anchor> anchor = std::nullopt;  // checked when given

  Row Future() const {
    Row r = *this;
    r.future = true;
    return r;
  }
  Row Mod(const char* m) const {
    Row r = *this;
    r.mod = m;
    return r;
  }
  Row Time() const {
    Row r = *this;
    r.is_time = true;
    return r;
  }
  Row AnchoredTo(Anchor a) const {
    Row r = *this;
    r.anchor = a;
    return r;
  }
};

void PrintTo(const Row& row, std::ostream* os) {
  *os << row.text << " @" << row.reference << (row.future ? " (future)" : "");
}

class DateFormsTest : public ::testing::TestWithParam<Row> {};

TEST_P(DateFormsTest, ReadsSpanValueAndShape) {
  const Row& row = GetParam();
  const Document doc = ExtractFrom(row.text, row.reference, row.future);
  const TemporalExpression* e = FindSpan(doc, row.span);
  ASSERT_NE(e, nullptr) << "no [" << row.span << "] in " << row.text << " → " << Dump(doc);
  EXPECT_TRUE(e->resolved) << row.text;
  EXPECT_EQ(Show(*e), row.value) << row.text << " → " << Dump(doc);
  EXPECT_EQ(ModOf(*e), row.mod) << row.text;
  EXPECT_EQ(e->is_time, row.is_time) << row.text;
  if (row.anchor) {
    EXPECT_EQ(AnchorName(e->anchor), AnchorName(*row.anchor)) << row.text;
  }
}

// ---------------------------------------------------------------- absolute dates
INSTANTIATE_TEST_SUITE_P(
    Absolute, DateFormsTest,
    ::testing::Values(Row{"2023년 11월 17일 이사회가 열렸다.", "2023년 11월 17일", "2023-11-17",
                          kSat},
                      Row{"2023년11월17일 발표", "2023년11월17일", "2023-11-17", kSat},
                      Row{"2023. 11. 17. 해임 발표", "2023. 11. 17.", "2023-11-17", kSat},
                      Row{"2023. 1. 5. 공지", "2023. 1. 5.", "2023-01-05", kNewYear},
                      Row{"공지 2023.11.17 게시", "2023.11.17", "2023-11-17", kNewYear},
                      Row{"2023.11.17. 게시", "2023.11.17.", "2023-11-17", kSat},
                      Row{"2023.1.9 발표", "2023.1.9", "2023-01-09", kSat},
                      Row{"23.11.17 발표", "23.11.17", "2023-11-17", kSat},
                      Row{"2023-11-17에 공개", "2023-11-17", "2023-11-17", kSat},
                      Row{"2024-02-29 기준", "2024-02-29", "2024-02-29", kAfterLeap},
                      Row{"2023/11/17 공개", "2023/11/17", "2023-11-17", kSat},
                      Row{"2024/02/29 공개", "2024/02/29", "2024-02-29", kLater},
                      Row{"'23년 11월 출시", "'23년 11월", "2023-11", kSat},
                      Row{"\u201923년 11월 출시", "\u201923년 11월", "2023-11", kSat},
                      Row{"'97년 외환위기", "'97년", "1997", kSat},
                      Row{"2023년 11월 출시", "2023년 11월", "2023-11", kNewYear},
                      Row{"2023.11 출시", "2023.11", "2023-11", kSat},
                      Row{"2023-11 출시", "2023-11", "2023-11", kSat},
                      Row{"1999년 12월 31일에 태어났다", "1999년 12월 31일", "1999-12-31", kSat},
                      Row{"2000년 1월 1일 개통", "2000년 1월 1일", "2000-01-01", kYearEnd},
                      Row{"2020년 2월 29일 문을 열었다", "2020년 2월 29일", "2020-02-29", kLeapDay},
                      Row{"2023년도 예산", "2023년도", "2023", kSat},
                      Row{"2023년 12월 31일 마감", "2023년 12월 31일", "2023-12-31", kNewYear}));

// ---------------------------------------------------------------- weekday and time zone notes
INSTANTIATE_TEST_SUITE_P(
    WeekdayAndZoneNotes, DateFormsTest,
    ::testing::Values(
        Row{"17일(금) 발표했다", "17일(금)", "2023-11-17", kSat},
        Row{"17일 금요일 발표했다", "17일 금요일", "2023-11-17", kSat},
        Row{"17일(금요일) 발표했다", "17일(금요일)", "2023-11-17", kSat},
        Row{"11월 17일(금) 발표", "11월 17일(금)", "2023-11-17", kSat},
        Row{"2023년 11월 17일(금) 발표", "2023년 11월 17일(금)", "2023-11-17", kSat},
        Row{"2023. 11. 17.(금) 발표", "2023. 11. 17.(금)", "2023-11-17", kSat},
        Row{"2023.11.17(금) 발표", "2023.11.17(금)", "2023-11-17", kSat},
        Row{"2023년 11월 17일 금요일 발표", "2023년 11월 17일 금요일", "2023-11-17", kSat},
        Row{"26일(일) 열린다", "26일(일)", "2023-11-26", kSun},
        Row{"1일(월) 시행", "1일(월)", "2024-01-01", kNewYear},
        Row{"29일(목) 발표", "29일(목)", "2024-02-29", kAfterLeap},
        Row{"17일(현지시간) 발표했다", "17일", "2023-11-17", kSat},
        Row{"17일(현지 시간) 발표했다", "17일", "2023-11-17", kSat},
        Row{"2023년 11월 17일(현지시간) 발표", "2023년 11월 17일", "2023-11-17", kSat},
        Row{"17일 금요일(현지시간) 발표", "17일 금요일", "2023-11-17", kSat},
        Row{"31일(현지시간) 발표했다", "31일", "2023-12-31", kNewYear},
        Row{"16일(현지시간) 오후 3시 만났다", "오후 3시", "2023-11-16T15", kSat}.Time(),
        Row{"17일(한국시간) 새벽 4시 발표", "새벽 4시", "2023-11-17T04", kSat}.Time()));

// ---------------------------------------------------------------- partial dates
INSTANTIATE_TEST_SUITE_P(
    Partial, DateFormsTest,
    ::testing::Values(
        Row{"11월 6일 출시", "11월 6일", "2023-11-06", kSat},
        Row{"17일 밝혔다", "17일", "2023-11-17", kSat}, Row{"11월 출시", "11월", "2023-11", kSat},
        Row{"6월 출시", "6월", "2023-06", kSat}, Row{"25일 밝혔다", "25일", "2023-11-25", kSat},
        Row{"28일 밝혔다", "28일", "2023-12-28", kYearEnd},
        Row{"3일 밝혔다", "3일", "2024-01-03", kNewYear},
        Row{"5일 밝혔다", "5일", "2023-12-05", kNewYear},
        Row{"31일 발표했다", "31일", "2023-12-31", kNewYear},
        Row{"29일 발표했다", "29일", "2024-02-29", kAfterLeap},
        Row{"28일 발표했다", "28일", "2023-02-28", "2023-03-01"},
        Row{"31일 발표했다", "31일", "2023-10-31", kMonthEnd},
        Row{"30일 발표했다", "30일", "2023-04-30", "2023-05-02"},
        Row{"12월 28일 발표", "12월 28일", "2023-12-28", kNewYear},
        Row{"1월 2일 발표", "1월 2일", "2024-01-02", kNewYear},
        Row{"12월 발표", "12월", "2023-12", kNewYear}, Row{"1월 발표", "1월", "2024-01", kNewYear},
        Row{"2월 29일 발표", "2월 29일", "2024-02-29", kAfterLeap},
        Row{"10월 31일 발표", "10월 31일", "2023-10-31", kMonthEnd}));

// ---------------------------------------------------------------- years and decades
INSTANTIATE_TEST_SUITE_P(YearsAndDecades, DateFormsTest,
                         ::testing::Values(Row{"2015년에 설립", "2015년", "2015", kSat},
                                           Row{"2024년 총선", "2024년", "2024", kSat},
                                           Row{"97년 외환위기", "97년", "1997", kSat},
                                           Row{"05년 출시", "05년", "2005", kNewYear},
                                           Row{"1988년 올림픽", "1988년", "1988", kLeapDay},
                                           Row{"2010년대 음악", "2010년대", "201", kSat},
                                           Row{"2000년대 음악", "2000년대", "200", kSat},
                                           Row{"1980년대 가요", "1980년대", "198", kSat},
                                           Row{"90년대 가요", "90년대", "199", kSat},
                                           Row{"70년대 영화", "70년대", "197", kNewYear}));

// ---------------------------------------------------------------- ranges (inclusive `to`)
INSTANTIATE_TEST_SUITE_P(
    Ranges, DateFormsTest,
    ::testing::Values(
        Row{"11월 17~22일 열렸다", "11월 17~22일", "2023-11-17/2023-11-22", kSat},
        Row{"17~22일 열렸다", "17~22일", "2023-11-17/2023-11-22", kSat},
        Row{"17일~22일 열렸다", "17일~22일", "2023-11-17/2023-11-22", kSat},
        // 부터 joins the two ends inside the span; 까지 is a particle, outside it
        Row{"17일부터 22일까지 열렸다", "17일부터 22일", "2023-11-17/2023-11-22", kSat},
        Row{"2023년 3월 2일부터 5월 31일까지 접수", "2023년 3월 2일부터 5월 31일",
            "2023-03-02/2023-05-31", kSat},
        Row{"11월 1일부터 30일까지 진행", "11월 1일부터 30일", "2023-11-01/2023-11-30", kSat},
        Row{"9월 23일부터 10월 7일까지 열렸다", "9월 23일부터 10월 7일", "2023-09-23/2023-10-07",
            kSat},
        Row{"3월 2일~5월 31일 접수", "3월 2일~5월 31일", "2023-03-02/2023-05-31", kSat},
        Row{"11월 28일~12월 3일 열렸다", "11월 28일~12월 3일", "2023-11-28/2023-12-03",
            "2023-12-05"},
        Row{"2월 1일~29일 접수", "2월 1일~29일", "2024-02-01/2024-02-29", kAfterLeap},
        Row{"2023년 12월 30일~2024년 1월 2일 휴무", "2023년 12월 30일~2024년 1월 2일",
            "2023-12-30/2024-01-02", kNewYear},
        // the end wraps into the next year
        Row{"12월 30일~1월 2일 휴무", "12월 30일~1월 2일", "2023-12-30/2024-01-02", kNewYear},
        // the end wraps into the next month
        Row{"11월 28일~3일 열렸다", "11월 28일~3일", "2023-11-28/2023-12-03", "2023-12-05"},
        Row{"2022~2023년 시즌", "2022~2023년", "2022/2023", kSat},
        Row{"2022~23년 시즌", "2022~23년", "2022/2023", kSat},
        Row{"2019\u223C2021년 조사", "2019\u223C2021년", "2019/2021", kSat},
        Row{"2020년부터 2023년까지 조사", "2020년부터 2023년", "2020/2023", kSat},
        Row{"2023년 1~3월 실적", "2023년 1~3월", "2023-01/2023-03", kNewYear},
        Row{"1월~3월 실적", "1월~3월", "2023-01/2023-03", kSat},
        Row{"2023.11.17~2023.11.22 접수", "2023.11.17~2023.11.22", "2023-11-17/2023-11-22", kSat},
        Row{"2023.11.17~11.22 접수", "2023.11.17~11.22", "2023-11-17/2023-11-22", kSat}));

// ---------------------------------------------------------------- relative days
INSTANTIATE_TEST_SUITE_P(
    RelativeDays, DateFormsTest,
    ::testing::Values(
        Row{"오늘 발표했다", "오늘", "2023-11-25", kSat},
        Row{"금일 발표", "금일", "2023-11-25", kSat},
        Row{"어제 발표했다", "어제", "2023-11-24", kSat},
        Row{"어저께 발표했다", "어저께", "2023-11-24", kSat},
        Row{"내일 발표한다", "내일", "2023-11-26", kSat},
        Row{"모레 발표한다", "모레", "2023-11-27", kSat},
        Row{"내일모레 발표한다", "내일모레", "2023-11-27", kSat},
        Row{"글피 발표한다", "글피", "2023-11-28", kSat},
        Row{"그저께 발표했다", "그저께", "2023-11-23", kSat},
        Row{"그제 발표했다", "그제", "2023-11-23", kSat},
        Row{"엊그제 발표했다", "엊그제", "2023-11-23", kSat},
        Row{"오늘 발표했다", "오늘", "2024-01-03", kNewYear},
        Row{"어제 발표했다", "어제", "2024-01-02", kNewYear},
        Row{"그저께 발표했다", "그저께", "2024-01-01", kNewYear},
        Row{"엊그제 발표했다", "엊그제", "2024-01-01", kNewYear},
        Row{"내일 발표한다", "내일", "2024-01-01", kYearEnd},
        Row{"모레 발표한다", "모레", "2024-01-02", kYearEnd},
        Row{"글피 발표한다", "글피", "2024-01-03", kYearEnd},
        Row{"어제 발표했다", "어제", "2024-02-29", kAfterLeap},
        Row{"그저께 발표했다", "그저께", "2024-02-28", kAfterLeap},
        Row{"오늘 발표했다", "오늘", "2024-02-29", kLeapDay},
        Row{"내일 발표한다", "내일", "2024-03-01", kLeapDay},
        Row{"어제 발표했다", "어제", "2024-02-28", kLeapDay},
        Row{"내일 발표한다", "내일", "2023-11-01", kMonthEnd},
        Row{"내일 발표한다", "내일", "2023-03-01", "2023-02-28"},
        Row{"이날 발표했다", "이날", "2023-11-26", kSun}.AnchoredTo(Anchor::kDocument),
        // a time of day after the day word is an expression of its own that takes its day
        Row{"이날 오후 3시 발표했다", "이날", "2023-11-25", kSat},
        Row{"이날 오후 3시 발표했다", "오후 3시", "2023-11-25T15", kSat}.Time(),
        Row{"어제 오후 3시 발표했다", "어제", "2023-11-24", kSat},
        Row{"어제 오후 3시 발표했다", "오후 3시", "2023-11-24T15", kSat}.Time(),
        Row{"내일 오전 10시 발표한다", "오전 10시", "2023-11-26T10", kSat}.Time(),
        Row{"내일 오전 10시 발표한다", "오전 10시", "2024-01-01T10", kYearEnd}.Time()));

// ---------------------------------------------------------------- relative weeks (ISO weeks)
INSTANTIATE_TEST_SUITE_P(
    RelativeWeeks, DateFormsTest,
    ::testing::Values(
        Row{"지난주 발표", "지난주", "2023-W46", kSat},
        Row{"저번 주 발표", "저번 주", "2023-W46", kSat},
        Row{"이번 주 발표", "이번 주", "2023-W47", kSat},
        Row{"이번주 발표", "이번주", "2023-W47", kSat},
        Row{"다음 주 발표", "다음 주", "2023-W48", kSat},
        Row{"다음주 발표", "다음주", "2023-W48", kSat},
        Row{"다음 주 화요일 발표", "다음 주 화요일", "2023-11-28", kSat},
        Row{"다음 주 월요일 발표", "다음 주 월요일", "2023-11-27", kSat},
        Row{"지난주 금요일 발표", "지난주 금요일", "2023-11-17", kSat},
        Row{"지난주 월요일 발표", "지난주 월요일", "2023-11-13", kSat},
        Row{"이번 주 월요일 발표", "이번 주 월요일", "2023-11-20", kSat},
        Row{"화요일 발표했다", "화요일", "2023-11-21", kSat},
        Row{"금요일 발표했다", "금요일", "2023-11-24", kSat},
        Row{"지난 금요일 발표했다", "지난 금요일", "2023-11-24", kSat},
        Row{"돌아오는 토요일 열린다", "돌아오는 토요일", "2023-12-02", kSat},
        // a Sunday still belongs to the ISO week that began on the Monday before it
        Row{"지난주 발표", "지난주", "2023-W46", kSun},
        Row{"이번 주 발표", "이번 주", "2023-W47", kSun},
        Row{"다음 주 발표", "다음 주", "2023-W48", kSun},
        Row{"다음 주 월요일 발표", "다음 주 월요일", "2023-11-27", kSun},
        Row{"금요일 발표했다", "금요일", "2023-11-24", kSun},
        Row{"지난 일요일 발표했다", "지난 일요일", "2023-11-19", kSun},
        Row{"오는 월요일 발표", "오는 월요일", "2023-11-27", kSun},
        Row{"지난주 발표", "지난주", "2023-W52", kNewYear},
        Row{"이번 주 발표", "이번 주", "2024-W01", kNewYear},
        Row{"다음 주 발표", "다음 주", "2024-W02", kNewYear},
        Row{"지난주 금요일 발표", "지난주 금요일", "2023-12-29", kNewYear},
        Row{"월요일 발표했다", "월요일", "2024-01-01", kNewYear},
        Row{"다음 주 발표", "다음 주", "2024-W01", kYearEnd},
        Row{"다음 주 화요일 발표", "다음 주 화요일", "2024-01-02", kYearEnd},
        Row{"이번 주 발표", "이번 주", "2020-W53", "2021-01-03"},
        Row{"다음 주 발표", "다음 주", "2021-W01", "2021-01-03"},
        Row{"이번 주말 공연", "이번 주말", "2023-11-24T18/2023-11-26T23", kSat}.Time(),
        Row{"지난 주말 공연", "지난 주말", "2023-11-17T18/2023-11-19T23", kSat}.Time()));

// ---------------------------------------------------------------- relative months and years
INSTANTIATE_TEST_SUITE_P(
    RelativeMonthsAndYears, DateFormsTest,
    ::testing::Values(
        Row{"작년 발표", "작년", "2022", kSat}, Row{"지난해 매출", "지난해", "2022", kSat},
        Row{"재작년 매출", "재작년", "2021", kSat}, Row{"올해 매출", "올해", "2023", kSat},
        Row{"금년 매출", "금년", "2023", kSat}, Row{"내년 출시", "내년", "2024", kSat},
        Row{"내후년 출시", "내후년", "2025", kSat}, Row{"지난달 발표", "지난달", "2023-10", kSat},
        Row{"지난 달 발표", "지난 달", "2023-10", kSat},
        Row{"이번 달 발표", "이번 달", "2023-11", kSat}, Row{"이달 발표", "이달", "2023-11", kSat},
        Row{"다음 달 발표", "다음 달", "2023-12", kSat},
        Row{"다음달 발표", "다음달", "2023-12", kSat}, Row{"내달 발표", "내달", "2023-12", kSat},
        Row{"작년 발표", "작년", "2023", kNewYear}, Row{"지난해 매출", "지난해", "2023", kNewYear},
        Row{"올해 매출", "올해", "2024", kNewYear},
        Row{"지난달 발표", "지난달", "2023-12", kNewYear},
        Row{"이번 달 발표", "이번 달", "2024-01", kNewYear},
        Row{"다음 달 발표", "다음 달", "2024-02", kNewYear},
        Row{"내년 출시", "내년", "2024", kYearEnd}, Row{"올해 매출", "올해", "2023", kYearEnd},
        Row{"다음 달 발표", "다음 달", "2024-01", kYearEnd},
        Row{"지난달 발표", "지난달", "2023-09", kMonthEnd},
        Row{"다음 달 발표", "다음 달", "2023-11", kMonthEnd},
        Row{"지난달 발표", "지난달", "2024-02", "2024-03-31"}));

// ---------------------------------------------------------------- shifts from the document date
INSTANTIATE_TEST_SUITE_P(
    Shifts, DateFormsTest,
    ::testing::Values(
        Row{"3일 전 발표", "3일 전", "2023-11-22", kSat},
        Row{"3일 후 발표", "3일 후", "2023-11-28", kSat},
        Row{"10일 뒤 발표", "10일 뒤", "2023-12-05", kSat},
        Row{"하루 전 발표", "하루 전", "2023-11-24", kSat},
        Row{"이틀 뒤 발표", "이틀 뒤", "2023-11-27", kSat},
        Row{"사흘 전 발표", "사흘 전", "2023-11-22", kSat},
        Row{"사흘 뒤 발표", "사흘 뒤", "2023-11-28", kSat},
        Row{"나흘 전 발표", "나흘 전", "2023-11-21", kSat},
        Row{"닷새 뒤 발표", "닷새 뒤", "2023-11-30", kSat},
        Row{"엿새 전 발표", "엿새 전", "2023-11-19", kSat},
        Row{"일주일 뒤 발표", "일주일 뒤", "2023-12-02", kSat},
        Row{"일주일 전 발표", "일주일 전", "2023-11-18", kSat},
        Row{"2주 전 발표", "2주 전", "2023-11-11", kSat},
        Row{"한 달 전 발표", "한 달 전", "2023-10", kSat},
        Row{"두 달 뒤 발표", "두 달 뒤", "2024-01", kSat},
        Row{"석 달 전 발표", "석 달 전", "2023-08", kSat},
        Row{"6개월 뒤 발표", "6개월 뒤", "2024-05", kSat},
        Row{"3년 전 설립", "3년 전", "2020", kSat}, Row{"1년 후 완공", "1년 후", "2024", kSat},
        Row{"10년 전 설립", "10년 전", "2013", kSat}, Row{"5년 뒤 완공", "5년 뒤", "2028", kSat},
        Row{"사흘 전 발표", "사흘 전", "2023-12-31", kNewYear},
        Row{"5일 전 발표", "5일 전", "2023-12-29", kNewYear},
        Row{"일주일 전 발표", "일주일 전", "2023-12-27", kNewYear},
        Row{"한 달 전 발표", "한 달 전", "2023-12", kNewYear},
        Row{"하루 전 발표", "하루 전", "2024-02-29", kAfterLeap},
        Row{"이틀 전 발표", "이틀 전", "2024-02-28", kAfterLeap},
        Row{"1년 전 발표", "1년 전", "2023", kAfterLeap},
        Row{"하루 뒤 발표", "하루 뒤", "2024-03-01", kLeapDay},
        Row{"일주일 뒤 발표", "일주일 뒤", "2024-03-07", kLeapDay},
        Row{"1년 뒤 발표", "1년 뒤", "2025", kLeapDay},
        Row{"한 달 뒤 발표", "한 달 뒤", "2024-02", "2024-01-31"},
        // with a time of day in the reference, sub-day shifts have a value
        Row{"3시간 전 발표", "3시간 전", "2023-11-25T07:00", "2023-11-25T10:00:00"}.Time(),
        Row{"30분 뒤 마감", "30분 뒤", "2024-01-01T00:20:00", "2023-12-31T23:50:00"}.Time()));

// ---------------------------------------------------------------- shifts from the previous date
// 만에 counts from the date told last, not from the document date.
INSTANTIATE_TEST_SUITE_P(
    EventAnchoredShifts, DateFormsTest,
    ::testing::Values(
        Row{"2023년 11월 17일 해임됐다. 닷새 만에 복귀했다.", "닷새 만에", "2023-11-22", kLater}
            .AnchoredTo(Anchor::kPreviousMention),
        Row{"2023년 11월 17일 해임됐다. 그리고 열흘 만에 복귀했다.", "열흘 만에", "2023-11-27",
            kLater},
        Row{"2023년 11월 17일 해임된 뒤 이틀 만에 복귀했다.", "이틀 만에", "2023-11-19", kLater}
            .AnchoredTo(Anchor::kPreviousMention),
        Row{"11월 17일 해임됐다가 닷새 만에 복귀했다.", "닷새 만에", "2023-11-22", kSat},
        Row{"19일 개봉해 나흘 만에 100만 관객을 넘었다.", "나흘 만에", "2023-11-23", kSat},
        Row{"2023년 12월 30일 출국해 사흘 만에 돌아왔다.", "사흘 만에", "2024-01-02", kNewYear},
        Row{"2024년 2월 27일 입원해 이틀 만에 퇴원했다.", "이틀 만에", "2024-02-29", kLater},
        Row{"2017년 우승한 뒤 5년 만에 정상에 올랐다.", "5년 만에", "2022", kSat},
        // 뒤 and 후 right after a dated sentence count from that date too
        Row{"2023년 11월 17일 해임됐다. 이틀 뒤 복귀했다.", "이틀 뒤", "2023-11-19", kLater}
            .AnchoredTo(Anchor::kPreviousMention),
        Row{"2023년 3월 30일 발표하고 사흘 후 시행했다.", "사흘 후", "2023-04-02", kSat}));

// ---------------------------------------------------------------- direction words in the span
INSTANTIATE_TEST_SUITE_P(
    DeicticPrefixes, DateFormsTest,
    ::testing::Values(Row{"지난 19일 발표", "지난 19일", "2023-11-19", kSat},
                      Row{"지난 28일 발표", "지난 28일", "2023-10-28", kSat},
                      Row{"오는 28일 발표", "오는 28일", "2023-11-28", kSat},
                      Row{"오는 20일 발표", "오는 20일", "2023-12-20", kSat},
                      Row{"오는 12월 개최", "오는 12월", "2023-12", kSat},
                      Row{"오는 3월 개최", "오는 3월", "2024-03", kSat},
                      Row{"지난 3월 발표", "지난 3월", "2023-03", kSat},
                      Row{"지난 12월 발표", "지난 12월", "2022-12", kSat},
                      Row{"지난해 11월 발표", "지난해 11월", "2022-11", kSat},
                      Row{"지난해 7월 발표", "지난해 7월", "2022-07", kSat},
                      Row{"작년 12월 31일 발표", "작년 12월 31일", "2022-12-31", kSat},
                      Row{"지난달 31일 발표", "지난달 31일", "2023-10-31", kSat},
                      Row{"지난달 13일 발표", "지난달 13일", "2023-10-13", kSat},
                      Row{"이달 15일 발표", "이달 15일", "2023-11-15", kSat},
                      Row{"이달 30일 개최", "이달 30일", "2023-11-30", kSat},
                      Row{"다음 달 5일 개최", "다음 달 5일", "2023-12-05", kSat},
                      Row{"내달 1일 개최", "내달 1일", "2023-12-01", kSat},
                      Row{"올해 3월 발표", "올해 3월", "2023-03", kSat},
                      Row{"올 1월 출생아", "올 1월", "2023-01", kSat},
                      Row{"내년 3월 개막", "내년 3월", "2024-03", kSat},
                      Row{"내년 1월 1일 시행", "내년 1월 1일", "2024-01-01", kSat},
                      Row{"오는 5일 개최", "오는 5일", "2024-01-05", "2023-12-28"},
                      Row{"오는 1일 시행", "오는 1일", "2024-01-01", "2023-12-28"},
                      Row{"지난 30일 발표", "지난 30일", "2023-11-30", "2023-12-01"},
                      Row{"지난 29일 발표", "지난 29일", "2024-02-29", kLater},
                      Row{"지난 2월 29일 발표", "지난 2월 29일", "2024-02-29", kAfterLeap},
                      Row{"지난해 12월 발표", "지난해 12월", "2023-12", kNewYear},
                      Row{"지난해 12월 31일 발표", "지난해 12월 31일", "2023-12-31", kNewYear},
                      Row{"지난달 31일 발표", "지난달 31일", "2023-12-31", kNewYear}));

// ---------------------------------------------------------------- fuzzy parts as modifiers
INSTANTIATE_TEST_SUITE_P(
    FuzzyModifiers, DateFormsTest,
    ::testing::Values(Row{"11월 초 발표", "11월 초", "2023-11", kSat}.Mod("START"),
                      Row{"11월 초순 발표", "11월 초순", "2023-11", kSat}.Mod("START"),
                      Row{"11월 상순 발표", "11월 상순", "2023-11", kSat}.Mod("START"),
                      Row{"11월 중순 발표", "11월 중순", "2023-11", kSat}.Mod("MID"),
                      Row{"11월 하순 발표", "11월 하순", "2023-11", kSat}.Mod("END"),
                      Row{"11월 말 발표", "11월 말", "2023-11", kSat}.Mod("END"),
                      Row{"11월 말경 발표", "11월 말경", "2023-11", kSat}.Mod("END"),
                      Row{"12월 말 발표", "12월 말", "2023-12", kNewYear}.Mod("END"),
                      Row{"1월 초 발표", "1월 초", "2024-01", kNewYear}.Mod("START"),
                      Row{"2월 말 발표", "2월 말", "2024-02", kAfterLeap}.Mod("END"),
                      Row{"2013년 말 발표", "2013년 말", "2013", kSat}.Mod("END"),
                      Row{"2013년 초 발표", "2013년 초", "2013", kSat}.Mod("START"),
                      Row{"2013년 초반 발표", "2013년 초반", "2013", kSat}.Mod("START"),
                      Row{"2013년 중반 발표", "2013년 중반", "2013", kSat}.Mod("MID"),
                      Row{"2013년 후반 발표", "2013년 후반", "2013", kSat}.Mod("END"),
                      Row{"2023년 11월 말 발표", "2023년 11월 말", "2023-11", kLater}.Mod("END"),
                      Row{"이달 중순 발표", "이달 중순", "2023-11", kSat}.Mod("MID"),
                      Row{"이달 초 발표", "이달 초", "2023-11", kSat}.Mod("START"),
                      Row{"이달 말 발표", "이달 말", "2023-11", kSat}.Mod("END"),
                      Row{"지난달 말 발표", "지난달 말", "2023-10", kSat}.Mod("END"),
                      Row{"다음 달 초 발표", "다음 달 초", "2023-12", kSat}.Mod("START"),
                      Row{"지난해 말 발표", "지난해 말", "2022", kSat}.Mod("END"),
                      Row{"올해 초 발표", "올해 초", "2023", kSat}.Mod("START"),
                      Row{"내년 초 발표", "내년 초", "2024", kSat}.Mod("START"),
                      Row{"지난해 말 발표", "지난해 말", "2023", kNewYear}.Mod("END"),
                      Row{"연말 정산", "연말", "2023", kSat}.Mod("END"),
                      Row{"연초 발표", "연초", "2023", kSat}.Mod("START"),
                      Row{"지난해 연말 발표", "지난해 연말", "2022", kSat}.Mod("END"),
                      Row{"월말 결산", "월말", "2023-11", kSat}.Mod("END"),
                      Row{"월초 결산", "월초", "2023-11", kSat}.Mod("START"),
                      Row{"2010년대 초 유행", "2010년대 초", "201", kSat}.Mod("START"),
                      Row{"2000년대 초반 유행", "2000년대 초반", "200", kSat}.Mod("START"),
                      Row{"90년대 후반 유행", "90년대 후반", "199", kSat}.Mod("END"),
                      Row{"1980년대 중반 유행", "1980년대 중반", "198", kSat}.Mod("MID")));

// ---------------------------------------------------------------- quarters and halves as values
INSTANTIATE_TEST_SUITE_P(
    QuartersAndHalves, DateFormsTest,
    ::testing::Values(Row{"상반기 실적", "상반기", "2023-H1", kSat},
                      Row{"하반기 실적", "하반기", "2023-H2", kSat},
                      Row{"올해 상반기 실적", "올해 상반기", "2023-H1", kSat},
                      Row{"올 하반기 출시", "올 하반기", "2023-H2", kSat},
                      Row{"내년 상반기 출시", "내년 상반기", "2024-H1", kSat},
                      Row{"지난해 하반기 실적", "지난해 하반기", "2022-H2", kSat},
                      Row{"2023년 상반기 실적", "2023년 상반기", "2023-H1", kNewYear},
                      Row{"2024년 하반기 출시", "2024년 하반기", "2024-H2", kSat},
                      Row{"상반기 결산", "상반기", "2023-H1", "2023-07-10"},
                      Row{"3분기 실적", "3분기", "2023-Q3", kSat},
                      Row{"1분기 실적", "1분기", "2023-Q1", kSat},
                      Row{"2018년 4분기 실적", "2018년 4분기", "2018-Q4", kSat},
                      Row{"올해 1분기 실적", "올해 1분기", "2023-Q1", kSat},
                      Row{"지난해 4분기 실적", "지난해 4분기", "2022-Q4", kSat},
                      Row{"내년 2분기 출시", "내년 2분기", "2024-Q2", kSat},
                      Row{"지난 분기 실적", "지난 분기", "2023-Q3", kSat},
                      Row{"이번 분기 실적", "이번 분기", "2023-Q4", kSat},
                      Row{"다음 분기 출시", "다음 분기", "2024-Q1", kSat},
                      Row{"지난해 4분기 실적", "지난해 4분기", "2023-Q4", kNewYear},
                      Row{"지난 분기 실적", "지난 분기", "2023-Q4", kNewYear},
                      Row{"1분기 실적 전망", "1분기", "2024-Q1", kNewYear},
                      // told in January, the fourth quarter is the one just ended
                      Row{"4분기 실적을 발표했다", "4분기", "2023-Q4", kNewYear}));

// ---------------------------------------------------------------- times of day
INSTANTIATE_TEST_SUITE_P(
    Times, DateFormsTest,
    ::testing::Values(
        Row{"오전 9시 회의", "오전 9시", "2023-11-25T09", kSat}.Time(),
        Row{"오전 9시 30분 회의", "오전 9시 30분", "2023-11-25T09:30", kSat}.Time(),
        Row{"오후 3시 회의", "오후 3시", "2023-11-25T15", kSat}.Time(),
        Row{"오후 3시 30분 회의", "오후 3시 30분", "2023-11-25T15:30", kSat}.Time(),
        Row{"오후 3시 반 회의", "오후 3시 반", "2023-11-25T15:30", kSat}.Time(),
        Row{"오후3시 회의", "오후3시", "2023-11-25T15", kSat}.Time(),
        Row{"오후 12시 회의", "오후 12시", "2023-11-25T12", kSat}.Time(),
        Row{"오후 11시 59분 마감", "오후 11시 59분", "2023-11-25T23:59", kSat}.Time(),
        Row{"오전 0시 30분 발생", "오전 0시 30분", "2023-11-25T00:30", kSat}.Time(),
        Row{"오후 3시 30분 15초 발사", "오후 3시 30분 15초", "2023-11-25T15:30:15", kSat}.Time(),
        Row{"오후 2시 10분 전 도착", "오후 2시 10분 전", "2023-11-25T13:50", kSat}.Time(),
        Row{"오전 10시 정각 시작", "오전 10시 정각", "2023-11-25T10", kSat}.Time(),
        Row{"정오에 만났다", "정오", "2023-11-25T12", kSat}.Time(),
        Row{"정오에 만났다", "정오", "2024-02-29T12", kLeapDay}.Time(),
        // 자정 ends the day it is told on
        Row{"자정에 끝났다", "자정", "2023-11-26T00", kSat}.Time(),
        Row{"자정에 끝났다", "자정", "2024-01-01T00", kYearEnd}.Time(),
        Row{"새벽 3시 사고", "새벽 3시", "2023-11-25T03", kSat}.Time(),
        Row{"새벽 4시 20분 사고", "새벽 4시 20분", "2023-11-25T04:20", kSat}.Time(),
        Row{"아침 7시 출발", "아침 7시", "2023-11-25T07", kSat}.Time(),
        Row{"아침 8시 반 출발", "아침 8시 반", "2023-11-25T08:30", kSat}.Time(),
        Row{"낮 2시 출발", "낮 2시", "2023-11-25T14", kSat}.Time(),
        Row{"저녁 7시 공연", "저녁 7시", "2023-11-25T19", kSat}.Time(),
        Row{"저녁 8시 30분 공연", "저녁 8시 30분", "2023-11-25T20:30", kSat}.Time(),
        Row{"밤 10시 사고", "밤 10시", "2023-11-25T22", kSat}.Time(),
        Row{"밤 11시 반 사고", "밤 11시 반", "2023-11-25T23:30", kSat}.Time(),
        Row{"밤 12시 마감", "밤 12시", "2023-11-26T00", kSat}.Time(),
        Row{"14시 20분 출발", "14시 20분", "2023-11-25T14:20", kSat}.Time(),
        Row{"18시 마감", "18시", "2023-11-25T18", kSat}.Time(),
        Row{"15:30 출발", "15:30", "2023-11-25T15:30", kSat}.Time(),
        Row{"09:05 도착", "09:05", "2023-11-25T09:05", kSat}.Time(),
        Row{"23:59 마감", "23:59", "2023-12-31T23:59", kYearEnd}.Time(),
        Row{"3:20pm 출발", "3:20pm", "2023-11-25T15:20", kSat}.Time(),
        Row{"3:20 PM 출발", "3:20 PM", "2023-11-25T15:20", kSat}.Time(),
        Row{"10:30am 도착", "10:30am", "2023-11-25T10:30", kSat}.Time(),
        Row{"새벽에 발생했다", "새벽", "2023-11-25T00/2023-11-25T05", kSat}.Time(),
        Row{"아침에 발생했다", "아침", "2023-11-25T04/2023-11-25T11", kSat}.Time(),
        Row{"저녁에 발생했다", "저녁", "2023-11-25T18/2023-11-25T23", kSat}.Time(),
        Row{"밤에 발생했다", "밤", "2023-11-25T18/2023-11-25T23", kSat}.Time(),
        // the time takes the day told before it
        Row{"김씨는 17일 오후 3시 만났다.", "오후 3시", "2023-11-17T15", kSat}.Time(),
        Row{"2023년 11월 17일 오후 3시 30분 발표", "오후 3시 30분", "2023-11-17T15:30", kLater}
            .Time(),
        Row{"2023. 11. 17. 15:30 발표", "15:30", "2023-11-17T15:30", kLater}.Time(),
        // ranges of times
        Row{"오전 10시~오후 5시 개방", "오전 10시~오후 5시", "2023-11-25T10/2023-11-25T17", kSat}
            .Time(),
        Row{"오후 2시부터 4시까지 진행", "오후 2시부터 4시", "2023-11-25T14/2023-11-25T16", kSat}
            .Time(),
        Row{"오전 9시~11시 진행", "오전 9시~11시", "2023-11-25T09/2023-11-25T11", kSat}.Time(),
        Row{"9시~18시 영업", "9시~18시", "2023-11-25T09/2023-11-25T18", kSat}.Time(),
        Row{"밤 11시~새벽 1시 통제", "밤 11시~새벽 1시", "2023-11-25T23/2023-11-26T01", kSat}
            .Time(),
        Row{"오후 10시~새벽 2시 통제", "오후 10시~새벽 2시", "2023-12-31T22/2024-01-01T02",
            kYearEnd}
            .Time()));

// ---------------------------------------------------------------- Korean numerals
INSTANTIATE_TEST_SUITE_P(
    KoreanNumerals, DateFormsTest,
    ::testing::Values(
        Row{"오후 세시 회의", "오후 세시", "2023-11-25T15", kSat}.Time(),
        Row{"새벽 세 시 사고", "새벽 세 시", "2023-11-25T03", kSat}.Time(),
        Row{"열두 시에 만났다", "열두 시", "2023-11-25T12", kSat}.Time(),
        Row{"열두 시 반에 만났다", "열두 시 반", "2023-11-25T12:30", kSat}.Time(),
        Row{"밤 열한 시 사고", "밤 열한 시", "2023-11-25T23", kSat}.Time(),
        Row{"아침 여덟 시 출발", "아침 여덟 시", "2023-11-25T08", kSat}.Time(),
        Row{"오전 열한 시 반 회의", "오전 열한 시 반", "2023-11-25T11:30", kSat}.Time(),
        Row{"오후 두 시 삼십 분 회의", "오후 두 시 삼십 분", "2023-11-25T14:30", kSat}.Time(),
        Row{"오후 네 시 십오 분 회의", "오후 네 시 십오 분", "2023-11-25T16:15", kSat}.Time(),
        Row{"오후 다섯시 회의", "오후 다섯시", "2023-11-25T17", kSat}.Time(),
        Row{"오후 한 시 회의", "오후 한 시", "2023-11-25T13", kSat}.Time(),
        Row{"저녁 일곱 시 공연", "저녁 일곱 시", "2023-11-25T19", kSat}.Time(),
        Row{"열흘 전 발표", "열흘 전", "2023-11-15", kSat},
        Row{"열흘 뒤 발표", "열흘 뒤", "2023-12-05", kSat},
        Row{"보름 전 발표", "보름 전", "2023-11-10", kSat},
        Row{"보름 뒤 발표", "보름 뒤", "2023-12-10", kSat},
        Row{"이레 뒤 발표", "이레 뒤", "2023-12-02", kSat},
        Row{"여드레 전 발표", "여드레 전", "2023-11-17", kSat},
        Row{"아흐레 뒤 발표", "아흐레 뒤", "2023-12-04", kSat},
        Row{"세 달 뒤 발표", "세 달 뒤", "2024-02", kSat},
        Row{"삼 일 전 발표", "삼 일 전", "2023-11-22", kSat},
        Row{"십 년 전 설립", "십 년 전", "2013", kSat},
        Row{"이십 년 전 설립", "이십 년 전", "2003", kSat},
        // Sino-Korean numerals written out in full for the calendar
        Row{"이천이십삼년 행사", "이천이십삼년", "2023", kSat},
        Row{"천구백구십칠년 외환위기", "천구백구십칠년", "1997", kSat},
        Row{"이천이십삼년 십일월 십칠일 발표", "이천이십삼년 십일월 십칠일", "2023-11-17", kSat},
        Row{"십일월 십칠일 발표", "십일월 십칠일", "2023-11-17", kSat}));

// ---------------------------------------------------------------- narrative anchoring
// A partial date after a full one takes its year and month from it, not from the document date.
INSTANTIATE_TEST_SUITE_P(
    Narrative, DateFormsTest,
    ::testing::Values(
        Row{"2023. 11. 17. 이사회가 해임했다. 20일 복귀했다.", "20일", "2023-11-20", kLater}
            .AnchoredTo(Anchor::kPreviousMention),
        Row{"2023. 11. 17. 이사회가 해임했다. 20일 복귀했다.", "2023. 11. 17.", "2023-11-17",
            kLater}
            .AnchoredTo(Anchor::kAbsolute),
        Row{"2019년 3월 4일 회사를 세웠다. 5월 10일 상장했다.", "5월 10일", "2019-05-10", kSat}
            .AnchoredTo(Anchor::kPreviousMention),
        Row{"2019년 3월 4일 회사를 세웠다. 10일 상장했다.", "10일", "2019-03-10", kSat},
        Row{"2023년 11월 17일 해임됐다. 12월 3일 복귀했다.", "12월 3일", "2023-12-03", kLater},
        Row{"지난 17일 해임됐다. 20일 복귀했다.", "20일", "2023-11-20", kSat},
        // told after a date late in a year, an earlier month is in the next year
        Row{"2022년 12월 30일 발표했다. 1월 2일 시행됐다.", "1월 2일", "2023-01-02", kSat},
        Row{"2023년 11월 17일 이사회가 열렸다. 이날 회의에서 해임이 결정됐다.", "이날",
            "2023-11-17", kSat}
            .AnchoredTo(Anchor::kPreviousMention),
        Row{"2023년 11월 17일 해임됐다. 그는 당일 복귀했다.", "당일", "2023-11-17", kSat},
        Row{"2023년 11월 17일 해임됐다. 다음 날 복귀했다.", "다음 날", "2023-11-18", kSat},
        Row{"2023년 11월 17일 해임됐다. 이튿날 복귀했다.", "이튿날", "2023-11-18", kSat},
        Row{"2023년 11월 17일 복귀했다. 전날 해임됐다.", "전날", "2023-11-16", kSat},
        Row{"2023년 12월 31일 출국했다. 다음 날 귀국했다.", "다음 날", "2024-01-01", kNewYear},
        Row{"2024년 2월 28일 입원했다. 다음 날 퇴원했다.", "다음 날", "2024-02-29", kLater},
        Row{"2015년 설립됐다. 이듬해 상장했다.", "이듬해", "2016", kSat},
        Row{"2015년 설립됐다. 그해 5월 상장했다.", "그해 5월", "2015-05", kSat},
        Row{"2023년 11월 17일 해임됐다. 이날 오후 3시 발표했다.", "오후 3시", "2023-11-17T15",
            kLater}
            .Time()));

// ---------------------------------------------------------------- --prefer past or future
INSTANTIATE_TEST_SUITE_P(
    PreferPastOrFuture, DateFormsTest,
    ::testing::Values(
        Row{"11월 6일", "11월 6일", "2023-11-06", kSat},
        Row{"11월 6일", "11월 6일", "2024-11-06", kSat}.Future(),
        Row{"11월 30일", "11월 30일", "2022-11-30", kSat},
        Row{"11월 30일", "11월 30일", "2023-11-30", kSat}.Future(),
        Row{"28일", "28일", "2023-10-28", kSat}, Row{"28일", "28일", "2023-11-28", kSat}.Future(),
        Row{"20일", "20일", "2023-11-20", kSat}, Row{"20일", "20일", "2023-12-20", kSat}.Future(),
        Row{"12월", "12월", "2022-12", kSat}, Row{"12월", "12월", "2023-12", kSat}.Future(),
        Row{"10월", "10월", "2023-10", kSat}, Row{"10월", "10월", "2024-10", kSat}.Future(),
        Row{"화요일", "화요일", "2023-11-21", kSat},
        Row{"화요일", "화요일", "2023-11-28", kSat}.Future(),
        Row{"11월 6일", "11월 6일", "2022-11-06", kEarly},
        Row{"11월 6일", "11월 6일", "2023-11-06", kEarly}.Future(),
        Row{"11월 1일", "11월 1일", "2023-11-01", kEarly},
        Row{"11월 1일", "11월 1일", "2024-11-01", kEarly}.Future(),
        Row{"12월 28일", "12월 28일", "2023-12-28", kNewYear},
        Row{"12월 28일", "12월 28일", "2024-12-28", kNewYear}.Future(),
        Row{"1월 10일", "1월 10일", "2023-01-10", kNewYear},
        Row{"1월 10일", "1월 10일", "2024-01-10", kNewYear}.Future(),
        Row{"30일", "30일", "2023-12-30", kNewYear},
        Row{"30일", "30일", "2024-01-30", kNewYear}.Future(),
        Row{"2일", "2일", "2024-01-02", kNewYear},
        Row{"2일", "2일", "2024-02-02", kNewYear}.Future(),
        Row{"1월 5일", "1월 5일", "2023-01-05", kYearEnd},
        Row{"1월 5일", "1월 5일", "2024-01-05", kYearEnd}.Future(),
        Row{"5일", "5일", "2023-12-05", kYearEnd},
        Row{"5일", "5일", "2024-01-05", kYearEnd}.Future(),
        // 지난 and 오는 decide whatever the option says
        Row{"지난 28일", "지난 28일", "2023-10-28", kSat}.Future(),
        Row{"오는 20일", "오는 20일", "2023-12-20", kSat}));

// ---------------------------------------------------------------- future tense moves forward
// Under the default past preference, a future tense in the clause ("열릴 예정이다", "시행된다")
// puts a partial date after the document date.
INSTANTIATE_TEST_SUITE_P(
    FutureTense, DateFormsTest,
    ::testing::Values(Row{"10일 열릴 예정이다.", "10일", "2023-12-10", kSat},
                      Row{"28일 발표할 계획이다.", "28일", "2023-11-28", kSat},
                      Row{"12월 1일부터 시행된다.", "12월 1일", "2023-12-01", kSat},
                      Row{"3월 개막할 예정이다.", "3월", "2024-03", kSat},
                      Row{"12월 출시될 전망이다.", "12월", "2023-12", kSat},
                      Row{"화요일 발표하겠다고 밝혔다.", "화요일", "2023-11-28", kSat},
                      Row{"28일 개봉한다.", "28일", "2023-11-28", kSat},
                      Row{"1월 5일 시행될 예정이다.", "1월 5일", "2024-01-05", kYearEnd},
                      Row{"다음 달 시행된다.", "다음 달", "2023-12", kSat},
                      // a past tense keeps the past
                      Row{"20일 열렸다.", "20일", "2023-11-20", kSat},
                      Row{"28일 발표했다.", "28일", "2023-10-28", kSat},
                      // with --prefer future the tense changes nothing
                      Row{"10일 열릴 예정이다.", "10일", "2023-12-10", kSat}.Future()));

// ---------------------------------------------------------------- holidays on a solar date
INSTANTIATE_TEST_SUITE_P(
    SolarHolidays, DateFormsTest,
    ::testing::Values(Row{"광복절 행사", "광복절", "2023-08-15", kSat},
                      Row{"올해 광복절 행사", "올해 광복절", "2023-08-15", kSat},
                      Row{"지난 광복절 행사", "지난 광복절", "2023-08-15", kSat},
                      Row{"한글날 행사", "한글날", "2023-10-09", kSat},
                      Row{"내년 한글날 행사", "내년 한글날", "2024-10-09", kSat},
                      Row{"크리스마스에 만났다", "크리스마스", "2022-12-25", kSat},
                      Row{"크리스마스에 개봉한다", "크리스마스", "2023-12-25", kSat}.Future(),
                      Row{"2023년 크리스마스", "2023년 크리스마스", "2023-12-25", kNewYear},
                      Row{"성탄절 예배", "성탄절", "2023-12-25", "2023-12-26"},
                      Row{"크리스마스이브 공연", "크리스마스이브", "2023-12-24", "2023-12-26"},
                      Row{"삼일절 행사", "삼일절", "2023-03-01", kSat},
                      Row{"3·1절 행사", "3·1절", "2023-03-01", kSat},
                      Row{"어린이날 행사", "어린이날", "2023-05-05", kSat},
                      Row{"현충일 추념식", "현충일", "2023-06-06", kSat},
                      Row{"제헌절 행사", "제헌절", "2023-07-17", kSat},
                      Row{"개천절 행사", "개천절", "2023-10-03", kSat},
                      Row{"신정 연휴", "신정", "2024-01-01", kNewYear}));

// ---------------------------------------------------------------- holidays on a lunar date
INSTANTIATE_TEST_SUITE_P(
    LunarHolidays, DateFormsTest,
    ::testing::Values(Row{"설날 연휴", "설날", "2023-01-22", "2023-02-10"},
                      Row{"2023년 설날", "2023년 설날", "2023-01-22", kSat},
                      Row{"올해 설날", "올해 설날", "2023-01-22", kSat},
                      Row{"2024년 설날", "2024년 설날", "2024-02-10", kSat},
                      Row{"내년 설날", "내년 설날", "2024-02-10", kSat},
                      Row{"추석 연휴", "추석", "2024-09-17", "2024-10-10"},
                      Row{"2024년 추석", "2024년 추석", "2024-09-17", kSat},
                      Row{"2023년 추석", "2023년 추석", "2023-09-29", kSat},
                      Row{"올해 추석", "올해 추석", "2023-09-29", kSat},
                      Row{"지난 추석", "지난 추석", "2023-09-29", kSat},
                      Row{"부처님오신날 행사", "부처님오신날", "2023-05-27", kSat},
                      Row{"2024년 정월대보름", "2024년 정월대보름", "2024-02-24", kSat}));

// ---------------------------------------------------------------- approximate (경, 께, 쯤)
// They make the value approximate and stay outside the span, as KLUE tags them.
INSTANTIATE_TEST_SUITE_P(
    Approximate, DateFormsTest,
    ::testing::Values(
        Row{"오후 6시 41분경 발생", "오후 6시 41분", "2023-11-25T18:41", kSat}.Mod("APPROX").Time(),
        Row{"새벽 2시께 발생", "새벽 2시", "2023-11-25T02", kSat}.Mod("APPROX").Time(),
        Row{"오후 3시쯤 도착", "오후 3시", "2023-11-25T15", kSat}.Mod("APPROX").Time(),
        Row{"밤 9시쯤 도착", "밤 9시", "2023-11-25T21", kSat}.Mod("APPROX").Time(),
        Row{"정오쯤 도착", "정오", "2023-11-25T12", kSat}.Mod("APPROX").Time(),
        Row{"17일께 발표", "17일", "2023-11-17", kSat}.Mod("APPROX"),
        Row{"20일경 발표", "20일", "2023-11-20", kSat}.Mod("APPROX"),
        Row{"11월 17일께 발표", "11월 17일", "2023-11-17", kSat}.Mod("APPROX"),
        Row{"2015년경 설립", "2015년", "2015", kSat}.Mod("APPROX"),
        Row{"1990년께 설립", "1990년", "1990", kSat}.Mod("APPROX")));

}  // namespace
}  // namespace sageon
