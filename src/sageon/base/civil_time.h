// Calendar arithmetic without the clock, the locale or the time zone: sageon's output must not
// depend on where or when it runs. Dates are proleptic Gregorian; times are wall-clock local time
// of the document (news dates carry no zone).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sageon/base/status.h"

namespace sageon {

// How precise a time value is; its ISO form is cut at this grain ("2023-11", "2023-11-17T09").
enum class Grain { kDecade, kYear, kHalf, kQuarter, kMonth, kWeek, kDay, kHour, kMinute, kSecond };

std::string_view GrainName(Grain grain);  // "year", "quarter", "day", ...

struct DateTime {
  int year = 1970;
  int month = 1;   // 1..12
  int day = 1;     // 1..31
  int hour = 0;    // 0..23
  int minute = 0;  // 0..59
  int second = 0;  // 0..59

  friend bool operator==(const DateTime&, const DateTime&) = default;
  friend auto operator<=>(const DateTime&, const DateTime&) = default;
};

// Days since 1970-01-01 for a civil date, and back (Howard Hinnant's algorithms).
int64_t DaysFromCivil(int year, int month, int day);
DateTime CivilFromDays(int64_t days);
// 0 = Monday ... 6 = Sunday.
int Weekday(int year, int month, int day);
int DaysInMonth(int year, int month);
bool IsValidDate(int year, int month, int day);
// Adds whole days, months (clamping the day to the month's length) or years.
DateTime AddDays(const DateTime& t, int64_t days);
DateTime AddMonths(const DateTime& t, int months);
// ISO week-numbering year and week of a date.
void IsoWeek(int year, int month, int day, int* iso_year, int* iso_week);

// Reads "2023-11-17", "2023-11-17T04:30", "2023-11-17T04:30:00", "2023-11-17 04:30:00" and the
// same with fractional seconds or a UTC offset ("...000-02:00", "Z"), which are ignored.
Result<DateTime> ParseIsoDateTime(std::string_view text);

// The ISO 8601 form of `t` cut at `grain`: 2013 (year), 201 (decade, "201X" as in TimeML),
// 2013-H1 (half), 2013-Q1, 2013-02, 2013-W07, 2013-02-12, 2013-02-12T04, 2013-02-12T04:30,
// 2013-02-12T04:30:00.
std::string FormatIso(const DateTime& t, Grain grain);

}  // namespace sageon
