// A running `qctl sandbox` plus a fresh HOME for the `qctl status` integration tests: runs
// the real qctl against it, drives its admin API and Marathon, and polls with deadlines.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/run_qctl.h"
#include "tests/support/sandbox_process.h"
#include "tests/support/table_text.h"

namespace qctl::testing {

/// Polls `probe` every 50 ms until it holds or `deadline` passes; returns the last answer.
template <typename F>
bool eventually(F&& probe, std::chrono::milliseconds deadline = std::chrono::seconds(15)) {
  const auto until = std::chrono::steady_clock::now() + deadline;
  while (std::chrono::steady_clock::now() < until) {
    if (probe()) {
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return probe();
}

/// The environment of a user of `sb` whose HOME is `home`: the sandbox's QCTL_* URLs, and
/// the config file inside that HOME (nothing read from the real user's).
inline std::map<std::string, std::string> user_env(const SandboxProcess& sb, const TempDir& home) {
  auto env = sb.env();
  env["HOME"] = home.path();
  env["QCTL_CONFIG"] = home.path() + "/config";
  return env;
}

/// One sandbox (started with `args` after the test support's own flags) and a user's HOME.
class SandboxCluster {
 public:
  explicit SandboxCluster(const std::vector<std::string>& args) : sb(args) {}

  /// Runs `qctl ARGS` configured only through QCTL_* (context "(env)"), plus `extra` env.
  ProcessResult qctl(std::vector<std::string> args,
                     const std::map<std::string, std::string>& extra = {}) const {
    RunSpec spec;
    spec.args = std::move(args);
    spec.env = user_env(sb, home);
    for (const auto& [k, v] : extra) {
      spec.env[k] = v;
    }
    spec.timeout = std::chrono::seconds(30);
    return run_qctl(spec);
  }

  /// `qctl ARGS -o json` parsed; a failed run or bad JSON gives null (polls may expect that).
  nlohmann::json qctl_json(std::vector<std::string> args) const {
    args.insert(args.end(), {"-o", "json"});
    const auto r = qctl(args);
    auto j = nlohmann::json::parse(r.out, nullptr, false);
    return r.exit_code != 0 || j.is_discarded() ? nlohmann::json() : j;
  }

  /// POST to the admin API (`path` after /__sandbox/); expects 200.
  HttpReply admin(const std::string& path, const std::string& body = "") const {
    auto reply = http_call("POST", sb.endpoints()["admin"].get<std::string>() + "/" + path, body);
    EXPECT_EQ(reply.status, 200) << path << ": " << reply.body;
    return reply;
  }

  /// POST /v2/apps (`app` is the JSON body) through Marathon's real API; expects 201 Created.
  void create_app(const std::string& app) const {
    auto reply = http_call("POST", sb.marathon() + "/v2/apps", app);
    EXPECT_EQ(reply.status, 201) << reply.body;
  }

  /// One task of `app_id` on each of `n` agents (1 cpu, 64 MB, hostname UNIQUE), created
  /// through Marathon; true once all `n` run.
  [[nodiscard]] bool spread_app(const std::string& app_id, int n) const {
    create_app(R"({"id": ")" + app_id + R"(", "cmd": "sleep 1000", "cpus": 1, "mem": 64,
                   "instances": )" + std::to_string(n) +
               R"(, "constraints": [["hostname", "UNIQUE"]]})");
    return eventually([&] { return running() == static_cast<std::size_t>(n); });
  }

  /// The id of the `i`th agent (0-based, in start order).
  [[nodiscard]] std::string agent_id(std::size_t i) const {
    return sb.endpoints()["agents"][i]["id"].get<std::string>();
  }

  /// The URL of the `i`th Mesos master.
  [[nodiscard]] std::string master(std::size_t i) const {
    return sb.endpoints()["mesos"][i].get<std::string>();
  }

  /// Active Mesos tasks as `qctl status tasks -o json` lists them (filtered by `args`).
  nlohmann::json tasks(std::vector<std::string> args = {}) const {
    args.insert(args.begin(), {"status", "tasks"});
    return qctl_json(std::move(args));
  }

  /// How many tasks are TASK_RUNNING (`qctl status tasks --state running`).
  [[nodiscard]] std::size_t running() const {
    return tasks({"--state", "running"}).size();
  }

  SandboxProcess sb;
  TempDir home;
};

}  // namespace qctl::testing
