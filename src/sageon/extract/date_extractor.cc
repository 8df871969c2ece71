// Stage 5: temporal expressions.
//
// The text is scanned as code points, not tokens: a date is often glued to its particle or to the
// next date word ("17일오후", "오늘밤", "2023.11.17"), and the tokenizer may not have run. At each
// word start the parser reads the longest chain of date components in decreasing order of size
// (year, quarter or half, month, week, day, weekday, part of day, hour, minute, second), then an
// optional range ("~ 22일", "부터 ... 까지") or open end ("이후", "이전"). A duration followed by a
// direction ("사흘 뒤", "3년 전", "이틀 만에") is read as a shift. Parsing gives a Spec with no
// reference; resolution then places it on the calendar against the document's reference or the
// date last mentioned (narrative anchoring). When there is neither, the expression is still
// emitted, unresolved (resolved = false): its span and grain without a value. Most word starts
// begin no date at all: a table of the code points each reader of the parser may begin with
// (StartTable) spares them the parser.
#include "sageon/extract/date_extractor.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sageon/base/utf8.h"
#include "sageon/extract/lunar_calendar.h"

namespace sageon {
namespace {

constexpr int kUnset = INT_MIN;

enum class Pod { kNone, kAm, kPm, kDawn, kMorning, kDaytime, kLunch, kEvening, kNight };
enum class Unit { kSecond, kMinute, kHour, kDay, kWeek, kMonth, kYear };
// How a duration is turned into a time: 3년 전 (ago), 사흘 뒤 (later), 이틀 만에 (later, from the
// last mention), 하루 내 (within: the end point), 2주 이내 (within: the interval from now),
// 몇 시간 이후 (open interval after), 지난 2주 / 다음 3달 (the N whole units before / after).
enum class Shift {
  kNone,
  kAgo,
  kLater,
  kSince,
  kWithin,
  kWithinInterval,
  kAfterOpen,
  kLastN,
  kNextN
};

// Component ranks: a chain must read them in increasing order.
enum Rank : int {
  kRankNone = -1,
  kRankYear = 0,
  kRankYearMod = 1,
  kRankHalf = 2,
  kRankMonth = 3,
  kRankMonthMod = 4,
  kRankWeek = 5,
  kRankDay = 6,
  kRankWeekday = 7,
  kRankPod = 8,
  kRankHour = 9,
  kRankMinute = 10,
  kRankSecond = 11,
};

// What the parser read, before any reference is known.
struct Spec {
  int year = kUnset;
  bool year_short = false;        // '23년, 97년: the century comes from the reference
  int year_rel = kUnset;          // 올해 0, 작년 -1, 내년 +1
  bool year_from_anchor = false;  // 이듬해, 그해: relative to the narrative, not the document
  int decade = kUnset;            // 2010 for 2010년대
  bool decade_short = false;
  int half = 0;     // 1, 2
  int quarter = 0;  // 1..4
  int quarter_rel = kUnset;
  int half_rel = kUnset;
  int season = -1;  // 0 spring .. 3 winter
  int month = kUnset;
  int month_rel = kUnset;
  int week_rel = kUnset;
  int week_ordinal = 0;  // 1..5 or -1 (last) week of a month
  bool weekend = false;
  int day = kUnset;
  int day_rel = kUnset;
  bool day_from_anchor = false;  // 이날, 전날, 다음날
  bool holiday = false;
  bool lunar = false;  // month and day are of the Korean lunar calendar (설날, 추석)
  int weekday = -1;    // 0 Monday .. 6 Sunday
  int weekday_ordinal = 0;
  std::string_view mod;  // START, MID, END, APPROX or empty: a literal
  Pod pod = Pod::kNone;
  int hour = kUnset, minute = kUnset, second = kUnset;
  bool hour_explicit_pm = false, hour_explicit_am = false;
  int minutes_before = 0;
  int direction = 0;         // -1 지난, +1 오는/다음
  bool this_prefix = false;  // 이번, 올
  bool now = false;
  Shift shift = Shift::kNone;
  int64_t shift_amount = 0;  // in shift_unit
  Unit shift_unit = Unit::kDay;
  int open = 0;                   // +1: from here on (이후); -1: until before (이전)
  bool since_own_clause = false;  // "기각한 지 사흘 만에": counted from the event told before 지
  int rank = kRankNone;
  int first_rank = kRankNone;
  bool bare = false;  // ends with a number that only a range gives a unit (17~22일)

  bool HasDatePart() const {
    return year != kUnset || year_rel != kUnset || decade != kUnset || quarter_rel != kUnset ||
           half_rel != kUnset || month != kUnset || month_rel != kUnset || week_rel != kUnset ||
           day != kUnset || day_rel != kUnset || weekday >= 0 || weekend || season >= 0 || half ||
           quarter;
  }
  bool HasTime() const { return hour != kUnset; }
  bool operator==(const Spec&) const = default;
};

struct Parsed {
  size_t begin = 0, end = 0;  // code point indexes; the text read is [begin, end)
  Spec spec;
  bool is_range = false;
  Spec to;
  // A length of time that places nothing ("사흘", "2시간 30분"): its ISO 8601 duration.
  std::string length;
  bool length_is_time = false;
  // A range told with a particle ("23일부터 7일까지"): where its first part ends and its second
  // begins, each a mention of its own for NER. 0 when the range is written as one ("17~22일").
  size_t from_end = 0, to_begin = 0;
};

struct Holiday {
  std::u32string word;
  int month = 0;
  int day = 0;
  bool lunar = false;  // 설날, 추석: a lunar month and day, a different solar date every year
};

std::u32string ToU32(std::string_view s) {
  std::u32string out;
  size_t pos = 0;
  while (pos < s.size()) out.push_back(utf8::Next(s, &pos));
  return out;
}

bool IsWordChar(char32_t c) {
  return utf8::IsHangulSyllable(c) || utf8::IsAsciiAlpha(c) || utf8::IsAsciiDigit(c) ||
         utf8::IsHanja(c);
}

bool IsHorizontalSpace(char32_t c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000; }

bool IsTilde(char32_t c) { return c == '~' || c == 0x223C || c == 0xFF5E || c == 0x301C; }
bool IsDash(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2212; }

// Particles and endings that may follow a date word directly ("17일에", "오늘은", "밤마다"). Any
// other Hangul right after it means the word was part of a longer one ("오늘날", "낮은", "주장").
constexpr std::u32string_view kTails[] = {
    U"에",   U"엔",   U"의",   U"은",   U"는",   U"이",   U"가",   U"을",   U"를",   U"로",
    U"으로", U"부터", U"까지", U"과",   U"와",   U"도",   U"만",   U"께",   U"경",   U"쯤",
    U"나",   U"에서", U"전",   U"후",   U"뒤",   U"중",   U"마다", U"인",   U"였",   U"이었",
    U"이다", U"이라", U"이자", U"보다", U"처럼", U"대로", U"내",   U"안",   U"자",   U"부",
    U"뿐",   U"즈음", U"무렵", U"께서", U"야",   U"엔가", U"이면", U"면",   U"이며", U"이고",
    U"고",   U"치고", U"이래", U"새",   U"현재", U"기준", U"정도", U"정각", U"에야", U"이후",
    U"이전", U"반",   U"오전", U"오후", U"밤",   U"새벽", U"아침", U"저녁", U"낮",   U"말",
    U"초",   U"요일", U"라서", U"라고", U"라는", U"란",   U"까진", U"부턴"};

// Counters that turn a number + unit into a duration or something else: 3일간, 10년째, 3월호.
bool BlockedAfterUnit(Unit unit, bool is_month, char32_t c) {
  if (c == U'간' || c == U'째' || c == U'여' || c == U'치' || c == U'차') return true;
  if (is_month) return c == U'급' || c == U'호' || c == U'분' || c == U'령';
  if (unit == Unit::kDay) return c == U'당' || c == U'분' || c == U'수';
  if (unit == Unit::kYear) return c == U'제' || c == U'분';
  return false;
}

// ---------------------------------------------------------------- words the parser reads
// The words each reader of the parser looks for, at namespace scope so that the start table below
// is built from the same lists the readers use.

// Native Korean numerals as used with 시, 시간, 달, 해: 한 시, 두 달, 열두 시.
constexpr std::pair<std::u32string_view, int> kNativeNumerals[] = {
    {U"열한", 11}, {U"열두", 12}, {U"다섯", 5},  {U"여섯", 6}, {U"일곱", 7},
    {U"여덟", 8},  {U"아홉", 9},  {U"스무", 20}, {U"한", 1},   {U"두", 2},
    {U"세", 3},    {U"석", 3},    {U"네", 4},    {U"열", 10},  {U"몇", 3}};
// Sino-Korean digits 1..9; 십, 백 and 천 multiply them.
constexpr std::u32string_view kSinoDigits = U"일이삼사오육칠팔구";
// Months whose Sino-Korean name drops a sound: 시월 (not 십월), 유월 (not 육월).
constexpr std::u32string_view kSinoMonthWords[] = {U"시월", U"유월"};

// 지난/오는/이번/다음...: the direction they give to what follows.
struct PrefixWord {
  std::u32string_view w;
  int direction;
  bool this_prefix;
};
constexpr PrefixWord kPrefixWords[] = {
    {U"지난번", -1, false}, {U"지난", -1, false},  {U"저번", -1, false}, {U"돌아오는", 1, false},
    {U"오는", 1, false},    {U"다다음", 2, false}, {U"다음", 1, false},  {U"이번", 0, true},
    {U"올", 0, true},       {U"금", 0, true}};

// What a prefix may apply to: 지난 주, 다음 달, 올해... (what: 0 week, 1 month, 2 year,
// 3 quarter, 4 weekend, 5 half).
struct PrefixedUnitWord {
  std::u32string_view w;
  int what;
};
constexpr PrefixedUnitWord kPrefixedUnitWords[] = {
    {U"주말", 4}, {U"주", 0}, {U"달", 1}, {U"해", 2}, {U"년도", 2}, {U"분기", 3}, {U"반기", 5}};

constexpr std::pair<std::u32string_view, int> kWeekendWords[] = {
    {U"지난주말", -1}, {U"저번주말", -1}, {U"이번주말", 0}, {U"금주말", 0}, {U"다음주말", 1}};
constexpr std::u32string_view kWeekendWord = U"주말";

// Words that are a year, month, week or day relative to the reference or the narrative.
struct RelativeWord {
  std::u32string_view w;
  int rank;
  int kind;  // 0 year_rel, 1 month_rel, 2 week_rel, 3 day_rel, 4 day_rel from anchor,
             // 5 year_rel from anchor
  int value;
};
constexpr RelativeWord kRelativeWords[] = {
    {U"내후년", kRankYear, 0, 2},  {U"재작년", kRankYear, 0, -2},  {U"지난해", kRankYear, 0, -1},
    {U"작년", kRankYear, 0, -1},   {U"전년", kRankYear, 0, -1},    {U"올해", kRankYear, 0, 0},
    {U"금년", kRankYear, 0, 0},    {U"내년", kRankYear, 0, 1},     {U"명년", kRankYear, 0, 1},
    {U"이듬해", kRankYear, 5, 1},  {U"그해", kRankYear, 5, 0},     {U"지난달", kRankMonth, 1, -1},
    {U"이달", kRankMonth, 1, 0},   {U"금월", kRankMonth, 1, 0},    {U"전월", kRankMonth, 1, -1},
    {U"다음달", kRankMonth, 1, 1}, {U"내달", kRankMonth, 1, 1},    {U"익월", kRankMonth, 1, 1},
    {U"지난주", kRankWeek, 2, -1}, {U"저번주", kRankWeek, 2, -1},  {U"이번주", kRankWeek, 2, 0},
    {U"금주", kRankWeek, 2, 0},    {U"다음주", kRankWeek, 2, 1},   {U"담주", kRankWeek, 2, 1},
    {U"내주", kRankWeek, 2, 1},    {U"엊그저께", kRankDay, 3, -2}, {U"엊그제", kRankDay, 3, -2},
    {U"그저께", kRankDay, 3, -2},  {U"그제", kRankDay, 3, -2},     {U"어저께", kRankDay, 3, -1},
    {U"어제", kRankDay, 3, -1},    {U"오늘", kRankDay, 3, 0},      {U"금일", kRankDay, 3, 0},
    {U"내일모레", kRankDay, 3, 2}, {U"내일", kRankDay, 3, 1},      {U"모레", kRankDay, 3, 2},
    {U"글피", kRankDay, 3, 3},     {U"이날", kRankDay, 4, 0},      {U"당일", kRankDay, 4, 0},
    {U"그날", kRankDay, 4, 0},     {U"같은 날", kRankDay, 4, 0},   {U"전날", kRankDay, 4, -1},
    {U"전일", kRankDay, 4, -1},    {U"다음날", kRankDay, 4, 1},    {U"다음 날", kRankDay, 4, 1},
    {U"이튿날", kRankDay, 4, 1},   {U"이튼날", kRankDay, 4, 1},    {U"익일", kRankDay, 4, 1},
};
constexpr std::u32string_view kNowWords[] = {U"방금", U"지금"};
// 연말, 연초, 월말, 월초: the end or start of the current year or month.
struct FuzzyWord {
  std::u32string_view w;
  bool month;
  std::string_view mod;
};
constexpr FuzzyWord kFuzzyWords[] = {{U"연말", false, "END"}, {U"연초", false, "START"},
                                     {U"연중", false, ""},    {U"연내", false, ""},
                                     {U"월말", true, "END"},  {U"월초", true, "START"}};

// 초순, 중반, 말...: a part of the year or month just read.
struct ModWord {
  std::u32string_view w;
  std::string_view mod;
  bool month_only;
};
constexpr ModWord kModWords[] = {{U"초순", "START", true},  {U"상순", "START", true},
                                 {U"중순", "MID", true},    {U"하순", "END", true},
                                 {U"초반", "START", false}, {U"중반", "MID", false},
                                 {U"후반", "END", false},   {U"말경", "END", false},
                                 {U"초", "START", false},   {U"말", "END", false}};

constexpr std::pair<std::u32string_view, int> kHalfWords[] = {
    {U"상반기", 1}, {U"하반기", 2}, {U"전반기", 1}, {U"후반기", 2}};
constexpr std::pair<std::u32string_view, int> kSeasonWords[] = {
    {U"봄", 0}, {U"여름", 1}, {U"가을", 2}, {U"겨울", 3}};

constexpr std::pair<std::u32string_view, int> kOrdinalWords[] = {
    {U"첫번째", 1},  {U"첫 번째", 1}, {U"첫째", 1},     {U"두번째", 2},    {U"두 번째", 2},
    {U"둘째", 2},    {U"세번째", 3},  {U"세 번째", 3},  {U"셋째", 3},      {U"네번째", 4},
    {U"네 번째", 4}, {U"넷째", 4},    {U"다섯번째", 5}, {U"다섯 번째", 5}, {U"다섯째", 5},
    {U"마지막", -1}, {U"첫", 1}};

// The first syllables of 월요일 .. 일요일, Monday first.
constexpr std::u32string_view kWeekdaySyllables = U"월화수목금토일";

struct PodWord {
  std::u32string_view w;
  Pod pod;
  int hour;  // 정오 and 자정 are hours
};
constexpr PodWord kPodWords[] = {{U"오전", Pod::kAm, kUnset},      {U"오후", Pod::kPm, kUnset},
                                 {U"새벽", Pod::kDawn, kUnset},    {U"아침", Pod::kMorning, kUnset},
                                 {U"한낮", Pod::kDaytime, kUnset}, {U"낮", Pod::kDaytime, kUnset},
                                 {U"점심", Pod::kLunch, kUnset},   {U"저녁", Pod::kEvening, kUnset},
                                 {U"한밤중", Pod::kNight, kUnset}, {U"심야", Pod::kNight, kUnset},
                                 {U"밤", Pod::kNight, kUnset},     {U"정오", Pod::kNone, 12},
                                 {U"자정", Pod::kNone, 24}};

// Before a length of time: 지난 2주 (the last two weeks), 향후 3년; 약 makes it approximate.
constexpr std::pair<std::u32string_view, int> kDurationPrefixWords[] = {
    {U"지난", -1}, {U"최근", -1}, {U"다음", 1}, {U"향후", 1}, {U"앞으로", 1}};
constexpr std::u32string_view kApproxWord = U"약";
// Counts of days in words, and half a year.
constexpr std::pair<std::u32string_view, int> kDayCountWords[] = {
    {U"하루", 1}, {U"이틀", 2},   {U"사흘", 3},   {U"나흘", 4},  {U"닷새", 5}, {U"엿새", 6},
    {U"이레", 7}, {U"여드레", 8}, {U"아흐레", 9}, {U"열흘", 10}, {U"보름", 15}};
constexpr std::u32string_view kHalfYearWord = U"반년";

// ---------------------------------------------------------------- start table
// Most word starts begin nothing the parser reads (정부, 밝혔다, 대통령): the parser is tried at a
// position only when the code point there may begin one of its readers. Each bit is a reader's
// set of first code points, taken from the lists above; a reader that starts elsewhere (a digit,
// an apostrophe, a bracket) says so here too.
enum StartClass : uint32_t {
  kStartDigit = 1u << 0,        // ASCII digits: every number
  kStartApostrophe = 1u << 1,   // '23년
  kStartNative = 1u << 2,       // 한, 두, 세 ... 열두
  kStartSino = 1u << 3,         // 일, 이, 삼 ... 구, 십
  kStartSinoLarge = 1u << 4,    // 천, 백 (years in words), 시월, 유월
  kStartChainPrefix = 1u << 5,  // 지난, 오는, 이번 ...
  kStartPrefixedUnit = 1u << 6,
  kStartWeekend = 1u << 7,
  kStartRelativeWord = 1u << 8,  // 어제, 내년, 지금, 연말 ...
  kStartMod = 1u << 9,           // 초순, 말 ...
  kStartHalfSeason = 1u << 10,
  kStartOrdinal = 1u << 11,
  kStartWeekday = 1u << 12,         // 월요일 ... 일요일
  kStartBracketWeekday = 1u << 13,  // (금) after a day
  kStartHoliday = 1u << 14,
  kStartPod = 1u << 15,
  kStartDurationPrefix = 1u << 16,  // 지난, 향후, 약 ...
  kStartDayCount = 1u << 17,        // 하루, 사흘, 반년 ...
};

// The readers, each with the classes it may begin with.
constexpr uint32_t kHourStart = kStartDigit | kStartNative | kStartSino;
constexpr uint32_t kNumberUnitStart = kStartDigit | kStartApostrophe | kHourStart;
constexpr uint32_t kSinoCalendarStart = kStartSino | kStartSinoLarge;
constexpr uint32_t kOrdinalInMonthStart = kStartOrdinal | kStartDigit;
constexpr uint32_t kDurationAmountStart = kStartDayCount | kStartDigit | kStartNative | kStartSino;
constexpr uint32_t kDurationStart = kStartDurationPrefix | kDurationAmountStart;
constexpr uint32_t kLengthStart = kStartDigit | kDurationAmountStart;
// What the first component of a chain may begin with. Components that need one before them (an
// ordinal needs a month, a bracketed weekday a day, a unit a prefix, a modifier a year) are left
// out; the chain reader tests each component against its own classes anyway.
constexpr uint32_t kFirstComponentStart = kNumberUnitStart | kStartWeekend | kStartRelativeWord |
                                          kStartHalfSeason | kStartWeekday | kStartHoliday |
                                          kStartPod | kSinoCalendarStart;
constexpr uint32_t kChainStart = kStartChainPrefix | kFirstComponentStart;
constexpr uint32_t kExpressionStart = kDurationStart | kChainStart | kLengthStart;

class StartTable {
 public:
  // `admit_all`: every class at every code point, the parser as if there were no table (tests
  // check that the table never hides an expression).
  StartTable(const std::vector<Holiday>& holidays, bool admit_all) : admit_all_(admit_all) {
    hangul_.assign(kHangulCount, 0);
    classes_.push_back(0);
    for (char32_t c = '0'; c <= '9'; ++c) Add(c, kStartDigit);
    Add('\'', kStartApostrophe);
    Add(0x2019, kStartApostrophe);
    Add('(', kStartBracketWeekday);
    for (const auto& [w, v] : kNativeNumerals) Add(w.front(), kStartNative);
    for (char32_t c : kSinoDigits) Add(c, kStartSino);
    Add(U'십', kStartSino);
    Add(U'천', kStartSinoLarge);
    Add(U'백', kStartSinoLarge);
    for (std::u32string_view w : kSinoMonthWords) Add(w.front(), kStartSinoLarge);
    for (const PrefixWord& x : kPrefixWords) Add(x.w.front(), kStartChainPrefix);
    for (const PrefixedUnitWord& x : kPrefixedUnitWords) Add(x.w.front(), kStartPrefixedUnit);
    for (const auto& [w, v] : kWeekendWords) Add(w.front(), kStartWeekend);
    Add(kWeekendWord.front(), kStartWeekend);
    for (const RelativeWord& x : kRelativeWords) Add(x.w.front(), kStartRelativeWord);
    for (std::u32string_view w : kNowWords) Add(w.front(), kStartRelativeWord);
    for (const FuzzyWord& x : kFuzzyWords) Add(x.w.front(), kStartRelativeWord);
    for (const ModWord& x : kModWords) Add(x.w.front(), kStartMod);
    for (const auto& [w, v] : kHalfWords) Add(w.front(), kStartHalfSeason);
    for (const auto& [w, v] : kSeasonWords) Add(w.front(), kStartHalfSeason);
    for (const auto& [w, v] : kOrdinalWords) Add(w.front(), kStartOrdinal);
    for (char32_t c : kWeekdaySyllables) Add(c, kStartWeekday);
    for (const Holiday& h : holidays) Add(h.word.front(), kStartHoliday);
    for (const PodWord& x : kPodWords) Add(x.w.front(), kStartPod);
    for (const auto& [w, v] : kDurationPrefixWords) Add(w.front(), kStartDurationPrefix);
    Add(kApproxWord.front(), kStartDurationPrefix);
    for (const auto& [w, v] : kDayCountWords) Add(w.front(), kStartDayCount);
    Add(kHalfYearWord.front(), kStartDayCount);
  }

