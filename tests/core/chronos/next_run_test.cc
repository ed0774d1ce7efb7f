#include "core/chronos/next_run.h"

#include <gtest/gtest.h>

#include "core/util/duration.h"

namespace qctl::chronos {
namespace {

double at(const char* iso) { return *util::parse_iso8601(iso); }

TEST(JobStatusNextRun, ParsesPeriods) {
  auto p = parse_schedule_period("P1Y2M3W4DT5H6M7.5S");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->years, 1);
  EXPECT_EQ(p->months, 2);
  EXPECT_EQ(p->weeks, 3);
  EXPECT_EQ(p->days, 4);
  EXPECT_DOUBLE_EQ(p->seconds, 5 * 3600 + 6 * 60 + 7.5);
  EXPECT_FALSE(parse_schedule_period("PT"));
  EXPECT_FALSE(parse_schedule_period("P1H"));  // hours need the T
  EXPECT_FALSE(parse_schedule_period("1D"));
  EXPECT_FALSE(parse_schedule_period("P1X"));
}

TEST(JobStatusNextRun, ParsesRepeatingSchedules) {
  auto s = parse_repeating_schedule("R5/2024-06-01T02:00:00.000+08:00/P1D");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->repeat, 5);
  EXPECT_DOUBLE_EQ(*s->start, at("2024-05-31T18:00:00Z"));
  s = parse_repeating_schedule("R//PT1M");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->repeat, -1);
  EXPECT_FALSE(s->start);
  // Starts as Chronos reads them (Joda), not only full date-times with seconds.
  s = parse_repeating_schedule("R/2024-06-01T02:00Z/P1D");
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(*s->start, at("2024-06-01T02:00:00Z"));
  s = parse_repeating_schedule("R/2024-W22-5T09:00Z/P1W");
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(*s->start, at("2024-05-31T09:00:00Z"));
  EXPECT_FALSE(parse_repeating_schedule(""));
  EXPECT_FALSE(parse_repeating_schedule("R/yesterday/PT1H"));
  EXPECT_FALSE(parse_repeating_schedule("X/2024-06-01T00:00:00Z/PT1H"));
  EXPECT_FALSE(parse_repeating_schedule("Rx/2024-06-01T00:00:00Z/PT1H"));
}

TEST(JobStatusNextRun, FutureStartIsTheNextRun) {
  EXPECT_EQ(next_run_time("R/2024-06-01T00:00:00Z/P1D", "", at("2024-05-31T16:30:00Z")),
            at("2024-06-01T00:00:00Z"));
}

TEST(JobStatusNextRun, PastStartMovesForwardByWholePeriods) {
  EXPECT_EQ(next_run_time("R/2024-05-31T16:00:00Z/PT1H", "", at("2024-05-31T16:30:00Z")),
            at("2024-05-31T17:00:00Z"));
  EXPECT_EQ(next_run_time("R/2020-01-01T00:00:00Z/PT15M", "", at("2024-05-31T16:31:00Z")),
            at("2024-05-31T16:45:00Z"));
  EXPECT_EQ(next_run_time("R/2024-05-31T16:30:00Z/PT1H", "", at("2024-05-31T16:30:00Z")),
            at("2024-05-31T16:30:00Z"));
}

TEST(JobStatusNextRun, CalendarPeriodsFollowTheCalendar) {
  // Joda clamps to the month's end: Jan 31 + 1 month = Feb 29 (2024 is a leap year).
  EXPECT_EQ(add_periods(at("2024-01-31T08:00:00Z"), *parse_schedule_period("P1M"), 1),
            at("2024-02-29T08:00:00Z"));
  EXPECT_EQ(next_run_time("R/2023-03-15T00:00:00Z/P1M", "", at("2024-05-20T00:00:00Z")),
            at("2024-06-15T00:00:00Z"));
  EXPECT_EQ(next_run_time("R/2000-02-29T00:00:00Z/P1Y", "", at("2024-03-01T00:00:00Z")),
            at("2025-02-28T00:00:00Z"));
}

