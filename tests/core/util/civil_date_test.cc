#include "core/util/civil_date.h"

#include <gtest/gtest.h>

#include <string>

namespace qctl::util {
namespace {

TEST(CivilDate, DaysSinceTheEpochBothWays) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(days_from_civil(1600, 1, 1), -135140);
  for (std::int64_t d : {-135140L, -1L, 0L, 59L, 11016L, 11017L, 19782L, 2932896L}) {
    const CivilDate c = civil_from_days(d);
    EXPECT_EQ(days_from_civil(c.year, c.month, c.day), d) << d;
  }
  const CivilDate leap_day = civil_from_days(days_from_civil(2024, 2, 29));
  EXPECT_EQ(leap_day.year, 2024);
  EXPECT_EQ(leap_day.month, 2);
  EXPECT_EQ(leap_day.day, 29);
  const CivilDate before = civil_from_days(-1);
  EXPECT_EQ(before.year, 1969);
  EXPECT_EQ(before.month, 12);
  EXPECT_EQ(before.day, 31);
}

TEST(CivilDate, DaysInMonthFollowTheGregorianLeapRule) {
  EXPECT_EQ(days_in_month(2023, 2), 28);
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(1900, 2), 28);
  EXPECT_EQ(days_in_month(2000, 2), 29);
  EXPECT_EQ(days_in_month(2024, 4), 30);
  EXPECT_EQ(days_in_month(2024, 12), 31);
}

std::string text(const CivilDate& c) {
  return std::to_string(c.year) + "-" + std::to_string(c.month) + "-" + std::to_string(c.day);
}

TEST(CivilDate, AddMonthsClampsTheDayAsJodaDoes) {
  EXPECT_EQ(text(add_months({2024, 1, 31}, 1)), "2024-2-29");
  EXPECT_EQ(text(add_months({2023, 1, 31}, 1)), "2023-2-28");
  EXPECT_EQ(text(add_months({2024, 11, 15}, 2)), "2025-1-15");
  EXPECT_EQ(text(add_months({2024, 3, 31}, -1)), "2024-2-29");
  EXPECT_EQ(text(add_months({2024, 1, 10}, -1)), "2023-12-10");
  EXPECT_EQ(text(add_months({1970, 1, 1}, -13)), "1968-12-1");
  EXPECT_EQ(text(add_months({2024, 5, 31}, 0)), "2024-5-31");
}

}  // namespace
}  // namespace qctl::util