  // The classes whose readers may begin at c.
  uint32_t Classes(char32_t c) const {
    if (admit_all_) return ~0u;
    if (c < 0x80) return ascii_[c];
    if (c - kHangulFirst < kHangulCount) return classes_[hangul_[c - kHangulFirst]];
    return OtherClasses(c);
  }

  // The classes at each code point of s, and 0 after its end: what the parser looks up.
  std::vector<uint32_t> Classify(std::u32string_view s) const {
    std::vector<uint32_t> out(s.size() + 1, 0);
    for (size_t i = 0; i < s.size(); ++i) out[i] = Classes(s[i]);
    return out;
  }

 private:
  static constexpr char32_t kHangulFirst = 0xAC00;
  static constexpr char32_t kHangulCount = 11172;

  uint32_t OtherClasses(char32_t c) const {
    const auto it =
        std::lower_bound(other_.begin(), other_.end(), std::pair<char32_t, uint32_t>(c, 0));
    return it != other_.end() && it->first == c ? it->second : 0;
  }

  void Add(char32_t c, uint32_t cls) {
    if (c < 0x80) {
      ascii_[c] |= cls;
    } else if (c - kHangulFirst < kHangulCount) {
      // Syllables share an entry of classes_: few syllables begin anything, and a 16-bit index
      // keeps the table at 22 KB.
      uint16_t& index = hangul_[c - kHangulFirst];
      if (index == 0) {
        index = static_cast<uint16_t>(classes_.size());
        classes_.push_back(0);
      }
      classes_[index] |= cls;
    } else {
      auto it = std::lower_bound(other_.begin(), other_.end(), std::pair<char32_t, uint32_t>(c, 0));
      if (it == other_.end() || it->first != c) it = other_.insert(it, {c, 0});
      it->second |= cls;
    }
  }

  bool admit_all_;
  std::array<uint32_t, 0x80> ascii_{};
  std::vector<uint16_t> hangul_;   // per syllable, its index in classes_ (0: none)
  std::vector<uint32_t> classes_;  // classes_[0] is 0
  std::vector<std::pair<char32_t, uint32_t>> other_;  // sorted by code point
};

class Parser {
 public:
  // `holidays` sorted by their first code point; `starts` the StartTable classes of each code
  // point of s, and 0 after its end.
  Parser(const std::u32string& s, const std::vector<Holiday>& holidays,
         const std::vector<uint32_t>& starts)
      : s_(s), holidays_(holidays), starts_(starts) {}

  // Whether an expression may start at code point p: a word starts there with a code point that
  // begins some reader. Cheap; ParseAt tests it first.
  bool MayBegin(size_t p) const { return MayStart(p, kExpressionStart) && WordStart(p); }

  // The longest temporal expression starting at code point p.
  std::optional<Parsed> ParseAt(size_t p) const {
    if (!MayBegin(p)) return std::nullopt;
    std::optional<Parsed> best;
    if (auto d = ParseDuration(p)) best = d;
    if (auto c = ParseChainExpr(p)) {
      if (!best || c->end >= best->end) best = c;
    }
    // A plain length of time ("사흘", "2시간 30분", "10년간") only where nothing places it.
    if (auto l = ParseLength(p)) {
      if (!best || l->end > best->end) best = std::move(l);
    }
    return best;
  }

 private:
  struct Num {
    int value = 0;
    size_t end = 0;
    int digits = 0;  // ASCII digits read; 0 for Korean numerals
    enum Kind { kDigit, kSino, kNative } kind = kDigit;
  };

  char32_t At(size_t i) const { return i < s_.size() ? s_[i] : 0; }
  // Whether a reader that begins with one of `classes` may begin at i.
  bool MayStart(size_t i, uint32_t classes) const {
    return i < starts_.size() && (starts_[i] & classes) != 0;
  }
  // Most literals fail on their first code point, and every loop over a word list calls this:
  // that test is inlined (which GCC stops doing by itself in a file this size), the rest is not.
  [[gnu::always_inline]] bool Lit(size_t i, std::u32string_view w) const {
    if (w.empty()) return i <= s_.size();
    return i < s_.size() && s_[i] == w[0] && LitRest(i, w);
  }
  bool LitRest(size_t i, std::u32string_view w) const {
    return i + w.size() <= s_.size() &&
           std::u32string_view(s_).substr(i + 1, w.size() - 1) == w.substr(1);
  }
  size_t Spaces(size_t i, size_t max = 2) const {
    size_t n = 0;
    while (n < max && IsHorizontalSpace(At(i))) ++i, ++n;
    return i;
  }
  bool WordStart(size_t p) const {
    if (p == 0) return true;
    const char32_t c = s_[p - 1];
    if (IsWordChar(c)) return false;
    // "3.11" or "1,000": the number is part of a larger one.
    if ((c == '.' || c == ',' || c == ':' || c == '/') && p >= 2 && utf8::IsAsciiDigit(s_[p - 2]) &&
        utf8::IsAsciiDigit(At(p))) {
      return false;
    }
    return true;
  }
  // True when what follows position i does not glue the preceding word into a longer one.
  bool TailOk(size_t i) const {
    const char32_t c = At(i);
    if (c == 0) return true;
    if (utf8::IsAsciiAlpha(c) || utf8::IsAsciiDigit(c) || utf8::IsHanja(c)) return false;
    if (!utf8::IsHangulSyllable(c)) return true;
    for (std::u32string_view t : kTails) {
      if (Lit(i, t)) return true;
    }
    return false;
  }
  // A word at i that ends a word (TailOk after it).
  bool Word(size_t i, std::u32string_view w) const { return Lit(i, w) && TailOk(i + w.size()); }

  // ---------------------------------------------------------------- numbers
  std::optional<Num> Digits(size_t p, int max_digits = 4) const {
    if (p > 0 && utf8::IsAsciiDigit(s_[p - 1])) return std::nullopt;
    Num n;
    size_t i = p;
    while (utf8::IsAsciiDigit(At(i))) {
      if (++n.digits > max_digits) return std::nullopt;
      n.value = n.value * 10 + static_cast<int>(At(i) - '0');
      ++i;
    }
    if (n.digits == 0) return std::nullopt;
    n.end = i;
    return n;
  }
  // Native Korean numerals as used with 시, 시간, 달, 해: 한 시, 두 달, 열두 시.
  std::optional<Num> Native(size_t p) const {
    if (!MayStart(p, kStartNative)) return std::nullopt;
    for (const auto& [w, v] : kNativeNumerals) {
      if (Lit(p, w)) {
        Num n;
        n.value = v;
        n.end = p + w.size();
        n.kind = Num::kNative;
        return n;
      }
    }
    return std::nullopt;
  }
  // Sino-Korean numerals up to 99: 십오, 이십삼, 삼.
  std::optional<Num> Sino(size_t p) const {
    if (!MayStart(p, kStartSino)) return std::nullopt;
    auto digit = [](char32_t c) -> int {
      const size_t k = kSinoDigits.find(c);
      return k == std::u32string_view::npos ? -1 : static_cast<int>(k) + 1;
    };
    size_t i = p;
    int value = 0;
    int d = digit(At(i));
    if (At(i) == U'십') {
      value = 10;
      ++i;
    } else if (d > 0 && At(i + 1) == U'십') {
      value = d * 10;
      i += 2;
    }
    d = digit(At(i));
    if (d > 0) {
      value += d;
      ++i;
    }
    if (i == p) return std::nullopt;
    Num n;
    n.value = value;
    n.end = i;
    n.kind = Num::kSino;
    return n;
  }
  // Sino-Korean numerals with 천 and 백, for years written in words: 이천이십삼 (2023),
  // 천구백구십칠 (1997).
  std::optional<Num> SinoLarge(size_t p) const {
    if (!MayStart(p, kStartSino | kStartSinoLarge)) return std::nullopt;
    auto digit = [&](size_t i) -> int {
      const size_t k = kSinoDigits.find(At(i));
      return k == std::u32string_view::npos ? 0 : static_cast<int>(k) + 1;
    };
    size_t i = p;
    int value = 0;
    bool large = false;
    for (const auto& [unit, mult] : {std::pair{U'천', 1000}, std::pair{U'백', 100}}) {
      if (At(i) == unit) {
        value += mult;
        ++i;
        large = true;
      } else if (digit(i) && At(i + 1) == unit) {
        value += digit(i) * mult;
        i += 2;
        large = true;
      }
    }
    if (!large) return std::nullopt;
    if (auto rest = Sino(i)) {
      value += rest->value;
      i = rest->end;
    }
    Num n;
    n.value = value;
    n.end = i;
    n.kind = Num::kSino;
    return n;
  }

  // A year, month or day written in Sino-Korean words: 이천이십삼년 십일월 십칠일. A month in
  // words needs a year before it or a day after it, and a day in words a month before it:
  // alone, 이월 and 이일 are other words.
  std::optional<size_t> TrySinoCalendar(size_t p, Spec* s) const {
    if (!MayStart(p, kSinoCalendarStart)) return std::nullopt;
    if (RankOk(*s, kRankYear)) {
      if (auto n = SinoLarge(p); n && n->value >= 1000 && n->value <= 2999) {
        const size_t u = Spaces(n->end, 1);
        if (At(u) == U'년' && TailOk(u + 1)) {
          s->year = n->value;
          SetRank(s, kRankYear);
          return u + 1;
        }
      }
    }
    if (RankOk(*s, kRankMonth)) {
      std::optional<Num> m;
      if (Lit(p, kSinoMonthWords[0])) {
        m = Num{10, p + 1, 0, Num::kSino};
      } else if (Lit(p, kSinoMonthWords[1])) {
        m = Num{6, p + 1, 0, Num::kSino};
      } else {
        m = Sino(p);
      }
      if (m && m->value >= 1 && m->value <= 12 && At(m->end) == U'월') {
        const size_t end = m->end + 1;
        Spec probe = *s;
        probe.month = m->value;
        SetRank(&probe, kRankMonth);
        const bool day_follows = TrySinoCalendar(Spaces(end, 1), &probe).has_value();
        if ((s->rank == kRankYear || day_follows) && TailOk(end)) {
          s->month = m->value;
          SetRank(s, kRankMonth);
          return end;
        }
      }
    }
    if (RankOk(*s, kRankDay) && s->rank == kRankMonth) {
      if (auto d = Sino(p);
          d && d->value >= 1 && d->value <= 31 && At(d->end) == U'일' && TailOk(d->end + 1)) {
        s->day = d->value;
        SetRank(s, kRankDay);
        return d->end + 1;
      }
    }
    return std::nullopt;
  }

