#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/output/format.h"

namespace qctl::output {
namespace {

using nlohmann::json;

TEST(Yaml, NestedObjectsAndListsInBlockStyle) {
  const auto doc = json::parse(R"({
    "name": "web", "instances": 2, "cpus": 0.5, "mem": 100.0, "healthy": null, "up": true,
    "labels": {"team": "video", "tier": {"level": 1}},
    "ports": [80, 443],
    "tasks": [{"id": "t1", "ips": ["10.0.0.1"]}, {"id": "t2", "ips": []}],
    "grid": [[1, 2], [], [[3]]],
    "empty": {}
  })");
  EXPECT_EQ(to_yaml(doc),
            "cpus: 0.5\n"
            "empty: {}\n"
            "grid:\n"
            "- - 1\n"
            "  - 2\n"
            "- []\n"
            "- - - 3\n"
            "healthy: null\n"
            "instances: 2\n"
            "labels:\n"
            "  team: video\n"
            "  tier:\n"
            "    level: 1\n"
            "mem: 100.0\n"
            "name: web\n"
            "ports:\n"
            "- 80\n"
            "- 443\n"
            "tasks:\n"
            "- id: t1\n"
            "  ips:\n"
            "  - \"10.0.0.1\"\n"  // digits and dots only: quoted, as a number would read
            "- id: t2\n"
            "  ips: []\n"
            "up: true\n");
}

TEST(Yaml, QuotesStringsAPlainScalarWouldMisread) {
  const auto doc = json::array({"", "true", "No", "~", "42", "1.5e3", "-x", "a: b", "x #y",
                                "ends:", " padded", "tab\there", "plain text", "v1.2-beta"});
  EXPECT_EQ(to_yaml(doc),
            "- \"\"\n"
            "- \"true\"\n"
            "- \"No\"\n"
            "- \"~\"\n"
            "- \"42\"\n"
            "- \"1.5e3\"\n"
            "- \"-x\"\n"
            "- \"a: b\"\n"
            "- \"x #y\"\n"
            "- \"ends:\"\n"
            "- \" padded\"\n"
            "- \"tab\\there\"\n"
            "- plain text\n"
            "- v1.2-beta\n");
}

// Numbers YAML readers see in forms beyond digits (1.2's hex, octal, .inf and .nan, 1.1's
// binary and sexagesimal), and line breaks beyond \n: quoted, the breaks as \u escapes.
TEST(Yaml, QuotesOtherNumberFormsAndUnicodeLineBreaks) {
  const auto doc = json::array({"0x1F", "0o17", "0b101", ".inf", "-.Inf", ".NaN", "1:30",
                                "12:30:45", "0xZZ", "a\u2028b", "del\x7f", "10.0.1.5:5051x",
                                "a1:30", "infinity", "csi\xc2\x9b" "2J"});
  EXPECT_EQ(to_yaml(doc),
            "- \"0x1F\"\n"
            "- \"0o17\"\n"
            "- \"0b101\"\n"
            "- \".inf\"\n"
            "- \"-.Inf\"\n"
            "- \".NaN\"\n"
            "- \"1:30\"\n"
            "- \"12:30:45\"\n"
            "- 0xZZ\n"
            "- \"a\\u2028b\"\n"
            "- \"del\\u007f\"\n"
            "- 10.0.1.5:5051x\n"
            "- a1:30\n"
            "- infinity\n"
            "- \"csi\\u009b2J\"\n");
}

TEST(Yaml, EmptyDocumentsAndScalars) {
  EXPECT_EQ(to_yaml(json::object()), "{}\n");
  EXPECT_EQ(to_yaml(json::array()), "[]\n");
  EXPECT_EQ(to_yaml(json(7)), "7\n");
  EXPECT_EQ(to_yaml(json("yes")), "\"yes\"\n");
  EXPECT_EQ(to_yaml(json::object({{"MARATHON_SINGLE_INSTANCE_APP", "false"}, {"*", 1}})),
            "\"*\": 1\nMARATHON_SINGLE_INSTANCE_APP: \"false\"\n");
}

}  // namespace
}  // namespace qctl::output
