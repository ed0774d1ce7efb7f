// Runs `qctl queue …` in-process against a FakeTransport (httpmock style) with a pinned clock.
#pragma once

#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cmd/app.h"
#include "core/clock.h"
#include "core/util/duration.h"
#include "tests/support/cli.h"
#include "tests/support/fake_transport.h"

namespace qctl::testing {

inline constexpr const char* kQueueChronos = "http://chronos:4400";
inline constexpr const char* kQueueMarathon = "http://marathon:8080";

/// `qctl ARGS` with QCTL_CHRONOS/QCTL_MARATHON as `env` says, answered by `t`, at `now`.
inline CliOutcome run_queue_cli(FakeTransport& t, const std::vector<std::string>& args,
                                std::map<std::string, std::string> env,
                                const char* now = "2024-05-31T18:05:00Z") {
  FakeClock clock(*util::parse_iso8601(now));
  env.emplace("QCTL_CONFIG", "/nonexistent/qctl-config");
  std::vector<const char*> argv{"qctl"};
  for (const auto& a : args) {
    argv.push_back(a.c_str());
  }
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  cmd::Streams io{in, out, err};
  cmd::RunOptions options;
  options.env = [vars = std::move(env)](const std::string& name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  options.clock = &clock;
  options.transport = &t;
  CliOutcome o;
  o.code = cmd::run_cli(static_cast<int>(argv.size()), argv.data(), io, options);
  o.out = out.str();
  o.err = err.str();
  return o;
}

inline std::map<std::string, std::string> both_services() {
  return {{"QCTL_CHRONOS", kQueueChronos}, {"QCTL_MARATHON", kQueueMarathon}};
}

inline std::string chronos_url(const std::string& path) { return kQueueChronos + path; }

}  // namespace qctl::testing