  std::optional<Num> AnyNumber(size_t p, bool native, bool sino) const {
    if (auto n = Digits(p)) return n;
    if (native) {
      if (auto n = Native(p)) return n;
    }
    if (sino) {
      if (auto n = Sino(p)) return n;
    }
    return std::nullopt;
  }

  // ---------------------------------------------------------------- prefixes
  // 지난/오는/이번/다음...: returns the end of the prefix and its meaning.
  size_t Prefix(size_t p, Spec* s) const {
    if (!MayStart(p, kStartChainPrefix)) return p;
    for (const PrefixWord& x : kPrefixWords) {
      if (!Lit(p, x.w)) continue;
      s->direction = x.direction;
      s->this_prefix = x.this_prefix;
      return p + x.w.size();
    }
    return p;
  }

  // ---------------------------------------------------------------- components
  // Each Try* reads one component at p into s when its rank follows s->rank, and returns its end.
  bool RankOk(const Spec& s, int rank) const { return rank > s.rank; }
  static void SetRank(Spec* s, int rank) {
    if (s->first_rank == kRankNone) s->first_rank = rank;
    s->rank = rank;
  }

  // 2023. 11. 17. / 2023.11.17 / 2023-11-17 / 2023/11/17 / 23.11.17 / 2023.11
  std::optional<size_t> TryNumericDate(size_t p, Spec* s) const {
    if (!MayStart(p, kStartDigit) || !RankOk(*s, kRankYear) || s->direction != 0 || s->this_prefix)
      return std::nullopt;
    auto y = Digits(p);
    if (!y || (y->digits != 4 && y->digits != 2)) return std::nullopt;
    const char32_t sep = At(y->end);
    if (sep != '.' && sep != '-' && sep != '/') return std::nullopt;
    const bool dotted = sep == '.';
    size_t i = y->end + 1;
    if (dotted) i = Spaces(i, 1);
    auto m = Digits(i, 2);
    if (!m || m->value < 1 || m->value > 12) return std::nullopt;
    size_t end = m->end;
    int day = kUnset;
    if (At(end) == sep) {
      size_t j = end + 1;
      if (dotted) j = Spaces(j, 1);
      if (auto d = Digits(j, 2)) {
        day = d->value;
        end = d->end;
      }
    }
    if (utf8::IsAsciiDigit(At(end))) return std::nullopt;
    int year = y->value;
    if (y->digits == 2) {
      // Two-digit years only in the full dotted form (23.11.17), which version numbers rarely take.
      if (!dotted || day == kUnset) return std::nullopt;
    } else if (year < 1000) {
      return std::nullopt;
    }
    if (day == kUnset) {
      // 2023.11 or 2023-11: a year and a month; never with '/' (a fraction) and never 2015-16.
      if (sep == '/' || (sep == '-' && m->digits != 2)) return std::nullopt;
      if (year < 1900 || year > 2100) return std::nullopt;
    } else if (day < 1 || day > 31) {
      return std::nullopt;
    }
    // "1.2.3.4" and "2023-11-17-5" are something else.
    if ((At(end) == sep || At(end) == '.') && utf8::IsAsciiDigit(At(end + 1))) return std::nullopt;
    // The trailing dot of the Korean form "2023. 11. 17." belongs to the date.
    if (dotted && day != kUnset && At(end) == '.') ++end;
    s->year = year;
    s->year_short = y->digits == 2;
    s->month = m->value;
    SetRank(s, kRankMonth);
    if (day != kUnset) {
      s->day = day;
      SetRank(s, kRankDay);
    }
    return end;
  }

  // A bare number right before a range separator takes the unit of the other end: 17~22일.
  std::optional<size_t> TryBareBeforeRange(size_t p, Spec* s) const {
    if (!MayStart(p, kStartDigit)) return std::nullopt;
    auto n = Digits(p);
    if (!n) return std::nullopt;
    size_t i = Spaces(n->end, 1);
    if (!(IsTilde(At(i)) || IsDash(At(i)))) return std::nullopt;
    i = Spaces(i + 1, 1);
    auto m = Digits(i);
    if (!m) return std::nullopt;
    Spec probe = *s;
    probe.rank = s->rank;
    if (!TryNumberUnit(i, &probe)) return std::nullopt;
    const int rank = probe.rank;
    if (rank == kRankYear && (m->digits == 4) != (n->digits == 4) && n->digits != 4) {
      // 2022~23년 is fine, 3~2023년 is not.
      return std::nullopt;
    }
    if (rank == kRankYear) {
      if (n->digits == 4) {
        s->year = n->value;
      } else if (n->digits == 2) {
        s->year = n->value;
        s->year_short = true;
      } else {
        return std::nullopt;
      }
    } else if (rank == kRankMonth && n->value >= 1 && n->value <= 12) {
      s->month = n->value;
    } else if (rank == kRankDay && n->value >= 1 && n->value <= 31) {
      s->day = n->value;
    } else if (rank == kRankHour && n->value <= 24) {
      s->hour = n->value;
    } else {
      return std::nullopt;
    }
    SetRank(s, rank);
    s->bare = true;
    return n->end;
  }

  // N년, N년도, N년대, N월, N일, N시 (N분 N초 come with the hour), N분기.
  std::optional<size_t> TryNumberUnit(size_t p, Spec* s) const {
    if (!MayStart(p, kNumberUnitStart)) return std::nullopt;
    bool apostrophe = false;
    size_t q = p;
    if (At(q) == '\'' || At(q) == 0x2019) {
      apostrophe = true;
      ++q;
    }
    auto n = Digits(q);
    if (n) {
      size_t u = n->end;
      if (Lit(u, U"년대")) {
        if (!RankOk(*s, kRankYear) || apostrophe) return std::nullopt;
        if (n->value % 10 != 0 || (n->digits != 4 && n->digits != 2)) return std::nullopt;
        s->decade = n->value;
        s->decade_short = n->digits == 2;
        SetRank(s, kRankYear);
        return u + 2;
      }
      if (At(u) == U'년') {
        if (!RankOk(*s, kRankYear)) return std::nullopt;
        size_t end = u + 1;
        if (At(end) == U'도') ++end;
        if (BlockedAfterUnit(Unit::kYear, false, At(end))) return std::nullopt;
        if (apostrophe && n->digits != 2) return std::nullopt;
        // 징역 18년, 임기 5년: a sentence or a term is a length, not the year 2018.
        if (n->digits == 2 && !apostrophe && AfterTermWord(p)) return std::nullopt;
        // A year is four digits, or two (97년, '23년); a bare 3년 is a count.
        if (n->digits == 4 ? n->value < 1000 : n->digits != 2) return std::nullopt;
        if (FollowedByDurationWord(end)) return std::nullopt;
        s->year = n->value;
        s->year_short = n->digits == 2;
        SetRank(s, kRankYear);
        return end;
      }
      if (apostrophe) return std::nullopt;
      if (Lit(u, U"분기")) {
        if (!RankOk(*s, kRankHalf) || n->value < 1 || n->value > 4) return std::nullopt;
        s->quarter = n->value;
        SetRank(s, kRankHalf);
        return u + 2;
      }
      if (Lit(u, U"사분기") && n->value >= 1 && n->value <= 4 && RankOk(*s, kRankHalf)) {
        s->quarter = n->value;
        SetRank(s, kRankHalf);
        return u + 3;
      }
      if (At(u) == U'월') {
        if (!RankOk(*s, kRankMonth) || n->value < 1 || n->value > 12) return std::nullopt;
        if (BlockedAfterUnit(Unit::kMonth, true, At(u + 1))) return std::nullopt;
        s->month = n->value;
        SetRank(s, kRankMonth);
        return u + 1;
      }
      if (At(u) == U'일') {
        if (!RankOk(*s, kRankDay) || n->value < 1 || n->value > 31) return std::nullopt;
        if (BlockedAfterUnit(Unit::kDay, false, At(u + 1))) return std::nullopt;
        if (FollowedByDurationWord(u + 1)) return std::nullopt;
        s->day = n->value;
        SetRank(s, kRankDay);
        return u + 1;
      }
    }
    if (apostrophe) return std::nullopt;
    return TryHour(p, s);
  }

  // The word before p names a term of years: 징역, 금고, 임기, 복역...
  bool AfterTermWord(size_t p) const {
    size_t w = p;
    while (w > 0 && IsHorizontalSpace(s_[w - 1])) --w;
    static constexpr std::u32string_view kTerms[] = {U"징역", U"금고",     U"집행유예", U"자격정지",
                                                     U"임기", U"복역",     U"구형",     U"선고",
                                                     U"형량", U"무기징역", U"실형",     U"유예"};
    for (std::u32string_view t : kTerms) {
      if (w >= t.size() && std::u32string_view(s_).substr(w - t.size(), t.size()) == t) return true;
    }
    return false;
  }

  // After "3일" or "10년", a word that makes it a length of time rather than a date.
  bool FollowedByDurationWord(size_t i) const {
    const size_t j = Spaces(i, 1);
    static constexpr std::u32string_view kWords[] = {U"동안",   U"이상", U"이하",  U"넘게",
                                                     U"가까이", U"남짓", U"만에",  U"만이",
                                                     U"째",     U"간",   U"이 넘", U"이 지"};
    for (std::u32string_view w : kWords) {
      if (Lit(j, w)) return true;
    }
    return false;
  }

  // Hours: 3시, 세시, 오후3시 (with the part of day read before), 15:30, 3:20pm, 3AM, then
  // 분/반/초.
  std::optional<size_t> TryHour(size_t p, Spec* s) const {
    if (!MayStart(p, kHourStart) || !RankOk(*s, kRankHour)) return std::nullopt;
    // hh:mm(:ss)
    if (auto h = Digits(p, 2); h && At(h->end) == ':' && h->value <= 24) {
      auto m = Digits(h->end + 1, 2);
      if (m && m->digits == 2 && m->value <= 59) {
        size_t end = m->end;
        int sec = kUnset;
        if (At(end) == ':') {
          if (auto sc = Digits(end + 1, 2); sc && sc->digits == 2 && sc->value <= 59) {
            sec = sc->value;
            end = sc->end;
          }
        }
        if (At(end) == ':' || At(end) == '.') {
          if (utf8::IsAsciiDigit(At(end + 1))) return std::nullopt;
        }
        s->hour = h->value;
        s->minute = m->value;
        s->second = sec;
        SetRank(s, sec != kUnset ? kRankSecond : kRankMinute);
        return LatinAmPm(end, s);
      }
    }
    // 3AM, 3 pm
    if (auto h = Digits(p, 2); h && h->value >= 1 && h->value <= 12) {
      Spec probe = *s;
      const size_t end = LatinAmPm(h->end, &probe);
      if (end != h->end) {
        probe.hour = h->value;
        SetRank(&probe, kRankHour);
        *s = probe;
        return end;
      }
    }
    auto h = AnyNumber(p, /*native=*/true, /*sino=*/true);
    if (!h) return std::nullopt;
    size_t u = h->end;
    if (h->kind == Num::kNative) u = Spaces(u, 1);
    if (At(u) != U'시' || Lit(u, U"시간")) return std::nullopt;
    if (h->value > 24) return std::nullopt;
    // Sino numerals read hours only in 십이시-style compounds; 이시 or 사시 alone are other words.
    if (h->kind == Num::kSino && h->value < 10) return std::nullopt;
    size_t end = u + 1;
    if (utf8::IsHangulSyllable(At(end)) && !TailOk(end) && !Sino(end) && !Digits(end)) {
      return std::nullopt;
    }
    s->hour = h->value;
    SetRank(s, kRankHour);
    // minutes
    size_t i = Spaces(end, 1);
    if (At(i) == U'반' && (Lit(i, U"반전") || TailOk(i + 1))) {
      if (Lit(i, U"반전")) {
        s->minutes_before = 30;
        s->minute = 0;
        SetRank(s, kRankMinute);
        return i + 2;
      }
      s->minute = 30;
      SetRank(s, kRankMinute);
      end = i + 1;
    } else if (auto m = AnyNumber(i, false, true); m && At(MinuteUnit(*m)) == U'분' &&
                                                   m->value <= 59 &&
                                                   !Lit(MinuteUnit(*m), U"분기")) {
      size_t after = MinuteUnit(*m) + 1;
      const size_t k = Spaces(after, 1);
      if (At(k) == U'전' && TailOk(k + 1) && m->value > 0) {
        s->minutes_before = m->value;
        s->minute = 0;
        SetRank(s, kRankMinute);
        return k + 1;
      }
      s->minute = m->value;
      SetRank(s, kRankMinute);
      end = after;
      // seconds
      const size_t j = Spaces(end, 1);
      if (auto sc = AnyNumber(j, false, true); sc && At(sc->end) == U'초' && sc->value <= 59) {
        s->second = sc->value;
        SetRank(s, kRankSecond);
        end = sc->end + 1;
      }
    }
    if (Lit(Spaces(end, 1), U"정각")) end = Spaces(end, 1) + 2;
    return LatinAmPm(end, s);
  }

  // Where 분 should be after a number of minutes: right after digits, or after a space when the
  // number is in words ("두 시 삼십 분").
  size_t MinuteUnit(const Num& m) const { return m.kind == Num::kDigit ? m.end : Spaces(m.end, 1); }

  // "am"/"pm"/"a"/"p" after a clock time.
  size_t LatinAmPm(size_t i, Spec* s) const {
    const size_t j = Spaces(i, 1);
    auto lower = [&](size_t k) { return static_cast<char32_t>(At(k) | 0x20); };
    const char32_t c = lower(j);
    if (c != 'a' && c != 'p') return i;
    size_t end = j + 1;
    if (At(end) == '.' && lower(end + 1) == 'm' && At(end + 2) == '.') {
      end += 3;
    } else if (lower(end) == 'm') {
      ++end;
    } else if (j != i) {
      return i;  // "3 a" is not a time
    }
    if (utf8::IsAsciiAlpha(At(end))) return i;
    (c == 'a' ? s->hour_explicit_am : s->hour_explicit_pm) = true;
    return end;
  }

  std::optional<size_t> TryWords(size_t p, Spec* s) const {
    if (!MayStart(p, kStartRelativeWord)) return std::nullopt;
    for (const RelativeWord& w : kRelativeWords) {
      if (!Lit(p, w.w) || !RankOk(*s, w.rank)) continue;
      const size_t end = p + w.w.size();
      // 지난주말 / 이번 주말: the weekend reading wins over 지난주 + 말.
      if (w.kind == 2 && At(end) == U'말') continue;
      if (!TailOk(end)) continue;
      // A relative word does not combine with a prefix (지난 오늘) or repeat a field.
      if (s->direction != 0 || s->this_prefix) return std::nullopt;
      switch (w.kind) {
        case 0:
          s->year_rel = w.value;
          break;
        case 5:
          s->year_rel = w.value;
          s->year_from_anchor = true;
          break;
        case 1:
          s->month_rel = w.value;
          break;
        case 2:
          s->week_rel = w.value;
          break;
        case 3:
          s->day_rel = w.value;
          break;
        case 4:
          s->day_rel = w.value;
          s->day_from_anchor = true;
          break;
      }
      SetRank(s, w.rank);
      return end;
    }
    if ((Word(p, kNowWords[0]) || Word(p, kNowWords[1])) && s->rank == kRankNone &&
        s->direction == 0 && !s->this_prefix) {
      s->now = true;
      SetRank(s, kRankSecond);
      return p + 2;
    }
    for (const FuzzyWord& f : kFuzzyWords) {
      if (!Word(p, f.w)) continue;
      if (f.month) {
        if (!RankOk(*s, kRankMonth)) return std::nullopt;
        if (s->month == kUnset && s->month_rel == kUnset) s->month_rel = 0;
        SetRank(s, kRankMonthMod);
      } else {
        if (!RankOk(*s, kRankYear)) {
          if (s->rank != kRankYear) return std::nullopt;
        }
        if (s->year == kUnset && s->year_rel == kUnset) s->year_rel = 0;
        SetRank(s, kRankYearMod);
      }
      s->mod = f.mod;
      return p + f.w.size();
    }
    return std::nullopt;
  }

