// place(): N instances one at a time over agents in order, constraints counting as they go.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "core/placement/placement.h"
#include "tests/core/placement/builders.h"

namespace qctl::placement {
namespace {

using testing::agent;
using testing::on;
using testing::rule;
using testing::small;
using testing::text;

std::vector<std::string> where(const Plan& plan) {
  std::vector<std::string> out;
  for (const auto& a : plan.placed) {
    out.push_back(a.agent_id);
  }
  return out;
}

// Agents that take exactly one small (0.1 cpus) instance each.
AgentView one_slot(const std::string& id, const std::string& rack) {
  return agent(id, {text("rack", rack)}, 0.1);
}

TEST(PlacementPlaceTest, UniqueHostnamePlacesOnePerAgentAndExplainsTheRest) {
  std::vector<AgentView> agents = {agent("a1"), agent("a2"), agent("a3"), agent("tiny", {}, 0.05)};
  const Plan plan = place(agents, small({rule("hostname", "UNIQUE")}), {}, 5);
  EXPECT_EQ(where(plan), (std::vector<std::string>{"a1", "a2", "a3"}));
  ASSERT_EQ(plan.rejected.size(), 1U);
  EXPECT_EQ(plan.rejected[0].agent_id, "tiny");
  EXPECT_EQ(plan.rejected[0].hostname, "tiny.example");
  EXPECT_EQ(plan.rejected[0].verdict.reject, Reject::kInsufficientCpus);
  EXPECT_EQ(plan.rejected[0].verdict.detail, "cpus: need 0.1, free 0.05");
}

TEST(PlacementPlaceTest, UniqueAttributeRejectsTheSecondAgentOfARack) {
  std::vector<AgentView> agents = {agent("a1", {text("rack", "r1")}),
                                   agent("a2", {text("rack", "r1")}),
                                   agent("a3", {text("rack", "r2")})};
  const Plan plan = place(agents, small({rule("rack", "UNIQUE")}), {}, 5);
  EXPECT_EQ(where(plan), (std::vector<std::string>{"a1", "a3"}));
  ASSERT_EQ(plan.rejected.size(), 1U);
  EXPECT_EQ(plan.rejected[0].verdict.detail,
            "constraint rack:UNIQUE (an instance already has rack=r1)");
}

TEST(PlacementPlaceTest, ExistingInstancesCount) {
  std::vector<AgentView> agents = {agent("a1"), agent("a2")};
  const Plan plan = place(agents, small({rule("hostname", "UNIQUE")}), {on(agents[0])}, 1);
  EXPECT_EQ(where(plan), (std::vector<std::string>{"a2"}));
  ASSERT_EQ(plan.rejected.size(), 1U);
  EXPECT_EQ(plan.rejected[0].verdict.detail, "constraint hostname:UNIQUE (already on this host)");
}

TEST(PlacementPlaceTest, WithoutConstraintsAgentsFillInOrderAndViewsShrink) {
  std::vector<AgentView> agents = {agent("a1", {}, 2), agent("a2", {}, 2)};
  Demand d = small();
  d.cpus = 1;
  d.ports = 2;
  const Plan plan = place(agents, d, {}, 3);
  EXPECT_EQ(where(plan), (std::vector<std::string>{"a1", "a1", "a2"}));
  EXPECT_EQ(plan.placed[1].ports, (std::vector<std::uint64_t>{31002, 31003}));
  EXPECT_DOUBLE_EQ(agents[0].free["*"].cpus, 0);
  EXPECT_DOUBLE_EQ(agents[1].free["*"].cpus, 1);
  EXPECT_TRUE(plan.rejected.empty());
}

TEST(PlacementPlaceTest, GroupByWithMinimumSpreadsEvenly) {
  std::vector<AgentView> agents = {
      agent("a1", {text("rack", "r1")}), agent("a2", {text("rack", "r1")}),
      agent("b1", {text("rack", "r2")}), agent("c1", {text("rack", "r3")})};
  const Plan plan = place(agents, small({rule("rack", "GROUP_BY", "3")}), {}, 7);
  EXPECT_EQ(where(plan), (std::vector<std::string>{"a1", "b1", "c1", "a1", "b1", "c1", "a1"}));
  // a2 never got one: every time it was asked, rack r1 was ahead or the groups incomplete.
  ASSERT_EQ(plan.rejected.size(), 1U);
  EXPECT_EQ(plan.rejected[0].verdict.detail,
            "constraint rack:GROUP_BY:3 (rack=r1 has 3, smallest group has 2)");
}

TEST(PlacementPlaceTest, GroupByWithoutValueFollowsOfferOrder) {
  // Marathon 1.x: with no minimum, a used value is fine while it is the smallest group, so
  // the first rack keeps taking instances until another rack shows up first.
  std::vector<AgentView> agents = {one_slot("a1", "r1"), one_slot("a2", "r1"),
                                   one_slot("b1", "r2")};
  const Plan plan = place(agents, small({rule("rack", "GROUP_BY")}), {}, 3);
  EXPECT_EQ(where(plan), (std::vector<std::string>{"a1", "a2", "b1"}));
}

TEST(PlacementPlaceTest, ClusterWithoutValuePinsToTheFirstPlacement) {
  std::vector<AgentView> agents = {one_slot("a1", "r2"), one_slot("a2", "r1"),
                                   one_slot("a3", "r2")};
  const Plan plan = place(agents, small({rule("rack", "CLUSTER")}), {}, 3);
  EXPECT_EQ(where(plan), (std::vector<std::string>{"a1", "a3"}));
  ASSERT_EQ(plan.rejected.size(), 1U);
  EXPECT_EQ(plan.rejected[0].agent_id, "a2");
  EXPECT_EQ(plan.rejected[0].verdict.detail,
            "constraint rack:CLUSTER (pinned to rack=r2 by the first instance)");
}

TEST(PlacementPlaceTest, MaxPerCapsEachValue) {
  std::vector<AgentView> agents = {one_slot("a1", "r1"), one_slot("a2", "r1"), one_slot("a3", "r1"),
                                   one_slot("b1", "r2")};
  const Plan plan = place(agents, small({rule("rack", "MAX_PER", "2")}), {}, 5);
  EXPECT_EQ(where(plan), (std::vector<std::string>{"a1", "a2", "b1"}));
  ASSERT_EQ(plan.rejected.size(), 1U);
  EXPECT_EQ(plan.rejected[0].verdict.detail, "constraint rack:MAX_PER:2 (rack=r1 already has 2)");
}

TEST(PlacementPlaceTest, ZeroInstancesReportsEveryAgentAsItStands) {
  std::vector<AgentView> agents = {agent("a1"), agent("a2", {}, 0)};
  const Plan plan = place(agents, small(), {}, 0);
  EXPECT_TRUE(plan.placed.empty());
  ASSERT_EQ(plan.rejected.size(), 2U);
  EXPECT_TRUE(plan.rejected[0].verdict.fits);
  EXPECT_EQ(plan.rejected[1].verdict.reject, Reject::kInsufficientCpus);
}

}  // namespace
}  // namespace qctl::placement
