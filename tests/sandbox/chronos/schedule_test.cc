// SandboxChronosSchedule: repeating intervals parsed, printed and skipped forward like Joda.
#include "sandbox/chronos/schedule.h"

#include <gtest/gtest.h>

namespace qctl::sandbox::chronos {
namespace {

constexpr double kNow = 1717209000;  // 2024-06-01T02:30:00Z

TEST(SandboxChronosSchedule, PrintsWhatItParsesInJodaForm) {
  auto s = parse_schedule("R5/2024-06-01T00:00:00Z/PT1H", "", kNow);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->repeat, 5);
  EXPECT_EQ(format_schedule(*s), "R5/2024-06-01T00:00:00.000Z/PT1H");
  EXPECT_EQ(format_schedule(*parse_schedule("R/2024-06-01T02:00+08:00/P1DT12H", "", kNow)),
            "R/2024-06-01T02:00:00.000+08:00/P1DT12H");
}

// Joda's DateTime.parse, which Chronos' Iso8601Expressions uses, reads more than calendar
// dates: week and ordinal dates, a time alone (on 1970-01-01), fractions of the last field.
TEST(SandboxChronosSchedule, ReadsEveryStartJodaReads) {
  EXPECT_EQ(format_schedule(*parse_schedule("R/2024-W22-1T09:00Z/P1W", "", kNow)),
            "R/2024-05-27T09:00:00.000Z/P1W");
  EXPECT_EQ(format_schedule(*parse_schedule("R/2024-153T06:00Z/P1D", "", kNow)),
            "R/2024-06-01T06:00:00.000Z/P1D");
  EXPECT_EQ(format_schedule(*parse_schedule("R/2024-06-01T10.5Z/P1D", "", kNow)),
            "R/2024-06-01T10:30:00.000Z/P1D");
  EXPECT_EQ(format_schedule(*parse_schedule("R/T10:00Z/P1D", "", kNow)),
            "R/1970-01-01T10:00:00.000Z/P1D");
}

TEST(SandboxChronosSchedule, RejectsWhatChronosCannotParse) {
  for (const char* bad : {"R5/2024-13-01T00:00:00Z/PT1H", "X/2024-06-01T00:00:00Z/PT1H",
                          "R/2024-06-01T00:00:00Z/1H", "R5/yesterday/PT1H", "R/2024-06-01/PT1X", ""}) {
    EXPECT_FALSE(parse_schedule(bad, "", kNow)) << bad;
  }
}

TEST(SandboxChronosSchedule, EmptyStartMeansOneSecondAgo) {
  auto s = parse_schedule("R1//PT24H", "", kNow);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->start.ms, static_cast<std::int64_t>(kNow * 1000) - 1000);
}

TEST(SandboxChronosSchedule, TimeZoneKeepsTheWallClock) {
  auto s = parse_schedule("R/2024-06-01T02:00:00Z/P1D", "Asia/Shanghai", kNow);
  ASSERT_TRUE(s);
  EXPECT_EQ(format_schedule(*s), "R/2024-06-01T02:00:00.000+08:00/P1D");
  // Java's TimeZone gives GMT for a name it does not know.
  EXPECT_EQ(format_schedule(*parse_schedule("R/2024-06-01T02:00:00+02:00/P1D", "Mars/Base", kNow)),
            "R/2024-06-01T02:00:00.000Z/P1D");
}

TEST(SandboxChronosSchedule, SkipForwardMovesPastNowAndCountsDown) {
  EXPECT_EQ(skip_forward("R3/2024-06-01T00:00:00Z/PT1H", "", kNow),
            "R2/2024-06-01T03:00:00.000Z/PT1H");
  EXPECT_EQ(skip_forward("R/2024-06-01T00:00:00Z/PT1H", "", kNow),
            "R/2024-06-01T03:00:00.000Z/PT1H");
  // A start in the future only loses a repetition.
  EXPECT_EQ(skip_forward("R1/2024-06-02T00:00:00.000Z/P1D", "", kNow),
            "R0/2024-06-02T00:00:00.000Z/P1D");
  // Months have no fixed length: the day is clamped to the month's end.
  EXPECT_EQ(skip_forward("R/2024-01-31T00:00:00Z/P1M", "", 1707955200),  // 2024-02-15
            "R/2024-02-29T00:00:00.000Z/P1M");
}

}  // namespace
}  // namespace qctl::sandbox::chronos