  // After 지난/오는/이번/다음/올: 주, 달, 해, 분기, 주말, 봄..겨울, 상반기.
  std::optional<size_t> TryPrefixedUnit(size_t p, Spec* s) const {
    if (s->direction == 0 && !s->this_prefix) return std::nullopt;
    if (s->rank != kRankNone || !MayStart(p, kStartPrefixedUnit)) return std::nullopt;
    const int rel = s->this_prefix ? 0 : s->direction;
    for (const PrefixedUnitWord& u : kPrefixedUnitWords) {
      if (!Word(p, u.w)) continue;
      switch (u.what) {
        case 0:
          s->week_rel = rel;
          SetRank(s, kRankWeek);
          break;
        case 1:
          s->month_rel = rel;
          SetRank(s, kRankMonth);
          break;
        case 2:
          s->year_rel = rel;
          SetRank(s, kRankYear);
          break;
        case 3:
          s->quarter_rel = rel;
          SetRank(s, kRankHalf);
          break;
        case 4:
          s->week_rel = rel;
          s->weekend = true;
          SetRank(s, kRankWeek);
          break;
        case 5:
          s->half_rel = rel;
          SetRank(s, kRankHalf);
          break;
      }
      s->direction = 0;
      return p + u.w.size();
    }
    return std::nullopt;
  }

  std::optional<size_t> TryWeekend(size_t p, Spec* s) const {
    if (!MayStart(p, kStartWeekend)) return std::nullopt;
    for (const auto& [w, rel] : kWeekendWords) {
      if (Word(p, w) && RankOk(*s, kRankWeek) && s->direction == 0 && !s->this_prefix) {
        s->week_rel = rel;
        s->weekend = true;
        SetRank(s, kRankWeek);
        return p + w.size();
      }
    }
    if (Word(p, kWeekendWord) && RankOk(*s, kRankWeek)) {
      s->weekend = true;
      if (s->this_prefix) s->week_rel = 0;
      if (s->direction != 0 && s->week_rel == kUnset) s->week_rel = s->direction;
      s->direction = 0;
      s->this_prefix = false;
      SetRank(s, kRankWeek);
      return p + 2;
    }
    return std::nullopt;
  }

  std::optional<size_t> TryMod(size_t p, Spec* s) const {
    if (s->rank != kRankYear && s->rank != kRankMonth && s->rank != kRankHalf) return std::nullopt;
    if (s->rank == kRankYear && s->decade == kUnset && s->year == kUnset && s->year_rel == kUnset) {
      return std::nullopt;
    }
    const size_t q = Spaces(p, 1);
    if (!MayStart(q, kStartMod)) return std::nullopt;
    for (const ModWord& m : kModWords) {
      if (!Word(q, m.w)) continue;
      if (m.month_only && s->rank != kRankMonth) continue;
      s->mod = m.mod;
      SetRank(s, s->rank == kRankMonth ? kRankMonthMod : kRankYearMod);
      return q + m.w.size();
    }
    return std::nullopt;
  }

  std::optional<size_t> TryHalfSeason(size_t p, Spec* s) const {
    if (!MayStart(p, kStartHalfSeason) || !RankOk(*s, kRankHalf)) return std::nullopt;
    for (const auto& [w, h] : kHalfWords) {
      if (!Word(p, w)) continue;
      s->half = h;
      if (s->year == kUnset && s->year_rel == kUnset) {
        if (s->this_prefix) s->year_rel = 0;
      }
      s->this_prefix = false;
      SetRank(s, kRankHalf);
      return p + w.size();
    }
    for (const auto& [w, season] : kSeasonWords) {
      if (!Word(p, w)) continue;
      // A season alone ("봄이 왔다") is not a date; it needs a year or a determiner.
      const bool has_year = s->year != kUnset || s->year_rel != kUnset;
      if (!has_year && s->direction == 0 && !s->this_prefix) return std::nullopt;
      s->season = season;
      SetRank(s, kRankHalf);
      return p + w.size();
    }
    return std::nullopt;
  }

  std::optional<size_t> Ordinal(size_t p, int* value) const {
    for (const auto& [w, v] : kOrdinalWords) {
      if (Lit(p, w)) {
        *value = v;
        return p + w.size();
      }
    }
    if (auto n = Digits(p, 1); n && Lit(n->end, U"번째") && n->value >= 1 && n->value <= 5) {
      *value = n->value;
      return n->end + 2;
    }
    return std::nullopt;
  }

  int WeekdayAt(size_t p, size_t* end) const {
    const size_t k = kWeekdaySyllables.find(At(p));
    if (k == std::u32string_view::npos) return -1;
    if (Lit(p + 1, U"요일")) {
      *end = p + 3;
      return static_cast<int>(k);
    }
    if (At(p + 1) == U'욜') {
      *end = p + 2;
      return static_cast<int>(k);
    }
    return -1;
  }

  // 셋째 화요일, 마지막 주, 첫번째주 after a month.
  std::optional<size_t> TryOrdinalInMonth(size_t p, Spec* s) const {
    if (s->month == kUnset && s->month_rel == kUnset) return std::nullopt;
    if (!MayStart(p, kOrdinalInMonthStart) || !RankOk(*s, kRankWeek)) return std::nullopt;
    int ord = 0;
    auto o = Ordinal(p, &ord);
    if (!o) return std::nullopt;
    const size_t q = Spaces(*o, 1);
    size_t end = 0;
    const int wd = WeekdayAt(q, &end);
    if (wd >= 0 && TailOk(end)) {
      s->weekday = wd;
      s->weekday_ordinal = ord;
      SetRank(s, kRankWeekday);
      return end;
    }
    if (At(q) == U'주' && TailOk(q + 1)) {
      s->week_ordinal = ord;
      SetRank(s, kRankWeek);
      return q + 1;
    }
    return std::nullopt;
  }

  std::optional<size_t> TryWeekday(size_t p, Spec* s) const {
    if (!MayStart(p, kStartWeekday | kStartBracketWeekday) || !RankOk(*s, kRankWeekday)) {
      return std::nullopt;
    }
    size_t end = 0;
    // (금), (금요일) right after a day.
    if (At(p) == '(' && s->rank == kRankDay) {
      const size_t k = kWeekdaySyllables.find(At(p + 1));
      if (k != std::u32string_view::npos) {
        size_t close = p + 2;
        if (Lit(close, U"요일")) close += 2;
        if (At(close) == ')') {
          s->weekday = static_cast<int>(k);
          SetRank(s, kRankWeekday);
          return close + 1;
        }
      }
      return std::nullopt;
    }
    const int wd = WeekdayAt(p, &end);
    if (wd < 0) return std::nullopt;
    if (At(end) == U'날') ++end;  // 일요일날
    if (!TailOk(end)) return std::nullopt;
    s->weekday = wd;
    if (s->this_prefix && s->week_rel == kUnset) {
      s->week_rel = 0;
      s->this_prefix = false;
    }
    SetRank(s, kRankWeekday);
    return end;
  }

  std::optional<size_t> TryHoliday(size_t p, Spec* s) const {
    if (!MayStart(p, kStartHoliday) || !RankOk(*s, kRankDay) || s->month != kUnset ||
        s->month_rel != kUnset) {
      return std::nullopt;
    }
    // Only the holidays that begin with the code point at p, in the order of the dictionary.
    const char32_t c = At(p);
    auto it = std::lower_bound(holidays_.begin(), holidays_.end(), c,
                               [](const Holiday& h, char32_t x) { return h.word.front() < x; });
    const Holiday* best = nullptr;
    for (; it != holidays_.end() && it->word.front() == c; ++it) {
      if (Word(p, it->word) && (!best || it->word.size() > best->word.size())) best = &*it;
    }
    if (!best) return std::nullopt;
    const size_t end = p + best->word.size();
    // A one-syllable name (설) is a holiday only before a particle or a word of the season
    // ("설에", "설 연휴"); alone it is a surname or a rumor (설 의원, 사퇴설).
    if (best->word.size() == 1 && !HolidayContext(end)) return std::nullopt;
    s->month = best->month;
    s->day = best->day;
    s->holiday = true;
    s->lunar = best->lunar;
    SetRank(s, kRankDay);
    return end;
  }

  bool HolidayContext(size_t end) const {
    static constexpr std::u32string_view kAttached[] = {U"에",   U"엔",   U"을", U"은", U"이",
                                                        U"까지", U"부터", U"과", U"와", U"도"};
    for (std::u32string_view t : kAttached) {
      if (Lit(end, t) && TailOk(end + t.size())) return true;
    }
    const size_t w = Spaces(end, 1);
    if (w == end) return false;
    static constexpr std::u32string_view kSeason[] = {
        U"연휴", U"명절", U"당일", U"전날", U"전후", U"직후", U"직전", U"이후",
        U"이전", U"대목", U"특수", U"귀성", U"차례", U"선물", U"민심", U"밥상"};
    for (std::u32string_view k : kSeason) {
      if (Lit(w, k)) return true;
    }
    return false;
  }

  std::optional<size_t> TryPod(size_t p, Spec* s) const {
    if (!MayStart(p, kStartPod) || !RankOk(*s, kRankPod)) return std::nullopt;
    for (const PodWord& x : kPodWords) {
      if (!Lit(p, x.w)) continue;
      const size_t end = p + x.w.size();
      // The part of day is glued to its hour ("오후3시", "저녁다섯시") or stands as a word.
      if (!TailOk(end) && !utf8::IsAsciiDigit(At(end)) && !Native(end) && !Sino(end)) {
        return std::nullopt;
      }
      if (x.hour != kUnset) {
        if (!RankOk(*s, kRankHour) || !TailOk(end)) return std::nullopt;
        s->hour = x.hour;
        SetRank(s, kRankHour);
        return end;
      }
      s->pod = x.pod;
      SetRank(s, kRankPod);
      return end;
    }
    return std::nullopt;
  }

  // Skips "(현지시간)", "(한국 시각)", "(이하 현지시간)" between components.
  size_t SkipZoneNote(size_t p) const {
    if (At(p) != '(') return p;
    size_t i = p + 1;
    const size_t limit = std::min(s_.size(), p + 16);
    bool zone = false;
    while (i < limit && At(i) != ')') {
      if (Lit(i, U"시간") || Lit(i, U"시각") || Lit(i, U"기준")) zone = true;
      ++i;
    }
    if (i < limit && zone) return i + 1;
    return p;
  }

  std::optional<size_t> TryComponent(size_t p, Spec* s) const {
    if (auto e = TryNumericDate(p, s)) return e;
    if (auto e = TryBareBeforeRange(p, s)) return e;
    if (auto e = TryNumberUnit(p, s)) return e;
    if (auto e = TryPrefixedUnit(p, s)) return e;
    if (auto e = TryWeekend(p, s)) return e;
    if (auto e = TryWords(p, s)) return e;
    if (auto e = TryHalfSeason(p, s)) return e;
    if (auto e = TryOrdinalInMonth(p, s)) return e;
    if (auto e = TryWeekday(p, s)) return e;
    if (auto e = TryHoliday(p, s)) return e;
    if (auto e = TryPod(p, s)) return e;
    if (auto e = TrySinoCalendar(p, s)) return e;
    return std::nullopt;
  }

  // A chain of components from p; nullopt when none.
  std::optional<std::pair<size_t, Spec>> ParseChain(size_t p, Spec s) const {
    std::vector<std::pair<size_t, Spec>> steps;
    size_t q = p;
    while (true) {
      size_t r = steps.empty() ? q : Spaces(q);
      if (!steps.empty()) {
        const size_t z = SkipZoneNote(r);
        if (z != r) r = Spaces(z, 1);
      }
      Spec next = s;
      std::optional<size_t> e;
      if (!steps.empty()) e = TryMod(r, &next);
      if (!e) e = TryComponent(r, &next);
      if (!e) break;
      // A time of day after a space is an expression of its own, as KLUE tags "7일 | 오후 3시":
      // it takes its day from the date just before it.
      if (r != q && next.rank >= kRankPod && s.rank != kRankNone && s.rank < kRankPod) break;
      s = next;
      q = *e;
      steps.emplace_back(q, s);
    }
    // Drop components glued to a longer word ("3월호" never got here, but "오늘날" might).
    while (!steps.empty() && !TailOk(steps.back().first) &&
           !utf8::IsAsciiDigit(At(steps.back().first))) {
      steps.pop_back();
    }
    while (!steps.empty() && utf8::IsAsciiDigit(At(steps.back().first))) steps.pop_back();
    if (steps.empty()) return std::nullopt;
    return steps.back();
  }

  std::optional<Parsed> ParseChainExpr(size_t p) const {
    if (!MayStart(p, kChainStart)) return std::nullopt;
    Spec s;
    // A prefix is a word of its own ("지난 19일") or glued to a unit ("지난주", "이번여름"); when
    // what follows it is not a date, the word is read again without it ("금요일", "올라").
    const size_t after_prefix = Prefix(p, &s);
    const size_t q = after_prefix != p ? Spaces(after_prefix, 1) : p;
    auto chain = q != p ? ParseChain(q, s) : std::nullopt;
    if (!chain) chain = ParseChain(p, Spec());
    if (!chain) return ParseBareYear(p);
    Parsed out;
    out.begin = p;
    out.end = chain->first;
    out.spec = chain->second;
    // The span is the whole expression, the word that places the numbers included ("지난 19일",
    // "오는 12월", "지난해 7월"), as KLUE-NER and TimeML tag it: the word decides the value.
    const Spec& sp = out.spec;
    // A prefix needs something it can apply to.
    if ((sp.direction != 0 || sp.this_prefix) && sp.rank == kRankPod) return std::nullopt;
    ReadRangeAndSuffix(&out);
    if (out.spec.bare && !out.is_range) return std::nullopt;
    // A part of day alone (no date, no hour) is a time only as a word of its own: "오전에",
    // "밤부터"; 점심 and the like need a date ("점심 식단" is about lunch).
    if (out.spec.rank == kRankPod && out.spec.first_rank == kRankPod && !out.is_range) {
      if (!PodWordAlone(out.begin, out.end)) return std::nullopt;
    }
    return out;
  }

  // A year written without 년 before a name: "2015 세계교육포럼", "2017 S/S 시즌", "'응답하라
  // 1988'", "'친구'(2001)". Only four digits from 1900 to 2099 standing alone, and not a count:
  // no unit or counter after it ("2000 가구", "1980 m"), no quantity word before it ("약 2000").
  std::optional<Parsed> ParseBareYear(size_t p) const {
    auto n = Digits(p);
    if (!n || n->digits != 4 || n->value < 1900 || n->value > 2099) return std::nullopt;
    if (p > 0) {
      const char32_t before = s_[p - 1];
      if (IsTilde(before) || IsDash(before) || before == '/' || before == '.' || before == ',' ||
          before == '+' || before == '#' || before == '$' || before == 0x20A9) {
        return std::nullopt;
      }
      // The word before: 약 2000, 총 2015, 제 2015; a Latin name before it makes it a model or
      // an edition of that name (GT-R 2017, KCON 2016).
      size_t w = p;
      while (w > 0 && IsHorizontalSpace(s_[w - 1])) --w;
      if (w != p && w > 0 && (utf8::IsAsciiAlpha(s_[w - 1]) || utf8::IsAsciiDigit(s_[w - 1]))) {
        return std::nullopt;
      }
      if (w != p) {
        static constexpr std::u32string_view kQuantityWords[] = {U"약",   U"총",   U"제",   U"모두",
                                                                 U"무려", U"최대", U"최소", U"평균",
                                                                 U"불과", U"단",   U"겨우"};
        for (std::u32string_view q : kQuantityWords) {
          if (w >= q.size() && std::u32string_view(s_).substr(w - q.size(), q.size()) == q &&
              (w == q.size() || !IsWordChar(s_[w - q.size() - 1]))) {
            return std::nullopt;
          }
        }
      }
    }
    const size_t e = n->end;
    const char32_t c = At(e);
    static constexpr std::u32string_view kClosers = U"'\"\u2019\u201D)]>\u300D\u300F\u3009\u300B";
    if (c != 0 && !IsHorizontalSpace(c) && c != '\n' &&
        kClosers.find(c) == std::u32string_view::npos) {
      return std::nullopt;
    }
    if (IsHorizontalSpace(c)) {
      const size_t w = Spaces(e, 1);
      const char32_t d = At(w);
      if (utf8::IsAsciiDigit(d) || d == '+' || d == '-' || d == '=' || d == 'x' || d == 0xD7 ||
          d == '%' || IsTilde(d) || d == '/' || d == ',') {
        return std::nullopt;
      }
      // Counters and units that make the number a count: 2000 가구, 1500 명, 2000 km.
      static constexpr std::u32string_view kCounters[] = {
          U"명", U"개", U"원", U"달러", U"가구", U"건",   U"곳",   U"대", U"마리", U"톤",
          U"회", U"번", U"위", U"점",   U"표",   U"채",   U"척",   U"편", U"권",   U"장",
          U"병", U"석", U"세", U"살",   U"배",   U"그루", U"만",   U"억", U"천",   U"여",
          U"년", U"분", U"초", U"시간", U"일",   U"주",   U"개월", U"달", U"시",   U"쪽",
          U"호", U"동", U"층", U"평",   U"리터", U"미터", U"킬로", U"엔", U"위안", U"유로",
          U"kg", U"km", U"m",  U"cm",   U"mm",   U"g",    U"cc",   U"ml", U"kcal", U"t"};
      for (std::u32string_view k : kCounters) {
        if (!Lit(w, k)) continue;
        const char32_t after = At(w + k.size());
        if (utf8::IsAsciiAlpha(k.front())) {
          if (!utf8::IsAsciiAlpha(after)) return std::nullopt;
        } else if (TailOk(w + k.size()) || !utf8::IsHangulSyllable(after)) {
          return std::nullopt;
        }
      }
    }
    Parsed out;
    out.begin = p;
    out.end = e;
    out.spec.year = n->value;
    SetRank(&out.spec, kRankYear);
    return out;
  }

