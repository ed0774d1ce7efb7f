// Number and string formatting of the Mesos JSON writer (rapidjson's rules).
#include "sandbox/mesos/json_writer.h"

#include <gtest/gtest.h>

namespace qctl::sandbox::mesos {
namespace {

std::string dbl(double v) {
  std::string out;
  append_json_double(out, v);
  return out;
}

TEST(SandboxMesosJsonWriter, DoublesLookLikeRapidjson) {
  EXPECT_EQ(dbl(4.0), "4.0");
  EXPECT_EQ(dbl(1024), "1024.0");
  EXPECT_EQ(dbl(0), "0.0");
  EXPECT_EQ(dbl(0.1), "0.1");
  EXPECT_EQ(dbl(3.35), "3.35");
  EXPECT_EQ(dbl(-2.5), "-2.5");
  EXPECT_EQ(dbl(1717000000.123456), "1717000000.123456");
  EXPECT_EQ(dbl(0.08750000000000001), "0.08750000000000001");
  EXPECT_EQ(dbl(0.000123), "0.000123");
  EXPECT_EQ(dbl(8.87784090909091e-05), "0.0000887784090909091");
  EXPECT_EQ(dbl(1.5e-7), "1.5e-7");
  EXPECT_EQ(dbl(1e20), "100000000000000000000.0");
  EXPECT_EQ(dbl(1e21), "1e21");
}

TEST(SandboxMesosJsonWriter, CommasAndEscapes) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.field("a", "q\"\\\n\x01/é");
  w.key("b");
  w.begin_array();
  w.integer(1);
  w.boolean(true);
  w.begin_object();
  w.end_object();
  w.end_array();
  w.field("c", 2.0);
  w.end_object();
  EXPECT_EQ(out, R"({"a":"q\"\\\n\u0001/é","b":[1,true,{}],"c":2.0})");
}

}  // namespace
}  // namespace qctl::sandbox::mesos
