#include "core/chronos/queue_view.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/http/client.h"
#include "core/util/duration.h"
#include "tests/support/fake_transport.h"

namespace qctl::chronos {
namespace {

double epoch_of(const char* iso) { return *util::parse_iso8601(iso); }

model::Job scheduled(const std::string& name, const std::string& schedule, bool high = false) {
  model::Job job;
  job.name = name;
  job.schedule = schedule;
  job.high_priority = high;
  return job;
}

model::Job dependent(const std::string& name, std::vector<std::string> parents) {
  model::Job job;
  job.name = name;
  job.parents = std::move(parents);
  return job;
}

model::JobSummary summary(const std::string& name, const std::string& state) {
  model::JobSummary s;
  s.name = name;
  s.state = state;
  s.status = "fresh";
  return s;
}

TEST(QueueViewTest, ScheduledJobWaitsSinceItsPassedStart) {
  const double now = epoch_of("2024-05-31T18:05:00Z");
  const JobIndex none;
  const auto since =
      waiting_since(scheduled("a", "R/2024-06-01T02:00:00.000+08:00/P1D"), none, now);
  ASSERT_TRUE(since);
  EXPECT_EQ(since->first, epoch_of("2024-05-31T18:00:00Z"));
  EXPECT_EQ(since->second, "schedule");
  // A start still ahead (a manual trigger), an empty start, R0: nothing tells.
  EXPECT_FALSE(waiting_since(scheduled("b", "R/2024-06-01T00:00:00Z/P1D"), none, now));
  EXPECT_FALSE(waiting_since(scheduled("c", "R1//PT1M"), none, now));
  EXPECT_FALSE(waiting_since(scheduled("d", "R0/2024-05-31T00:00:00Z/P1D"), none, now));
}

TEST(QueueViewTest, DependentJobWaitsSinceItsLatestParentSucceeded) {
  const double now = epoch_of("2024-05-31T12:00:00Z");
  auto p1 = scheduled("p1", "R/2024-06-01T00:00:00Z/P1D");
  p1.last_success = "2024-05-31T11:00:00.000Z";
  auto p2 = scheduled("p2", "R/2024-06-01T00:00:00Z/P1D");
  p2.last_success = "2024-05-31T11:30:00.000Z";
  const std::vector<model::Job> jobs{p1, p2};
  const auto index = index_jobs(jobs);
  auto child = dependent("child", {"p1", "p2", "gone"});
  const auto since = waiting_since(child, index, now);
  ASSERT_TRUE(since);
  EXPECT_EQ(since->first, epoch_of("2024-05-31T11:30:00Z"));
  EXPECT_EQ(since->second, "parent p2");
  // The child ran after that success: the success does not explain the queued task.
  child.last_success = "2024-05-31T11:45:00.000Z";
  EXPECT_FALSE(waiting_since(child, index, now));
}

TEST(QueueViewTest, QueuedJobsSplitHighFirstLongestWaitingFirst) {
  JobView view;
  view.jobs = {scheduled("n-late", "R/2024-05-31T11:50:00Z/PT1H"),
               scheduled("h-unknown", "R1//PT1M", true),
               scheduled("n-early", "R/2024-05-31T11:00:00Z/PT1H"),
               scheduled("idle", "R/2024-05-31T11:00:00Z/PT1H"),
               scheduled("h-known", "R/2024-05-31T11:59:00Z/PT1H", true)};
  view.summaries = {summary("n-late", "queued"),  summary("h-unknown", "queued"),
                    summary("n-early", "queued"), summary("idle", "idle"),
                    summary("h-known", "queued"), summary("deleted-meanwhile", "queued")};
  const auto queued = queued_jobs(view, epoch_of("2024-05-31T12:00:00Z"));
  std::vector<std::string> names;
  names.reserve(queued.size());
  for (const auto& q : queued) {
    names.push_back(q.job->name + (q.high ? "/high" : "/normal"));
  }
  EXPECT_EQ(names, (std::vector<std::string>{"h-known/high", "h-unknown/high", "n-early/normal",
                                             "n-late/normal"}));
  const auto j = to_json(queued[2], epoch_of("2024-05-31T12:00:00Z"));
  EXPECT_EQ(j["queue"], "normal");
  EXPECT_EQ(j["since"], "2024-05-31T11:00:00Z");
  EXPECT_EQ(j["waited_seconds"], 3600.0);
  EXPECT_EQ(j["since_from"], "schedule");
  EXPECT_TRUE(to_json(queued[1], 0)["since"].is_null());
}

TEST(QueueViewTest, GaugeMismatchNamesJobsWhosePriorityChangedWhileQueued) {
  const auto high = scheduled("h", "R1//PT1M", true);
  const auto normal = scheduled("n", "R1//PT1M");
  const std::vector<QueuedJob> queued{{&high, true, {}, ""}, {&normal, false, {}, ""}};
  EXPECT_FALSE(gauge_mismatch(queued, {1, 1}));
  EXPECT_FALSE(gauge_mismatch(queued, {2, 3}));  // tasks of jobs whose state Chronos forgot
  const auto note = gauge_mismatch(queued, {0, 2});
  ASSERT_TRUE(note);
  EXPECT_NE(note->find("1 job listed as high priority may still wait in the normal queue"),
            std::string::npos)
      << *note;
}

PriorityChange change(const std::string& before, bool run, bool triggered) {
  PriorityChange c;
  c.name = "news";
  c.high_before = false;
  c.high_after = true;
  c.state_before = before;
  c.state_after = triggered ? "queued" : before;
  c.run_requested = run;
  c.triggered = triggered;
  return c;
}

bool has_note(const PriorityChange& c, const std::string& text) {
  return std::ranges::any_of(priority_notes(c), [&](const std::string& note) {
    return note.find(text) != std::string::npos;
  });
}

TEST(QueueViewTest, QueuedTaskStaysInItsQueueUntilRequeued) {
  auto c = change("queued", true, false);
  c.ignored = IgnoredTrigger{"job news is already queued: Chronos ignores the trigger", "hint"};
  EXPECT_EQ(queue_before(c), "normal");
  EXPECT_EQ(queue_after(c), "normal");
  EXPECT_TRUE(has_note(c, "stays there: Chronos moves it to the high queue only if"));
  EXPECT_TRUE(has_note(c, "--run not sent: job news is already queued"));
  const auto j = to_json(c);
  EXPECT_EQ(j["before"]["queue"], "normal");
  EXPECT_EQ(j["after"]["priority"], "high");
  EXPECT_EQ(j["trigger_ignored"], "job news is already queued: Chronos ignores the trigger");
  EXPECT_EQ(j["changed"], true);
}

// Chronos 2.x has no queue dedup: --run of a queued job queues a copy in the new queue, which
// comes up first and launches; the old task is dropped in that offer round.
TEST(QueueViewTest, OnChronos2xATriggerOfAQueuedJobMovesItsRun) {
  auto c = change("queued", true, true);
  c.v2 = true;
  EXPECT_EQ(queue_before(c), "normal");
  EXPECT_EQ(queue_after(c), "high");
  EXPECT_TRUE(has_note(c, "Chronos 2.x queues the trigger in the high queue beside the task"));
  EXPECT_FALSE(has_note(c, "stays there"));
}

TEST(QueueViewTest, TriggeredIdleJobWaitsInTheNewQueue) {
  const auto c = change("idle", true, true);
  EXPECT_EQ(queue_before(c), "");
  EXPECT_EQ(queue_after(c), "high");
  EXPECT_TRUE(has_note(c, "drains before the normal one; nothing running is preempted"));
  EXPECT_TRUE(to_json(c)["before"]["queue"].is_null());
}

TEST(QueueViewTest, RunningJobIsNotPreempted) {
  const auto c = change("2 running", false, false);
  EXPECT_TRUE(has_note(c, "the running task is not affected: Chronos has no preemption"));
  EXPECT_EQ(queue_after(c), "");
}

TEST(QueueViewTest, IdleJobNextRunAndUnchangedPriority) {
  auto c = change("idle", false, false);
  EXPECT_TRUE(has_note(c, "next run (schedule, parent, retry or trigger) waits in the high"));
  c.high_before = true;
  EXPECT_FALSE(c.changed());
  EXPECT_TRUE(has_note(c, "already has high priority: not resubmitted"));
}

class QueueViewClientTest : public ::testing::Test {
 protected:
  FakeClock clock;
  qctl::testing::FakeTransport t;
  http::Client http{t, clock, {}};
};

TEST_F(QueueViewClientTest, CurrentStateFromTheSummaryOn3x) {
  Client c(http, {"http://chronos:4400"}, config::ChronosApi::kV3);
  t.get_fixture("http://chronos:4400/v1/scheduler/jobs/summary", "chronos/jobs-summary.json");
  t.get_fixture("http://chronos:4400/v1/scheduler/jobs/summary", "chronos/jobs-summary.json");
  EXPECT_EQ(current_state(c, "billing-export"), "queued");
  EXPECT_EQ(current_state(c, "absent"), "idle");
}

TEST_F(QueueViewClientTest, CurrentStateFromTheGraphOn2x) {
  Client c(http, {"http://chronos:4400"}, config::ChronosApi::kV2);
  t.get_fixture("http://chronos:4400/scheduler/graph/csv", "chronos/graph.csv");
  EXPECT_EQ(current_state(c, "hourly-etl"), "2 running");
}

}  // namespace
}  // namespace qctl::chronos
