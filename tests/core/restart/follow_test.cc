// How a restart's end is decided from what Marathon shows: completed, failed (new tasks keep
// failing), rolled back (deployment gone, app on another version), cancelled.
#include "core/restart/follow.h"

#include <gtest/gtest.h>

#include "core/restart/select.h"

namespace qctl::restart {
namespace {

constexpr const char* kNew = "2024-06-01T08:00:00.000Z";
constexpr const char* kOld = "2024-05-30T09:12:44.101Z";
constexpr double kNow = 1717228800;

model::MarathonTask task(const std::string& id, const std::string& version, bool alive = true) {
  model::MarathonTask t;
  t.id = id;
  t.version = version;
  t.state = "TASK_RUNNING";
  t.health_check_results.push_back(model::HealthCheckResult{alive, 0, "", "", ""});
  return t;
}

model::App web(std::vector<model::MarathonTask> tasks, const std::string& version = kNew) {
  model::App a;
  a.id = "/web";
  a.instances = 2;
  a.version = version;
  a.health_check_count = 1;
  a.tasks = std::move(tasks);
  return a;
}

FollowState state() {
  FollowState s;
  s.target = RestartTarget{"/web", "d1", kNew};
  return s;
}

TEST(RestartFollow, ProgressThenCompletion) {
  auto s = state();
  observe(s, web({task("a", kOld), task("b", kNew, false)}), true, 3, kNow);
  EXPECT_EQ(s.outcome, Outcome::kRunning);
  EXPECT_EQ(progress_text(s), "/web: 1/2 replaced, 0 healthy");
  observe(s, web({task("b", kNew), task("c", kNew)}), false, 3, kNow);
  EXPECT_EQ(s.outcome, Outcome::kCompleted);
  EXPECT_EQ(progress_text(s), "/web: 2/2 replaced, 2 healthy");
}

TEST(RestartFollow, RepeatedNewTaskFailuresAreAFailure) {
  auto s = state();
  auto app = web({task("a", kOld), task("b", kOld)});
  for (const char* failed : {"n1", "n1", "n2", "n3"}) {
    app.last_task_failure = model::TaskFailure{
        "/web", "agent-1", "Command exited with status 1", "TASK_FAILED", failed, kNew, kNew, "s1"};
    observe(s, app, true, 3, kNow);
  }
  EXPECT_EQ(s.outcome, Outcome::kFailed);
  EXPECT_EQ(s.reason,
            "new tasks keep failing (3 failures; last TASK_FAILED on agent-1: Command exited "
            "with status 1)");
}

// Marathon ends the deployment once the replacement starts; after a new task failed, success
// waits until the replacement has stayed up kSettleSeconds, and another failure resets that.
TEST(RestartFollow, AfterAFailureSuccessWaitsForTheReplacementToStayUp) {
  auto s = state();
  auto app = web({task("b", kNew), task("c", kNew)});
  app.last_task_failure = model::TaskFailure{
      "/web", "agent-1", "Command exited with status 2", "TASK_FAILED", "n1", kNew, kNew, "s1"};
  observe(s, app, false, 3, kNow);
  EXPECT_EQ(s.outcome, Outcome::kRunning);
  observe(s, app, false, 3, kNow + kSettleSeconds - 1);
  EXPECT_EQ(s.outcome, Outcome::kRunning);
  app.last_task_failure->task_id = "n2";  // the crash loop goes on
  observe(s, app, false, 3, kNow + kSettleSeconds);
  EXPECT_EQ(s.outcome, Outcome::kRunning);
  observe(s, app, false, 3, kNow + 2 * kSettleSeconds);
  EXPECT_EQ(s.outcome, Outcome::kCompleted);  // quiet for the settle time: it holds
  EXPECT_EQ(s.failed_tasks.size(), 2U);
}

TEST(RestartFollow, AnOldVersionFailureDoesNotCount) {
  auto s = state();
  auto app = web({task("a", kOld)});
  app.last_task_failure =
      model::TaskFailure{"/web", "h", "", "TASK_FAILED", "old", kOld, kOld, "s1"};
  observe(s, app, true, 1, kNow);
  EXPECT_EQ(s.outcome, Outcome::kRunning);
}

// Marathon called the deployment a success, then the new task crashed (no health checks):
// the reason is the crash, not a guessed cancellation.
TEST(RestartFollow, NewTasksDeadAfterAFinishedDeploymentNameTheFailure) {
  auto s = state();
  auto app = web({});
  app.instances = 1;
  app.health_check_count = 0;
  app.last_task_failure = model::TaskFailure{
      "/web", "agent-1", "Command exited with status 2", "TASK_FAILED", "n1", kNew, kNew, "s1"};
  observe(s, app, false, 3, kNow);
  EXPECT_EQ(s.outcome, Outcome::kFailed);
  EXPECT_EQ(s.reason,
            "deployment d1 finished with 0/1 new instances running (last failure: "
            "TASK_FAILED on agent-1: Command exited with status 2)");
}

TEST(RestartFollow, RolledBackAndCancelledAndDeleted) {
  auto s = state();
  observe(s, web({task("a", kOld), task("b", kOld)}, "2024-06-01T08:01:00.000Z"), false, 3, kNow);
  EXPECT_EQ(s.outcome, Outcome::kRolledBack);
  EXPECT_NE(s.reason.find("cancelled and rolled back"), std::string::npos) << s.reason;
  s = state();
  observe(s, web({task("a", kOld), task("b", kNew)}), false, 3, kNow);
  EXPECT_EQ(s.outcome, Outcome::kFailed);
  EXPECT_NE(s.reason.find("1/2 instances replaced"), std::string::npos) << s.reason;
  s = state();
  observe(s, std::nullopt, false, 3, kNow);
  EXPECT_EQ(s.outcome, Outcome::kFailed);
}

TEST(RestartSelect, UnhealthyAppsTasksAndTaskIds) {
  model::App ok;
  ok.id = "/ok";
  ok.instances = 2;
  ok.tasks_running = 2;
  model::App sick = ok;
  sick.id = "/sick";
  sick.tasks_unhealthy = 1;
  model::App short_of = ok;
  short_of.id = "/short";
  short_of.tasks_running = 1;
  short_of.deployment_ids = {"d9"};
  const std::vector<model::App> apps = {ok, sick, short_of};
  auto c = choose_apps(apps, true, false);
  EXPECT_FALSE(c[0].restart);
  EXPECT_TRUE(c[1].restart);
  EXPECT_EQ(c[1].reason, "1 unhealthy task");
  EXPECT_FALSE(c[2].restart) << "deployment in progress";
  EXPECT_EQ(c[2].reason, "1/2 running; deployment d9 in progress (--force cancels it)");
  c = choose_apps(apps, true, true);
  EXPECT_TRUE(c[2].restart);
  EXPECT_EQ(app_of_task("team_web.instance-b6ff5fa5-7714-11e7-a55c-5ecf1c4671f6._app.1"),
            "/team/web");
  EXPECT_EQ(app_of_task("web.083be411-5d1f-11e5-88f7-56b91e7a505b"), "/web");
  EXPECT_FALSE(app_of_task("nonsense").has_value());
  EXPECT_TRUE(task_unhealthy(task("x", kNew, false)));
  EXPECT_FALSE(task_unhealthy(task("x", kNew, true)));
}

}  // namespace
}  // namespace qctl::restart
