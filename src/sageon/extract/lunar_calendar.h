// Korean lunisolar calendar (음력) to Gregorian, for the lunar holidays of the date stage: 설날
// (1/1), 정월대보름 (1/15), 부처님오신날 (4/8), 단오 (5/5), 칠석 (7/7), 추석 (8/15).
#pragma once

#include <optional>

#include "sageon/base/civil_time.h"

namespace sageon {

// The supported Gregorian years: those of the official Korean tables (KASI publishes them up to
// 2050), which the conversion was checked against day by day.
inline constexpr int kLunarMinYear = 1900;
inline constexpr int kLunarMaxYear = 2050;

// The Gregorian date of day `lunar_day` of month `lunar_month` (leap month when `leap_month`)
// in the Korean lunisolar year that begins in Gregorian year `year`; nullopt when that day does
// not exist (no such leap month, day 30 of a 29-day month) or the year is out of range. Korean
// months follow the Korean meridian (UTC+9 since 1961), so some dates differ from the Chinese
// calendar's. The result is a date at midnight and does not depend on the time zone or locale of
// the process. Thread-safe. The first call for a lunar year computes its months (about 2 ms);
// later calls look them up.
std::optional<DateTime> SolarFromKoreanLunar(int year, int lunar_month, int lunar_day,
                                             bool leap_month = false);

// False when ICU cannot provide its Korean calendar (data built without it); every
// SolarFromKoreanLunar call then returns nullopt.
bool LunarCalendarAvailable();

}  // namespace sageon
