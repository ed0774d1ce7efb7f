// Simulated tasks on a fake clock: start delay, durations, failures, kills, scale.
#include <gtest/gtest.h>

#include <filesystem>

#include "sandbox/runtime/runners.h"
#include "sandbox/world/world.h"
#include "tests/sandbox/runtime/process_fixture.h"

namespace qctl::sandbox::runtime::testing {
namespace {

class SandboxRuntimeSimulated : public ::testing::Test {
 protected:
  explicit SandboxRuntimeSimulated(std::vector<std::string> caps = {}) {
    runner_ = make_simulated_runner(world_, SimulatedOptions{0.2, "/srv/mesos"});
    world_.set_runner(runner_.get());
    SimAgent a;
    a.info.hostname = "a1";
    agent_id_ = world_.add_agent(a).info.id;
    model::Framework fw;
    fw.capabilities = std::move(caps);
    framework_id_ = world_.register_framework(fw, &recorder_).info.id;
    quiet_framework_id_ = world_.register_framework(model::Framework{}, nullptr).info.id;
  }

  SimTask& launch(const std::string& id, std::optional<double> duration, bool fails = false,
                  bool quiet = false) {
    TaskSpec spec;
    spec.id = id;
    spec.framework_id = quiet ? quiet_framework_id_ : framework_id_;
    spec.sim_duration = duration;
    spec.sim_fails = fails;
    placement::Allocation where;
    where.agent_id = agent_id_;
    return world_.launch(std::move(spec), where);
  }

  void at(double t) {
    now_ = t;
    world_.tick();
  }

  std::string state(const std::string& id) {
    if (SimTask* t = world_.task(id)) {
      return t->state;
    }
    for (const auto& t : world_.completed_tasks().at(framework_id_)) {
      if (t->spec.id == id) {
        return t->state + " " + t->message;
      }
    }
    return "unknown";
  }

  double now_ = 1000;
  IdSource ids_{3};
  World world_{World::Options{}, ids_, [this] { return now_; }};
  Recorder recorder_;
  std::string agent_id_;
  std::string framework_id_;
  std::string quiet_framework_id_;  // no listener: nothing recorded (scale test)
  std::unique_ptr<TaskRunner> runner_;
};

TEST_F(SandboxRuntimeSimulated, TaskStartsAfterTheDelayAndFinishesAfterItsDuration) {
  SimTask& t = launch("job.1", 5.0);
  EXPECT_EQ(t.sandbox_dir, "/srv/mesos/slaves/" + agent_id_ + "/frameworks/" + framework_id_ +
                               "/executors/job.1/runs/" + t.container_id);
  EXPECT_FALSE(std::filesystem::exists("/srv/mesos"));
  EXPECT_EQ(t.pid, 0);
  at(1000.1);
  EXPECT_EQ(state("job.1"), "TASK_STAGING");
  at(1000.2);
  EXPECT_EQ(state("job.1"), "TASK_RUNNING");
  at(1005.1);
  EXPECT_EQ(state("job.1"), "TASK_RUNNING");
  at(1005.2);
  EXPECT_EQ(state("job.1"), "TASK_FINISHED Command exited with status 0");
  ASSERT_EQ(recorder_.seen.size(), 3U);
  EXPECT_EQ(recorder_.seen[0].state, "TASK_STARTING");
}

TEST_F(SandboxRuntimeSimulated, FailingTaskFailsWithExitStatusOne) {
  launch("bad", 1.0, /*fails=*/true);
  at(1002);  // start and end due in the same tick
  EXPECT_EQ(state("bad"), "TASK_FAILED Command exited with status 1");
  EXPECT_EQ(world_.completed_tasks().at(framework_id_).back()->exit_code, 1);
}

TEST_F(SandboxRuntimeSimulated, TaskWithoutDurationRunsUntilKilled) {
  launch("web.1", std::nullopt);
  at(1e9);
  EXPECT_EQ(state("web.1"), "TASK_RUNNING");
  EXPECT_TRUE(world_.kill("web.1"));
  EXPECT_EQ(state("web.1"), "TASK_RUNNING");  // no TASK_KILLING_STATE capability
  at(1e9);
  EXPECT_EQ(state("web.1"), "TASK_KILLED Command terminated with signal Terminated");
}

class SandboxRuntimeSimulatedKilling : public SandboxRuntimeSimulated {
 protected:
  SandboxRuntimeSimulatedKilling() : SandboxRuntimeSimulated({"TASK_KILLING_STATE"}) {}
};

TEST_F(SandboxRuntimeSimulatedKilling, KillReportsKillingFirstWhenTheFrameworkAsks) {
  launch("web.1", 100.0);
  at(1001);
  world_.kill("web.1");
  EXPECT_EQ(state("web.1"), "TASK_KILLING");
  at(2000);  // the kill wins over the end that is also due
  EXPECT_EQ(state("web.1"), "TASK_KILLED Command terminated with signal Terminated");
}

TEST_F(SandboxRuntimeSimulated, KilledBeforeStartingNeverRuns) {
  launch("early", std::nullopt);
  world_.kill("early");
  at(1001);
  EXPECT_EQ(state("early"), "TASK_KILLED Command terminated with signal Terminated");
  ASSERT_EQ(recorder_.seen.size(), 1U);
}

TEST_F(SandboxRuntimeSimulated, HealthCheckedTaskReportsHealthyOnceRunning) {
  TaskSpec spec;
  spec.id = "hc";
  spec.framework_id = framework_id_;
  spec.health_check = HealthCheckSpec{};
  placement::Allocation where;
  where.agent_id = agent_id_;
  world_.launch(spec, where);
  at(1001);
  ASSERT_EQ(recorder_.seen.size(), 3U);
  EXPECT_EQ(recorder_.seen[2].healthy, true);
  EXPECT_EQ(world_.task("hc")->healthy, true);
}

TEST_F(SandboxRuntimeSimulated, StopAllEndsEverythingAndStartsNothingNew) {
  launch("a", std::nullopt);
  launch("b", 3.0);
  at(1001);
  runner_->stop_all();
  EXPECT_TRUE(world_.active_tasks().empty());
  EXPECT_EQ(state("a"), "TASK_KILLED Command terminated with signal Terminated");
  launch("c", 1.0);
  at(1010);
  EXPECT_EQ(state("c"), "TASK_STAGING");
}

TEST_F(SandboxRuntimeSimulated, TwoHundredThousandTasksAllRun) {
  constexpr int kTasks = 200'000;
  for (int i = 0; i < kTasks; ++i) {
    launch("t" + std::to_string(i), i % 2 == 0 ? std::optional<double>(10.0) : std::nullopt, false,
           /*quiet=*/true);
  }
  at(1001);
  EXPECT_EQ(world_.active_tasks().size(), static_cast<std::size_t>(kTasks));
  at(1011);  // the half with a duration has finished
  EXPECT_EQ(world_.active_tasks().size(), static_cast<std::size_t>(kTasks / 2));
}

}  // namespace
}  // namespace qctl::sandbox::runtime::testing
