#include "core/json/splitter.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

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

// Elements far longer than the 64-byte blocks the scanner works in, with brackets, quotes
// and backslashes inside strings at every offset: each element must come out byte for byte,
// whatever the chunking.
TEST(ArraySplitterTest, LongElementsWithTrickyStringsMatchAReferenceParser) {
  std::mt19937 rng(7);
  const std::string alphabet = "ab{}[]\\\",: ";
  auto text = [&](std::size_t len) {
    std::string s;
    for (std::size_t k = 0; k < len; ++k) {
      s += alphabet[rng() % alphabet.size()];
    }
    return s;
  };
  nlohmann::json tasks = nlohmann::json::array();
  for (int t = 0; t < 60; ++t) {
    nlohmann::json task = {{"id", text(rng() % 200)}, {"n", t}};
    nlohmann::json nested = nlohmann::json::array();
    for (int k = 0; k < static_cast<int>(rng() % 8); ++k) {
      nested.push_back({{"s", text(rng() % 90)}, {"a", {text(3), {{"x", nullptr}}}}});
    }
    task["nested"] = nested;
    tasks.push_back(task);
  }
  const nlohmann::json doc = {{"before", text(100)}, {"tasks", tasks}, {"after", "]}"}};
  const std::string dumped = doc.dump();
  for (std::size_t chunk : {std::size_t{1}, std::size_t{63}, std::size_t{64}, std::size_t{100},
                            std::size_t{4096}, dumped.size()}) {
    const auto [skeleton, got] = split(dumped, {{"tasks"}}, chunk);
    ASSERT_EQ(got.size(), tasks.size()) << "chunk " << chunk;
    for (std::size_t k = 0; k < got.size(); ++k) {
      ASSERT_EQ(got[k].text, tasks[k].dump()) << "chunk " << chunk << ", element " << k;
    }
    nlohmann::json rest = doc;
    rest["tasks"] = nlohmann::json::array();
    EXPECT_EQ(nlohmann::json::parse(skeleton), rest) << "chunk " << chunk;
  }
}

}  // namespace
}  // namespace qctl::json
