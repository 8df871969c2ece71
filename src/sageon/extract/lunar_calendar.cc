// The months come from ICU's DangiCalendar (the Chinese calendar computed for the Korean meridian).
// ICU computes a day's lunar fields in about 0.1 ms (astronomy, mostly uncached), so each lunar
// year is computed once, on first use, as the list of its months with their first day and length;
// a call then only looks up that list.
//
// The list is built by reading the fields of real days, never by setting lunar fields: a Calendar
// set to a day that does not exist (leap flag on an ordinary month, day 30 of a 29-day month)
// silently moves to the next valid day, while the fields of an existing day cannot be wrong that
// way. A day that is not in the list does not exist.
//
// ICU's new moons are a few minutes off. Compared day by day with KASI's published Korean tables
// over the supported range, ICU differs only around 2017-02-26, a new moon two minutes before
// midnight in Seoul: that month start is corrected below.
//
// The calendar's time zone only maps instants to wall-clock fields (the lunar rules use their own
// fixed Korean offsets), and days are set through JULIAN_DAY, a local day count, with the zone
// fixed to UTC: nothing depends on the process's TZ, which createInstance would otherwise take.
#include "sageon/extract/lunar_calendar.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/ucal.h>
#include <unicode/utypes.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace sageon {
namespace {

// Julian day number of 1970-01-01, the epoch of DaysFromCivil.
constexpr int64_t kJulianDayOfUnixEpoch = 2440588;

struct LunarMonth {
  int month = 0;  // 1..12
  bool leap = false;
  int length = 0;         // 29 or 30
  int64_t first_day = 0;  // days since 1970-01-01
};

// The months of one lunar year in order, 12 or 13 of them; empty when ICU failed.
using LunarYear = std::vector<LunarMonth>;

// Months whose first day KASI's tables give differently from ICU.
struct MonthStartCorrection {
  int year;  // the Gregorian year the lunar year begins in
  int month;
  bool leap;
  int first_year, first_month, first_day;
};
constexpr MonthStartCorrection kMonthStartCorrections[] = {
    // The new moon came at 23:58 KST on 2017-02-26 (the day of an annular eclipse); ICU puts
    // it after midnight.
    {2017, 2, false, 2017, 2, 26},
};

// ICU's Calendar is not safe for concurrent non-const use, but its const methods are: the
// prototype is never changed after it is built, and every user works on a clone (a const method).
const icu::Calendar* DangiPrototype() {
  static const std::unique_ptr<const icu::Calendar> prototype = []() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> calendar(icu::Calendar::createInstance(
        icu::TimeZone::getGMT()->clone(), icu::Locale("ko_KR@calendar=dangi"), status));
    // ICU falls back to the Gregorian calendar when its data lacks the Korean one.
    if (U_FAILURE(status) || calendar == nullptr ||
        std::strcmp(calendar->getType(), "dangi") != 0) {
      calendar.reset();
    }
    return std::unique_ptr<const icu::Calendar>(std::move(calendar));
  }();
  return prototype.get();
}

struct LunarFields {
  int32_t extended_year = 0;  // ICU's continuous lunar year number
  int32_t month = 0;          // 0-based
  bool leap = false;
  int32_t date = 0;         // 1..30
  int32_t day_of_year = 0;  // 1 on Lunar New Year
};

std::optional<LunarFields> FieldsOfDay(icu::Calendar& calendar, int64_t days) {
  UErrorCode status = U_ZERO_ERROR;
  calendar.clear();
  calendar.set(UCAL_JULIAN_DAY, static_cast<int32_t>(days + kJulianDayOfUnixEpoch));
  LunarFields fields;
  fields.extended_year = calendar.get(UCAL_EXTENDED_YEAR, status);
  fields.month = calendar.get(UCAL_MONTH, status);
  fields.leap = calendar.get(UCAL_IS_LEAP_MONTH, status) != 0;
  fields.date = calendar.get(UCAL_DATE, status);
  fields.day_of_year = calendar.get(UCAL_DAY_OF_YEAR, status);
  if (U_FAILURE(status)) return std::nullopt;
  return fields;
}

LunarYear ComputeLunarYear(int year) {
  const icu::Calendar* prototype = DangiPrototype();
  if (prototype == nullptr) return {};
  std::unique_ptr<icu::Calendar> calendar(prototype->clone());
  if (calendar == nullptr) return {};

  // Lunar New Year falls between January 21 and February 20, so July 1 always lies in the lunar
  // year that began in `year`; its day of the year leads back to New Year's Day.
  const int64_t july_first = DaysFromCivil(year, 7, 1);
  const std::optional<LunarFields> mid_year = FieldsOfDay(*calendar, july_first);
  if (!mid_year) return {};
  int64_t first_day = july_first - (mid_year->day_of_year - 1);
  std::optional<LunarFields> fields = FieldsOfDay(*calendar, first_day);
  if (!fields || fields->extended_year != mid_year->extended_year || fields->month != 0 ||
      fields->leap || fields->date != 1) {
    return {};
  }
  LunarYear months;
  while (fields->extended_year == mid_year->extended_year) {
    if (months.size() == 13) return {};
    // A month has 29 or 30 days, so 30 days after its first comes day 1 or day 2 of the next
    // month: either way that day carries the next month's year, number and leap flag.
    const std::optional<LunarFields> probe = FieldsOfDay(*calendar, first_day + 30);
    if (!probe || (probe->date != 1 && probe->date != 2)) return {};
    const int length = probe->date == 1 ? 30 : 29;
    months.push_back(LunarMonth{fields->month + 1, fields->leap, length, first_day});
    first_day += length;
    fields = probe;
  }
  if (months.size() < 12) return {};
  const int64_t next_new_year = first_day;
  for (const MonthStartCorrection& fix : kMonthStartCorrections) {
    if (fix.year != year) continue;
    for (LunarMonth& month : months) {
      if (month.month == fix.month && month.leap == fix.leap) {
        month.first_day = DaysFromCivil(fix.first_year, fix.first_month, fix.first_day);
      }
    }
  }
  for (size_t i = 0; i < months.size(); ++i) {
    const int64_t next = i + 1 < months.size() ? months[i + 1].first_day : next_new_year;
    months[i].length = static_cast<int>(next - months[i].first_day);
    if (months[i].length != 29 && months[i].length != 30) return {};
  }
  return months;
}

constexpr size_t kYearCount = kLunarMaxYear - kLunarMinYear + 1;

const LunarYear& LunarYearBegunIn(int year) {
  static std::array<LunarYear, kYearCount> years;
  static std::array<std::once_flag, kYearCount> computed;
  const auto index = static_cast<size_t>(year - kLunarMinYear);
  std::call_once(computed[index], [&] { years[index] = ComputeLunarYear(year); });
  return years[index];
}

}  // namespace

bool LunarCalendarAvailable() { return DangiPrototype() != nullptr; }

std::optional<DateTime> SolarFromKoreanLunar(int year, int lunar_month, int lunar_day,
                                             bool leap_month) {
  if (year < kLunarMinYear || year > kLunarMaxYear || lunar_day < 1) return std::nullopt;
  for (const LunarMonth& month : LunarYearBegunIn(year)) {
    if (month.month == lunar_month && month.leap == leap_month) {
      if (lunar_day > month.length) return std::nullopt;
      return CivilFromDays(month.first_day + lunar_day - 1);
    }
  }
  return std::nullopt;
}

}  // namespace sageon
