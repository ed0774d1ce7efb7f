// A real-process `qctl sandbox` shared by a `qctl job …` integration suite, and jobs created
// the way any Chronos client would (POST {chronos}/v1/scheduler/iso8601 or /dependency).
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/integration/sandbox_status_support.h"

namespace qctl::testing {

class JobSandboxTest : public ::testing::Test {
 protected:
  /// `args` after the sandbox's own test flags; `prefix` is where the Chronos API lives.
  static void start(const std::vector<std::string>& args, const std::string& prefix) {
    cluster_ = new SandboxCluster(args);
    prefix_ = prefix;
  }
  static void TearDownTestSuite() {
    delete cluster_;
    cluster_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(c().sb.ok()) << c().sb.error(); }

  static const SandboxCluster& c() { return *cluster_; }

  /// POSTs a job (dependent when it has parents); expects 204.
  static void create_job(const nlohmann::json& job) {
    const bool dependent = job.contains("parents");
    const auto reply =
        http_call("POST", c().sb.chronos() + prefix_ + (dependent ? "/dependency" : "/iso8601"),
                  job.dump(), {{"Content-Type", "application/json"}});
    EXPECT_EQ(reply.status, 204) << reply.body;
  }

  /// A job scheduled far ahead (it runs only when triggered), with `extra` fields.
  static nlohmann::json scheduled(const std::string& name, const std::string& command,
                                  const nlohmann::json& extra = nlohmann::json::object()) {
    nlohmann::json j = {
        {"name", name}, {"command", command}, {"schedule", "R/2030-01-01T00:00:00Z/PT1H"},
        {"retries", 0}, {"cpus", 0.1},        {"mem", 32}};
    j.update(extra);
    return j;
  }

  /// This job's row of `qctl job status NAME -o json` (null when that fails).
  static nlohmann::json status_of(const std::string& name) {
    const auto j = c().qctl_json({"job", "status", name});
    return j.is_array() && j.size() == 1 ? j[0] : nlohmann::json();
  }

  static inline SandboxCluster* cluster_ = nullptr;
  static inline std::string prefix_;
};

}  // namespace qctl::testing
