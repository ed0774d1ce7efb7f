#include "core/json/decode.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace qctl::json {
namespace {

using ::testing::HasSubstr;

// Parses `body` and hands the value of its field "v" to fn.
template <class F>
void with_field(std::string body, F&& fn) {
  parse(body, [&](Value& root) {
    fields(root, [&](std::string_view key, Value& value) {
      if (key == "v") {
        fn(value);
      }
    });
  });
}

std::string decode_error(std::string body) {
  try {
    parse(body, [](Value& root) { fields(root, [](std::string_view, Value) {}); });
  } catch (const DecodeError& e) {
    return e.what();
  }
  return "no error";
}

TEST(JsonDecodeTest, TruncatedBodyIsInvalidOrTruncated) {
  EXPECT_THAT(decode_error(R"({"slaves":[{"id":"a"},{"id":)"),
              HasSubstr("invalid or truncated JSON"));
  EXPECT_THAT(decode_error(R"({"a":1)"), HasSubstr("invalid or truncated JSON"));
}

TEST(JsonDecodeTest, HtmlPageSaysHtml) {
  const std::string html =
      "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body></body></html>";
  EXPECT_THAT(decode_error(html), HasSubstr("HTML"));
  EXPECT_THAT(decode_error("  <html>login required</html>"), HasSubstr("HTML"));
}

TEST(JsonDecodeTest, EmptyBodyIsReportedAsEmpty) {
  EXPECT_THAT(decode_error(""), HasSubstr("empty response body"));
  EXPECT_THAT(decode_error(" \n"), HasSubstr("empty response body"));
}

TEST(JsonDecodeTest, TrailingGarbageIsDetected) {
  EXPECT_THAT(decode_error(R"({"a":1} {"b":2})"), HasSubstr("invalid or truncated JSON"));
  EXPECT_THAT(decode_error(R"({"a":1}xyz)"), HasSubstr("invalid or truncated JSON"));
}

TEST(JsonDecodeTest, ValidBodyWithTrailingWhitespaceIsAccepted) {
  EXPECT_EQ(decode_error("{\"a\":1}\n\n"), "no error");
}

TEST(JsonDecodeTest, NumbersAcceptDoublesIntegersAndNumericStrings) {
  double d = -1;
  with_field(R"({"v":4.0})", [&](Value& v) { d = number(v); });
  EXPECT_DOUBLE_EQ(d, 4.0);
  with_field(R"({"v":1024})", [&](Value& v) { d = number(v); });
  EXPECT_DOUBLE_EQ(d, 1024.0);
  with_field(R"({"v":"0.5"})", [&](Value& v) { d = number(v); });
  EXPECT_DOUBLE_EQ(d, 0.5);
  with_field(R"({"v":" 2.25 "})", [&](Value& v) { d = number(v); });
  EXPECT_DOUBLE_EQ(d, 2.25);
}

TEST(JsonDecodeTest, NonNumericStringIsADecodeError) {
  EXPECT_THROW(with_field(R"({"v":"lots"})", [](Value& v) { (void)number(v); }), DecodeError);
}

TEST(JsonDecodeTest, IntegersAcceptDoubleStyle) {
  std::int64_t i = -1;
  with_field(R"({"v":5051})", [&](Value& v) { i = integer(v); });
  EXPECT_EQ(i, 5051);
  with_field(R"({"v":3.0})", [&](Value& v) { i = integer(v); });
  EXPECT_EQ(i, 3);
}

TEST(JsonDecodeTest, NullIsToleratedEverywhere) {
  std::string body = R"({"n":null,"s":null,"b":null,"a":null,"o":null,"i":null})";
  parse(body, [](Value& root) {
    fields(root, [](std::string_view key, Value& v) {
      if (key == "n") {
        EXPECT_DOUBLE_EQ(number(v), 0.0);
      } else if (key == "s") {
        EXPECT_EQ(string(v), "");
      } else if (key == "b") {
        EXPECT_FALSE(boolean(v));
      } else if (key == "a") {
        EXPECT_TRUE(string_array(v).empty());
      } else if (key == "o") {
        EXPECT_TRUE(number_map(v).empty());
      } else if (key == "i") {
        EXPECT_EQ(integer(v), 0);
      }
    });
  });
}

TEST(JsonDecodeTest, StringRendersMixedTypesAsText) {
  std::vector<std::string> seen;
  std::string body = R"({"a":"bj1","b":3.0,"c":2.5,"d":true,"e":"esc\"aped\n"})";
  parse(body, [&](Value& root) {
    fields(root, [&](std::string_view, Value& v) { seen.push_back(string(v)); });
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"bj1", "3", "2.5", "true", "esc\"aped\n"}));
}

TEST(JsonDecodeTest, MapsAndArraysDecode) {
  std::string body = R"({"m":{"cpus":4.0,"mem":"1024"},"s":{"k":"v","n":1},"a":["x","y"]})";
  parse(body, [](Value& root) {
    fields(root, [](std::string_view key, Value& v) {
      if (key == "m") {
        const auto m = number_map(v);
        EXPECT_DOUBLE_EQ(m.at("cpus"), 4.0);
        EXPECT_DOUBLE_EQ(m.at("mem"), 1024.0);
      } else if (key == "s") {
        const auto s = string_map(v);
        EXPECT_EQ(s.at("k"), "v");
        EXPECT_EQ(s.at("n"), "1");
      } else if (key == "a") {
        EXPECT_EQ(string_array(v), (std::vector<std::string>{"x", "y"}));
      }
    });
  });
}

TEST(JsonDecodeTest, UnconsumedFieldsAreSkipped) {
  std::string body = R"({"skip":{"deep":[1,{"x":[2,3]}]},"want":"yes"})";
  std::string want;
  parse(body, [&](Value& root) {
    fields(root, [&](std::string_view key, Value& v) {
      if (key == "want") {
        want = string(v);
      }
    });
  });
  EXPECT_EQ(want, "yes");
}

}  // namespace
}  // namespace qctl::json
