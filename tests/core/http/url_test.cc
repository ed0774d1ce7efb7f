#include "core/http/url.h"

#include <gtest/gtest.h>

namespace qctl::http {
namespace {

TEST(UrlTest, ParsesSchemeHostPortAndPath) {
  const auto u = parse_url("https://m1.example.com:5050/master/state?x=1");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->scheme, "https");
  EXPECT_EQ(u->host, "m1.example.com");
  EXPECT_EQ(u->port, 5050);
  EXPECT_EQ(u->path, "/master/state?x=1");
  EXPECT_EQ(u->origin(), "https://m1.example.com:5050");
}

TEST(UrlTest, DefaultsPortBySchemeAndBracketsIpv6) {
  EXPECT_EQ(parse_url("http://m1")->port, 80);
  EXPECT_EQ(parse_url("https://m1")->port, 443);
  EXPECT_EQ(parse_url("http://[::1]:5050")->origin(), "http://[::1]:5050");
}

TEST(UrlTest, RejectsMalformedUrls) {
  EXPECT_FALSE(parse_url("m1:5050"));
  EXPECT_FALSE(parse_url("ftp://m1"));
  EXPECT_FALSE(parse_url("http://"));
  EXPECT_FALSE(parse_url("http://m1:99999"));
  EXPECT_FALSE(parse_url("http://m1:port"));
  EXPECT_FALSE(parse_url("http://user:pw@m1"));  // credentials would leak into traces
}

TEST(UrlTest, ResolvesMesosSchemeLessLocationWithTheRequestScheme) {
  EXPECT_EQ(resolve_location("https://m1:5050/master/state", "//m2.example.com:5050/master/state"),
            "https://m2.example.com:5050/master/state");
  EXPECT_EQ(resolve_location("http://m1:5050/master/redirect", "//m2:5050"), "http://m2:5050");
}

TEST(UrlTest, ResolvesAbsoluteAndPathLocations) {
  EXPECT_EQ(resolve_location("http://m1:8080/v2/events", "http://m2:8080/v2/events"),
            "http://m2:8080/v2/events");
  EXPECT_EQ(resolve_location("http://m1:8080/a", "/b"), "http://m1:8080/b");
  EXPECT_FALSE(resolve_location("http://m1:8080/a", "relative"));
}

TEST(UrlTest, JoinsWithOneSlash) {
  EXPECT_EQ(join_url("http://h:1/", "/v2/apps"), "http://h:1/v2/apps");
  EXPECT_EQ(join_url("http://h:1/prefix", "v2/apps"), "http://h:1/prefix/v2/apps");
}

TEST(UrlTest, EncodesReservedCharacters) {
  EXPECT_EQ(url_encode("a b;c/d"), "a%20b%3Bc%2Fd");
  EXPECT_EQ(url_encode("safe-._~"), "safe-._~");
}

}  // namespace
}  // namespace qctl::http