// Chronos keeps the start's wall clock in the job's scheduleTimeZone (withZoneRetainFields)
// and adds days on that zone's wall clock, so a daily job keeps its hour across DST.
TEST(JobStatusNextRun, AScheduleTimeZoneMovesTheStartAndFollowsDaylightSaving) {
  auto s = parse_repeating_schedule("R/2024-06-01T02:00:00Z/P1D", "America/New_York");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->start, at("2024-06-01T06:00:00Z"));  // 02:00 EDT
  EXPECT_EQ(next_run_time("R/2024-06-01T02:00:00Z/P1D", "America/New_York",
                          at("2024-06-03T12:00:00Z")),
            at("2024-06-04T06:00:00Z"));
  // Across the end of DST (3 Nov 2024): still 02:00 local, now EST (UTC-5).
  EXPECT_EQ(next_run_time("R/2024-11-01T02:00:00-04:00/P1D", "America/New_York",
                          at("2024-11-05T00:00:00Z")),
            at("2024-11-05T07:00:00Z"));
  // Hours are exact durations, not wall-clock hours: from 12:00 EDT (16:00Z) on 2 Nov,
  // PT24H stays at 16:00Z (11:00 EST) while P1D moves to 12:00 EST (17:00Z).
  EXPECT_EQ(next_run_time("R/2024-11-02T12:00:00Z/PT24H", "America/New_York",
                          at("2024-11-03T17:30:00Z")),
            at("2024-11-04T16:00:00Z"));
  EXPECT_EQ(next_run_time("R/2024-11-02T12:00:00Z/P1D", "America/New_York",
                          at("2024-11-03T17:30:00Z")),
            at("2024-11-04T17:00:00Z"));
  // Java's custom ids and an unknown zone (GMT, as java.util.TimeZone gives).
  EXPECT_EQ(parse_repeating_schedule("R/2024-06-01T02:00:00Z/P1D", "GMT+8")->start,
            at("2024-05-31T18:00:00Z"));
  EXPECT_EQ(parse_repeating_schedule("R/2024-06-01T02:00:00Z/P1D", "Nowhere/City")->start,
            at("2024-06-01T02:00:00Z"));
}

// Without a scheduleTimeZone the written offset is the zone (Joda's DateTime.parse), so the
// month's end clamps on that wall clock: Jan 31 01:00+02:00 plus a month is Feb 29 01:00+02:00.
TEST(JobStatusNextRun, TheWrittenOffsetIsTheCalendarsZone) {
  auto s = parse_repeating_schedule("R/2024-01-31T01:00:00+02:00/P1M");
  ASSERT_TRUE(s);
  EXPECT_EQ(add_periods(*s->start, s->period, 1, s->zone), at("2024-02-28T23:00:00Z"));
  EXPECT_EQ(add_periods(*s->start, s->period, 1), at("2024-02-29T23:00:00Z"));  // UTC calendar
}

TEST(JobStatusNextRun, NoNextRunWhenFinishedOrUnparsable) {
  const double now = at("2024-05-31T16:30:00Z");
  EXPECT_FALSE(next_run_time("R0/2024-06-01T00:00:00Z/P1D", "", now));
  EXPECT_FALSE(next_run_time("R2/2024-05-31T13:00:00Z/PT1H", "", now));  // 13:00, 14:00 passed
  EXPECT_EQ(next_run_time("R5/2024-05-31T13:00:00Z/PT1H", "", now), at("2024-05-31T17:00:00Z"));
  EXPECT_FALSE(next_run_time("R/2024-05-31T13:00:00Z/PT0S", "", now));
  EXPECT_FALSE(next_run_time("", "", now));
  EXPECT_FALSE(next_run_time("every hour", "", now));
  EXPECT_EQ(next_run_time("R1//PT24H", "", now), now);  // empty start: at once
}

}  // namespace
}  // namespace qctl::chronos
