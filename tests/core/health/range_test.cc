// Nagios ranges and perfdata exactly as the plugin guidelines spell them.
#include "core/health/range.h"

#include <gtest/gtest.h>

#include "core/health/metrics.h"

namespace qctl::health {
namespace {

Range range(const std::string& text) {
  std::string error;
  auto r = parse_range(text, error);
  EXPECT_TRUE(r.has_value()) << text << ": " << error;
  return r.value_or(Range{});
}

TEST(HealthRange, GuidelineExamples) {
  // "10": alert outside 0..10.
  EXPECT_TRUE(range("10").alerts(-1));
  EXPECT_FALSE(range("10").alerts(0));
  EXPECT_FALSE(range("10").alerts(10));
  EXPECT_TRUE(range("10").alerts(10.5));
  // "10:": alert below 10.
  EXPECT_TRUE(range("10:").alerts(9.9));
  EXPECT_FALSE(range("10:").alerts(1e9));
  // "~:10": alert above 10.
  EXPECT_FALSE(range("~:10").alerts(-1e9));
  EXPECT_TRUE(range("~:10").alerts(11));
  // "10:20": alert outside; "@10:20": alert inside.
  EXPECT_TRUE(range("10:20").alerts(9));
  EXPECT_FALSE(range("10:20").alerts(15));
  EXPECT_TRUE(range("10:20").alerts(21));
  EXPECT_TRUE(range("@10:20").alerts(10));
  EXPECT_FALSE(range("@10:20").alerts(21));
  // "0" alerts on anything above zero (the "any is too many" default).
  EXPECT_TRUE(range("0").alerts(1));
  EXPECT_FALSE(range("0").alerts(0));
  EXPECT_FALSE(range("").alerts(1e9)) << "no threshold";
  EXPECT_TRUE(range("0.5:1.5").alerts(1.6));
}

TEST(HealthRange, MalformedRangesAreRejectedWithTheText) {
  for (const char* bad : {"abc", "10:5", "1:2:3", "@", "~", "10s", ":"}) {
    std::string error;
    EXPECT_FALSE(parse_range(bad, error).has_value()) << bad;
    EXPECT_NE(error.find(bad), std::string::npos) << error;
  }
}

TEST(HealthPerf, StandardLabelValueUomWarnCritMinMax) {
  EXPECT_EQ(format_perf({"agents_active_pct", 66.6667, "%", "90:", "75:", 0.0, 100.0}),
            "agents_active_pct=66.667%;90:;75:;0;100");
  EXPECT_EQ(format_perf({"marathon_latency", 0.0123, "s", "1", "5", 0.0, {}}),
            "marathon_latency=0.012s;1;5;0");
  EXPECT_EQ(format_perf({"agents_deactivated", 2, "", "", "", {}, {}}), "agents_deactivated=2");
  EXPECT_EQ(format_perf({"a b", 1, "", "", "", {}, {}}), "'a b'=1");
}

TEST(HealthThresholds, DefaultsOverridesAndErrors) {
  Thresholds t;
  EXPECT_EQ(t.evaluate("agents_active_pct", 95), Status::kOk);
  EXPECT_EQ(t.evaluate("agents_active_pct", 80), Status::kWarning);
  EXPECT_EQ(t.evaluate("agents_active_pct", 50), Status::kCritical);
  EXPECT_EQ(t.set(false, "agents_active_pct=99:"), "");
  EXPECT_EQ(t.evaluate("agents_active_pct", 95), Status::kWarning);
  EXPECT_EQ(t.set(true, "marathon_apps_below=2"), "");
  EXPECT_EQ(t.evaluate("marathon_apps_below", 3), Status::kCritical);
  EXPECT_EQ(t.set(false, "marathon_apps_below="), "") << "an empty range switches it off";
  EXPECT_EQ(t.evaluate("marathon_apps_below", 1), Status::kOk);
  EXPECT_NE(t.set(false, "nosuch=1").find("unknown metric 'nosuch'"), std::string::npos);
  EXPECT_NE(t.set(true, "agents_active_pct").find("expected METRIC=RANGE"), std::string::npos);
  EXPECT_NE(t.set(true, "agents_active_pct=x").find("not a Nagios range"), std::string::npos);
}

TEST(HealthStatus, WorstPutsCriticalAboveUnknownAboveWarning) {
  EXPECT_EQ(worst(Status::kOk, Status::kWarning), Status::kWarning);
  EXPECT_EQ(worst(Status::kUnknown, Status::kWarning), Status::kUnknown);
  EXPECT_EQ(worst(Status::kUnknown, Status::kCritical), Status::kCritical);
  EXPECT_STREQ(status_name(Status::kCritical), "CRITICAL");
}

}  // namespace
}  // namespace qctl::health
