// The follow loop on a fake clock: new bytes, several tasks with prefixes, a replacement,
// an agent that stops answering while the others go on.
#include "core/logs/follow.h"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/core/logs/memory_reader.h"

namespace qctl::logs {
namespace {

using testing::MemoryReader;

Source source(const std::string& task, const std::string& agent, const std::string& label) {
  return {task + "/stdout", label, task, {agent, "/sb/" + task + "/stdout"}, 0};
}

struct Rig {
  MemoryReader reader;
  FakeClock clock;
  std::ostringstream out;
  LogWriter writer{out};
  std::vector<std::string> notices;
  int refreshes = 0;

  FollowResult run(std::vector<Source> initial,
                   const std::function<SourceUpdate(int, const std::vector<Source>&)>& step) {
    Follower f(reader, clock, writer, {});
    return f.run(
        std::move(initial),
        [&](const std::vector<Source>& current) { return step(++refreshes, current); },
        [&](const std::string& n) { notices.push_back(n); });
  }
};

TEST(LogsFollowTest, PrintsNewBytesOfOneFileRawWithinAPoll) {
  Rig rig;
  rig.reader.at("a1", "/sb/t1/stdout") = "hello ";
  rig.run({source("t1", "a1", "")}, [&](int n, const std::vector<Source>& current) {
    SourceUpdate u;
    u.sources = current;
    if (n == 1) {
      rig.reader.at("a1", "/sb/t1/stdout") += "world\npartial";
    } else {
      u.done = true;
    }
    return u;
  });
  EXPECT_EQ(rig.out.str(), "hello world\npartial");
  // Polls every 250 ms: nothing waits longer than that for a read.
  EXPECT_EQ(rig.clock.slept().count() % 250, 0);
}

TEST(LogsFollowTest, SeveralTasksGetPrefixedWholeLines) {
  Rig rig;
  rig.reader.at("a1", "/sb/t1/stdout") = "one\ntw";
  rig.reader.at("a2", "/sb/t2/stdout") = "uno\n";
  rig.run({source("t1", "a1", "t1"), source("t2", "a2", "t2")},
          [&](int n, const std::vector<Source>& current) {
            SourceUpdate u;
            u.sources = current;
            rig.reader.at("a1", "/sb/t1/stdout") += n == 1 ? "o\n" : "";
            u.done = n == 2;
            return u;
          });
  EXPECT_EQ(rig.out.str(), "[t1] one\n[t2] uno\n[t1] two\n");
}

TEST(LogsFollowTest, FollowsAReplacementFromItsFirstByteAndDrainsTheEndedTask) {
  Rig rig;
  rig.reader.at("a1", "/sb/t1/stdout") = "old 1\n";
  rig.reader.at("a2", "/sb/t2/stdout") = "new 1\n";
  rig.run({source("t1", "a1", "")}, [&](int n, const std::vector<Source>&) {
    SourceUpdate u;
    if (n == 1) {
      rig.reader.at("a1", "/sb/t1/stdout") += "old last words\n";  // written as it died
      u.sources = {source("t2", "a2", "")};
      u.notices = {"task t1 ended (TASK_FAILED); following its replacement t2"};
    } else {
      u.sources = {source("t2", "a2", "")};
      u.done = true;
    }
    return u;
  });
  EXPECT_EQ(rig.out.str(), "old 1\nold last words\nnew 1\n");
  EXPECT_EQ(rig.notices,
            std::vector<std::string>{"task t1 ended (TASK_FAILED); following its replacement t2"});
}

TEST(LogsFollowTest, AgentThatStopsAnsweringIsToldAndTheOthersGoOn) {
  Rig rig;
  rig.reader.at("a1", "/sb/t1/stdout") = "";
  rig.reader.at("a2", "/sb/t2/stdout") = "";
  const auto result = rig.run({source("t1", "a1", "t1"), source("t2", "a2", "t2")},
                              [&](int n, const std::vector<Source>& current) {
                                SourceUpdate u;
                                u.sources = current;
                                if (n == 1) {
                                  rig.reader.dead_agents.insert("a1");
                                  rig.reader.at("a2", "/sb/t2/stdout") += "still here\n";
                                }
                                u.done = n == 3;
                                return u;
                              });
  EXPECT_EQ(rig.out.str(), "[t2] still here\n");
  EXPECT_EQ(result.lost, std::vector<std::string>{"t1"});
  ASSERT_EQ(rig.notices.size(), 2U);
  EXPECT_EQ(rig.notices[0], "agent a1 is not answering (connection refused)");
  EXPECT_EQ(rig.notices[1], "stopped following task t1 on agent a1");
}

TEST(LogsFollowTest, ClosedOutputEndsFollowing) {
  Rig rig;
  rig.reader.at("a1", "/sb/t1/stdout") = "x\n";
  rig.out.setstate(std::ios::badbit);
  const auto result = rig.run({source("t1", "a1", "")}, [&](int, const std::vector<Source>& c) {
    return SourceUpdate{c, {}, false};
  });
  EXPECT_TRUE(result.output_closed);
  EXPECT_EQ(rig.refreshes, 0);
}

TEST(LogsWriterTest, FinishAddsTheMissingNewlineOfALabelledLine) {
  std::ostringstream out;
  LogWriter w(out);
  w.write("k", "t1 stderr", "a\nb");
  w.finish("k", "t1 stderr");
  EXPECT_EQ(out.str(), "[t1 stderr] a\n[t1 stderr] b\n");
}

}  // namespace
}  // namespace qctl::logs
