#include "core/util/iso_datetime.h"

#include <gtest/gtest.h>

#include <string>

#include "core/util/civil_date.h"

namespace qctl::util {
namespace {

// UTC ms of a calendar date-time, for the expectations.
std::int64_t utc(std::int64_t y, std::int64_t mo, std::int64_t d, std::int64_t h = 0,
                 std::int64_t mi = 0, std::int64_t s = 0, std::int64_t ms = 0) {
  return days_from_civil(y, mo, d) * 86'400'000 + ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

std::int64_t parsed(const std::string& text) {
  const auto t = parse_iso_datetime(text);
  EXPECT_TRUE(t.has_value()) << text;
  return t ? t->utc_ms() : -1;
}

TEST(IsoDateTime, CalendarDatesWithOptionalTimeAndOffset) {
  EXPECT_EQ(parsed("2024-05-31T16:00:00.000Z"), utc(2024, 5, 31, 16));
  EXPECT_EQ(parsed("2024-05-31T16:00:00.000+08:00"), utc(2024, 5, 31, 8));
  EXPECT_EQ(parsed("2024-05-31T16:00+0800"), utc(2024, 5, 31, 8));
  EXPECT_EQ(parsed("2024-05-31T16-05"), utc(2024, 5, 31, 21));
  EXPECT_EQ(parsed("2024-05-31T02:30:15,5Z"), utc(2024, 5, 31, 2, 30, 15, 500));
  EXPECT_EQ(parsed("2024-05-31"), utc(2024, 5, 31));
  EXPECT_EQ(parsed("2024-05"), utc(2024, 5, 1));
  EXPECT_EQ(parsed("2024"), utc(2024, 1, 1));
  EXPECT_EQ(parsed("2024-05-31T"), utc(2024, 5, 31));
  EXPECT_EQ(parsed("2024-5-1T9:05Z"), utc(2024, 5, 1, 9, 5));  // Joda reads 1..2 digits
  const auto no_offset = parse_iso_datetime("2024-05-31T16:00");
  ASSERT_TRUE(no_offset);
  EXPECT_FALSE(no_offset->offset_seconds.has_value());
  EXPECT_EQ(no_offset->utc_ms(3600), utc(2024, 5, 31, 15));
}

TEST(IsoDateTime, FractionsBelongToTheLastField) {
  EXPECT_EQ(parsed("2024-05-31T10.5Z"), utc(2024, 5, 31, 10, 30));
  EXPECT_EQ(parsed("2024-05-31T10:30.5Z"), utc(2024, 5, 31, 10, 30, 30));
  // Joda's integer arithmetic (doubles gave 34 ms for .035).
  EXPECT_EQ(parsed("1970-01-01T00:00:00.035Z"), 35);
  EXPECT_EQ(parsed("1970-01-01T00.58Z"), 2'088'000);
  EXPECT_EQ(parsed("1970-01-01T10.0000009Z"), 10 * 3'600'000 + 2);
  EXPECT_EQ(parsed("1970-01-01T00:00:00.999999999Z"), 999);
  EXPECT_FALSE(parse_iso_datetime("1970-01-01T00:00:00.0000000001Z"));  // ten digits
}

TEST(IsoDateTime, OffsetsAndCaseAsJodaReadsThem) {
  EXPECT_EQ(parsed("2024-05-31T16:00+08:00:00"), utc(2024, 5, 31, 8));
  EXPECT_EQ(parsed("2024-05-31T16:00+08:00:30.000"), utc(2024, 5, 31, 7, 59, 30));
  EXPECT_EQ(parsed("2024-05-31t16:00z"), utc(2024, 5, 31, 16));
  EXPECT_EQ(parsed("2024-w22-5"), utc(2024, 5, 31));
  for (const char* bad : {"2024-05-31T16:00+8", "2024-05-31T16:00+08:0", "2024-05-31T16:00+080"}) {
    EXPECT_FALSE(parse_iso_datetime(bad).has_value()) << bad;
  }
}

TEST(IsoDateTime, SignedYearsWithinJodasRange) {
  EXPECT_EQ(parsed("+2024-05-31"), utc(2024, 5, 31));
  EXPECT_EQ(parsed("-0001-01-01"), utc(-1, 1, 1));
  EXPECT_TRUE(parse_iso_datetime("292278993-12-31").has_value());
  EXPECT_FALSE(parse_iso_datetime("292278994-01-01").has_value());
  EXPECT_FALSE(parse_iso_datetime("-292275055-01-01").has_value());
}

TEST(IsoDateTime, WeekAndOrdinalDates) {
  EXPECT_EQ(parsed("2024-W22-5T09:00Z"), utc(2024, 5, 31, 9));  // Friday of week 22
  EXPECT_EQ(parsed("2024-W01-1"), utc(2024, 1, 1));             // 2024 began on a Monday
  EXPECT_EQ(parsed("2021-W01-1"), utc(2021, 1, 4));             // week 1 holds January 4th
  EXPECT_EQ(parsed("2020-W53-7"), utc(2021, 1, 3));             // 2020 had 53 weeks
  EXPECT_EQ(parsed("2024-W22"), utc(2024, 5, 27));              // no day: Monday
  EXPECT_EQ(parsed("2024-153"), utc(2024, 6, 1));               // leap year: June 1st
  EXPECT_EQ(parsed("2023-365T23:59Z"), utc(2023, 12, 31, 23, 59));
}

TEST(IsoDateTime, ATimeAloneIsOnTheEpochDay) {
  EXPECT_EQ(parsed("T10:00Z"), utc(1970, 1, 1, 10));
  EXPECT_EQ(parsed("T10:00:00.250+01:00"), utc(1970, 1, 1, 9, 0, 0, 250));
}

TEST(IsoDateTime, RejectsWhatJodaRejects) {
  for (const char* bad : {"", "T", "every day", "2024-13-01", "2024-02-30", "2023-366",
                          "2021-W53-1", "2024-W22-8", "2024-05-31T24:00Z", "2024-05-31T10:60",
                          "2024-05-31T10:00:00X", "2024-05-31 10:00", "2024-05-31T10:00+2400",
                          "2024-05-31T10:00Z junk", "2024-05-31T10.Z"}) {
    EXPECT_FALSE(parse_iso_datetime(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace qctl::util
