// Allocation totals on a small hand-computed cluster (tests/fixtures/mesos/stats-slaves.json):
// reservations (static and dynamic), revocable use, a draining agent, a maintenance window,
// mixed attribute types and float crumbs.
#include "core/stats/allocation.h"

#include <gtest/gtest.h>

#include "core/stats/agent_resources.h"
#include "tests/core/stats/stats_test_util.h"

namespace qctl::stats {
namespace {

const GroupTotals& find(const std::vector<GroupTotals>& groups, const std::string& name) {
  for (const auto& g : groups) {
    if (g.group == name) {
      return g;
    }
  }
  ADD_FAILURE() << "no group " << name;
  return groups.front();
}

TEST(StatsAllocationTest, DecodesReservationTypesAndUsePerRoleFromTheFullArrays) {
  const auto in = testing::small_cluster();
  const auto& a1 = in.agents[0];
  EXPECT_TRUE(a1.has_full);
  EXPECT_DOUBLE_EQ(a1.reserved_dynamic.at("web").cpus, 1);
  EXPECT_DOUBLE_EQ(a1.used_by_role.at("web").cpus, 2);
  EXPECT_DOUBLE_EQ(a1.used_by_role.at("*").cpus, 1);
  EXPECT_DOUBLE_EQ(a1.used_by_role.at("*").scalar("cpus_revocable"), 1);
  EXPECT_DOUBLE_EQ(a1.allocated_by_role.at("web").cpus, 3);
}

TEST(StatsAllocationTest, AvailabilityKeepsDrainingAndMaintenanceApart) {
  const auto in = testing::small_cluster();
  EXPECT_EQ(availability_of(in.agents[0], in.maintenance), Availability::kAvailable);
  EXPECT_EQ(availability_of(in.agents[1], in.maintenance), Availability::kDraining);
  // Listed as "A3.SH2": hostnames compare without case.
  EXPECT_EQ(availability_of(in.agents[2], in.maintenance), Availability::kMaintenance);
}

TEST(StatsAllocationTest, DefaultGroupsByDatacenterWithHandComputedTotals) {
  const auto in = testing::small_cluster();
  const auto by = default_group_by(in.agents);
  EXPECT_EQ(by.attribute, "dc");
  const auto groups = group_totals(in, by);
  ASSERT_EQ(groups.size(), 2u);
  const auto& bj1 = find(groups, "bj1");
  EXPECT_EQ(bj1.agents, 2);
  EXPECT_EQ(bj1.available, 1);
  EXPECT_EQ(bj1.unavailable, 1);
  const auto& cpus = bj1.resource("cpus");
  EXPECT_DOUBLE_EQ(cpus.total, 12);
  EXPECT_DOUBLE_EQ(cpus.allocated, 4);  // revocable use is not in `allocated`
  EXPECT_DOUBLE_EQ(cpus.revocable_allocated, 1);
  EXPECT_DOUBLE_EQ(cpus.reserved, 2);
  EXPECT_DOUBLE_EQ(cpus.reserved_dynamic, 1);
  EXPECT_DOUBLE_EQ(cpus.free, 5);         // a1 only: 8 - 3
  EXPECT_DOUBLE_EQ(cpus.unavailable, 3);  // a2 drains: 4 - 1 is not free
  EXPECT_NEAR(cpus.fraction(), 4.0 / 12.0, 1e-9);
  EXPECT_DOUBLE_EQ(bj1.resource("mem").free, 12288);
  EXPECT_DOUBLE_EQ(bj1.resource("mem").unavailable, 7168);
  EXPECT_DOUBLE_EQ(bj1.resource("ports").total, 1000);
  EXPECT_DOUBLE_EQ(bj1.resource("ports").free, 998);

  const auto& sh2 = find(groups, "sh2");
  EXPECT_EQ(sh2.available, 2);
  EXPECT_DOUBLE_EQ(sh2.resource("cpus").total, 5.3);
  EXPECT_DOUBLE_EQ(sh2.resource("cpus").allocated, 1.1);  // 0.2 + 0.9001, Mesos' 3 decimals
  EXPECT_DOUBLE_EQ(sh2.resource("cpus").unavailable, 4);  // a3 is in maintenance
  EXPECT_DOUBLE_EQ(sh2.resource("ports").unavailable, 100);
  EXPECT_DOUBLE_EQ(sh2.resource("ports").free, 20);
}

TEST(StatsAllocationTest, RolesSplitStaticAndDynamicAndWhatIsUsedOfThem) {
  const auto in = testing::small_cluster();
  const auto groups = group_totals(in, parse_group_by("role"));
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].group, "*");
  const auto& web = groups[1];
  EXPECT_EQ(web.group, "web");
  EXPECT_EQ(web.agents, 1);
  EXPECT_DOUBLE_EQ(web.resource("cpus").reserved, 2);
  EXPECT_DOUBLE_EQ(web.resource("cpus").reserved_dynamic, 1);
  EXPECT_DOUBLE_EQ(web.resource("cpus").allocated, 2);
  EXPECT_DOUBLE_EQ(web.resource("cpus").free, 0);
  EXPECT_DOUBLE_EQ(web.resource("mem").free, 2048);
  EXPECT_DOUBLE_EQ(groups[0].resource("cpus").free, 5.2);  // 5 + 0.1 + 0.0999, 3 decimals
}

