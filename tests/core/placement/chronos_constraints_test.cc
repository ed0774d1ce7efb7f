// Chronos constraints (EQUALS, LIKE, UNLIKE) and the operators Chronos drops.
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

struct ChronosCase {
  const char* name;
  model::Constraint constraint;
  std::vector<model::Attribute> attrs;  // the agent "a1"'s attributes
  const char* expect;                   // "" = fits, else the expected Verdict::detail
};

TEST(PlacementChronosConstraintTest, EachOperator) {
  const auto r1 = text("rack", "r1");
  const std::vector<ChronosCase> cases = {
      {"equals text", rule("rack", "EQUALS", "r1"), {r1}, ""},
      {"equals other", rule("rack", "EQUALS", "r2"), {r1}, "constraint rack:EQUALS:r2 (rack=r1)"},
      {"equals missing",
       rule("rack", "EQUALS", "r1"),
       {},
       "constraint rack:EQUALS:r1 (agent has no rack)"},
      {"equals never matches a scalar",
       rule("cores", "EQUALS", "3"),
       {scalar("cores", 3)},
       "constraint cores:EQUALS:3 (cores=3)"},
      // getText.getValue of a non-TEXT attribute is "", which EQUALS "" then matches.
      {"equals empty on a scalar", rule("cores", "EQUALS", ""), {scalar("cores", 3)}, ""},
      {"equals synthesized hostname", rule("hostname", "EQUALS", "a1.example"), {}, ""},
      {"agent's own hostname attribute wins",
       rule("hostname", "EQUALS", "a1.example"),
       {text("hostname", "custom")},
       "constraint hostname:EQUALS:a1.example (hostname=custom)"},
      {"like text", rule("rack", "LIKE", "r[0-9]"), {r1}, ""},
      {"like needs a full match",
       rule("rack", "LIKE", "r"),
       {r1},
       "constraint rack:LIKE:r (rack=r1 does not match)"},
      {"like scalar as Java prints it", rule("cores", "LIKE", "3\\.0"), {scalar("cores", 3)}, ""},
      {"like scalar 3 is not 3.0",
       rule("cores", "LIKE", "3"),
       {scalar("cores", 3)},
       "constraint cores:LIKE:3 (cores=3.0 does not match)"},
      {"like big scalar", rule("mem", "LIKE", "1\\.5E7"), {scalar("mem", 1.5e7)}, ""},
      {"like any set item", rule("disks", "LIKE", "ssd"), {text("disks", "{hdd, ssd}")}, ""},
      {"like no set item",
       rule("disks", "LIKE", "nvme"),
       {text("disks", "{hdd, ssd}")},
       "constraint disks:LIKE:nvme (disks={hdd, ssd} does not match)"},
      {"like ranges never",
       rule("span", "LIKE", ".*"),
       {text("span", "[1-2]")},
       "constraint span:LIKE:.* (span is a range attribute, which Chronos never matches)"},
      {"like missing",
       rule("rack", "LIKE", ".*"),
       {},
       "constraint rack:LIKE:.* (agent has no rack)"},
      {"unlike other", rule("rack", "UNLIKE", "r2"), {r1}, ""},
      {"unlike matches",
       rule("rack", "UNLIKE", "r1"),
       {r1},
       "constraint rack:UNLIKE:r1 (rack=r1 matches)"},
      {"unlike missing refuses, unlike Marathon",
       rule("rack", "UNLIKE", "r1"),
       {},
       "constraint rack:UNLIKE:r1 (agent has no rack)"},
      {"unlike set item",
       rule("disks", "UNLIKE", "ssd"),
       {text("disks", "{hdd, ssd}")},
       "constraint disks:UNLIKE:ssd (disks={hdd, ssd} matches)"},
      {"unlike ranges never",
       rule("span", "UNLIKE", "x"),
       {text("span", "[1-2]")},
       "constraint span:UNLIKE:x (span is a range attribute, which Chronos never matches)"},
      {"dropped operator", rule("rack", "CLUSTER", "r9"), {r1}, ""},
      {"@hostname is just an attribute name",
       rule("@hostname", "LIKE", ".*"),
       {},
       "constraint @hostname:LIKE:.* (agent has no @hostname)"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const Verdict v = check(agent("a1", c.attrs), small({c.constraint}, Dialect::kChronos), {});
    EXPECT_EQ(v.fits, std::string(c.expect).empty());
    EXPECT_EQ(v.detail, c.expect);
  }
}

TEST(PlacementChronosConstraintTest, JavaDoubleTextForSmallAndFractionalScalars) {
  const std::vector<std::pair<double, std::string>> cases = {
      {2.5, "2\\.5"}, {0.001, "0\\.001"}, {0.0001, "1\\.0E-4"}, {1234567.0, "1234567\\.0"}};
  for (const auto& [value, pattern] : cases) {
    SCOPED_TRACE(pattern);
    const Demand d = small({rule("x", "LIKE", pattern)}, Dialect::kChronos);
    EXPECT_TRUE(check(agent("a1", {scalar("x", value)}), d, {}).fits);
  }
}

TEST(PlacementChronosConstraintTest, UniqueIsDroppedSoRunsShareAHost) {
  std::vector<AgentView> agents = {agent("a1")};
  const Demand d = small({rule("hostname", "UNIQUE")}, Dialect::kChronos);
  const Plan plan = place(agents, d, {on("a1.example")}, 2);
  EXPECT_EQ(plan.placed.size(), 2U);
}

}  // namespace
}  // namespace qctl::placement
