// `qctl job run` and `qctl job kill` end to end against `qctl sandbox` (real processes):
// --wait exit codes, the triggers Chronos ignores, killing a running job.
#include <gtest/gtest.h>

#include "tests/integration/job_sandbox_support.h"

namespace qctl::testing {
namespace {

class JobRunSandbox : public JobSandboxTest {
 protected:
  static void SetUpTestSuite() { start({}, "/v1/scheduler"); }
};

TEST_F(JobRunSandbox, WaitExitsZeroOnSuccessAndOneOnFailure) {
  create_job(scheduled("run-ok", "true"));
  create_job(scheduled("run-fails", "false"));
  auto r = c().qctl({"job", "run", "run-ok", "--wait"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("job/run-ok triggered"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("job/run-ok succeeded"), std::string::npos) << r.err;
  r = c().qctl({"job", "run", "run-fails", "--wait"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("job/run-fails failed"), std::string::npos) << r.err;
  const auto s = status_of("run-fails");
  EXPECT_EQ(s["last"], "failure") << s;
  EXPECT_EQ(s["error_count"], 1) << s;
}

TEST_F(JobRunSandbox, DisabledJobIsRefusedAndNothingRuns) {
  create_job(scheduled("run-disabled", "true", {{"disabled", true}}));
  const auto r = c().qctl({"job", "run", "run-disabled"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("job run-disabled is disabled: Chronos ignores the trigger"),
            std::string::npos)
      << r.err;
  const auto s = status_of("run-disabled");
  EXPECT_EQ(s["state"], "idle") << s;
  EXPECT_EQ(s["success_count"], 0) << s;
}

TEST_F(JobRunSandbox, UnknownJobExitsThree) {
  const auto r = c().qctl({"job", "run", "no-such-job"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("not found"), std::string::npos) << r.err;
}

TEST_F(JobRunSandbox, RunningJobRefusesASecondTriggerTimesOutAndIsKilled) {
  create_job(scheduled("run-long", "sleep 600"));
  auto r = c().qctl({"job", "run", "run-long", "--wait", "--wait-timeout", "1s"});
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_NE(r.err.find("not finished after 1s"), std::string::npos) << r.err;
  ASSERT_TRUE(eventually([] { return status_of("run-long")["state"] == "1 running"; }))
      << status_of("run-long");

  r = c().qctl({"job", "run", "run-long"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("already running and not concurrent: Chronos ignores the trigger"),
            std::string::npos)
      << r.err;

  r = c().qctl({"job", "kill", "run-long"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "job/run-long killed 1 running task\n");
  // Chronos counts a killed task as neither success nor failure: the job is just idle again.
  EXPECT_TRUE(eventually([] { return status_of("run-long")["state"] == "idle"; }))
      << status_of("run-long");
  r = c().qctl({"job", "kill", "run-long"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("job/run-long: nothing running (idle)"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace qctl::testing
