#include "core/output/printable.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "core/output/table.h"

namespace qctl::output {
namespace {

TEST(Printable, LeavesPrintableTextAlone) {
  EXPECT_EQ(printable("transcode-news"), "transcode-news");
  EXPECT_EQ(printable("caf\xc3\xa9 \xe2\x96\xa0 \"q\" \\"), "caf\xc3\xa9 \xe2\x96\xa0 \"q\" \\");
  EXPECT_EQ(printable(""), "");
}

TEST(Printable, EscapesC0DelAndC1) {
  EXPECT_EQ(printable("a\nb\tc\rd"), "a\\nb\\tc\\rd");
  EXPECT_EQ(printable("\x1b[2Jgone"), "\\e[2Jgone");
  EXPECT_EQ(printable("\x1b]0;title\x07"), "\\e]0;title\\x07");
  EXPECT_EQ(printable(std::string("nul\0end", 7)), "nul\\x00end");
  EXPECT_EQ(printable("del\x7f"), "del\\x7f");
  // U+009B (CSI) and U+0085 (NEL) in UTF-8; U+00A0 and U+00C2 stay.
  EXPECT_EQ(printable("x\xc2\x9b" "2Jy\xc2\x85z"), "x\\u009b2Jy\\u0085z");
  EXPECT_EQ(printable("\xc2\xa0\xc3\x82"), "\xc2\xa0\xc3\x82");
  EXPECT_EQ(printable("end\xc2"), "end\xc2");  // a cut-off sequence is not a C1
}

TEST(Printable, BytesOutsideUtf8ThatAn8BitTerminalObeys) {
  EXPECT_EQ(printable("a\x9b" "2Jb"), "a\\x9b2Jb");       // a lone CSI byte
  EXPECT_EQ(printable("\xff\xfe ok"), "\xff\xfe ok");      // other invalid bytes: not controls
  EXPECT_EQ(printable("\xe2\x96"), "\xe2\\x96");  // a cut-off sequence: its 0x96 alone is a C1
  EXPECT_EQ(printable("\xe2\x96\x9b"), "\xe2\x96\x9b");  // U+259B: 0x9B inside valid UTF-8
}

TEST(EscapeJsonControls, DelAndC1BecomeUnicodeEscapes) {
  std::string text = "{\"a\": \"x\x7fy\xc2\x9b" "z\xc2\xa0\"}";
  escape_json_controls(text);
  EXPECT_EQ(text, "{\"a\": \"x\\u007fy\\u009bz\xc2\xa0\"}");
  EXPECT_EQ(nlohmann::json::parse(text)["a"], "x\x7fy\xc2\x9b" "z\xc2\xa0");  // same value
  std::string plain = "{\"b\": \"caf\xc3\xa9\"}";
  escape_json_controls(plain);
  EXPECT_EQ(plain, "{\"b\": \"caf\xc3\xa9\"}");
}

TEST(Printable, LinesKeepTheirBreaks) {
  EXPECT_EQ(printable_lines("2 tasks match:\n  1  a\n  2  b"), "2 tasks match:\n  1  a\n  2  b");
  EXPECT_EQ(printable_lines("x\x1b[2J\ny\t"), "x\\e[2J\ny\\t");
  EXPECT_EQ(printable_lines("end\n"), "end\n");
  EXPECT_EQ(printable_lines(""), "");
}

TEST(Table, CellsShowControlCharactersAndAlignOnTheEscapes) {
  Table t({{"NAME"}, {"DESCRIPTION"}});
  t.add({"evil\x1b[2J", "two\nlines"});
  t.add({"ok", ""});
  std::ostringstream out;
  t.print(out, false, true);
  EXPECT_EQ(out.str(),
            "NAME        DESCRIPTION\n"
            "evil\\e[2J   two\\nlines\n"
            "ok          <none>\n");
}

TEST(Table, WideOnlyColumnsAndRightAlignment) {
  Table t({{"NAME"}, {"CPUS", false, true}, {"ID", true}});
  t.add({"a", "1.5", "x1"});
  t.add({"bbb", "12", "x2"});
  std::ostringstream narrow;
  t.print(narrow, false, true);
  EXPECT_EQ(narrow.str(), "NAME   CPUS\na       1.5\nbbb      12\n");
  std::ostringstream wide;
  t.print(wide, true, false);
  EXPECT_EQ(wide.str(), "a     1.5   x1\nbbb    12   x2\n");  // no headers: data widths
}

}  // namespace
}  // namespace qctl::output
