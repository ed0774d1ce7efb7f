#include "core/model/resources.h"

#include <gtest/gtest.h>

#include "core/model/mesos.h"

namespace qctl::model {
namespace {

TEST(ResourcesTest, ParsesMesosRangeText) {
  const auto ranges = parse_ranges("[31000-32000, 33000-33005]");
  ASSERT_TRUE(ranges.has_value());
  ASSERT_EQ(ranges->size(), 2U);
  EXPECT_EQ((*ranges)[0], (Range{31000, 32000}));
  EXPECT_EQ((*ranges)[1], (Range{33000, 33005}));
  EXPECT_EQ(range_count(*ranges), 1007U);
}

TEST(ResourcesTest, ParsesSingleValuesAndEmptyRanges) {
  const auto single = parse_ranges("[31005-31005]");
  ASSERT_TRUE(single.has_value());
  EXPECT_EQ(range_count(*single), 1U);
  const auto bare = parse_ranges("[8080]");
  ASSERT_TRUE(bare.has_value());
  EXPECT_EQ((*bare)[0], (Range{8080, 8080}));
  const auto empty = parse_ranges("[]");
  ASSERT_TRUE(empty.has_value());
  EXPECT_TRUE(empty->empty());
}

TEST(ResourcesTest, RejectsMalformedRanges) {
  EXPECT_FALSE(parse_ranges("31000-32000").has_value());
  EXPECT_FALSE(parse_ranges("[31000-32000").has_value());
  EXPECT_FALSE(parse_ranges("[a-b]").has_value());
  EXPECT_FALSE(parse_ranges("[5-3]").has_value());
  EXPECT_FALSE(parse_ranges("{a, b}").has_value());
  EXPECT_FALSE(parse_ranges("").has_value());
}

TEST(ResourcesTest, FormatsRangesTheWayMesosDoes) {
  EXPECT_EQ(format_ranges({{31000, 31004}, {31006, 32000}}), "[31000-31004, 31006-32000]");
  EXPECT_EQ(format_ranges({{31005, 31005}}), "[31005-31005]");
  EXPECT_EQ(format_ranges({}), "");
  const std::string text = "[31000-32000, 33000-33005]";
  EXPECT_EQ(format_ranges(*parse_ranges(text)), text);
}

TEST(ResourcesTest, RangeCountOfNothingIsZero) { EXPECT_EQ(range_count({}), 0U); }

TEST(ResourcesTest, Round3MatchesMesosFixedPoint) {
  EXPECT_DOUBLE_EQ(round3(0.1 + 0.2), 0.3);
  EXPECT_DOUBLE_EQ(round3(3.85 / 44.0 * 1000.0), 87.5);
  EXPECT_DOUBLE_EQ(round3(1.23456), 1.235);
  EXPECT_DOUBLE_EQ(round3(2.0), 2.0);
}

TEST(ResourcesTest, ScalarLooksUpBuiltinsAndNamedScalars) {
  Resources r;
  r.cpus = 16;
  r.mem = 65536;
  r.disk = 819200;
  r.gpus = 2;
  r.scalars["cpus_revocable"] = 4;
  EXPECT_DOUBLE_EQ(r.scalar("cpus"), 16);
  EXPECT_DOUBLE_EQ(r.scalar("mem"), 65536);
  EXPECT_DOUBLE_EQ(r.scalar("disk"), 819200);
  EXPECT_DOUBLE_EQ(r.scalar("gpus"), 2);
  EXPECT_DOUBLE_EQ(r.scalar("cpus_revocable"), 4);
  EXPECT_DOUBLE_EQ(r.scalar("network_bandwidth"), 0);
}

TEST(ResourcesTest, AddingSumsScalarsButNotPorts) {
  Resources a;
  a.cpus = 0.1;
  a.mem = 32;
  a.ports = {{31000, 31000}};
  Resources b;
  b.cpus = 0.2;
  b.mem = 128;
  b.scalars["cpus_revocable"] = 1.5;
  b.ports = {{32000, 32001}};
  a += b;
  EXPECT_DOUBLE_EQ(round3(a.cpus), 0.3);
  EXPECT_DOUBLE_EQ(a.mem, 160);
  EXPECT_DOUBLE_EQ(a.scalar("cpus_revocable"), 1.5);
  EXPECT_EQ(a.ports, (std::vector<Range>{{31000, 31000}}));
}

TEST(ResourcesTest, AttributeStrRendersScalarsWithoutTrailingZeros) {
  Attribute rack{"rack", true, 3.0, ""};
  EXPECT_EQ(rack.str(), "3");
  Attribute level{"level", true, 2.5, ""};
  EXPECT_EQ(level.str(), "2.5");
  Attribute precise{"weight", true, 0.1234, ""};
  EXPECT_EQ(precise.str(), "0.123");
  Attribute dc{"dc", false, 0, "bj1"};
  EXPECT_EQ(dc.str(), "bj1");
  Attribute set{"gpu_models", false, 0, "{t4, v100}"};
  EXPECT_EQ(set.str(), "{t4, v100}");
}

}  // namespace
}  // namespace qctl::model