TEST(StatsAllocationTest, MixedAttributeTypesGroupByTheirTextAndMissingOnesAreNone) {
  const auto in = testing::small_cluster();
  const auto groups = group_totals(in, parse_group_by("rack"));
  std::vector<std::string> names;
  for (const auto& g : groups) {
    names.push_back(g.group);
  }
  // rack 1.0 and 2.0 are SCALAR ("1", "2"), r9 is TEXT; a5 has no rack.
  EXPECT_EQ(names, (std::vector<std::string>{"1", "2", "r9", "<none>"}));
  EXPECT_FALSE(has_attribute(in.agents, "zone"));
}

TEST(StatsAllocationTest, WithoutFullArraysUseFillsReservationsFirst) {
  model::Agent a;
  a.resources.cpus = 8;
  a.used.cpus = 3;
  a.reserved["web"].cpus = 2;
  a.unreserved.cpus = 6;
  const auto used = used_per_reservation(a);
  EXPECT_DOUBLE_EQ(used.at("web").cpus, 2);
  EXPECT_DOUBLE_EQ(used.at("*").cpus, 1);
  const auto view = free_view(a);
  EXPECT_DOUBLE_EQ(view.free.at("web").cpus, 0);
  EXPECT_DOUBLE_EQ(view.free.at("*").cpus, 5);
}

TEST(StatsAllocationTest, LoadedAgentsAndEmptyCluster) {
  const auto in = testing::small_cluster();
  const auto loads = agent_loads(in, default_group_by(in.agents));
  const auto ext = load_extremes(loads, 1);
  ASSERT_EQ(ext.most.size(), 1u);
  EXPECT_EQ(ext.most[0].hostname, "a5.sh2");   // 90% of its cpus
  EXPECT_EQ(ext.least[0].hostname, "a1.bj1");  // 37.5% cpus, 25% mem
  const auto down = unavailable_agents(loads);
  ASSERT_EQ(down.size(), 2u);
  EXPECT_EQ(down[0].hostname, "a2.bj1");
  EXPECT_EQ(down[1].availability, Availability::kMaintenance);
  EXPECT_TRUE(group_totals(ClusterInput{}, GroupBy{}).empty());
}

TEST(StatsAllocationTest, SubtractRangesLeavesTheGaps) {
  const std::vector<model::Range> all = {{31000, 31009}};
  const auto left = subtract_ranges(all, {{31002, 31003}, {31009, 31009}});
  EXPECT_EQ(left, (std::vector<model::Range>{{31000, 31001}, {31004, 31008}}));
}

}  // namespace
}  // namespace qctl::stats
