// Korean lunar dates to Gregorian. Every expected date is known without ICU: the Korean public
// holiday lists (설날, 추석, 부처님오신날) and the published Korean lunar tables (KASI), which
// follow the Korean meridian where the Chinese calendar does not.
#include "sageon/extract/lunar_calendar.h"

#include <gtest/gtest.h>
#include <unicode/timezone.h>

#include <cstdlib>
#include <ctime>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "sageon/base/civil_time.h"

namespace sageon {
namespace {

struct LunarCase {
  const char* what;
  int year;  // the Gregorian year the lunar year begins in
  int month;
  int day;
  bool leap;
  DateTime solar;
};

DateTime Ymd(int y, int m, int d) { return DateTime{y, m, d, 0, 0, 0}; }

const std::vector<LunarCase>& KnownDates() {
  static const std::vector<LunarCase> cases = {
      {"설날 2020", 2020, 1, 1, false, Ymd(2020, 1, 25)},
      {"설날 2021", 2021, 1, 1, false, Ymd(2021, 2, 12)},
      {"설날 2022", 2022, 1, 1, false, Ymd(2022, 2, 1)},
      {"설날 2023", 2023, 1, 1, false, Ymd(2023, 1, 22)},
      {"설날 2024", 2024, 1, 1, false, Ymd(2024, 2, 10)},
      {"설날 2025", 2025, 1, 1, false, Ymd(2025, 1, 29)},
      {"설날 2026", 2026, 1, 1, false, Ymd(2026, 2, 17)},
      {"추석 2020", 2020, 8, 15, false, Ymd(2020, 10, 1)},
      {"추석 2021", 2021, 8, 15, false, Ymd(2021, 9, 21)},
      {"추석 2022", 2022, 8, 15, false, Ymd(2022, 9, 10)},
      {"추석 2023", 2023, 8, 15, false, Ymd(2023, 9, 29)},
      {"추석 2024", 2024, 8, 15, false, Ymd(2024, 9, 17)},
      {"추석 2025", 2025, 8, 15, false, Ymd(2025, 10, 6)},
      {"추석 2026", 2026, 8, 15, false, Ymd(2026, 9, 25)},
      {"부처님오신날 2023", 2023, 4, 8, false, Ymd(2023, 5, 27)},
      {"부처님오신날 2024", 2024, 4, 8, false, Ymd(2024, 5, 15)},
      {"부처님오신날 2025", 2025, 4, 8, false, Ymd(2025, 5, 5)},
      {"정월대보름 2024", 2024, 1, 15, false, Ymd(2024, 2, 24)},
      {"단오 2024", 2024, 5, 5, false, Ymd(2024, 6, 10)},
      {"칠석 2024", 2024, 7, 7, false, Ymd(2024, 8, 10)},
      // 2023 had a leap month after the 2nd (윤2월, March 22 to April 19).
      {"윤2월 1일 2023", 2023, 2, 1, true, Ymd(2023, 3, 22)},
      {"2월 30일 2023, the day before 윤2월", 2023, 2, 30, false, Ymd(2023, 3, 21)},
      {"3월 1일 2023, after 윤2월", 2023, 3, 1, false, Ymd(2023, 4, 20)},
      // The lunar year that begins in Y ends in January or February of Y + 1.
      {"섣달 1일 of the year begun in 2023", 2023, 12, 1, false, Ymd(2024, 1, 11)},
      {"섣달그믐 of the year begun in 2023", 2023, 12, 30, false, Ymd(2024, 2, 9)},
      {"1월 30일 2025 (a 30-day month)", 2025, 1, 30, false, Ymd(2025, 2, 27)},
      // New moons just after midnight in Seoul and before it in Beijing: Korea's 설날 is a day
      // after China's Spring Festival (1997-02-07, 2027-02-06).
      {"설날 1997, Korean meridian", 1997, 1, 1, false, Ymd(1997, 2, 8)},
      {"설날 2027, Korean meridian", 2027, 1, 1, false, Ymd(2027, 2, 7)},
      // The new moon came at 23:58 KST on 2017-02-26; ICU's own astronomy puts it after midnight.
      {"2월 1일 2017", 2017, 2, 1, false, Ymd(2017, 2, 26)},
      {"2월 30일 2017", 2017, 2, 30, false, Ymd(2017, 3, 27)},
      {"1월 29일 2017", 2017, 1, 29, false, Ymd(2017, 2, 25)},
  };
  return cases;
}

std::string Show(const std::optional<DateTime>& t) {
  return t ? FormatIso(*t, Grain::kDay) : std::string("nullopt");
}

TEST(LunarCalendarTest, Available) { EXPECT_TRUE(LunarCalendarAvailable()); }

TEST(LunarCalendarTest, KnownDates) {
  for (const LunarCase& c : KnownDates()) {
    EXPECT_EQ(Show(SolarFromKoreanLunar(c.year, c.month, c.day, c.leap)),
              FormatIso(c.solar, Grain::kDay))
        << c.what;
  }
}

TEST(LunarCalendarTest, DaysThatDoNotExistAreNullopt) {
  struct Missing {
    const char* what;
    int year, month, day;
    bool leap;
  };
  const Missing cases[] = {
      {"no leap month in 2024", 2024, 2, 1, true},
      {"2023's leap month follows the 2nd, not the 3rd", 2023, 3, 1, true},
      {"2023's 1st month has 29 days", 2023, 1, 30, false},
      {"2024's 1st month has 29 days", 2024, 1, 30, false},
      {"2017's 1st month has 29 days", 2017, 1, 30, false},
      {"윤2월 2023 has 29 days", 2023, 2, 30, true},
      {"month 0", 2024, 0, 1, false},
      {"month 13", 2024, 13, 1, false},
      {"day 0", 2024, 1, 0, false},
      {"day 31", 2024, 1, 31, false},
      {"year before the supported range", kLunarMinYear - 1, 1, 1, false},
      {"year after the supported range", kLunarMaxYear + 1, 1, 1, false},
  };
  for (const Missing& c : cases) {
    EXPECT_EQ(Show(SolarFromKoreanLunar(c.year, c.month, c.day, c.leap)), "nullopt") << c.what;
  }
}

TEST(LunarCalendarTest, SupportedRangeEndsWork) {
  EXPECT_TRUE(SolarFromKoreanLunar(kLunarMinYear, 1, 1).has_value());
  EXPECT_TRUE(SolarFromKoreanLunar(kLunarMaxYear, 12, 1).has_value());
}

// A calendar built with ICU's defaults takes the process's time zone; the conversion fixes its
// own, so a far-off TZ (set for the C library and for ICU's default) must change nothing. The
// years here are used by no other test, so their months are computed under that TZ; ctest runs
// each test in a process of its own, so the calendar itself is also created under it.
TEST(LunarCalendarTest, ResultDoesNotDependOnTimeZone) {
  const LunarCase cases[] = {
      {"설날 2010", 2010, 1, 1, false, Ymd(2010, 2, 14)},
      {"설날 2011", 2011, 1, 1, false, Ymd(2011, 2, 3)},
      {"설날 2012", 2012, 1, 1, false, Ymd(2012, 1, 23)},
      {"설날 2013", 2013, 1, 1, false, Ymd(2013, 2, 10)},
      {"설날 2014", 2014, 1, 1, false, Ymd(2014, 1, 31)},
      {"설날 2015", 2015, 1, 1, false, Ymd(2015, 2, 19)},
      {"설날 2016", 2016, 1, 1, false, Ymd(2016, 2, 8)},
      {"설날 2018", 2018, 1, 1, false, Ymd(2018, 2, 16)},
      {"설날 2019", 2019, 1, 1, false, Ymd(2019, 2, 5)},
      {"추석 2010", 2010, 8, 15, false, Ymd(2010, 9, 22)},
      {"추석 2011", 2011, 8, 15, false, Ymd(2011, 9, 12)},
      {"추석 2012", 2012, 8, 15, false, Ymd(2012, 9, 30)},
      {"추석 2013", 2013, 8, 15, false, Ymd(2013, 9, 19)},
      {"추석 2014", 2014, 8, 15, false, Ymd(2014, 9, 8)},
      {"추석 2015", 2015, 8, 15, false, Ymd(2015, 9, 27)},
      {"추석 2016", 2016, 8, 15, false, Ymd(2016, 9, 15)},
      {"추석 2018", 2018, 8, 15, false, Ymd(2018, 9, 24)},
      {"추석 2019", 2019, 8, 15, false, Ymd(2019, 9, 13)},
  };
  const char* old_tz_env = std::getenv("TZ");
  const std::optional<std::string> old_tz =
      old_tz_env ? std::optional<std::string>(old_tz_env) : std::nullopt;
  std::unique_ptr<icu::TimeZone> old_default(icu::TimeZone::createDefault());

  setenv("TZ", "America/Los_Angeles", 1);
  tzset();
  icu::TimeZone::adoptDefault(icu::TimeZone::createTimeZone("America/Los_Angeles"));
  std::vector<std::string> shifted;
  for (const LunarCase& c : cases) {
    shifted.push_back(Show(SolarFromKoreanLunar(c.year, c.month, c.day, c.leap)));
  }

  if (old_tz) {
    setenv("TZ", old_tz->c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
  icu::TimeZone::setDefault(*old_default);

  for (size_t i = 0; i < std::size(cases); ++i) {
    EXPECT_EQ(shifted[i], FormatIso(cases[i].solar, Grain::kDay)) << cases[i].what;
  }
}

// Every lunar day of 1950-1989 (years no other test uses, so threads race to compute them first),
// asked from several threads at once: all must see the same calendar, and the known dates in it.
TEST(LunarCalendarTest, ConcurrentCallsAgree) {
  constexpr int kThreads = 6;
  constexpr int kFirstYear = 1950;
  constexpr int kYears = 40;
  constexpr int kDaysPerYear = 12 * 2 * 30;  // month, leap or not, day
  std::vector<std::vector<std::optional<DateTime>>> seen(
      kThreads, std::vector<std::optional<DateTime>>(kYears * kDaysPerYear));
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &seen] {
      // Half the threads walk the years backwards, so threads meet on years not yet computed.
      for (int i = 0; i < kYears; ++i) {
        const int y = t % 2 == 0 ? i : kYears - 1 - i;
        for (int month = 1; month <= 12; ++month) {
          for (const int leap : {0, 1}) {
            for (int day = 1; day <= 30; ++day) {
              seen[t][y * kDaysPerYear + ((month - 1) * 2 + leap) * 30 + day - 1] =
                  SolarFromKoreanLunar(kFirstYear + y, month, day, leap == 1);
            }
          }
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 1; t < kThreads; ++t) EXPECT_TRUE(seen[t] == seen[0]) << "thread " << t;
  // Korea's 설날 1988 came a day after China's (1988-02-17): the new moon was at 00:54 KST.
  EXPECT_EQ(Show(SolarFromKoreanLunar(1988, 1, 1)), "1988-02-18");
  EXPECT_EQ(Show(SolarFromKoreanLunar(1988, 8, 15)), "1988-09-25");  // 추석
}

}  // namespace
}  // namespace sageon
