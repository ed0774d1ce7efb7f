// `qctl stats`, `stats fit` and `stats board` end to end against `qctl sandbox`: the fit
// prediction is checked against the sandbox's Marathon actually placing the same app.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "tests/integration/sandbox_status_support.h"

namespace qctl::testing {
namespace {

// Two datacenters, four racks of unequal agents, a static reservation for "web" in sh2.
constexpr const char* kStatsClusterFile = R"(agents:
  - count: 2
    attributes: {dc: bj1, rack: r1}
    resources: {cpus: 4, mem: 4096, disk: 10000, gpus: 0, ports: "[31000-31099]"}
  - count: 2
    attributes: {dc: bj1, rack: r2}
    resources: {cpus: 2, mem: 2048, disk: 10000, gpus: 0, ports: "[31000-31099]"}
  - count: 2
    attributes: {dc: sh2, rack: r3}
    resources: {cpus: 4, mem: 8192, disk: 10000, gpus: 0, ports: "[31000-31099]"}
    reserved:
      web: {cpus: 1, mem: 1024}
  - attributes: {dc: sh2, rack: r4}
    resources: {cpus: 1, mem: 512, disk: 10000, gpus: 0, ports: "[31000-31099]"}
)";

// 1 cpu / 1 GiB instances, at most 2 per rack: the racks hold 8, but r4 lacks the memory.
constexpr const char* kApi = R"({"id":"/api","cmd":"sleep 600","cpus":1,"mem":1024,"instances":8,)"
                             R"("constraints":[["rack","MAX_PER","2"]]})";

// Each test gets its own cluster: the fit test places /api, which a shared cluster showed
// to whichever test ran next.
class StatsSandbox : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<TempDir>();
    cluster_ = std::make_unique<SandboxCluster>(std::vector<std::string>{
        "--simulate", "--cluster", dir_->write("cluster.yaml", kStatsClusterFile)});
    ASSERT_TRUE(cluster_->sb.ok()) << cluster_->sb.error();
    // Load first, so that free capacity is uneven: 1.5 cpus on each r1 agent.
    cluster_->create_app(R"({"id":"/load","cmd":"sleep 600","cpus":1.5,"mem":256,"instances":2,)"
                         R"("constraints":[["rack","CLUSTER","r1"],["hostname","UNIQUE"]]})");
    ASSERT_TRUE(eventually([] { return cluster_->running() == 2; }));
  }
  void TearDown() override {
    cluster_.reset();
    dir_.reset();
  }

  static std::size_t api_tasks() {
    const auto body = nlohmann::json::parse(
        http_call("GET", cluster_->sb.marathon() + "/v2/apps/api/tasks").body, nullptr, false);
    return body.is_object() ? body["tasks"].size() : 0;
  }

  static std::unique_ptr<TempDir> dir_;
  static std::unique_ptr<SandboxCluster> cluster_;
};

std::unique_ptr<TempDir> StatsSandbox::dir_;
std::unique_ptr<SandboxCluster> StatsSandbox::cluster_;

TEST_F(StatsSandbox, TotalsPerDatacenterAndReservationsPerRole) {
  auto doc = cluster_->qctl_json({"stats", "--no-shapes"});
  ASSERT_TRUE(doc.is_object());
  ASSERT_EQ(doc["groups"].size(), 2u);
  const auto& bj1 = doc["groups"][0];
  EXPECT_EQ(bj1["group"], "bj1");
  EXPECT_EQ(bj1["resources"]["cpus"]["total"], 12.0);
  EXPECT_EQ(bj1["resources"]["cpus"]["allocated"], 3.0);  // /load: 2 x 1.5
  EXPECT_EQ(bj1["resources"]["cpus"]["free"], 9.0);
  EXPECT_EQ(doc["groups"][1]["resources"]["cpus"]["reserved"], 2.0);
  const auto r = cluster_->qctl({"stats", "--by", "role", "--no-shapes"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(row_of(r.out, "web").find("cpus"), std::string::npos) << r.out;
}

TEST_F(StatsSandbox, FitPredictsWhatMarathonPlaces) {
  const std::string app = dir_->write("api.json", kApi);
  auto fit = cluster_->qctl({"stats", "fit", "-f", app, "-o", "json"});
  // r1: 2.5 cpus free per agent -> 2 (MAX_PER 2); r2: 2; r3: 2; r4: 512 MB < 1024.
  EXPECT_EQ(fit.exit_code, 1) << fit.err;
  const auto predicted = nlohmann::json::parse(fit.out);
  EXPECT_EQ(predicted["placed"], 6);
  EXPECT_EQ(predicted["wanted"], 8);
  std::map<std::string, int> per_dc;
  for (const auto& g : predicted["groups"]) {
    per_dc[g["group"].get<std::string>()] = g["placed"].get<int>();
  }
  EXPECT_EQ(per_dc, (std::map<std::string, int>{{"bj1", 4}, {"sh2", 2}}));

  // The sandbox's Marathon places with the same engine: the same 6, 2 left in the queue.
  cluster_->create_app(kApi);
  ASSERT_TRUE(eventually([] { return api_tasks() == 6; })) << api_tasks();
  ASSERT_TRUE(eventually([&] {
    const auto q =
        nlohmann::json::parse(http_call("GET", cluster_->sb.marathon() + "/v2/queue").body);
    return q["queue"].size() == 1 && q["queue"][0]["count"] == 2;
  }));
  EXPECT_EQ(api_tasks(), 6u);

  // Updating the app counts its 6 running instances: no rack has room for a 7th.
  auto update = cluster_->qctl({"stats", "fit", "-f", app, "--explain"});
  EXPECT_EQ(update.exit_code, 1) << update.err;
  EXPECT_EQ(update.out.rfind("does not fit: 0 of 2 instances (6 already running) of /api", 0), 0u)
      << update.out;
  EXPECT_NE(update.out.find("UnfulfilledConstraint"), std::string::npos) << update.out;
  EXPECT_NE(update.out.find("constraint rack:MAX_PER:2 (rack=r1 already has 2)"), std::string::npos)
      << update.out;
  // A smaller shape still fits on r4: exit 0 for release scripts.
  auto small = cluster_->qctl({"stats", "fit", "--shape", "cpus=0.5,mem=256", "--by", "rack"});
  EXPECT_EQ(small.exit_code, 0) << small.out << small.err;
}

TEST_F(StatsSandbox, BoardAndADeactivatedAgentShownApart) {
  cluster_->admin("agents/" + cluster_->agent_id(6) + "/deactivate");
  auto r = cluster_->qctl({"stats", "board"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("sh2/r4  1 agent  cpus 0%  mem 0%  1 unavailable\n  x\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("legend:"), std::string::npos);
  const auto doc = cluster_->qctl_json({"stats", "--no-shapes"});
  ASSERT_TRUE(doc.is_object());
  ASSERT_EQ(doc["unavailable_agents"].size(), 1u);
  EXPECT_EQ(doc["unavailable_agents"][0]["status"], "Deactivated");
  EXPECT_EQ(doc["groups"][1]["resources"]["cpus"]["unavailable"], 1.0);
  cluster_->admin("agents/" + cluster_->agent_id(6) + "/reactivate");
}

}  // namespace
}  // namespace qctl::testing
