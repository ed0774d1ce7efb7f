// Roles, scalar resources with the epsilon, ports and what allocate() takes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/placement/placement.h"
#include "tests/core/placement/builders.h"

namespace qctl::placement {
namespace {

using testing::agent;

model::Resources res(double cpus, double mem, std::vector<model::Range> ports = {}) {
  model::Resources r;
  r.cpus = cpus;
  r.mem = mem;
  r.ports = std::move(ports);
  return r;
}

Demand need(double cpus, double mem = 0) {
  Demand d;
  d.cpus = cpus;
  d.mem = mem;
  return d;
}

TEST(PlacementResourcesTest, ScalarShortfallsNameTheResource) {
  struct Case {
    Demand demand;
    Reject reject;
    const char* detail;
  };
  Demand gpus = need(0.1);
  gpus.gpus = 1;
  Demand disk = need(0.1);
  disk.disk = 20000;
  Demand ports = need(0.1);
  ports.ports = 11;
  const std::vector<Case> cases = {
      {need(5), Reject::kInsufficientCpus, "cpus: need 5, free 4"},
      {need(1, 5000), Reject::kInsufficientMemory, "mem: need 5000, free 4096"},
      {disk, Reject::kInsufficientDisk, "disk: need 20000, free 10000"},
      {gpus, Reject::kInsufficientGpus, "gpus: need 1, free 0"},
      {ports, Reject::kInsufficientPorts, "ports: need 11, free 10"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.detail);
    const Verdict v = check(agent("a1"), c.demand, {});
    EXPECT_FALSE(v.fits);
    EXPECT_EQ(v.reject, c.reject);
    EXPECT_EQ(v.detail, c.detail);
  }
  EXPECT_STREQ(reject_name(Reject::kInsufficientMemory), "InsufficientMemory");
  EXPECT_STREQ(reject_name(Reject::kUnfulfilledRole), "UnfulfilledRole");
}

TEST(PlacementResourcesTest, EpsilonForgivesCrumbsButNotShortfalls) {
  EXPECT_EQ(check(agent("a1", {}, 0.0999), need(0.1), {}).detail, "cpus: need 0.1, free 0.0999");
  AgentView crumbs = agent("a1", {}, 0.3 - 0.1 - 0.1);
  ASSERT_LT(crumbs.free["*"].cpus, 0.1);
  auto got = allocate(crumbs, need(0.1), {});
  ASSERT_TRUE(got.has_value());
  EXPECT_DOUBLE_EQ(got->taken["*"].cpus, 0.1);
  EXPECT_EQ(crumbs.free["*"].cpus, 0.0);
}

TEST(PlacementResourcesTest, TaskWithoutGpusFitsAGpuAgent) {
  AgentView a = agent("gpu1");
  a.free["*"].gpus = 4;
  EXPECT_TRUE(check(a, need(1), {}).fits);
}

TEST(PlacementResourcesTest, ReservedRoleIsConsumedBeforeUnreserved) {
  AgentView a = agent("a1", {}, 2, 1024);
  a.free["web"] = res(1, 256);
  Demand d = need(2.5, 512);
  d.framework_role = "web";
  auto got = allocate(a, d, {});
  ASSERT_TRUE(got.has_value());
  EXPECT_DOUBLE_EQ(got->taken["web"].cpus, 1);
  EXPECT_DOUBLE_EQ(got->taken["*"].cpus, 1.5);
  EXPECT_DOUBLE_EQ(got->taken["web"].mem, 256);
  EXPECT_DOUBLE_EQ(got->taken["*"].mem, 256);
  EXPECT_DOUBLE_EQ(a.free["web"].cpus, 0);
  EXPECT_DOUBLE_EQ(a.free["*"].cpus, 0.5);
}

TEST(PlacementResourcesTest, UnreservedOnlyIgnoresReservations) {
  AgentView a = agent("a1", {}, 1);
  a.free["web"] = res(8, 8192);
  Demand d = need(2);
  d.framework_role = "web";
  d.accepted_roles = {"*"};
  EXPECT_EQ(check(a, d, {}).detail, "cpus: need 2, free 1");
  d.accepted_roles = {};
  EXPECT_TRUE(check(a, d, {}).fits);
}

TEST(PlacementResourcesTest, RoleMissingFromTheAgentIsUnfulfilledRole) {
  AgentView a;
  a.id = "a1";
  a.free["web"] = res(8, 8192);
  const Verdict v = check(a, need(1), {});
  EXPECT_EQ(v.reject, Reject::kUnfulfilledRole);
  EXPECT_EQ(v.detail, "roles: no resources for *");
  Demand pub = need(1);
  pub.accepted_roles = {"slave_public"};
  EXPECT_EQ(check(a, pub, {}).detail, "roles: no resources for slave_public");
}

TEST(PlacementResourcesTest, PortsComeLowestFirstFromSeveralRangesAndRoles) {
  AgentView a = agent("a1");
  a.free["*"].ports = {{31005, 31006}, {30000, 30000}};
  a.free["web"] = res(0, 0, {{40000, 40000}});
  Demand d = need(0.1);
  d.ports = 3;
  d.accepted_roles = {"*", "web"};
  auto got = allocate(a, d, {});
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->ports, (std::vector<std::uint64_t>{40000, 30000, 31005}));
  EXPECT_EQ(got->port_roles, (std::vector<std::string>{"web", "*", "*"}));
  EXPECT_EQ(a.free["*"].ports, (std::vector<model::Range>{{31006, 31006}}));
  EXPECT_TRUE(a.free["web"].ports.empty());
}

TEST(PlacementResourcesTest, FailedAllocationLeavesTheAgentAlone) {
  AgentView a = agent("a1", {}, 1);
  const AgentView before = a;
  Demand d = need(0.5);
  d.ports = 20;
  EXPECT_FALSE(allocate(a, d, {}).has_value());
  EXPECT_EQ(a.free, before.free);
}

}  // namespace
}  // namespace qctl::placement
