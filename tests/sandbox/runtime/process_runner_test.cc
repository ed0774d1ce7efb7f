// Real task processes: environment, sandbox files, exit statuses, kills and shutdown.
#include <filesystem>

#include "sandbox/runtime/runners.h"
#include "tests/sandbox/runtime/process_fixture.h"

namespace qctl::sandbox::runtime::testing {
namespace {

using SandboxRuntimeProcess = ProcessFixture;

TEST_F(SandboxRuntimeProcess, CommandSeesTheMesosEnvironmentInItsSandbox) {
  start(Isolation::kNone);
  TaskSpec spec = shell("web.1", "env; echo cwd=$(pwd)");
  spec.env = {{"MARATHON_APP_ID", "/web"}, {"PORT0", "31000"}, {"MESOS_TASK_ID", "web.1"}};
  spec.role = "prod";
  const Launched t = launch(spec);

  const auto done = wait_for(t.id, "TASK_FINISHED");
  ASSERT_TRUE(done);
  EXPECT_EQ(done->message, "Command exited with status 0");
  EXPECT_EQ(states_of(t.id),
            (std::vector<std::string>{"TASK_STARTING", "TASK_RUNNING", "TASK_FINISHED"}));
  EXPECT_EQ(t.sandbox, dir_ + "/slaves/" + agent_id_ + "/frameworks/" + framework_id_ +
                           "/executors/web.1/runs/" + t.container_id);
  EXPECT_GT(t.pid, 0);
  const std::string out = read_file(t.sandbox + "/stdout");
  for (const std::string& line :
       std::vector<std::string>{"MESOS_SANDBOX=" + t.sandbox, "MESOS_DIRECTORY=" + t.sandbox,
                                "MESOS_FRAMEWORK_ID=" + framework_id_, "MESOS_EXECUTOR_ID=web.1",
                                "MESOS_SLAVE_ID=" + agent_id_,
                                "MESOS_AGENT_ENDPOINT=127.0.1.1:5051", "MESOS_ALLOCATION_ROLE=prod",
                                "MARATHON_APP_ID=/web", "PORT0=31000", "MESOS_TASK_ID=web.1",
                                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                                "cwd=" + t.sandbox}) {
    EXPECT_NE(out.find(line + "\n"), std::string::npos) << line << " missing in:\n" << out;
  }
  EXPECT_TRUE(std::filesystem::exists(t.sandbox + "/stderr"));
  EXPECT_TRUE(
      std::filesystem::is_symlink(std::filesystem::path(t.sandbox).parent_path() / "latest"));
}

TEST_F(SandboxRuntimeProcess, ExitStatusesBecomeStatesWithMesosWording) {
  start(Isolation::kNone);
  const Launched failed = launch(shell("a", "echo oops >&2; exit 3"));
  const Launched signaled = launch(shell("b", "kill -KILL $$"));

  const auto f = wait_for(failed.id, "TASK_FAILED");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->message, "Command exited with status 3");
  EXPECT_EQ(read_file(failed.sandbox + "/stderr"), "oops\n");
  const auto s = wait_for(signaled.id, "TASK_FAILED");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->message, "Command terminated with signal Killed");

  auto lock = world_.lock();
  const auto& done = world_.completed_tasks().at(framework_id_);
  ASSERT_EQ(done.size(), 2U);
  const SimTask& first = done.front()->spec.id == "a" ? *done.front() : *done.back();
  EXPECT_EQ(first.exit_code, 3);
}

TEST_F(SandboxRuntimeProcess, ExecFailureFailsTheTaskWithTheReasonOnStderr) {
  start(Isolation::kNone);
  TaskSpec spec;
  spec.id = "bad";
  spec.shell = false;
  spec.command = "/nonexistent/server";
  const Launched t = launch(spec);
  const auto f = wait_for(t.id, "TASK_FAILED");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->message, "Command exited with status 1");
  EXPECT_EQ(read_file(t.sandbox + "/stderr"),
            "Failed to execute '/nonexistent/server': No such file or directory\n");
}

