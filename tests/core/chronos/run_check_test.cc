#include "core/chronos/run_check.h"

#include <gtest/gtest.h>

namespace qctl::chronos {
namespace {

model::Job job_named(const std::string& name) {
  model::Job j;
  j.name = name;
  j.schedule = "R/2024-06-01T00:00:00Z/P1D";
  return j;
}

TEST(JobRunCheck, IdleEnabledJobRuns) {
  EXPECT_FALSE(ignored_trigger(job_named("a"), "idle"));
  EXPECT_FALSE(ignored_trigger(job_named("a"), ""));
}

TEST(JobRunCheck, QueuedDisabledAndRunningNonConcurrentAreIgnored) {
  auto queued = ignored_trigger(job_named("a"), "queued");
  ASSERT_TRUE(queued);
  EXPECT_EQ(queued->message, "job a is already queued: Chronos ignores the trigger");
  auto disabled_job = job_named("b");
  disabled_job.disabled = true;
  auto disabled = ignored_trigger(disabled_job, "idle");
  ASSERT_TRUE(disabled);
  EXPECT_EQ(disabled->message, "job b is disabled: Chronos ignores the trigger");
  auto running = ignored_trigger(job_named("c"), "1 running");
  ASSERT_TRUE(running);
  EXPECT_NE(running->message.find("already running and not concurrent"), std::string::npos);
  EXPECT_TRUE(ignored_trigger(job_named("c"), "running"));  // Chronos 2.x spelling
}

// On 2.x a trigger that comes with a priority change waits in the other queue and runs; on
// 3.x it is still dropped (dedup), and a disabled job's trigger is dropped either way.
TEST(JobRunCheck, Chronos2RequeuedTriggerRunsUnlessDisabled) {
  EXPECT_FALSE(ignored_trigger(job_named("a"), "queued", true, true));
  EXPECT_TRUE(ignored_trigger(job_named("a"), "queued", true, false));
  EXPECT_TRUE(ignored_trigger(job_named("a"), "queued", false, true));
  auto disabled_job = job_named("b");
  disabled_job.disabled = true;
  const auto disabled = ignored_trigger(disabled_job, "queued", true, true);
  ASSERT_TRUE(disabled);
  EXPECT_EQ(disabled->message, "job b is disabled: Chronos ignores the trigger");
}

TEST(JobRunCheck, ConcurrentRunningJobRunsAgain) {
  auto j = job_named("d");
  j.concurrent = true;
  EXPECT_FALSE(ignored_trigger(j, "3 running"));
  EXPECT_TRUE(ignored_trigger(j, "queued")) << "dedup applies to concurrent jobs too";
}

TEST(JobRunCheck, WhatStartsWhenSent) {
  auto j = job_named("e");
  EXPECT_FALSE(starts_when_sent(j));  // a start in the schedule: it waits for it
  j.schedule.clear();
  EXPECT_TRUE(starts_when_sent(j));  // no schedule: once, now
  j.schedule = "R1//PT10M";
  EXPECT_TRUE(starts_when_sent(j));  // empty start: at once (2.x stores run-once this way)
  j.schedule = "R//P1D";
  EXPECT_TRUE(starts_when_sent(j));
  j.schedule = "R0//PT10M";
  EXPECT_FALSE(starts_when_sent(j));
  j.schedule = "R/2030-01-01T00:00:00Z/P1D";
  EXPECT_FALSE(starts_when_sent(j));
  j.schedule.clear();
  j.disabled = true;
  EXPECT_FALSE(starts_when_sent(j));
  j.disabled = false;
  j.parents = {"p"};
  EXPECT_FALSE(starts_when_sent(j));
}

TEST(JobRunCheck, RunningCountsAndFamilies) {
  EXPECT_EQ(running_count("running"), 1);
  EXPECT_EQ(running_count("12 running"), 12);
  EXPECT_EQ(running_count("queued"), 0);
  EXPECT_EQ(running_count("x running"), 0);
  EXPECT_EQ(running_count("idle"), 0);
  EXPECT_EQ(state_family("2 running"), "running");
  EXPECT_EQ(state_family("queued"), "queued");
  EXPECT_EQ(state_family(""), "idle");
}

}  // namespace
}  // namespace qctl::chronos