  bool PodWordAlone(size_t begin, size_t end) const {
    static constexpr std::u32string_view kAlone[] = {U"오전", U"오후", U"새벽", U"아침",
                                                     U"저녁", U"밤",   U"낮"};
    const std::u32string_view word = std::u32string_view(s_).substr(begin, end - begin);
    if (std::find(std::begin(kAlone), std::end(kAlone), word) == std::end(kAlone)) return false;
    const char32_t c = At(end);
    if (!utf8::IsHangulSyllable(c)) return true;
    static constexpr std::u32string_view kPodTails[] = {U"에",   U"엔",   U"부터", U"까지", U"마다",
                                                        U"의",   U"이나", U"동안", U"중",   U"내내",
                                                        U"이면", U"새",   U"께",   U"쯤"};
    for (std::u32string_view t : kPodTails) {
      if (Lit(end, t)) return true;
    }
    return false;
  }

  void ReadRangeAndSuffix(Parsed* out) const {
    size_t q = out->end;
    // 경, 께 and 쯤 ("오후 6시 41분경", "20일께") make the value approximate but stay outside
    // the span, as KLUE tags them (like a particle).
    if (At(q) == U'경' || At(q) == U'께' || At(q) == U'쯤') {
      out->spec.mod = "APPROX";
      ++q;
    }
    // Range: ~ / - / 부터 / 에서 ... (까지)
    size_t r = Spaces(q, 1);
    bool sep = false;
    bool need_until = false;
    bool particle = false;
    if (IsTilde(At(r)) || (IsDash(At(r)) && out->spec.rank >= kRankMonth)) {
      sep = true;
      r = Spaces(r + 1, 1);
    } else if (Lit(r, U"부터")) {
      sep = particle = true;
      r = Spaces(r + 2, 1);
    } else if (Lit(q, U"에서")) {
      sep = particle = true;
      need_until = true;
      r = Spaces(q + 2, 1);
    }
    if (sep && !particle && out->spec.day != kUnset && out->spec.month != kUnset) {
      // 2023.11.17~11.22: the end of a numeric date written as month.day without the year.
      auto m = Digits(r, 2);
      if (m && m->value >= 1 && m->value <= 12 && At(m->end) == '.') {
        auto d = Digits(m->end + 1, 2);
        if (d && d->value >= 1 && d->value <= 31 && !utf8::IsAsciiDigit(At(d->end))) {
          size_t end = d->end;
          if (At(end) == '.' && !utf8::IsAsciiDigit(At(end + 1))) ++end;
          Spec t;
          t.month = m->value;
          t.day = d->value;
          SetRank(&t, kRankMonth);
          SetRank(&t, kRankDay);
          out->is_range = true;
          out->to = t;
          out->end = end;
          return;
        }
      }
    }
    if (sep) {
      Spec to;
      // The end may repeat the start's fields or leave them out; it may not reach higher.
      if (auto chain = ParseChain(r, to)) {
        size_t end = chain->first;
        const bool until = Lit(end, U"까지");
        const Spec& t = chain->second;
        // The two ends are of one kind: the same smallest unit (17일~22일, 9시~11시 30분 is
        // not), or anything closed by 까지 that does not start higher than the start.
        const bool same_unit =
            t.rank == out->spec.rank || (t.rank >= kRankHour && out->spec.rank >= kRankHour);
        if ((!need_until || until) && t.first_rank != kRankNone && !t.holiday &&
            !(t.day_rel != kUnset || t.week_rel != kUnset) &&
            (same_unit || (until && t.first_rank >= out->spec.first_rank)) &&
            (t.first_rank >= out->spec.first_rank || t.first_rank >= kRankPod)) {
          // 까지 is a particle: outside the span, as the annotators leave it.
          out->is_range = true;
          out->to = t;
          if (particle) {
            out->from_end = q;
            out->to_begin = r;
          }
          out->end = end;
          return;
        }
      }
    }
    // Open ends: 2015년 이후, 오전 11시 이전. The word makes the value an open interval but
    // stays outside the span ("2008년 이후" is tagged 2008년), as a particle would.
    const size_t o = Spaces(q, 1);
    if (Word(o, U"이후") || Word(o, U"이래")) {
      out->spec.open = 1;
    } else if (Word(o, U"이전") || (out->spec.HasTime() && o == q && Word(o, U"전"))) {
      out->spec.open = -1;
    }
  }

  // ---------------------------------------------------------------- durations
  std::optional<Parsed> ParseDuration(size_t p) const {
    if (!MayStart(p, kDurationStart)) return std::nullopt;
    Spec s;
    size_t q = p;
    int prefix = 0;  // -1 지난/최근, +1 다음/향후/앞으로
    for (const auto& [w, d] : kDurationPrefixWords) {
      if (Lit(q, w) && IsHorizontalSpace(At(q + w.size()))) {
        prefix = d;
        q = Spaces(q + w.size(), 1);
        break;
      }
    }
    bool approx = false;
    size_t begin = p;
    if (prefix == 0 && Lit(q, kApproxWord) && IsHorizontalSpace(At(q + 1))) {
      approx = true;
      q = Spaces(q + 1, 1);
      begin = q;  // 약 stays outside the span, as annotators mostly leave it
    }
    int64_t amount = 0;
    Unit unit = Unit::kDay;
    size_t end = 0;
    bool sino_number = false;
    if (!DurationAmount(q, &amount, &unit, &end, &sino_number)) return std::nullopt;
    // 지난 2009년 is a year and 지난 19일 a day of the month, not a length of time.
    if (prefix != 0 && unit == Unit::kYear && amount >= 31) return std::nullopt;
    if (unit == Unit::kYear && amount >= 1000) return std::nullopt;
    if (prefix < 0 && unit == Unit::kDay && !Lit(q, U"하루") && !Lit(q, U"이틀") && Digits(q)) {
      return std::nullopt;
    }
    size_t k = Spaces(end, 1);
    Shift shift = Shift::kNone;
    size_t shift_end = k;
    struct S {
      std::u32string_view w;
      Shift shift;
    };
    static constexpr S kSuffixes[] = {{U"이내", Shift::kWithinInterval},
                                      {U"이전", Shift::kAgo},
                                      {U"이후", Shift::kAfterOpen},
                                      {U"전", Shift::kAgo},
                                      {U"후", Shift::kLater},
                                      {U"뒤", Shift::kLater},
                                      {U"만에", Shift::kSince},
                                      {U"만이", Shift::kSince},
                                      {U"만의", Shift::kSince},
                                      {U"만인", Shift::kSince},
                                      {U"내", Shift::kWithin},
                                      {U"안", Shift::kWithin}};
    for (const S& x : kSuffixes) {
      const bool since = x.shift == Shift::kSince;
      if (Lit(k, x.w) && (since || TailOk(k + x.w.size()))) {
        // 내 and 안 glue to their duration ("하루내", "15분안에").
        if ((x.shift == Shift::kWithin) && k != end) continue;
        if (x.shift == Shift::kWithin && At(k + 1) == U'내') continue;  // 내내
        shift = x.shift;
        // "만이다", "만의": the span ends at 만 (or 만에).
        shift_end = k + (x.w == U"만에" ? 2 : since ? 1 : x.w.size());
        // 97년 이후 is "since 1997"; leave it to the year reading.
        if ((shift == Shift::kAfterOpen || x.w == U"이전") && unit == Unit::kYear && amount >= 31) {
          return std::nullopt;
        }
        break;
      }
    }
    if (shift == Shift::kNone) {
      if (prefix == 0) return std::nullopt;
      shift = prefix < 0 ? Shift::kLastN : Shift::kNextN;
      shift_end = end;
    } else if (prefix != 0) {
      return std::nullopt;
    }
    // Bare Sino-Korean numbers ("삼년", "이분") are read only before a direction word.
    (void)sino_number;
    s.shift = shift;
    s.shift_amount = amount;
    s.shift_unit = unit;
    // "V-ㄴ 지 사흘 만에": the start is the event of the clause before 지, not the date told
    // before; only a date in that same sentence may stand for it.
    s.since_own_clause = shift == Shift::kSince && begin >= 3 && IsHorizontalSpace(s_[begin - 1]) &&
                         s_[begin - 2] == U'지' && IsHorizontalSpace(s_[begin - 3]);
    if (approx) s.mod = "APPROX";
    s.rank = kRankDay;
    Parsed out;
    out.begin = begin;
    out.end = shift_end;
    out.spec = s;
    return out;
  }

  // A length of time standing alone: 사흘, 2시간 30분, 1년 6개월, 10년간, 5년 동안, 1박2일. It
  // places nothing on the timeline, but it is a temporal expression (KLUE tags it DATE or TIME).
  std::optional<Parsed> ParseLength(size_t p) const {
    if (!MayStart(p, kLengthStart)) return std::nullopt;
    int64_t amounts[7] = {};  // per Unit
    size_t end = p;
    int parts = 0;
    Unit smallest = Unit::kYear;
    bool nights = false;
    // N박 M일: a stay told in nights and days; its length is the days.
    if (auto n = Digits(p, 2); n && At(n->end) == U'박') {
      if (auto d = Digits(Spaces(n->end + 1, 1), 2);
          d && At(d->end) == U'일' && d->value == n->value + 1) {
        amounts[static_cast<int>(Unit::kDay)] = d->value;
        end = d->end + 1;
        parts = 1;
        smallest = Unit::kDay;
        nights = true;
      }
    }
    while (!nights) {
      const size_t q = parts == 0 ? p : Spaces(end, 1);
      int64_t amount = 0;
      Unit unit = Unit::kDay;
      size_t e = 0;
      bool sino = false;
      if (!DurationAmount(q, &amount, &unit, &e, &sino)) break;
      // Sino-Korean numbers alone are other words too often (이분, 삼년); 일주일, 일년, 십 년 are
      // not.
      if (sino && !(Lit(q, U"일") && (unit == Unit::kWeek || unit == Unit::kYear)) && amount < 10) {
        break;
      }
      // Each part is smaller than the one before (1년 6개월, 2시간 30분).
      if (parts > 0 && static_cast<int>(unit) >= static_cast<int>(smallest)) break;
      amounts[static_cast<int>(unit)] += amount;
      smallest = unit;
      end = e;
      ++parts;
    }
    if (parts == 0) return std::nullopt;
    // 3분의 1 is a fraction; 20주 매입 may be shares, but weeks are what news counts in 주.
    if (At(end) == U'의' && smallest == Unit::kMinute) return std::nullopt;
    // 간, 동안, 째 belong to the length ("10년간", "5년 동안", "15일째"), as KLUE tags it.
    if (At(end) == U'간' || At(end) == U'째') {
      ++end;
    } else if (const size_t k = Spaces(end, 1); Lit(k, U"동안")) {
      end = k + 2;
    }
    if (!TailOk(end)) return std::nullopt;
    // What a bare number with a counter means depends on the counter: "3일" alone is a day of the
    // month, and the chain reader has it; here only what can be nothing but a length.
    std::string iso = "P";
    static constexpr struct {
      Unit unit;
      char letter;
    } kOrder[] = {{Unit::kYear, 'Y'}, {Unit::kMonth, 'M'}, {Unit::kWeek, 'W'}, {Unit::kDay, 'D'}};
    for (const auto& [unit, letter] : kOrder) {
      if (const int64_t a = amounts[static_cast<int>(unit)]) iso += std::to_string(a) + letter;
    }
    const bool is_time = amounts[static_cast<int>(Unit::kHour)] ||
                         amounts[static_cast<int>(Unit::kMinute)] ||
                         amounts[static_cast<int>(Unit::kSecond)];
    if (is_time) {
      iso += 'T';
      static constexpr struct {
        Unit unit;
        char letter;
      } kTime[] = {{Unit::kHour, 'H'}, {Unit::kMinute, 'M'}, {Unit::kSecond, 'S'}};
      for (const auto& [unit, letter] : kTime) {
        if (const int64_t a = amounts[static_cast<int>(unit)]) iso += std::to_string(a) + letter;
      }
    }
    Parsed out;
    out.begin = p;
    out.end = end;
    out.length = std::move(iso);
    out.length_is_time =
        smallest == Unit::kHour || smallest == Unit::kMinute || smallest == Unit::kSecond;
    return out;
  }

  // A length of time: 3일, 사흘, 일주일, 두 달, 1년 반, 한시간반, 10여 년. Amounts are in the
  // unit returned (a half is carried to the next smaller unit).
  bool DurationAmount(size_t p, int64_t* amount, Unit* unit, size_t* end, bool* sino) const {
    if (!MayStart(p, kDurationAmountStart)) return false;
    if (MayStart(p, kStartDayCount)) {
      for (const auto& [w, d] : kDayCountWords) {
        if (Lit(p, w)) {
          *amount = d;
          *unit = Unit::kDay;
          *end = p + w.size();
          return true;
        }
      }
      if (Lit(p, kHalfYearWord)) {
        *amount = 6;
        *unit = Unit::kMonth;
        *end = p + 2;
        return true;
      }
    }
    auto n = AnyNumber(p, /*native=*/true, /*sino=*/true);
    if (!n) return false;
    *sino = n->kind == Num::kSino;
    size_t u = n->end;
    if (At(u) == U'여') ++u;  // 10여 년
    u = Spaces(u, 1);
    struct UW {
      std::u32string_view w;
      Unit unit;
      int mult;
      bool native_ok;
    };
    static constexpr UW kUnits[] = {
        {U"시간", Unit::kHour, 1, true},  {U"개월", Unit::kMonth, 1, true},
        {U"주일", Unit::kWeek, 1, false}, {U"주", Unit::kWeek, 1, false},
        {U"달", Unit::kMonth, 1, true},   {U"해", Unit::kYear, 1, true},
        {U"년", Unit::kYear, 1, false},   {U"일", Unit::kDay, 1, false},
        {U"분", Unit::kMinute, 1, false}, {U"초", Unit::kSecond, 1, false}};
    for (const UW& x : kUnits) {
      if (!Lit(u, x.w)) continue;
      if (n->kind == Num::kNative && !x.native_ok) return false;
      if (n->kind == Num::kSino && (x.w == U"달" || x.w == U"해")) return false;
      if (n->kind == Num::kDigit && x.w == U"해") return false;
      int64_t a = n->value;
      Unit un = x.unit;
      size_t e = u + x.w.size();
      if (At(e) == U'여') ++e;  // 1년여
      // 1년 반, 한시간반: a half more, in the next smaller unit.
      const size_t h = Spaces(e, 1);
      if (At(h) == U'반' && TailOk(h + 1)) {
        switch (un) {
          case Unit::kYear:
            a = a * 12 + 6;
            un = Unit::kMonth;
            break;
          case Unit::kMonth:
            a = a * 30 + 15;
            un = Unit::kDay;
            break;
          case Unit::kDay:
            a = a * 24 + 12;
            un = Unit::kHour;
            break;
          case Unit::kHour:
            a = a * 60 + 30;
            un = Unit::kMinute;
            break;
          case Unit::kMinute:
            a = a * 60 + 30;
            un = Unit::kSecond;
            break;
          default:
            break;
        }
        e = h + 1;
      }
      *amount = a;
      *unit = un;
      *end = e;
      return true;
    }
    return false;
  }

