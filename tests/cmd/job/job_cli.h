// `qctl job …` in-process against a FakeTransport standing in for a Chronos 3.x server,
// with the clock pinned to 2024-05-31T16:30:00Z (just after the fixtures' last runs).
#pragma once

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cmd/app.h"
#include "core/clock.h"
#include "tests/support/cli.h"
#include "tests/support/fake_transport.h"

namespace qctl::testing {

inline constexpr const char* kChronos = "http://chronos:4400";
inline constexpr double kFixtureNow = 1717173000.0;  // 2024-05-31T16:30:00Z

struct JobCliOutcome {
  int code = -1;
  std::string out;
  std::string err;
};

class JobCli {
 public:
  /// `api` 3 answers the /v1/scheduler probe; 2 answers it 404 and serves /scheduler.
  explicit JobCli(int api = 3) {
    if (api == 2) {
      t.on(http::Method::kGet, url("/v1/scheduler/leader"), 404, "<html>Not Found</html>");
      t.get_fixture(url("/scheduler/leader"), "chronos/leader.json");
    } else {
      t.get_fixture(url("/v1/scheduler/leader"), "chronos/leader.json");
    }
  }

  static std::string url(const std::string& path) { return std::string(kChronos) + path; }

  /// One job of tests/fixtures/chronos/jobs.json, optionally with fields replaced.
  static std::string fixture_job(const std::string& name, const nlohmann::json& patch = {}) {
    for (auto j : nlohmann::json::parse(read_fixture("chronos/jobs.json"))) {
      if (j["name"] == name) {
        if (patch.is_object()) {
          j.update(patch);
        }
        return j.dump();
      }
    }
    ADD_FAILURE() << "no fixture job " << name;
    return "{}";
  }

  /// A jobs/summary body with `state` for `name` instead of the fixture's.
  static std::string summary_with(const std::string& name, const std::string& state) {
    auto s = nlohmann::json::parse(read_fixture("chronos/jobs-summary.json"));
    for (auto& j : s["jobs"]) {
      if (j["name"] == name) {
        j["state"] = state;
      }
    }
    return s.dump();
  }

  /// The usual pair for list/status/stats: GET jobs and jobs/summary from the fixtures.
  void serve_jobs_and_summary() {
    t.get_fixture(url("/v1/scheduler/jobs"), "chronos/jobs.json");
    t.get_fixture(url("/v1/scheduler/jobs/summary"), "chronos/jobs-summary.json");
  }

  JobCliOutcome run(const std::vector<std::string>& args) {
    CliOutcome r = run_cli_in_process(
        args, {{"QCTL_CHRONOS", kChronos}, {"QCTL_CONFIG", "/nonexistent/qctl-config"}}, &clock, &t);
    return JobCliOutcome{r.code, r.out, r.err};
  }

  /// The requests made with this method, as "METHOD path?query" after the base URL.
  std::vector<std::string> calls(http::Method method) const {
    std::vector<std::string> out;
    for (const auto& r : t.requests()) {
      if (r.method == method) {
        out.push_back(r.url.substr(std::string(kChronos).size()));
      }
    }
    return out;
  }

  FakeClock clock{kFixtureNow};
  FakeTransport t;
};

}  // namespace qctl::testing
