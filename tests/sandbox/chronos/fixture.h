// In-process Chronos on a World with a fake clock and no task runner, for the tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sandbox/chronos/chronos.h"
#include "sandbox/http/router.h"
#include "sandbox/world/world.h"
#include "tests/support/fake_transport.h"

namespace qctl::sandbox::chronos::testing {

class ChronosTest : public ::testing::Test {
 protected:
  ChronosTest() : world_(world_options(), ids_, [this] { return clock_; }) {}

  void SetUp() override {
    world_.set_runner(nullptr);  // tests move tasks with world.update()
    ChronosOptions o;
    o.hostname = "chronos.example.com";
    o.failure_retry_delay_seconds = 60;
    o.queue_retry_seconds = 1;
    tweak(o);
    auto lock = world_.lock();
    chronos_ = std::make_unique<Chronos>(world_, o);
    chronos_->mount(router_);
  }

  virtual void tweak(ChronosOptions&) {}

  static World::Options world_options() {
    World::Options o;
    o.master_id = "5f0d1e2a-8b3c-4d5e-9f6a-7b8c9d0e1f2a";
    return o;
  }

  SimAgent& add_agent(const std::string& hostname, double cpus = 4) {
    SimAgent a;
    a.info.hostname = hostname;
    a.ip = "127.0.1." + std::to_string(++next_ip_);
    a.info.resources.cpus = cpus;
    a.info.resources.mem = 4096;
    a.info.resources.disk = 10000;
    auto lock = world_.lock();
    return world_.add_agent(std::move(a));
  }

  http::Response call(const std::string& method, const std::string& path,
                      const std::string& body = "", const std::string& query = "") {
    http::Request r;
    r.method = method;
    r.path = path;
    r.query = query;
    r.params = http::parse_query(query);
    r.body = body;
    if (!body.empty()) {
      r.headers["Content-Type"] = "application/json";
    }
    return router_.dispatch(r);
  }

  /// POSTs a scheduled job (iso8601) and expects 204.
  void scheduled(const std::string& json) {
    http::Response r = call("POST", "/v1/scheduler/iso8601", json);
    ASSERT_EQ(r.status, 204) << r.body;
  }
  void dependent(const std::string& json) {
    http::Response r = call("POST", "/v1/scheduler/dependency", json);
    ASSERT_EQ(r.status, 204) << r.body;
  }

  static nlohmann::json body(const http::Response& r) { return nlohmann::json::parse(r.body); }

  nlohmann::json job(const std::string& name) {
    return body(call("GET", "/v1/scheduler/job/" + name));
  }

  /// "state" and "status" of a job in jobs/summary.
  std::pair<std::string, std::string> summary(const std::string& name) {
    const nlohmann::json all = body(call("GET", "/v1/scheduler/jobs/summary"));
    for (const auto& j : all["jobs"]) {
      if (j["name"] == name) {
        return {j["state"], j["status"]};
      }
    }
    return {"", ""};
  }

  void tick() {
    auto lock = world_.lock();
    chronos_->tick();
  }

  /// Ids of live tasks, oldest launch first.
  std::vector<std::string> live() {
    auto lock = world_.lock();
    std::vector<std::pair<double, std::string>> v;
    for (const auto& [id, t] : world_.active_tasks()) {
      v.emplace_back(t->launched_at, id);
    }
    std::sort(v.begin(), v.end());
    std::vector<std::string> out;
    for (auto& p : v) {
      out.push_back(p.second);
    }
    return out;
  }

  void update(const std::string& task_id, const std::string& state) {
    auto lock = world_.lock();
    world_.update(task_id, state, "");
  }

  /// The only live task of a job, after RUNNING then `final_state`.
  void finish(const std::string& task_id, const std::string& final_state = "TASK_FINISHED") {
    update(task_id, "TASK_RUNNING");
    clock_ += 5;
    update(task_id, final_state);
  }

  long gauge(const std::string& name) {
    return body(call("GET", "/metrics"))["gauges"]
        ["org.apache.mesos.chronos.scheduler.jobs.TaskManager." + name]["value"];
  }

  double clock_ = 1717228800.0;  // 2024-06-01T08:00:00Z
  int next_ip_ = 0;
  IdSource ids_{42};
  World world_;
  http::Router router_;
  std::unique_ptr<Chronos> chronos_;
};

}  // namespace qctl::sandbox::chronos::testing