  const std::u32string& s_;
  const std::vector<Holiday>& holidays_;
  const std::vector<uint32_t>& starts_;
};

// ---------------------------------------------------------------- tense of the clause
// Whether what follows a date in its sentence speaks of the future, so that a partial date
// ("10일", "3월") is placed after the reference even though news prefers the past: a schedule
// ("열릴 예정이다", "발표할 계획이다"), a will ("하겠다"), or the plain present that news uses
// for what is coming ("시행된다", "개봉한다고 밝혔다"). The first tense read after the date
// decides; a past tense (했다, 열렸던) keeps the default.
class ClauseTense {
 public:
  explicit ClauseTense(const std::u32string& s) : s_(s) {}

  bool IsFuture(size_t from, size_t to) const {
    std::u32string_view previous;
    size_t i = from;
    while (i < to) {
      while (i < to && !utf8::IsHangulSyllable(s_[i]) && !IsWordChar(s_[i])) {
        if (s_[i] == '.' || s_[i] == '?' || s_[i] == '!' || s_[i] == '\n') {
          // The sentence ends here, unless the dot is inside a number (2023.11.17).
          const bool in_number = s_[i] == '.' && i > 0 && utf8::IsAsciiDigit(s_[i - 1]) &&
                                 i + 1 < s_.size() && utf8::IsAsciiDigit(s_[i + 1]);
          if (!in_number) return false;
        }
        ++i;
      }
      size_t j = i;
      while (j < to && IsWordChar(s_[j])) ++j;
      const std::u32string_view word(s_.data() + i, j - i);
      if (word.empty()) break;
      switch (Read(word, previous)) {
        case Tense::kFuture:
          return true;
        case Tense::kPast:
          return false;
        case Tense::kNone:
          break;
      }
      previous = word;
      i = j;
    }
    return false;
  }

 private:
  enum class Tense { kNone, kPast, kFuture };
  static constexpr int kFinalN = 4, kFinalL = 8, kFinalSs = 20;

  static bool StartsWith(std::u32string_view w, std::u32string_view prefix) {
    return w.substr(0, prefix.size()) == prefix;
  }
  static bool EndsWith(std::u32string_view w, std::u32string_view suffix) {
    return w.size() >= suffix.size() && w.substr(w.size() - suffix.size()) == suffix;
  }

  static Tense Read(std::u32string_view w, std::u32string_view previous) {
    // A schedule: 예정 after anything, 계획/방침/전망/것 after a prospective -ㄹ (열릴, 발표할).
    if (StartsWith(w, U"예정")) return Tense::kFuture;
    if (!previous.empty() && utf8::FinalConsonant(previous.back()) == kFinalL &&
        previous.size() >= 2) {
      for (std::u32string_view noun : {U"계획", U"방침", U"전망", U"것", U"목표", U"방안"}) {
        if (StartsWith(w, noun)) return Tense::kFuture;
      }
    }
    for (size_t k = 1; k < w.size(); ++k) {
      if (w[k] == U'겠') return Tense::kFuture;
      // 었, 았, 했, 됐, 렸...: a past tense (있/없 are stems, not the past).
      if (utf8::FinalConsonant(w[k]) == kFinalSs && w[k] != U'있' && w[k] != U'없') {
        return Tense::kPast;
      }
    }
    // The plain present of a verb (-ㄴ다, -는다), at the end or quoted (-ㄴ다고, -ㄴ다며).
    for (std::u32string_view tail : {U"다", U"다고", U"다며", U"다는"}) {
      if (!EndsWith(w, tail) || w.size() < tail.size() + 2) continue;
      const char32_t before = w[w.size() - tail.size() - 1];
      if (before == U'는' || (utf8::FinalConsonant(before) == kFinalN && before != U'인')) {
        return Tense::kFuture;
      }
    }
    return Tense::kNone;
  }

  const std::u32string& s_;
};

// ---------------------------------------------------------------- resolution

struct DayAnchor {
  bool set = false;
  int year = 0, month = 0, day = 0;  // month/day 0 when not known
  uint32_t sentence = 0;
};

DateTime MakeDate(int y, int m, int d) {
  DateTime t;
  t.year = y;
  t.month = m;
  t.day = d;
  return t;
}

DateTime DateOnly(const DateTime& t) { return MakeDate(t.year, t.month, t.day); }

int64_t Days(const DateTime& t) { return DaysFromCivil(t.year, t.month, t.day); }

int64_t Seconds(const DateTime& t) {
  return Days(t) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
}

DateTime FromSeconds(int64_t secs) {
  const int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
  DateTime t = CivilFromDays(days);
  int64_t rest = secs - days * 86400;
  t.hour = static_cast<int>(rest / 3600);
  rest %= 3600;
  t.minute = static_cast<int>(rest / 60);
  t.second = static_cast<int>(rest % 60);
  return t;
}

DateTime MondayOf(const DateTime& t) {
  return CivilFromDays(Days(t) - Weekday(t.year, t.month, t.day));
}

Grain UnitGrain(Unit u) {
  switch (u) {
    case Unit::kSecond:
      return Grain::kSecond;
    case Unit::kMinute:
      return Grain::kMinute;
    case Unit::kHour:
      return Grain::kHour;
    case Unit::kDay:
      return Grain::kDay;
    case Unit::kWeek:
      return Grain::kWeek;
    case Unit::kMonth:
      return Grain::kMonth;
    case Unit::kYear:
      return Grain::kYear;
  }
  return Grain::kDay;
}

// One step finer, as a point reached by adding a length of time to an instant is precise to
// the next smaller unit (7일 전 from 04:30 is 04 o'clock seven days earlier, to the hour).
Grain FinerGrain(Unit u) {
  switch (u) {
    case Unit::kSecond:
    case Unit::kMinute:
      return Grain::kSecond;
    case Unit::kHour:
      return Grain::kMinute;
    case Unit::kDay:
      return Grain::kHour;
    case Unit::kWeek:
      return Grain::kDay;
    case Unit::kMonth:
      return Grain::kWeek;
    case Unit::kYear:
      return Grain::kMonth;
  }
  return Grain::kDay;
}

DateTime AddUnits(const DateTime& t, Unit u, int64_t n) {
  switch (u) {
    case Unit::kSecond:
      return FromSeconds(Seconds(t) + n);
    case Unit::kMinute:
      return FromSeconds(Seconds(t) + n * 60);
    case Unit::kHour:
      return FromSeconds(Seconds(t) + n * 3600);
    case Unit::kDay:
      return AddDays(t, n);
    case Unit::kWeek:
      return AddDays(t, n * 7);
    case Unit::kMonth:
      return AddMonths(t, static_cast<int>(n));
    case Unit::kYear:
      return AddMonths(t, static_cast<int>(n * 12));
  }
  return t;
}

// The start of the unit containing t.
DateTime Truncate(const DateTime& t, Unit u) {
  DateTime o = t;
  switch (u) {
    case Unit::kYear:
      o.month = 1;
      [[fallthrough]];
    case Unit::kMonth:
      o.day = 1;
      [[fallthrough]];
    case Unit::kDay:
      o.hour = 0;
      [[fallthrough]];
    case Unit::kHour:
      o.minute = 0;
      [[fallthrough]];
    case Unit::kMinute:
      o.second = 0;
      [[fallthrough]];
    case Unit::kSecond:
      break;
    case Unit::kWeek:
      o = MondayOf(t);
      break;
  }
  return o;
}

struct Resolved {
  bool is_interval = false;
  TimeValue value;
  std::optional<TimeValue> from, to;
  Anchor anchor = Anchor::kAbsolute;
};

class Resolver {
 public:
  Resolver(std::optional<DateTime> ref, bool ref_inferred, bool prefer_future)
      : ref_(ref),
        ref_inferred_(ref_inferred),
        base_prefer_future_(prefer_future),
        prefer_future_(prefer_future) {
    ref_has_time_ = ref && (ref->hour != 0 || ref->minute != 0 || ref->second != 0);
  }

  // `future_clause`: the clause is in a future tense, which places a partial date after the
  // reference whatever the preference.
  std::optional<Resolved> Resolve(const Parsed& p, uint32_t sentence, bool future_clause = false) {
    prefer_future_ = base_prefer_future_ || future_clause;
    sentence_ = sentence;
    anchor_used_ = Anchor::kAbsolute;
    missing_ = false;
    auto from = ResolveSpec(p.spec);
    if (!from) return std::nullopt;
    Resolved r;
    r.anchor = anchor_used_;
    if (p.is_range) {
      if (from->is_interval) return std::nullopt;
      Spec to = p.to;
      Inherit(p.spec, from->value, &to);
      const Anchor keep = anchor_used_;
      auto end = ResolveSpec(to);
      anchor_used_ = keep;
      if (!end || end->is_interval) return std::nullopt;
      TimeValue e = end->value;
      // 28일~3일: the end wrapped into the next month (or year, or day). What the end wrote
      // itself decides, not what it took from the start.
      const Spec& written = p.to;
      if (e.time < from->value.time) {
        if (written.month == kUnset && written.month_rel == kUnset && written.day != kUnset) {
          e.time = AddMonths(e.time, 1);
        } else if (written.year == kUnset && written.year_rel == kUnset &&
                   written.month != kUnset) {
          e.time.year += 1;
        } else if (e.grain >= Grain::kHour && written.day == kUnset && written.day_rel == kUnset) {
          e.time = AddDays(e.time, 1);
        } else {
          return std::nullopt;
        }
      }
      r.is_interval = true;
      r.from = from->value;
      r.to = e;
      Remember(from->value);
      return r;
    }
    r.is_interval = from->is_interval;
    r.value = from->value;
    r.from = from->from;
    r.to = from->to;
    if (p.spec.open > 0 && !r.is_interval) {
      r.is_interval = true;
      r.from = r.value;
      r.to.reset();
    } else if (p.spec.open < 0 && !r.is_interval) {
      r.is_interval = true;
      TimeValue before = r.value;
      before.time = StepBack(before.time, before.grain);
      r.to = before;
      r.from.reset();
    }
    Remember(r.is_interval ? (r.from ? *r.from : *r.to) : r.value);
    return r;
  }

  // After Resolve gave nothing: true when it failed only for want of a reference or an anchor
  // (the expression is well formed), false when the expression itself is not a date.
  bool missing() const { return missing_; }

 private:
  // A failure for want of a reference (or of its time of day) or of a narrative anchor.
  std::nullopt_t Missing() {
    missing_ = true;
    return std::nullopt;
  }

  struct Out {
    bool is_interval = false;
    TimeValue value;
    std::optional<TimeValue> from, to;
  };

  static DateTime StepBack(const DateTime& t, Grain g) {
    switch (g) {
      case Grain::kYear:
        return AddMonths(t, -12);
      case Grain::kQuarter:
        return AddMonths(t, -3);
      case Grain::kMonth:
        return AddMonths(t, -1);
      case Grain::kWeek:
        return AddDays(t, -7);
      case Grain::kDay:
        return AddDays(t, -1);
      case Grain::kHour:
        return FromSeconds(Seconds(t) - 3600);
      case Grain::kMinute:
        return FromSeconds(Seconds(t) - 60);
      case Grain::kSecond:
        return FromSeconds(Seconds(t) - 1);
      default:
        return t;
    }
  }

  // The end of a range takes what it leaves out from the start: 11월 17~22일, 오후 5시~8시.
  static void Inherit(const Spec& from, const TimeValue& v, Spec* to) {
    const int first = to->first_rank;
    if (first > kRankYear && to->year == kUnset && to->year_rel == kUnset) to->year = v.time.year;
    to->year_short = to->year_short && first <= kRankYear;
    if (first > kRankMonth && to->month == kUnset && to->month_rel == kUnset) {
      to->month = v.time.month;
    }
    if (first > kRankWeekday && to->day == kUnset && to->day_rel == kUnset && to->weekday < 0 &&
        v.grain >= Grain::kDay) {
      to->day = v.time.day;
    }
    if (first >= kRankHour && to->pod == Pod::kNone && !to->hour_explicit_am &&
        !to->hour_explicit_pm) {
      to->pod = from.pod;
      to->hour_explicit_am = from.hour_explicit_am;
      to->hour_explicit_pm = from.hour_explicit_pm;
      if (from.pod == Pod::kNone && from.hour != kUnset && v.time.hour >= 12 && to->hour < 12 &&
          to->hour + 12 >= v.time.hour) {
        to->hour_explicit_pm = true;
      }
    }
  }

  // The narrative anchor is used when the text has no reference, when the reference was itself
  // taken from the text, or when the anchor is close (same or the few previous sentences).
  bool AnchorUsable(const DayAnchor& a) const {
    if (!a.set) return false;
    return !ref_ || ref_inferred_ || sentence_ <= a.sentence + 3;
  }

  int FullYear(int yy) const {
    const int base = ref_ ? ref_->year : (year_anchor_.set ? year_anchor_.year : 2025);
    int y = 2000 + yy;
    if (y > base + 10) y -= 100;
    return y;
  }

  void Remember(const TimeValue& v) {
    DayAnchor a;
    a.set = true;
    a.year = v.time.year;
    a.sentence = sentence_;
    if (v.grain >= Grain::kMonth && v.grain != Grain::kWeek) a.month = v.time.month;
    if (v.grain >= Grain::kDay) {
      a.month = v.time.month;
      a.day = v.time.day;
    }
    if (v.grain == Grain::kDecade) return;
    last_ = v;
    last_sentence_ = sentence_;
    year_anchor_ = a;
    if (a.month) month_anchor_ = a;
    if (a.day) day_anchor_ = a;
  }

  // Year (and month) for a partial date, with the direction the text or the options give.
  // `cmp` compares the candidate with the reference inside that year.
  std::optional<int> YearFor(int month, int day, int direction) {
    if (direction == 0 && AnchorUsable(year_anchor_)) {
      anchor_used_ = Anchor::kPreviousMention;
      int y = year_anchor_.year;
      // "2022년 12월 30일 발표했다. 1월 2일 시행됐다.": a month a little after the last one
      // told, across New Year, is in the next year (when that is not after the writing).
      const int am = year_anchor_.month;
      if (am != 0 && month < am && month + 12 - am <= 3 &&
          (!ref_ || ref_inferred_ || !(*ref_ < MakeDate(y + 1, month, day > 0 ? day : 1)))) {
        ++y;
      }
      return y;
    }
    if (!ref_) return Missing();
    anchor_used_ = Anchor::kDocument;
    const int dir = direction != 0 ? direction : (prefer_future_ ? 1 : -1);
    // 지난/오는 exclude the reference's own day or month, unless the reference was only inferred
    // from the text: the writing came on or after it, so "지난 11월" may be that very month.
    const bool strict = direction != 0 && !ref_inferred_;
    int y = ref_->year;
    const int rm = ref_->month, rd = ref_->day;
    auto cmp = [&](int m, int d) {  // -1 before the reference, 0 same, 1 after
      if (m != rm) return m < rm ? -1 : 1;
      if (d == 0) return 0;
      return d < rd ? -1 : (d == rd ? 0 : 1);
    };
    const int c = cmp(month, day);
    if (dir < 0 && (c > 0 || (strict && c == 0))) --y;
    if (dir > 0 && (c < 0 || (strict && c == 0))) ++y;
    return y;
  }

  std::optional<std::pair<int, int>> MonthFor(int day, int direction) {
    if (direction == 0 && AnchorUsable(month_anchor_)) {
      anchor_used_ = Anchor::kPreviousMention;
      return std::make_pair(month_anchor_.year, month_anchor_.month);
    }
    if (!ref_) return Missing();
    anchor_used_ = Anchor::kDocument;
    const int dir = direction != 0 ? direction : (prefer_future_ ? 1 : -1);
    // 지난/오는 exclude the reference's own day or month, unless the reference was only inferred
    // from the text: the writing came on or after it, so "지난 11월" may be that very month.
    const bool strict = direction != 0 && !ref_inferred_;
    DateTime m = MakeDate(ref_->year, ref_->month, 1);
    const int c = day < ref_->day ? -1 : (day == ref_->day ? 0 : 1);
    if (dir < 0 && (c > 0 || (strict && c == 0))) m = AddMonths(m, -1);
    if (dir > 0 && (c < 0 || (strict && c == 0))) m = AddMonths(m, 1);
    return std::make_pair(m.year, m.month);
  }

