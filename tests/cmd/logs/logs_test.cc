// `qctl logs` argument checks: every bad input is a one-line usage error (exit 2) before any
// request is sent.
#include <gtest/gtest.h>

#include "core/clock.h"
#include "tests/support/cli.h"
#include "tests/support/fake_transport.h"

namespace qctl::testing {
namespace {

CliOutcome run_logs(std::vector<std::string> args) {
  FakeTransport t;  // nothing registered: any request fails the test
  FakeClock clock;
  args.insert(args.begin(), "logs");
  return run_cli_in_process(
      args, {{"QCTL_MESOS", "http://m1:5050"}, {"QCTL_CONFIG", "/nonexistent/qctl"}}, &clock, &t);
}

TEST(LogsCmdTest, BadInputIsAUsageErrorWithoutRequests) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"/web", "/etc/passwd"}, "FILE must be a path inside the task's sandbox"},
      {{"/web", "../../etc/passwd"}, "must not contain '.' or '..'"},
      {{"/web", "logs/app.log", "--stderr"}, "FILE cannot be combined"},
      {{"/web", "--stderr", "--all"}, "--stderr and --all cannot be combined"},
      {{"/web", "--previous", "-f"}, "--previous reads a finished task"},
      {{"/web", "--tail", "-5"}, "--tail must be a whole number"},
      {{"/web", "--tail", "ten"}, "--tail must be a whole number"},
      {{"/web", "--since", "yesterday"}, "--since must be a duration"},
      {{""}, "TARGET must not be empty"},
  };
  for (const auto& [args, message] : cases) {
    const auto r = run_logs(args);
    EXPECT_EQ(r.code, 2) << args.back() << ": " << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
  }
}

TEST(LogsCmdTest, TargetIsRequired) {
  const auto r = run_logs({});
  EXPECT_EQ(r.code, 2);
}

}  // namespace
}  // namespace qctl::testing
