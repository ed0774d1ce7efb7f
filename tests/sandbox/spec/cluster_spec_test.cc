#include "sandbox/spec/cluster_spec.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "sandbox/spec/yaml_json.h"
#include "tests/support/paths.h"

namespace qctl::sandbox::spec {
namespace {

TEST(SandboxSpec, AttributesFromFlagSyntaxAndMesosSyntax) {
  auto a = parse_attributes("dc=bj1,rack=r1,level=2");
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0].name, "dc");
  EXPECT_EQ(a[0].text, "bj1");
  EXPECT_FALSE(a[0].is_scalar);
  EXPECT_TRUE(a[2].is_scalar);
  EXPECT_EQ(a[2].scalar, 2);
  auto m = parse_attributes("rack:r1;dc:east");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].name, "dc");
  EXPECT_EQ(m[1].text, "east");
  EXPECT_THROW((void)parse_attributes("dc"), std::invalid_argument);
}

TEST(SandboxSpec, ResourcesOverrideTheDefaults) {
  auto r = parse_resources("cpus=2,ports=[1000-1009]");
  EXPECT_EQ(r.cpus, 2);
  EXPECT_EQ(r.mem, 16384);  // default kept
  ASSERT_EQ(r.ports.size(), 1u);
  EXPECT_EQ(r.ports[0].end, 1009u);
  EXPECT_THROW((void)parse_resources("cpus=lots"), std::invalid_argument);
  EXPECT_THROW((void)parse_resources("bananas=1"), std::invalid_argument);
}

TEST(SandboxSpec, UniformAgentsCycleAttributeSets) {
  auto agents = uniform_agents(3, {"dc=bj1", "dc=sh1"}, default_agent_resources());
  ASSERT_EQ(agents.size(), 3u);
  EXPECT_EQ(agents[0].attributes[0].text, "bj1");
  EXPECT_EQ(agents[1].attributes[0].text, "sh1");
  EXPECT_EQ(agents[2].attributes[0].text, "bj1");
}

TEST(SandboxSpec, TheDemoClusterFileParses) {
  std::ifstream in(std::string(qctl::testing::kSourceDir) + "/examples/sandbox/demo.yaml");
  std::stringstream ss;
  ss << in.rdbuf();
  ClusterSpec spec = parse_cluster(yaml_to_json(ss.str()));
  EXPECT_EQ(spec.masters, 3u);
  ASSERT_EQ(spec.agents.size(), 4u);
  EXPECT_EQ(spec.agents[3].reserved.at("slave_public").cpus, 1);
  const model::Attribute* is_public = nullptr;
  for (const auto& a : spec.agents[3].attributes) {
    is_public = a.name == "public" ? &a : is_public;
  }
  ASSERT_NE(is_public, nullptr);
  EXPECT_EQ(is_public->text, "true");  // quoted: stays text
  EXPECT_FALSE(is_public->is_scalar);
  EXPECT_EQ(spec.apps.size(), 3u);
  EXPECT_EQ(spec.apps[0]["constraints"][0][1], "UNIQUE");
  EXPECT_EQ(spec.apps[0]["cpus"], 0.1);
  EXPECT_EQ(spec.jobs.size(), 3u);
  EXPECT_EQ(spec.jobs[1]["highPriority"], true);
}

TEST(SandboxSpec, ErrorsNameTheFieldPath) {
  auto expect_error = [](const std::string& yaml, const std::string& fragment) {
    try {
      (void)parse_cluster(yaml_to_json(yaml));
      ADD_FAILURE() << "no error for " << yaml;
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    }
  };
  expect_error("agents:\n  - resources: {cpus: -1}\n", "agents[0].resources.cpus");
  expect_error("agents:\n  - count: 2\n    hostname: a\n", "agents[0]");
  expect_error("masters: 0\n", "masters");
  expect_error("agnets: []\n", "agnets: unknown key");
  expect_error("agents:\n  - resources: {ports: 31000}\n", "agents[0].resources.ports");
  EXPECT_THROW((void)yaml_to_json("a: [1, 2"), std::invalid_argument);
}

}  // namespace
}  // namespace qctl::sandbox::spec
