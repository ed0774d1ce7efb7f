#include "core/util/strings.h"

#include <gtest/gtest.h>

#include "core/util/base64.h"
#include "core/util/duration.h"

namespace qctl::util {
namespace {

TEST(StringsTest, GlobMatchesLikeAShell) {
  EXPECT_TRUE(glob_match("agent*.dc1.*", "agent7.dc1.example.com"));
  EXPECT_TRUE(glob_match("a?c", "abc"));
  EXPECT_FALSE(glob_match("agent*.dc2.*", "agent7.dc1.example.com"));
  EXPECT_TRUE(glob_match("*", ""));
}

TEST(StringsTest, FirstLineTrimsStackTraces) {
  EXPECT_EQ(first_line("  java.lang.IllegalArgumentException: x\n\tat a.b(C.java:1)\n"),
            "java.lang.IllegalArgumentException: x");
}

TEST(StringsTest, FormatsNumbersWithoutNoise) {
  EXPECT_EQ(format_number(2.5), "2.5");
  EXPECT_EQ(format_number(3.0), "3");
  EXPECT_EQ(format_number(0.1 + 0.2), "0.3");
  EXPECT_EQ(format_number(-0.0001), "0");
}

TEST(StringsTest, Base64MatchesRfc4648) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("ops:s3cret"), "b3BzOnMzY3JldA==");
}

TEST(DurationTest, ParsesWhatUsersType) {
  EXPECT_EQ(parse_duration("500ms")->count(), 500);
  EXPECT_EQ(parse_duration("30s")->count(), 30000);
  EXPECT_EQ(parse_duration("1h30m")->count(), 5400000);
  EXPECT_EQ(parse_duration("7d")->count(), 7LL * 86400000);
  EXPECT_EQ(parse_duration("2")->count(), 2000);
  EXPECT_EQ(parse_duration("36500d")->count(), 36500LL * 86400000);
  EXPECT_FALSE(parse_duration("36501d"));  // a typo; now + it would overflow steady_clock
  EXPECT_FALSE(parse_duration("1e300"));
  EXPECT_FALSE(parse_duration(""));
  EXPECT_FALSE(parse_duration("10 parsecs"));
  EXPECT_FALSE(parse_duration("-5s"));
  EXPECT_FALSE(parse_duration("5x"));
}

TEST(DurationTest, FormatsAgesLikeKubectl) {
  EXPECT_EQ(format_age(45), "45s");
  EXPECT_EQ(format_age(600), "10m");
  EXPECT_EQ(format_age(3 * 3600), "3h");
  EXPECT_EQ(format_age(5 * 86400), "5d");
  EXPECT_EQ(format_age(0), "");
  EXPECT_EQ(format_age(-10), "");
}

}  // namespace
}  // namespace qctl::util

namespace qctl::util {
namespace {

TEST(DurationTest, ParsesMarathonAndChronosTimestamps) {
  EXPECT_DOUBLE_EQ(*parse_iso8601("1970-01-02T00:00:00Z"), 86400.0);
  EXPECT_DOUBLE_EQ(*parse_iso8601("2024-05-30T09:12:44.101Z"), 1717060364.101);
  EXPECT_DOUBLE_EQ(*parse_iso8601("2024-05-30T17:12:44.000+08:00"), 1717060364.0);
  EXPECT_FALSE(parse_iso8601(""));
  EXPECT_FALSE(parse_iso8601("yesterday"));
}

TEST(DurationTest, FormatsUtcTimesAndMillis) {
  EXPECT_EQ(format_utc(1717000000.75), "2024-05-29T16:26:40Z");
  EXPECT_EQ(format_utc(1717000000, "%Y-%m-%d %H:%M UTC"), "2024-05-29 16:26 UTC");
  EXPECT_EQ(format_millis(std::chrono::milliseconds(5000)), "5s");
  EXPECT_EQ(format_millis(std::chrono::milliseconds(1500)), "1500ms");
}

TEST(StringsTest, EditDistanceCountsSingleCharacterEdits) {
  EXPECT_EQ(edit_distance("status", "statsu"), 2U);
  EXPECT_EQ(edit_distance("", "abc"), 3U);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3U);
}

}  // namespace
}  // namespace qctl::util
