#include "core/json/splitter.h"

#include <gtest/gtest.h>

#include "core/json/decode.h"

namespace qctl::json {
namespace {

struct Captured {
  std::size_t target;
  std::vector<std::size_t> indices;
  std::string text;
};

std::pair<std::string, std::vector<Captured>> split(const std::string& doc,
                                                     std::vector<ArraySplitter::Path> targets,
                                                     std::size_t chunk) {
  std::vector<Captured> got;
  ArraySplitter splitter(std::move(targets), [&](std::size_t t, const std::vector<std::size_t>& i,
                                                 std::string& e) { got.push_back({t, i, e}); });
  for (std::size_t at = 0; at < doc.size(); at += chunk) {
    splitter.feed(std::string_view(doc).substr(at, chunk));
  }
  return {splitter.finish(), got};
}

TEST(ArraySplitterTest, HandsOutElementsAndKeepsAnEmptyArrayInTheSkeleton) {
  const std::string doc = R"( {"hostname":"m1", "frameworks":[{"id":"f0","tasks":[{"id":"a"},
      {"id":"b","x":[1,{"y":"]}"}]}]},{"id":"f1","tasks":[{"id":"c\"}"}]}], "n": 2 } )";
  for (std::size_t chunk : {std::size_t{1}, std::size_t{3}, std::size_t{17}, doc.size()}) {
    const auto [skeleton, got] = split(doc, {{"frameworks", "tasks"}}, chunk);
    EXPECT_EQ(skeleton,
              R"({"hostname":"m1","frameworks":[{"id":"f0","tasks":[]},{"id":"f1","tasks":[]}],"n":2})")
        << "chunk " << chunk;
    ASSERT_EQ(got.size(), 3U);
    EXPECT_EQ(got[0].text, R"({"id":"a"})");
    EXPECT_EQ(got[1].text, R"({"id":"b","x":[1,{"y":"]}"}]})");  // brackets inside strings
    EXPECT_EQ(got[2].text, R"({"id":"c\"}"})");                   // escaped quote
    EXPECT_EQ(got[0].indices, std::vector<std::size_t>{0});
    EXPECT_EQ(got[2].indices, std::vector<std::size_t>{1});  // second framework
  }
}

TEST(ArraySplitterTest, OnlyTheChosenPathsAreSplit) {
  const std::string doc = R"({"tasks":[{"id":"x"}],"other":{"tasks":[{"id":"y"}]}})";
  const auto [skeleton, got] = split(doc, {{"tasks"}}, 5);
  EXPECT_EQ(skeleton, R"({"tasks":[],"other":{"tasks":[{"id":"y"}]}})");
  ASSERT_EQ(got.size(), 1U);
}

TEST(ArraySplitterTest, TruncatedAndTrailingAndNonJsonAreDecodeErrors) {
  EXPECT_THROW(split(R"({"tasks":[{"id":"x"},{"id")", {{"tasks"}}, 4), DecodeError);
  EXPECT_THROW(split(R"({"tasks":[]} {})", {{"tasks"}}, 4), DecodeError);
  EXPECT_THROW(split("<html>", {{"tasks"}}, 4), DecodeError);
  EXPECT_THROW(split(R"({"tasks":[}])", {{"tasks"}}, 4), DecodeError);
}

}  // namespace
}  // namespace qctl::json