  // The date a day-level relative word counts from.
  std::optional<DateTime> BaseDay(bool from_anchor) {
    if (from_anchor && AnchorUsable(day_anchor_)) {
      anchor_used_ = Anchor::kPreviousMention;
      return MakeDate(day_anchor_.year, day_anchor_.month, day_anchor_.day);
    }
    if (!ref_) {
      if (day_anchor_.set) {
        anchor_used_ = Anchor::kPreviousMention;
        return MakeDate(day_anchor_.year, day_anchor_.month, day_anchor_.day);
      }
      return Missing();
    }
    anchor_used_ = Anchor::kDocument;
    return DateOnly(*ref_);
  }

  std::optional<Out> ResolveSpec(const Spec& s) {
    if (s.shift != Shift::kNone) return ResolveShift(s);
    if (s.now) {
      // "now" is an instant only when the reference has a time of day.
      if (!ref_has_time_) return Missing();
      anchor_used_ = Anchor::kDocument;
      Out o;
      o.value = Value(*ref_, Grain::kSecond);
      return o;
    }
    std::optional<Out> date = ResolveDate(s);
    if (!s.HasTime() && s.pod == Pod::kNone) return date;
    return ResolveTime(s, date);
  }

  std::optional<int> ResolveYear(const Spec& s) {
    if (s.year != kUnset) return s.year_short ? FullYear(s.year) : s.year;
    if (s.year_rel != kUnset) {
      if (s.year_from_anchor && year_anchor_.set) {
        anchor_used_ = Anchor::kPreviousMention;
        return year_anchor_.year + s.year_rel;
      }
      if (!ref_) return Missing();
      anchor_used_ = Anchor::kDocument;
      return ref_->year + s.year_rel;
    }
    return std::nullopt;
  }

  static TimeValue Value(const DateTime& t, Grain g, std::string_view mod = {}) {
    TimeValue v;
    v.time = t;
    v.grain = g;
    v.mod = std::string(mod);
    return v;
  }

  // A lunar holiday: its solar date in the year the text gives, or else in the year that puts it
  // on the preferred side of the reference (the narrative's year when a date came just before).
  std::optional<Out> ResolveLunar(const Spec& s, std::optional<int> year) {
    auto solar = [&](int y) { return SolarFromKoreanLunar(y, s.month, s.day); };
    if (!year) {
      if (s.direction == 0 && AnchorUsable(year_anchor_)) {
        anchor_used_ = Anchor::kPreviousMention;
        year = year_anchor_.year;
      } else if (ref_) {
        anchor_used_ = Anchor::kDocument;
        const int dir = s.direction != 0 ? s.direction : (prefer_future_ ? 1 : -1);
        const bool strict = s.direction != 0 && !ref_inferred_;
        const DateTime today = DateOnly(*ref_);
        year = ref_->year;
        if (auto d = solar(*year)) {
          if (dir < 0 && (today < *d || (strict && *d == today))) --*year;
          if (dir > 0 && (*d < today || (strict && *d == today))) ++*year;
        }
      } else {
        return Missing();
      }
    }
    auto d = solar(*year);
    if (!d) return std::nullopt;
    Out o;
    o.value = Value(*d, Grain::kDay, s.mod);
    return o;
  }

  std::optional<Out> ResolveDate(const Spec& s) {
    Out o;
    const bool has_year = s.year != kUnset || s.year_rel != kUnset;
    if (s.decade != kUnset) {
      int y = s.decade;
      if (s.decade_short) y = FullYear(y);
      o.value = Value(MakeDate(y, 1, 1), Grain::kDecade, s.mod);
      return o;
    }
    // Relative weeks (지난주, 다음 주 화요일, 이번 주말).
    if (s.week_rel != kUnset || (s.weekend && !has_year)) {
      if (!ref_) return Missing();
      anchor_used_ = Anchor::kDocument;
      DateTime monday = MondayOf(*ref_);
      if (s.week_rel != kUnset) {
        monday = AddDays(monday, 7 * static_cast<int64_t>(s.week_rel));
      } else {
        // 주말 alone: the weekend of the reference's week, or the one before it when the
        // reference is earlier in the week and the past is preferred.
        const int wd = Weekday(ref_->year, ref_->month, ref_->day);
        if (!prefer_future_ && wd < 4) monday = AddDays(monday, -7);
      }
      if (s.weekend) {
        DateTime fri = AddDays(monday, 4);
        fri.hour = 18;
        DateTime sun = AddDays(monday, 6);
        sun.hour = 23;
        o.is_interval = true;
        o.from = Value(fri, Grain::kHour);
        o.to = Value(sun, Grain::kHour);
        return o;
      }
      if (s.weekday >= 0) {
        o.value = Value(AddDays(monday, s.weekday), Grain::kDay);
        return o;
      }
      o.value = Value(monday, Grain::kWeek);
      return o;
    }
    // Relative days (오늘, 어제, 이날, 전날).
    if (s.day_rel != kUnset) {
      auto base = BaseDay(s.day_from_anchor);
      if (!base) return std::nullopt;
      o.value = Value(AddDays(*base, s.day_rel), Grain::kDay);
      return o;
    }
    // Quarters and halves relative to the reference (다음 분기, 올 상반기 handled by year_rel).
    if (s.quarter_rel != kUnset) {
      if (!ref_) return Missing();
      anchor_used_ = Anchor::kDocument;
      DateTime q = MakeDate(ref_->year, (ref_->month - 1) / 3 * 3 + 1, 1);
      q = AddMonths(q, 3 * s.quarter_rel);
      o.value = Value(q, Grain::kQuarter);
      return o;
    }
    if (s.half_rel != kUnset) {
      if (!ref_) return Missing();
      anchor_used_ = Anchor::kDocument;
      DateTime h = MakeDate(ref_->year, ref_->month <= 6 ? 1 : 7, 1);
      h = AddMonths(h, 6 * s.half_rel);
      o.value = Value(h, Grain::kHalf);
      return o;
    }
    // Month from a relative word.
    int month = s.month;
    std::optional<int> year = ResolveYear(s);
    if (s.month_rel != kUnset) {
      if (!ref_) return Missing();
      anchor_used_ = Anchor::kDocument;
      const DateTime m = AddMonths(MakeDate(ref_->year, ref_->month, 1), s.month_rel);
      month = m.month;
      year = m.year;
    }
    if (has_year && !year) return std::nullopt;
    if (year && s.quarter) {
      o.value = Value(MakeDate(*year, 3 * (s.quarter - 1) + 1, 1), Grain::kQuarter, s.mod);
      return o;
    }
    if (year && s.half) {
      o.value = Value(MakeDate(*year, s.half == 1 ? 1 : 7, 1), Grain::kHalf, s.mod);
      return o;
    }
    if (s.season >= 0) return ResolveSeason(s, year);
    if (!year && month == kUnset && (s.quarter || s.half)) {
      // 3분기, 하반기 alone: the current year of the narrative or the reference.
      std::optional<int> y;
      if (AnchorUsable(year_anchor_)) {
        anchor_used_ = Anchor::kPreviousMention;
        y = year_anchor_.year;
      } else if (ref_) {
        anchor_used_ = Anchor::kDocument;
        y = ref_->year;
        // On the preferred side of the reference: "4분기 실적" told in January is last year's.
        const int first = s.quarter ? 3 * (s.quarter - 1) + 1 : (s.half == 1 ? 1 : 7);
        const int last = s.quarter ? first + 2 : first + 5;
        if (!prefer_future_ && ref_->month < first) --*y;
        if (prefer_future_ && ref_->month > last) ++*y;
      }
      if (!y) return Missing();
      if (s.quarter) {
        o.value = Value(MakeDate(*y, 3 * (s.quarter - 1) + 1, 1), Grain::kQuarter, s.mod);
      } else {
        o.value = Value(MakeDate(*y, s.half == 1 ? 1 : 7, 1), Grain::kHalf, s.mod);
      }
      return o;
    }
    if (s.lunar) return ResolveLunar(s, year);
    if (month != kUnset) {
      if (!year) {
        year = YearFor(month, s.day != kUnset ? s.day : 0, s.direction);
        if (!year) return std::nullopt;
      }
      if (s.weekday >= 0 && s.weekday_ordinal != 0) return NthWeekday(*year, month, s);
      if (s.week_ordinal != 0) return NthWeek(*year, month, s.week_ordinal);
      if (s.day != kUnset) {
        if (!IsValidDate(*year, month, s.day)) return std::nullopt;
        o.value = Value(MakeDate(*year, month, s.day), Grain::kDay, s.mod);
        return o;
      }
      o.value = Value(MakeDate(*year, month, 1), Grain::kMonth, s.mod);
      return o;
    }
    if (year) {
      if (s.day != kUnset) return std::nullopt;  // "2023년 17일" is not a date
      o.value = Value(MakeDate(*year, 1, 1), Grain::kYear, s.mod);
      return o;
    }
    if (s.day != kUnset) {
      auto ym = MonthFor(s.day, s.direction);
      if (!ym) return std::nullopt;
      if (!IsValidDate(ym->first, ym->second, s.day)) return std::nullopt;
      o.value = Value(MakeDate(ym->first, ym->second, s.day), Grain::kDay, s.mod);
      return o;
    }
    if (s.weekday >= 0) {
      // A weekday alone: the nearest one before or after the reference.
      std::optional<DateTime> base;
      if (ref_) {
        anchor_used_ = Anchor::kDocument;
        base = DateOnly(*ref_);
      } else if (day_anchor_.set) {
        anchor_used_ = Anchor::kPreviousMention;
        base = MakeDate(day_anchor_.year, day_anchor_.month, day_anchor_.day);
      }
      if (!base) return Missing();
      const int wd = Weekday(base->year, base->month, base->day);
      const int dir = s.direction != 0 ? s.direction : (prefer_future_ ? 1 : -1);
      int64_t delta;
      if (dir > 0) {
        delta = (s.weekday - wd + 7) % 7;
        if (delta == 0) delta = 7;
      } else {
        delta = -((wd - s.weekday + 7) % 7);
        if (delta == 0 && s.direction != 0) delta = -7;
      }
      o.value = Value(AddDays(*base, delta), Grain::kDay);
      return o;
    }
    return std::nullopt;
  }

  std::optional<Out> NthWeekday(int year, int month, const Spec& s) {
    Out o;
    if (s.weekday_ordinal > 0) {
      const int first_wd = Weekday(year, month, 1);
      const int day = 1 + (s.weekday - first_wd + 7) % 7 + 7 * (s.weekday_ordinal - 1);
      if (!IsValidDate(year, month, day)) return std::nullopt;
      o.value = Value(MakeDate(year, month, day), Grain::kDay);
    } else {
      const int last = DaysInMonth(year, month);
      const int last_wd = Weekday(year, month, last);
      const int day = last - (last_wd - s.weekday + 7) % 7;
      o.value = Value(MakeDate(year, month, day), Grain::kDay);
    }
    return o;
  }

  // The weeks of a month are those whose seven days all fall in it.
  std::optional<Out> NthWeek(int year, int month, int ordinal) {
    Out o;
    DateTime monday;
    if (ordinal > 0) {
      const int first_wd = Weekday(year, month, 1);
      const int day = 1 + (7 - first_wd) % 7 + 7 * (ordinal - 1);
      if (day + 6 > DaysInMonth(year, month)) return std::nullopt;
      monday = MakeDate(year, month, day);
    } else {
      const int last = DaysInMonth(year, month);
      const int last_wd = Weekday(year, month, last);
      const int sunday = last - (last_wd + 1) % 7;
      monday = MakeDate(year, month, sunday - 6);
    }
    o.value = Value(monday, Grain::kWeek);
    return o;
  }

  // Astronomical seasons, as Duckling gives them: spring from the March equinox, summer from the
  // June solstice, autumn from the September equinox, winter from the December solstice.
  std::optional<Out> ResolveSeason(const Spec& s, std::optional<int> year) {
    static constexpr int kStart[4][2] = {{3, 20}, {6, 21}, {9, 23}, {12, 21}};
    static constexpr int kEnd[4][2] = {{6, 20}, {9, 23}, {12, 20}, {3, 20}};
    int y;
    if (year) {
      y = *year;
    } else {
      if (!ref_) return Missing();
      anchor_used_ = Anchor::kDocument;
      y = ref_->year;
      // The winter that started last December is this winter.
      if (s.season == 3 && ref_->month <= 3) y -= 1;
      const DateTime start = MakeDate(y, kStart[s.season][0], kStart[s.season][1]);
      DateTime end = MakeDate(y + (s.season == 3 ? 1 : 0), kEnd[s.season][0], kEnd[s.season][1]);
      const DateTime r = DateOnly(*ref_);
      if (s.direction < 0 && !(end < r)) y -= 1;
      if (s.direction > 0 && !(r < start)) y += 1;
    }
    Out o;
    o.is_interval = true;
    o.from = Value(MakeDate(y, kStart[s.season][0], kStart[s.season][1]), Grain::kDay);
    o.to = Value(MakeDate(y + (s.season == 3 ? 1 : 0), kEnd[s.season][0], kEnd[s.season][1]),
                 Grain::kDay);
    return o;
  }

  static int PodHour(Pod pod, int h) {
    switch (pod) {
      case Pod::kAm:
      case Pod::kDawn:
      case Pod::kMorning:
        return h == 12 ? 0 : h;
      case Pod::kPm:
      case Pod::kEvening:
      case Pod::kLunch:
        return h < 12 ? h + 12 : h;
      case Pod::kDaytime:
        return (h <= 6) ? h + 12 : h;
      case Pod::kNight:
        return (h >= 6 && h < 12) ? h + 12 : (h == 12 ? 24 : h);
      case Pod::kNone:
        return h;
    }
    return h;
  }

  static std::pair<int, int> PodRange(Pod pod) {
    switch (pod) {
      case Pod::kAm:
        return {0, 11};
      case Pod::kPm:
        return {12, 18};
      case Pod::kDawn:
        return {0, 5};
      case Pod::kMorning:
        return {4, 11};
      case Pod::kDaytime:
        return {12, 17};
      case Pod::kLunch:
        return {12, 13};
      case Pod::kEvening:
      case Pod::kNight:
        return {18, 23};
      case Pod::kNone:
        return {0, 23};
    }
    return {0, 23};
  }

  std::optional<Out> ResolveTime(const Spec& s, const std::optional<Out>& date) {
    // The day: the expression's own, the day last mentioned in the same sentence, or the
    // reference's.
    DateTime day;
    bool own_day = false;
    bool from_ref = false;
    if (date) {
      if (date->is_interval || date->value.grain < Grain::kDay) return date;
      day = date->value.time;
      own_day = true;
    } else if (s.HasDatePart()) {
      return std::nullopt;
    } else if (day_anchor_.set && day_anchor_.sentence == sentence_) {
      day = MakeDate(day_anchor_.year, day_anchor_.month, day_anchor_.day);
      anchor_used_ = Anchor::kPreviousMention;
    } else if (ref_) {
      day = DateOnly(*ref_);
      from_ref = true;
      anchor_used_ = Anchor::kDocument;
    } else {
      return Missing();
    }
    Out o;
    if (!s.HasTime()) {
      const auto [lo, hi] = PodRange(s.pod);
      DateTime a = day, b = day;
      a.hour = lo;
      b.hour = hi;
      o.is_interval = true;
      o.from = Value(a, Grain::kHour);
      o.to = Value(b, Grain::kHour);
      return o;
    }
    int h = s.hour, m = s.minute == kUnset ? 0 : s.minute, sec = s.second == kUnset ? 0 : s.second;
    if (s.minutes_before) {
      int total = h * 60 - s.minutes_before;
      if (total < 0) total += 24 * 60;
      h = total / 60;
      m = total % 60;
    }
    const Grain grain = s.second != kUnset   ? Grain::kSecond
                        : s.minute != kUnset ? Grain::kMinute
                                             : Grain::kHour;
    Pod pod = s.pod;
    if (s.hour_explicit_am) pod = Pod::kAm;
    if (s.hour_explicit_pm) pod = Pod::kPm;
    const bool ambiguous = pod == Pod::kNone && s.hour >= 1 && s.hour <= 12;
    auto at = [&](const DateTime& d, int hour) {
      DateTime t = AddDays(d, hour / 24);
      t.hour = hour % 24;
      t.minute = m;
      t.second = sec;
      return t;
    };
    DateTime t;
    if (pod != Pod::kNone || !ambiguous) {
      t = at(day, PodHour(pod, h));
      if (from_ref && ref_has_time_) {
        if (prefer_future_ && t < *ref_) t = AddDays(t, 1);
        if (!prefer_future_ && *ref_ < t) t = AddDays(t, -1);
      }
    } else if (from_ref && ref_has_time_) {
      // A 12-hour clock time without 오전/오후: the nearest such time after (or before) now.
      std::vector<DateTime> cands;
      for (int dd = -1; dd <= 1; ++dd) {
        const DateTime d = AddDays(day, dd);
        cands.push_back(at(d, h % 12));
        cands.push_back(at(d, h % 12 + 12));
      }
      std::sort(cands.begin(), cands.end());
      t = prefer_future_ ? cands.back() : cands.front();
      for (const DateTime& c : cands) {
        if (prefer_future_ && !(c < *ref_)) {
          t = c;
          break;
        }
        if (!prefer_future_ && !(*ref_ < c)) t = c;
      }
    } else {
      // Without context, 1시..6시 are afternoon hours and 7시..11시 morning ones.
      t = at(day, h <= 6 ? h + 12 : h);
    }
    (void)own_day;
    o.value = Value(t, grain, s.mod);
    return o;
  }

