// Runs `qctl queue …` in-process against a FakeTransport (httpmock style) with a pinned clock.
#pragma once

#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

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
  return run_cli_in_process(args, std::move(env), &clock, &t);
}

inline std::map<std::string, std::string> both_services() {
  return {{"QCTL_CHRONOS", kQueueChronos}, {"QCTL_MARATHON", kQueueMarathon}};
}

inline std::string chronos_url(const std::string& path) { return kQueueChronos + path; }

}  // namespace qctl::testing