TEST_F(SandboxRuntimeProcess, ArgvCommandRunsWithoutAShell) {
  start(Isolation::kNone);
  TaskSpec spec;
  spec.id = "argv";
  spec.shell = false;
  spec.command = "echo";
  spec.args = {"echo", "a  b", "$HOME"};
  const Launched t = launch(spec);
  ASSERT_TRUE(wait_for(t.id, "TASK_FINISHED"));
  EXPECT_EQ(read_file(t.sandbox + "/stdout"), "a  b $HOME\n");
}

TEST_F(SandboxRuntimeProcess, KillEndsTheTaskWithSigtermWithinTheGrace) {
  start(Isolation::kNone, /*grace=*/60, "1.11.0", {"TASK_KILLING_STATE"});
  const Launched t = launch(shell("k", "sleep 60"));
  ASSERT_TRUE(wait_for(t.id, "TASK_RUNNING"));
  const auto begin = std::chrono::steady_clock::now();
  {
    auto lock = world_.lock();
    EXPECT_TRUE(world_.kill(t.id));
  }
  const auto killed = wait_for(t.id, "TASK_KILLED");
  ASSERT_TRUE(killed);
  EXPECT_LT(std::chrono::steady_clock::now() - begin, std::chrono::seconds(10));
  EXPECT_EQ(killed->message, "Command terminated with signal Terminated");
  EXPECT_EQ(states_of(t.id), (std::vector<std::string>{"TASK_STARTING", "TASK_RUNNING",
                                                       "TASK_KILLING", "TASK_KILLED"}));
  EXPECT_TRUE(gone(t.pid));
}

TEST_F(SandboxRuntimeProcess, KillEscalatesToSigkillAfterTheGrace) {
  start(Isolation::kNone, /*grace=*/0.2);
  const Launched t = launch(shell("deaf", "trap '' TERM; echo ready; sleep 60"));
  ASSERT_NE(wait_output(t, "ready\n").find("ready"), std::string::npos);
  {
    auto lock = world_.lock();
    world_.kill(t.id);
  }
  const auto killed = wait_for(t.id, "TASK_KILLED");
  ASSERT_TRUE(killed);
  EXPECT_EQ(killed->message, "Command terminated with signal Killed");
}

TEST_F(SandboxRuntimeProcess, StopAllLeavesNoProcessBehind) {
  start(Isolation::kNone, /*grace=*/0.3);
  std::vector<Launched> tasks = {launch(shell("s1", "sleep 60 & sleep 60")),
                                 launch(shell("s2", "trap '' TERM; sleep 60")),
                                 launch(shell("s3", "sleep 60"))};
  {
    auto lock = world_.lock();
    runner_->stop_all();
    EXPECT_TRUE(world_.active_tasks().empty());
  }
  for (const Launched& t : tasks) {
    EXPECT_TRUE(gone(t.pid)) << t.id;
    EXPECT_TRUE(gone(-t.pid)) << "process group of " << t.id << " survived";
    EXPECT_EQ(states_of(t.id).back(), "TASK_KILLED");
  }
  EXPECT_EQ(task_children(), 0U);  // every task reaped, no zombie left
  const Launched late = launch(shell("late", "true"));
  EXPECT_EQ(late.pid, 0);  // a stopped runner starts nothing
}

TEST_F(SandboxRuntimeProcess, DestroyingTheRunnerKillsWhatIsLeft) {
  start(Isolation::kNone);
  const Launched t = launch(shell("orphan", "sleep 60 & sleep 60"));
  ASSERT_TRUE(wait_for(t.id, "TASK_RUNNING"));
  destroy_runner();
  EXPECT_TRUE(gone(t.pid));
  EXPECT_TRUE(gone(-t.pid));
  EXPECT_EQ(task_children(), 0U);
}

TEST_F(SandboxRuntimeProcess, BackgroundChildrenDieWithTheTask) {
  start(Isolation::kNone);
  const Launched t = launch(shell("bg", "sleep 60 & echo $! > bg.pid"));
  ASSERT_TRUE(wait_for(t.id, "TASK_FINISHED"));
  EXPECT_TRUE(gone(std::stoi(read_file(t.sandbox + "/bg.pid"))));
}

}  // namespace
}  // namespace qctl::sandbox::runtime::testing
