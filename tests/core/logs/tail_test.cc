// --tail: the last lines from the end of a file, reading only what they need.
#include "core/logs/tail.h"

#include <gtest/gtest.h>

#include "tests/core/logs/memory_reader.h"

namespace qctl::logs {
namespace {

using testing::MemoryReader;

std::string numbered_lines(int from, int to) {
  std::string s;
  for (int i = from; i <= to; ++i) {
    s += "line " + std::to_string(i) + "\n";
  }
  return s;
}

TEST(LogsTailTest, LastLinesStartCountsAFinalLineWithoutNewline) {
  EXPECT_EQ(last_lines_start("a\nb\nc\n", 2), 2U);
  EXPECT_EQ(last_lines_start("a\nb\nc", 2), 2U);
  EXPECT_EQ(last_lines_start("a\nb\nc\n", 3), std::string::npos);  // needs bytes before
  EXPECT_EQ(last_lines_start("a\nb\n", 0), 4U);
}

TEST(LogsTailTest, TailOfALargeFileReadsOnlyTheEnd) {
  MemoryReader reader;
  std::string big(8 * 1024 * 1024, 'x');  // 8 MiB of one long line, then numbered lines
  big += "\n" + numbered_lines(1, 5000);
  reader.at("a1:5051", "/s/stdout") = big;
  const auto tail = read_tail(reader, {"a1:5051", "/s/stdout"}, 100, default_tail_scan(100));
  EXPECT_EQ(tail.data, numbered_lines(4901, 5000));
  EXPECT_EQ(tail.end, static_cast<std::int64_t>(big.size()));
  EXPECT_EQ(tail.start, tail.end - static_cast<std::int64_t>(tail.data.size()));
  EXPECT_FALSE(tail.clipped);
  EXPECT_LE(reader.bytes_returned, kReadChunk);  // one 64 KiB read, not 8 MiB
}

TEST(LogsTailTest, ReadsFurtherBackWhenLinesSpanSeveralChunks) {
  MemoryReader reader;
  const std::string content = numbered_lines(1, 40000);  // ~430 KB
  reader.at("a", "/f") = content;
  const auto tail = read_tail(reader, {"a", "/f"}, 20000, default_tail_scan(20000));
  EXPECT_EQ(tail.data, numbered_lines(20001, 40000));
  EXPECT_LT(reader.bytes_returned, static_cast<std::int64_t>(content.size()));
}

TEST(LogsTailTest, ShortFileGivesItAll) {
  MemoryReader reader;
  reader.at("a", "/f") = "only\nthree\nlines";
  EXPECT_EQ(read_tail(reader, {"a", "/f"}, 10, 1 << 20).data, "only\nthree\nlines");
  EXPECT_EQ(read_tail(reader, {"a", "/f"}, 0, 1 << 20).data, "");
}

TEST(LogsTailTest, BinaryWithoutNewlinesIsClippedAtACharacterBoundary) {
  MemoryReader reader;
  // "é" (C3 A9) repeated and one byte more: the scan stops an odd distance from the end,
  // inside a character, whose continuation byte must not be printed.
  std::string content;
  for (int i = 0; i < 300000; ++i) {
    content += "\xC3\xA9";
  }
  content += "z";
  reader.at("a", "/bin") = content;
  const auto tail = read_tail(reader, {"a", "/bin"}, 5, 100001);
  EXPECT_TRUE(tail.clipped);
  ASSERT_FALSE(tail.data.empty());
  EXPECT_EQ(static_cast<unsigned char>(tail.data.front()), 0xC3);
  EXPECT_LE(reader.bytes_returned, 3 * kReadChunk);
}

TEST(LogsTailTest, Utf8BoundarySkipsAtMostThreeContinuationBytes) {
  EXPECT_EQ(utf8_boundary("\xA9" "abc"), 1U);
  EXPECT_EQ(utf8_boundary("abc"), 0U);
  EXPECT_EQ(utf8_boundary("\x80\x80\x80\x80"), 3U);
}

}  // namespace
}  // namespace qctl::logs
