#include "core/marathon/launch_queue.h"

#include <gtest/gtest.h>

#include <string>

#include "core/marathon/decode.h"
#include "tests/support/fake_transport.h"

namespace qctl::marathon {
namespace {

std::vector<model::QueueItem> recorded_queue() {
  auto body = qctl::testing::read_fixture("marathon/marathon-queue-response.json");
  return decode_queue(body);
}

TEST(QueueLaunchTest, MostDeclinedReasonsFirstFromTheRecordedQueue) {
  const auto queue = recorded_queue();
  ASSERT_EQ(queue.size(), 2u);
  // The first app has offers but no reject summary (all used): nothing blocks it.
  EXPECT_TRUE(blocking_reasons(queue[0]).empty());
  EXPECT_EQ(blocked_by_text(queue[0]), "");
  const auto reasons = blocking_reasons(queue[1]);
  ASSERT_EQ(reasons.size(), 3u);
  EXPECT_EQ(reasons[0].reason, "InsufficientCpus");
  EXPECT_EQ(reasons[1].reason, "InsufficientMemory");
  EXPECT_EQ(blocked_by_text(queue[1]), "InsufficientCpus 75/123, InsufficientMemory 15/48");
  EXPECT_EQ(blocked_by_text(queue[1], 10),
            "InsufficientCpus 75/123, InsufficientMemory 15/48, InsufficientDisk 10/33");
  EXPECT_EQ(delay_text(queue[1]), "overdue");
}

TEST(QueueLaunchTest, TiesKeepMarathonsFunnelOrder) {
  model::QueueItem item;
  item.reject_summary = {
      {"UnfulfilledRole", 0, 4}, {"UnfulfilledConstraint", 2, 4}, {"InsufficientCpus", 2, 2}};
  EXPECT_EQ(blocked_by_text(item, 1), "UnfulfilledConstraint 2/4");
}

TEST(QueueLaunchTest, DelayLeftRoundsUp) {
  model::QueueItem item;
  item.delay_time_left_seconds = 0.4;
  EXPECT_EQ(delay_text(item), "1s");
  item.delay_time_left_seconds = 300;
  EXPECT_EQ(delay_text(item), "5m");
  item.overdue = true;
  EXPECT_EQ(delay_text(item), "overdue");
}

}  // namespace
}  // namespace qctl::marathon