  std::optional<Out> ResolveShift(const Spec& s) {
    Out o;
    const Unit u = s.shift_unit;
    const int64_t n = s.shift_amount;
    if (s.shift == Shift::kLastN || s.shift == Shift::kNextN) {
      if (!ref_) return Missing();
      if (u < Unit::kDay && !ref_has_time_) return Missing();
      anchor_used_ = Anchor::kDocument;
      const DateTime cur = Truncate(*ref_, u);
      DateTime a, b;
      if (s.shift == Shift::kLastN) {
        a = AddUnits(cur, u, -n);
        b = AddUnits(cur, u, -1);
      } else {
        a = AddUnits(cur, u, 1);
        b = AddUnits(cur, u, n);
      }
      o.is_interval = true;
      o.from = Value(a, UnitGrain(u));
      o.to = Value(b, UnitGrain(u));
      return o;
    }
    // 만에, 후, 뒤 count from the last mentioned day when there is one nearby; 전 and the
    // within forms from the document's time.
    DateTime base;
    bool precise = false;
    const bool narrative = s.shift == Shift::kSince || s.shift == Shift::kLater;
    // 만에 counts from the event told just before: in the same sentence or the one before it
    // ("17일 해임됐다. 닷새 만에 복귀했다.").
    const bool near = last_ && (s.since_own_clause ? sentence_ == last_sentence_
                                                   : sentence_ <= last_sentence_ + 1);
    if (s.shift == Shift::kSince && !near) {
      // "75년 만에" with nothing to count from is a length of time, not a date.
      return std::nullopt;
    }
    if (narrative && near && last_->grain >= Grain::kYear && last_->grain != Grain::kWeek) {
      // "19일 개봉해 나흘 만에" is the 23rd; "2017년 이후 5년 만" is 2022, to the year.
      if (u < Unit::kDay && last_->grain < Grain::kHour) return Missing();
      anchor_used_ = Anchor::kPreviousMention;
      Grain g = UnitGrain(u);
      if (g == Grain::kWeek) g = Grain::kDay;
      if (last_->grain < g) g = last_->grain;
      if (g == Grain::kHalf || g == Grain::kQuarter) g = Grain::kMonth;
      o.value = Value(AddUnits(last_->time, u, s.shift_amount), g, s.mod);
      // "75년 만에 우승했다" after a date is "for the first time in 75 years", a length: news
      // does not report as done what comes after its own writing.
      if (s.shift == Shift::kSince && ref_ && !ref_inferred_ && *ref_ < o.value.time) {
        return std::nullopt;
      }
      return o;
    } else if (ref_) {
      base = *ref_;
      precise = ref_has_time_;
      anchor_used_ = Anchor::kDocument;
    } else if (day_anchor_.set) {
      base = MakeDate(day_anchor_.year, day_anchor_.month, day_anchor_.day);
      anchor_used_ = Anchor::kPreviousMention;
    } else {
      return Missing();
    }
    if (u < Unit::kDay && !precise) return Missing();
    const int64_t signed_n = s.shift == Shift::kAgo ? -n : n;
    const DateTime t = AddUnits(base, u, signed_n);
    Grain g = precise ? FinerGrain(u) : UnitGrain(u);
    if (!precise && g == Grain::kWeek) g = Grain::kDay;
    switch (s.shift) {
      case Shift::kAfterOpen:
        o.is_interval = true;
        o.from = Value(t, g);
        return o;
      case Shift::kWithinInterval: {
        o.is_interval = true;
        o.from = Value(base, precise ? Grain::kSecond : Grain::kDay);
        o.to = Value(t, g);
        return o;
      }
      default:
        o.value = Value(t, g, s.mod);
        return o;
    }
  }

  std::optional<DateTime> ref_;
  bool ref_inferred_ = false;
  bool base_prefer_future_ = false;
  bool prefer_future_ = false;  // for the expression being resolved
  bool ref_has_time_ = false;
  uint32_t sentence_ = 0;
  Anchor anchor_used_ = Anchor::kAbsolute;
  bool missing_ = false;
  DayAnchor year_anchor_, month_anchor_, day_anchor_;
  std::optional<TimeValue> last_;  // the last date resolved, at its own grain
  uint32_t last_sentence_ = 0;
};

// The shape an expression takes once placed on the calendar, with the times wiped: what an
// unresolved expression keeps. A fresh resolver with a made-up reference (a day of a leap year,
// as news give it; with a time of day only for what needs one, "3시간 전") and no narrative: what
// it cannot place either (2월 30일, "75년 만에" told with nothing before it) is not a date.
std::optional<Resolved> ShapeOf(const Parsed& p, bool prefer_future) {
  DateTime ref = MakeDate(2024, 6, 12);
  std::optional<Resolved> r = Resolver(ref, /*ref_inferred=*/false, prefer_future).Resolve(p, 0);
  if (!r) {
    ref.hour = 12;
    r = Resolver(ref, /*ref_inferred=*/false, prefer_future).Resolve(p, 0);
  }
  if (!r) return std::nullopt;
  auto wipe = [](TimeValue* v) { v->time = DateTime(); };
  wipe(&r->value);
  if (r->from) wipe(&*r->from);
  if (r->to) wipe(&*r->to);
  r->anchor = Anchor::kNone;
  return r;
}

}  // namespace

struct DateExtractor::Impl {
  Impl(DateOptions o, std::vector<Holiday> h)
      : options(o), holidays(std::move(h)), starts(holidays, /*admit_all=*/false) {}

  DateOptions options;
  std::vector<Holiday> holidays;  // by first code point, in dictionary order within each
  StartTable starts;

  // The expressions read in cps, left to right, each from where the last one ended.
  std::vector<Parsed> Parse(const std::u32string& cps) const {
    const std::vector<uint32_t> classes = starts.Classify(cps);
    const Parser parser(cps, holidays, classes);
    std::vector<Parsed> found;
    size_t i = 0;
    while (i < cps.size()) {
      if (!parser.MayBegin(i)) {
        ++i;
        continue;
      }
      std::optional<Parsed> p = parser.ParseAt(i);
      if (!p) {
        ++i;
        continue;
      }
      i = p->end;
      found.push_back(std::move(*p));
    }
    return found;
  }
};

Result<DateExtractor> DateExtractor::Create(const DictionarySet& dictionaries,
                                            DateOptions options) {
  std::vector<Holiday> holidays;
  // Holidays on a fixed solar date: dictionaries/date_words.tsv (word, month, day). Optional: the
  // grammar works without it.
  if (const TsvTable* table = dictionaries.Find("date_words")) {
    SAGEON_RETURN_IF_ERROR(table->RequireColumns({"word", "month", "day"}));
    for (const TsvTable::Row& row : table->rows()) {
      Holiday h;
      h.word = ToU32(table->Cell(row, "word"));
      const std::string month(table->Cell(row, "month"));
      const std::string day(table->Cell(row, "day"));
      h.month = std::atoi(month.c_str());
      h.day = std::atoi(day.c_str());
      const std::string_view calendar = table->Cell(row, "calendar");
      h.lunar = calendar == "lunar";
      if (!calendar.empty() && calendar != "lunar" && calendar != "solar") {
        return DataError(table->source() + ":" + std::to_string(row.line) +
                         ": calendar must be solar or lunar");
      }
      if (h.word.empty() || !IsValidDate(2000, h.month, h.day)) {
        return DataError(table->source() + ":" + std::to_string(row.line) +
                         ": expected a word and a valid month and day");
      }
      holidays.push_back(std::move(h));
    }
  }
  // The parser looks up the holidays that begin with the code point in front of it.
  std::stable_sort(holidays.begin(), holidays.end(), [](const Holiday& a, const Holiday& b) {
    return a.word.front() < b.word.front();
  });
  return DateExtractor(std::make_unique<Impl>(options, std::move(holidays)));
}

DateExtractor::DateExtractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DateExtractor::DateExtractor(DateExtractor&&) noexcept = default;
DateExtractor& DateExtractor::operator=(DateExtractor&&) noexcept = default;
DateExtractor::~DateExtractor() = default;

namespace {
// The code point index whose byte offset is `byte` (offsets holds one per code point, plus the
// end).
size_t CodePointAt(const std::vector<uint32_t>& offsets, uint32_t byte) {
  return static_cast<size_t>(std::lower_bound(offsets.begin(), offsets.end(), byte) -
                             offsets.begin());
}

// The code points of text as utf8::Next reads them, and the byte offset of each plus the end.
// ASCII and well-formed three-byte sequences (all of Hangul) are decoded here, the rest by
// utf8::Next: a call per code point was most of the time of this loop.
void DecodeWithOffsets(std::string_view text, std::u32string* cps, std::vector<uint32_t>* offsets) {
  cps->resize(text.size());
  offsets->resize(text.size() + 1);
  size_t n = 0;
  for (size_t pos = 0; pos < text.size(); ++n) {
    (*offsets)[n] = static_cast<uint32_t>(pos);
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {
      (*cps)[n] = lead;
      ++pos;
      continue;
    }
    if ((lead & 0xF0) == 0xE0 && pos + 2 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[pos + 1]);
      const auto b2 = static_cast<unsigned char>(text[pos + 2]);
      const char32_t c =
          (char32_t{lead & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
      // Not overlong, not a surrogate: what utf8::Next would accept.
      if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
        (*cps)[n] = c;
        pos += 3;
        continue;
      }
    }
    (*cps)[n] = utf8::Next(text, &pos);
  }
  (*offsets)[n] = static_cast<uint32_t>(text.size());
  cps->resize(n);
  offsets->resize(n + 1);
}

bool SameParse(const Parsed& a, const Parsed& b) {
  return a.begin == b.begin && a.end == b.end && a.spec == b.spec && a.is_range == b.is_range &&
         a.to == b.to && a.length == b.length && a.length_is_time == b.length_is_time &&
         a.from_end == b.from_end && a.to_begin == b.to_begin;
}
}  // namespace

std::vector<size_t> DateExtractor::StartTableMissesForTesting(std::string_view text) const {
  const std::u32string cps = ToU32(text);
  const std::vector<uint32_t> classes = impl_->starts.Classify(cps);
  const std::vector<uint32_t> everything =
      StartTable(impl_->holidays, /*admit_all=*/true).Classify(cps);
  const Parser filtered(cps, impl_->holidays, classes);
  const Parser unfiltered(cps, impl_->holidays, everything);
  std::vector<size_t> misses;
  for (size_t i = 0; i < cps.size(); ++i) {
    const std::optional<Parsed> a = filtered.ParseAt(i);
    const std::optional<Parsed> b = unfiltered.ParseAt(i);
    if (a.has_value() != b.has_value() || (a && !SameParse(*a, *b))) misses.push_back(i);
  }
  return misses;
}

void DateExtractor::Extract(Document* doc) const {
  doc->dates.clear();
  doc->durations.clear();
  const std::string& text = doc->text;
  std::u32string cps;
  std::vector<uint32_t> offsets;  // byte offset of each code point, plus the end
  DecodeWithOffsets(text, &cps, &offsets);

  const std::vector<Parsed> found = impl_->Parse(cps);

  auto sentence_of = [&](uint32_t byte) -> uint32_t {
    const auto& ss = doc->sentences;
    auto it = std::upper_bound(ss.begin(), ss.end(), byte,
                               [](uint32_t b, const Sentence& s) { return b < s.span.begin; });
    if (it == ss.begin()) return 0;
    return static_cast<uint32_t>(it - ss.begin() - 1);
  };

  // Without a reference, the latest full date the text states stands for it.
  if (!doc->reference) {
    std::optional<DateTime> latest;
    for (const Parsed& p : found) {
      if (!p.length.empty()) continue;
      // A blog's list of other posts or its comments carry later dates than the post itself.
      const uint32_t si = sentence_of(offsets[p.begin]);
      if (si < doc->sentences.size() && doc->sentences[si].is_boilerplate) continue;
      const Spec& s = p.spec;
      if (s.shift != Shift::kNone || s.year == kUnset || s.year_short || s.month == kUnset ||
          s.day == kUnset || !IsValidDate(s.year, s.month, s.day)) {
        continue;
      }
      DateTime t = MakeDate(s.year, s.month, s.day);
      if (p.is_range && p.to.day != kUnset) {
        const int y = p.to.year != kUnset && !p.to.year_short ? p.to.year : s.year;
        const int m = p.to.month != kUnset ? p.to.month : s.month;
        if (IsValidDate(y, m, p.to.day) && t < MakeDate(y, m, p.to.day))
          t = MakeDate(y, m, p.to.day);
      }
      if (!latest || *latest < t) latest = t;
    }
    if (latest) {
      doc->reference = latest;
      doc->reference_inferred = true;
    }
  }

  Resolver resolver(doc->reference, doc->reference_inferred, impl_->options.prefer_future);
  const ClauseTense tense(cps);
  for (const Parsed& p : found) {
    const uint32_t begin = offsets[p.begin];
    const uint32_t sentence = sentence_of(begin);
    if (!p.length.empty()) {
      doc->durations.push_back(
          DurationExpression{Span{begin, offsets[p.end]}, p.length_is_time, p.length, sentence});
      continue;
    }
    // Only a date that leaves its side of the reference open can be moved by the tense.
    const bool open_side = p.spec.direction == 0 && p.spec.year == kUnset &&
                           p.spec.year_rel == kUnset && p.spec.shift == Shift::kNone;
    const size_t clause_end = sentence < doc->sentences.size()
                                  ? CodePointAt(offsets, doc->sentences[sentence].span.end)
                                  : cps.size();
    const bool future = open_side && tense.IsFuture(p.end, std::max(clause_end, p.end));
    auto r = resolver.Resolve(p, sentence, future);
    bool resolved = true;
    // "지금" without a time to give it says nothing the reader does not know: left out.
    if (!r && resolver.missing() && !p.spec.now) {
      // Recognized, but nothing to count from ("지난 19일" in a text with no date): still a
      // DATE or TIME for the user, without a value. Its shape (value or interval, grain) is
      // the one it takes against a reference with a time of day; only that is kept.
      r = ShapeOf(p, impl_->options.prefer_future);
      resolved = false;
    }
    if (!r) continue;
    TemporalExpression e;
    e.span = Span{begin, offsets[p.end]};
    if (p.from_end != 0) {
      e.from_span = Span{begin, offsets[p.from_end]};
      e.to_span = Span{offsets[p.to_begin], offsets[p.end]};
    }
    e.is_interval = r->is_interval;
    e.value = r->value;
    e.from = r->from;
    e.to = r->to;
    e.anchor = r->anchor;
    e.sentence = sentence;
    e.resolved = resolved;
    const TimeValue& probe = r->is_interval ? (r->from ? *r->from : *r->to) : r->value;
    e.is_time = probe.grain >= Grain::kHour;
    if (r->is_interval && !r->from && !r->to) continue;
    doc->dates.push_back(std::move(e));
  }
}

}  // namespace sageon
