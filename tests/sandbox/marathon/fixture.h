// In-process Marathon on a World with a fake clock and no task runner, for the tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "sandbox/http/router.h"
#include "sandbox/marathon/marathon.h"
#include "sandbox/world/world.h"
#include "tests/support/fake_transport.h"

namespace qctl::sandbox::marathon::testing {

class MarathonTest : public ::testing::Test {
 protected:
  MarathonTest() : world_(world_options(), ids_, [this] { return clock_; }) {}

  void SetUp() override {
    world_.set_runner(nullptr);  // placement only: tests move tasks with world.update()
    for (int i = 1; i <= agents_; ++i) {
      add_agent("agent" + std::to_string(i) + ".example.com");
    }
    MarathonOptions o;
    o.mesos_master_url = "http://127.0.0.1:5050";
    o.event_heartbeat_seconds = 0.05;
    o.deployment_step_seconds = 1;
    tweak(o);
    auto lock = world_.lock();
    marathon_ = std::make_unique<Marathon>(world_, o);
    marathon_->mount(router_);
  }

  virtual void tweak(MarathonOptions&) {}

  static World::Options world_options() {
    World::Options o;
    o.master_id = "5f0d1e2a-8b3c-4d5e-9f6a-7b8c9d0e1f2a";
    return o;
  }

  SimAgent& add_agent(const std::string& hostname) {
    SimAgent a;
    a.info.hostname = hostname;
    a.ip = "127.0.1." + std::to_string(++next_ip_);
    a.info.resources.cpus = 4;
    a.info.resources.mem = 4096;
    a.info.resources.disk = 10000;
    a.info.resources.ports = {{31000, 31999}};
    auto lock = world_.lock();
    return world_.add_agent(std::move(a));
  }

  http::Response call(const std::string& method, const std::string& path,
                      const std::string& body = "", const std::string& query = "",
                      const std::string& accept = "") {
    http::Request r;
    r.method = method;
    r.path = path;
    r.query = query;
    r.params = http::parse_query(query);
    r.body = body;
    if (!accept.empty()) {
      r.headers["Accept"] = accept;
    }
    return router_.dispatch(r);
  }

  static nlohmann::json body(const http::Response& r) { return nlohmann::json::parse(r.body); }

  static std::string header(const http::Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) {
        return v;
      }
    }
    return "";
  }

  void tick() {
    auto lock = world_.lock();
    marathon_->tick();
  }

  /// Every staging task of Marathon's reports TASK_RUNNING.
  void run_all() {
    auto lock = world_.lock();
    std::vector<std::string> ids;
    for (const auto& [id, t] : world_.active_tasks()) {
      if (t->state == "TASK_STAGING") {
        ids.push_back(id);
      }
    }
    for (const std::string& id : ids) {
      world_.update(id, "TASK_RUNNING", "");
    }
  }

  /// Ticks, runs what launched, and lets time pass until no deployment is left.
  void settle() {
    for (int i = 0; i < 20; ++i) {
      tick();
      run_all();
      clock_ += 1;
      if (body(call("GET", "/v2/deployments")).empty()) {
        return;
      }
    }
    FAIL() << "deployments did not finish: " << call("GET", "/v2/deployments").body;
  }

  std::size_t live_tasks() {
    auto lock = world_.lock();
    return world_.active_tasks().size();
  }

  /// Field names and JSON kinds of `expected` must appear in `actual` (numbers match numbers).
  static void expect_same_shape(const nlohmann::json& expected, const nlohmann::json& actual,
                                const std::string& where) {
    for (const auto& [key, value] : expected.items()) {
      ASSERT_TRUE(actual.contains(key)) << where << ": missing " << key << " in " << actual.dump();
      const nlohmann::json& got = actual[key];
      if (value.is_null() || got.is_null()) {
        continue;
      }
      bool same = (value.is_number() && got.is_number()) || value.type() == got.type();
      EXPECT_TRUE(same) << where << "." << key << ": " << value.dump() << " vs " << got.dump();
      if (value.is_object() && got.is_object() && key != "env" && key != "labels") {
        expect_same_shape(value, got, where + "." + key);
      }
    }
  }

  double clock_ = 1717228800.0;  // 2024-06-01T08:00:00Z
  int agents_ = 3;
  int next_ip_ = 0;
  IdSource ids_{42};
  World world_;
  http::Router router_;
  std::unique_ptr<Marathon> marathon_;
};

}  // namespace qctl::sandbox::marathon::testing
