// /files/read answers decoded byte-exactly: raw binary, split UTF-8, escapes, the size probe.
#include <gtest/gtest.h>

#include "core/mesos/decode.h"

namespace qctl::mesos {
namespace {

TEST(MesosDecodeFileChunkTest, KeepsRawBytesAStrictParserWouldReject) {
  // Mesos (rapidjson without validation) writes bytes >= 0x80 as they are: here a UTF-8
  // "é" cut after its first byte at the chunk edge, then arbitrary binary.
  const std::string body = "{\"data\":\"caf\xC3\xFF\xFE\x80\",\"offset\":65536}";
  const auto chunk = decode_file_chunk(body);
  EXPECT_EQ(chunk.offset, 65536);
  EXPECT_EQ(chunk.data, std::string("caf\xC3\xFF\xFE\x80"));
}

TEST(MesosDecodeFileChunkTest, DecodesEscapesAsMesosWritesThem) {
  const auto chunk = decode_file_chunk(
      R"({"data":"a\"b\\c\/\n\t\r\b\f\u0000\u001b[0m\u00e9\ud83d\ude00","offset":0})");
  EXPECT_EQ(chunk.data, std::string("a\"b\\c/\n\t\r\b\f\0\x1b[0m\xC3\xA9\xF0\x9F\x98\x80", 22));
}

TEST(MesosDecodeFileChunkTest, LoneSurrogateBecomesReplacementCharacter) {
  EXPECT_EQ(decode_file_chunk(R"({"data":"\ud800x","offset":0})").data, "\xEF\xBF\xBDx");
}

TEST(MesosDecodeFileChunkTest, SizeProbeAnswerAndFieldOrderAndWhitespace) {
  EXPECT_EQ(decode_file_chunk(R"({"data":"","offset":1073741824})").offset, 1073741824);
  EXPECT_EQ(decode_file_chunk(" { \"offset\" : 5 , \"data\" : \"x\" } ").data, "x");
}

TEST(MesosDecodeFileChunkTest, AnythingElseIsADecodeError) {
  EXPECT_THROW((void)decode_file_chunk("<html>502 Bad Gateway</html>"), json::DecodeError);
  EXPECT_THROW((void)decode_file_chunk(R"({"data":"unterminated)"), json::DecodeError);
  EXPECT_THROW((void)decode_file_chunk(R"({"data":"x"})"), json::DecodeError);
  EXPECT_THROW((void)decode_file_chunk(R"({"data":"\q","offset":0})"), json::DecodeError);
}

}  // namespace
}  // namespace qctl::mesos
