#include "sageon/base/civil_time.h"

#include <cstdio>

namespace sageon {

std::string_view GrainName(Grain grain) {
  switch (grain) {
    case Grain::kDecade:
      return "decade";
    case Grain::kYear:
      return "year";
    case Grain::kHalf:
      return "half";
    case Grain::kQuarter:
      return "quarter";
    case Grain::kMonth:
      return "month";
    case Grain::kWeek:
      return "week";
    case Grain::kDay:
      return "day";
    case Grain::kHour:
      return "hour";
    case Grain::kMinute:
      return "minute";
    case Grain::kSecond:
      return "second";
  }
  return "day";
}

int64_t DaysFromCivil(int year, int month, int day) {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

DateTime CivilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  DateTime t;
  t.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  t.year = static_cast<int>(yoe + era * 400 + (t.month <= 2 ? 1 : 0));
  return t;
}

int Weekday(int year, int month, int day) {
  const int64_t d = DaysFromCivil(year, month, day);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((d % 7) + 7 + 3) % 7);
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool IsValidDate(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

DateTime AddDays(const DateTime& t, int64_t days) {
  DateTime out = CivilFromDays(DaysFromCivil(t.year, t.month, t.day) + days);
  out.hour = t.hour;
  out.minute = t.minute;
  out.second = t.second;
  return out;
}

DateTime AddMonths(const DateTime& t, int months) {
  DateTime out = t;
  const int total = t.year * 12 + (t.month - 1) + months;
  out.year = total >= 0 ? total / 12 : (total - 11) / 12;
  out.month = total - out.year * 12 + 1;
  const int last = DaysInMonth(out.year, out.month);
  if (out.day > last) out.day = last;
  return out;
}

void IsoWeek(int year, int month, int day, int* iso_year, int* iso_week) {
  const int64_t d = DaysFromCivil(year, month, day);
  const int wd = Weekday(year, month, day);  // Monday = 0
  const int64_t thursday = d - wd + 3;       // the week belongs to the year of its Thursday
  const DateTime th = CivilFromDays(thursday);
  *iso_year = th.year;
  *iso_week = static_cast<int>((thursday - DaysFromCivil(th.year, 1, 1)) / 7 + 1);
}

Result<DateTime> ParseIsoDateTime(std::string_view text) {
  DateTime t;
  auto digits = [&](size_t pos, size_t n, int* out) {
    if (pos + n > text.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      v = v * 10 + (text[i] - '0');
    }
    *out = v;
    return true;
  };
  const auto bad = [&] {
    return InvalidArgument("not an ISO date (YYYY-MM-DD[THH:MM[:SS]]): '" + std::string(text) +
                           "'");
  };
  if (!digits(0, 4, &t.year) || text.size() < 10 || text[4] != '-' || !digits(5, 2, &t.month) ||
      text[7] != '-' || !digits(8, 2, &t.day)) {
    return bad();
  }
  if (!IsValidDate(t.year, t.month, t.day)) return bad();
  if (text.size() > 10 && (text[10] == 'T' || text[10] == ' ')) {
    if (!digits(11, 2, &t.hour) || text.size() < 16 || text[13] != ':' ||
        !digits(14, 2, &t.minute)) {
      return bad();
    }
    size_t pos = 16;
    if (pos < text.size() && text[pos] == ':') {
      if (!digits(17, 2, &t.second)) return bad();
      pos = 19;
      if (pos < text.size() && text[pos] == '.') {  // fractional seconds, ignored
        ++pos;
        const size_t first = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
        if (pos == first) return bad();
      }
    }
    // What may follow: nothing, "Z" or a UTC offset "+HH:MM" / "-HHMM" (ignored: news dates are
    // read as the wall-clock time of the document).
    std::string_view rest = text.substr(pos);
    int unused;
    const bool zone_ok = rest.empty() || rest == "Z" ||
                         ((rest[0] == '+' || rest[0] == '-') &&
                          ((rest.size() == 6 && rest[3] == ':' && digits(pos + 1, 2, &unused) &&
                            digits(pos + 4, 2, &unused)) ||
                           (rest.size() == 5 && digits(pos + 1, 4, &unused))));
    if (!zone_ok) return bad();
    if (t.hour > 23 || t.minute > 59 || t.second > 59) return bad();
  } else if (text.size() > 10) {
    return bad();
  }
  return t;
}

std::string FormatIso(const DateTime& t, Grain grain) {
  char buf[40];
  switch (grain) {
    case Grain::kDecade:
      std::snprintf(buf, sizeof buf, "%03d", t.year / 10);
      break;
    case Grain::kYear:
      std::snprintf(buf, sizeof buf, "%04d", t.year);
      break;
    case Grain::kHalf:
      std::snprintf(buf, sizeof buf, "%04d-H%d", t.year, t.month <= 6 ? 1 : 2);
      break;
    case Grain::kQuarter:
      std::snprintf(buf, sizeof buf, "%04d-Q%d", t.year, (t.month - 1) / 3 + 1);
      break;
    case Grain::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", t.year, t.month);
      break;
    case Grain::kWeek: {
      int y, w;
      IsoWeek(t.year, t.month, t.day, &y, &w);
      std::snprintf(buf, sizeof buf, "%04d-W%02d", y, w);
      break;
    }
    case Grain::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
      break;
    case Grain::kHour:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d", t.year, t.month, t.day, t.hour);
      break;
    case Grain::kMinute:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", t.year, t.month, t.day, t.hour,
                    t.minute);
      break;
    case Grain::kSecond:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", t.year, t.month, t.day,
                    t.hour, t.minute, t.second);
      break;
  }
  return buf;
}

}  // namespace sageon
