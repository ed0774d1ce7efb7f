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
  EXPECT_EQ(next_run_time("R/2024-06-01T00:00:00Z/P1D", at("2024-05-31T16:30:00Z")),
            at("2024-06-01T00:00:00Z"));
}

TEST(JobStatusNextRun, PastStartMovesForwardByWholePeriods) {
  EXPECT_EQ(next_run_time("R/2024-05-31T16:00:00Z/PT1H", at("2024-05-31T16:30:00Z")),
            at("2024-05-31T17:00:00Z"));
  EXPECT_EQ(next_run_time("R/2020-01-01T00:00:00Z/PT15M", at("2024-05-31T16:31:00Z")),
            at("2024-05-31T16:45:00Z"));
  EXPECT_EQ(next_run_time("R/2024-05-31T16:30:00Z/PT1H", at("2024-05-31T16:30:00Z")),
            at("2024-05-31T16:30:00Z"));
}

TEST(JobStatusNextRun, CalendarPeriodsFollowTheCalendar) {
  // Joda clamps to the month's end: Jan 31 + 1 month = Feb 29 (2024 is a leap year).
  EXPECT_EQ(add_periods(at("2024-01-31T08:00:00Z"), *parse_schedule_period("P1M"), 1),
            at("2024-02-29T08:00:00Z"));
  EXPECT_EQ(next_run_time("R/2023-03-15T00:00:00Z/P1M", at("2024-05-20T00:00:00Z")),
            at("2024-06-15T00:00:00Z"));
  EXPECT_EQ(next_run_time("R/2000-02-29T00:00:00Z/P1Y", at("2024-03-01T00:00:00Z")),
            at("2025-02-28T00:00:00Z"));
}

TEST(JobStatusNextRun, NoNextRunWhenFinishedOrUnparsable) {
  const double now = at("2024-05-31T16:30:00Z");
  EXPECT_FALSE(next_run_time("R0/2024-06-01T00:00:00Z/P1D", now));
  EXPECT_FALSE(next_run_time("R2/2024-05-31T13:00:00Z/PT1H", now));  // 13:00, 14:00 passed
  EXPECT_EQ(next_run_time("R5/2024-05-31T13:00:00Z/PT1H", now), at("2024-05-31T17:00:00Z"));
  EXPECT_FALSE(next_run_time("R/2024-05-31T13:00:00Z/PT0S", now));
  EXPECT_FALSE(next_run_time("", now));
  EXPECT_FALSE(next_run_time("every hour", now));
  EXPECT_EQ(next_run_time("R1//PT24H", now), now);  // empty start: at once
}

}  // namespace
}  // namespace qctl::chronos
