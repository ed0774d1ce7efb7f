// Marathon constraint operators, case by case, as Constraints.scala decides them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/placement/placement.h"
#include "tests/core/placement/builders.h"

namespace qctl::placement {
namespace {

using testing::agent;
using testing::on;
using testing::rule;
using testing::scalar;
using testing::small;
using testing::text;

struct MarathonCase {
  const char* name;
  model::Constraint constraint;
  std::vector<model::Attribute> attrs;  // the agent "a1"'s attributes
  std::vector<Placed> existing;
  const char* expect;  // "" = fits, else the expected Verdict::detail
};

const std::vector<MarathonCase>& cases() {
  const auto r1 = text("rack", "r1");
  const auto r2 = text("rack", "r2");
  static const std::vector<MarathonCase> kCases = {
      {"unique host, nothing placed", rule("hostname", "UNIQUE"), {}, {}, ""},
      {"unique host, taken",
       rule("hostname", "UNIQUE"),
       {},
       {on("a1.example")},
       "constraint hostname:UNIQUE (already on this host)"},
      {"unique @hostname, other host", rule("@hostname", "UNIQUE"), {}, {on("a2.example")}, ""},
      {"unique rack, taken elsewhere",
       rule("rack", "UNIQUE"),
       {r1},
       {on("b.example", {r1})},
       "constraint rack:UNIQUE (an instance already has rack=r1)"},
      {"unique rack, agent lacks rack",
       rule("rack", "UNIQUE"),
       {},
       {},
       "constraint rack:UNIQUE (agent has no rack)"},
      {"unique rack, placed one lacks rack", rule("rack", "UNIQUE"), {r1}, {on("b.example")}, ""},
      {"cluster value, same", rule("rack", "CLUSTER", "r1"), {r1}, {}, ""},
      {"cluster value, other",
       rule("rack", "CLUSTER", "r1"),
       {r2},
       {},
       "constraint rack:CLUSTER:r1 (rack=r2)"},
      {"cluster no value, first placement", rule("rack", "CLUSTER"), {r2}, {}, ""},
      {"cluster no value, pinned",
       rule("rack", "CLUSTER"),
       {r2},
       {on("b.example", {r1}), on("c.example", {r2})},
       "constraint rack:CLUSTER (pinned to rack=r1 by the first instance)"},
      {"cluster no value, first lacks field",
       rule("rack", "CLUSTER"),
       {r1},
       {on("b.example")},
       "constraint rack:CLUSTER (the first instance has no rack)"},
      {"cluster compares scalars verbatim",
       rule("cores", "CLUSTER", "3.0"),
       {scalar("cores", 3)},
       {},
       "constraint cores:CLUSTER:3.0 (cores=3)"},
      {"is scalar 3 vs 3.0", rule("cores", "IS", "3.0"), {scalar("cores", 3)}, {}, ""},
      {"is scalar 3 vs 3", rule("cores", "IS", "3"), {scalar("cores", 3)}, {}, ""},
      {"is scalar 2.5 vs 2.50", rule("cores", "IS", "2.50"), {scalar("cores", 2.5)}, {}, ""},
      {"is text, other", rule("rack", "IS", "r2"), {r1}, {}, "constraint rack:IS:r2 (rack=r1)"},
      {"is, missing attribute",
       rule("rack", "IS", "r1"),
       {},
       {},
       "constraint rack:IS:r1 (agent has no rack)"},
      {"like matches", rule("rack", "LIKE", "r[12]"), {r2}, {}, ""},
      {"like needs a full match",
       rule("rack", "LIKE", "r"),
       {r1},
       {},
       "constraint rack:LIKE:r (rack=r1 does not match)"},
      {"like, missing attribute",
       rule("rack", "LIKE", ".*"),
       {},
       {},
       "constraint rack:LIKE:.* (agent has no rack)"},
      {"like scalar text is 0.###", rule("cores", "LIKE", "3"), {scalar("cores", 3)}, {}, ""},
      {"like scalar never 3.0",
       rule("cores", "LIKE", "3\\.0"),
       {scalar("cores", 3)},
       {},
       "constraint cores:LIKE:3\\.0 (cores=3 does not match)"},
      {"like invalid regex",
       rule("rack", "LIKE", "r["),
       {r1},
       {},
       "constraint rack:LIKE:r[ (invalid regular expression)"},
      {"like hostname", rule("hostname", "LIKE", "a[0-9]+\\.example"), {}, {}, ""},
      {"like sorted ranges",
       rule("span", "LIKE", "\\[1000-1500,2000-3000\\]"),
       {text("span", "[2000-3000, 1000-1500]")},
       {},
       ""},
      {"like sorted set", rule("disks", "LIKE", "\\{a,b\\}"), {text("disks", "{b, a}")}, {}, ""},
      {"unlike matches",
       rule("rack", "UNLIKE", "r1"),
       {r1},
       {},
       "constraint rack:UNLIKE:r1 (rack=r1 matches)"},
      {"unlike other", rule("rack", "UNLIKE", "r1"), {r2}, {}, ""},
      {"unlike, missing attribute accepts", rule("rack", "UNLIKE", "r1"), {}, {}, ""},
      {"max_per below", rule("rack", "MAX_PER", "2"), {r1}, {on("b.example", {r1})}, ""},
      {"max_per reached",
       rule("rack", "MAX_PER", "2"),
       {r1},
       {on("b.example", {r1}), on("c.example", {r1}), on("d.example", {r2})},
       "constraint rack:MAX_PER:2 (rack=r1 already has 2)"},
      {"max_per other value", rule("rack", "MAX_PER", "1"), {r2}, {on("b.example", {r1})}, ""},
      {"max_per not a number",
       rule("rack", "MAX_PER", "two"),
       {r1},
       {},
       "constraint rack:MAX_PER:two (MAX_PER needs an integer value)"},
      {"group_by new value", rule("rack", "GROUP_BY"), {r2}, {on("b.example", {r1})}, ""},
      {"group_by smallest group", rule("rack", "GROUP_BY"), {r1}, {on("b.example", {r1})}, ""},
      {"group_by larger group",
       rule("rack", "GROUP_BY"),
       {r1},
       {on("b.example", {r1}), on("c.example", {r1}), on("d.example", {r2})},
       "constraint rack:GROUP_BY (rack=r1 has 2, smallest group has 1)"},
      {"group_by below minimum groups",
       rule("rack", "GROUP_BY", "3"),
       {r1},
       {on("b.example", {r1}), on("d.example", {r2})},
       "constraint rack:GROUP_BY:3 (rack=r1 already used, 2 of 3 groups in use)"},
      {"group_by minimum reached",
       rule("rack", "GROUP_BY", "2"),
       {r1},
       {on("b.example", {r1}), on("d.example", {r2})},
       ""},
      {"@zone", rule("@zone", "IS", "z1"), {}, {}, "constraint @zone:IS:z1 (agent has no @zone)"},
      {"unknown operator",
       rule("rack", "NEAR", "r1"),
       {r1},
       {},
       "constraint rack:NEAR:r1 (unknown operator)"},
  };
  return kCases;
}

TEST(PlacementMarathonConstraintTest, EachOperator) {
  for (const auto& c : cases()) {
    SCOPED_TRACE(c.name);
    const Verdict v = check(agent("a1", c.attrs), small({c.constraint}), c.existing);
    EXPECT_EQ(v.fits, std::string(c.expect).empty());
    EXPECT_EQ(v.detail, c.expect);
    if (!v.fits) {
      EXPECT_EQ(v.reject, Reject::kUnfulfilledConstraint);
    }
  }
}

TEST(PlacementMarathonConstraintTest, RegionAndZoneComeFromTheFaultDomain) {
  AgentView a = agent("a1");
  a.region = "us-east";
  a.zone = "us-east-1a";
  const Demand d = small({rule("@region", "IS", "us-east"), rule("@zone", "LIKE", "us-east-1.")});
  EXPECT_TRUE(check(a, d, {}).fits);
  Placed there = on("b.example");
  there.zone = "us-east-1a";
  const Verdict v = check(a, small({rule("@zone", "UNIQUE")}), {there});
  EXPECT_EQ(v.detail, "constraint @zone:UNIQUE (an instance already has @zone=us-east-1a)");
}

TEST(PlacementMarathonConstraintTest, FirstBrokenConstraintIsReported) {
  const Demand d = small({rule("rack", "LIKE", "r.*"), rule("hostname", "UNIQUE")});
  const Verdict v = check(agent("a1", {text("rack", "r1")}), d, {on("a1.example")});
  EXPECT_EQ(v.detail, "constraint hostname:UNIQUE (already on this host)");
}

TEST(PlacementMarathonConstraintTest, ConstraintsComeBeforeResources) {
  const Verdict v = check(agent("a1", {}, 0.01), small({rule("rack", "IS", "r1")}), {});
  EXPECT_EQ(v.reject, Reject::kUnfulfilledConstraint);
}

}  // namespace
}  // namespace qctl::placement
