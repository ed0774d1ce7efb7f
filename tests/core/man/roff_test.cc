// The roff pieces: escaping that keeps any text literal, and a page rendered exactly.
#include "core/man/roff.h"

#include <gtest/gtest.h>

#include "core/man/reference.h"

namespace qctl::man {
namespace {

TEST(ManRoffEscape, HyphensAndBackslashesStayLiteral) {
  EXPECT_EQ(escape("--selector dc=bj1"), "\\-\\-selector dc=bj1");
  EXPECT_EQ(escape("a \\ b"), "a \\e b");
  EXPECT_EQ(escape("\\fB"), "\\efB");  // a font escape in the text is shown, not obeyed
}

TEST(ManRoffEscape, ALeadingDotIsNotARequest) {
  EXPECT_EQ(escape(".mesos.resources"), "\\&.mesos.resources");
  EXPECT_EQ(escape("x\n.TH"), "x\n\\&.TH");
  EXPECT_EQ(escape("jq .mesos"), "jq .mesos");  // only at the start of a line
}

TEST(ManRoffEscape, QuotesRenderAsTypedSoCommandsCopyPaste) {
  EXPECT_EQ(escape("'agent*'"), "\\(aqagent*\\(aq");  // a leading ' is no control line either
  EXPECT_EQ(escape("`x`"), "\\(gax\\(ga");
  EXPECT_EQ(escape("say \"hi\""), "say \"hi\"");
}

TEST(ManRoffEscape, NonAsciiBecomesUnicodeEscapes) {
  EXPECT_EQ(escape("caf\xC3\xA9 \xE2\x80\xA6"), "caf\\[u00E9] \\[u2026]");
  EXPECT_EQ(escape("\xF0\x9F\x98\x80"), "\\[u1F600]");
  EXPECT_EQ(escape("\xFF"), "\\[uFFFD]");
  EXPECT_EQ(escape("\xC3"), "\\[uFFFD]");  // truncated sequence
}

TEST(ManRoffQuoteArg, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(quote_arg("NAME"), "NAME");
  EXPECT_EQ(quote_arg("EXIT STATUS"), "\"EXIT STATUS\"");
  EXPECT_EQ(quote_arg("say \"hi\""), "\"say \\(dqhi\\(dq\"");
  EXPECT_EQ(quote_arg(""), "\"\"");
  EXPECT_EQ(quote_arg("qctl-status"), "qctl\\-status");
}

TEST(ManRoffInline, FontsAreSwitchedBackToRoman) {
  EXPECT_EQ(render_inline({{Font::kBold, "-o"}, {Font::kRoman, " "}, {Font::kItalic, "FORMAT"}}),
            "\\fB\\-o\\fR \\fIFORMAT\\fR");
}

TEST(ManRoffRender, APageWithEveryKindOfBlock) {
  Page page{"qctl-demo", 1, "2026-01-02", "qctl 1.0", "qctl manual", "generated", {}};
  page.sections.push_back({"NAME", {Paragraph{{{Font::kRoman, "qctl-demo - Demo things"}}}}});
  page.sections.push_back(
      {"SYNOPSIS", {Lines{{{{Font::kBold, "qctl demo"}}, {{Font::kBold, "qctl demo x"}}}}}});
  page.sections.push_back(
      {"OPTIONS",
       {Paragraph{{{Font::kRoman, "  Intro.  "}}},
        Item{{{Font::kBold, "--all"}}, {{Font::kRoman, "Everything"}}}, Subheading{"qctl demo x"},
        Item{{{Font::kBold, "-n"}}, {{Font::kRoman, "Count"}}},
        Paragraph{{{Font::kRoman, "After."}}}}});
  page.sections.push_back({"EXAMPLES", {Example{{"qctl demo \\", "    --all  ", "", ".x"}}}});
  EXPECT_EQ(render(page),
            ".\\\" generated\n"
            ".TH QCTL\\-DEMO 1 2026-01-02 \"qctl 1.0\" \"qctl manual\"\n"
            ".SH NAME\n"
            "qctl\\-demo \\- Demo things\n"
            ".SH SYNOPSIS\n"
            "\\fBqctl demo\\fR\n"
            ".br\n"
            "\\fBqctl demo x\\fR\n"
            ".SH OPTIONS\n"
            "Intro.\n"
            ".TP\n"
            "\\fB\\-\\-all\\fR\n"
            "Everything\n"
            ".SS \"qctl demo x\"\n"
            ".TP\n"
            "\\fB\\-n\\fR\n"
            "Count\n"
            ".PP\n"
            "After.\n"
            ".SH EXAMPLES\n"
            ".RS 4\n"
            ".EX\n"
            "qctl demo \\e\n"
            "    \\-\\-all\n"
            "\\&.x\n"
            ".EE\n"
            ".RE\n");
}

TEST(ManRoffRender, LongTextIsWrappedAtSpacesAndNeverStartsALineWithADot) {
  const std::string a75(75, 'a');
  Page page{"x",
            1,
            "d",
            "s",
            "m",
            "",
            {{"DESCRIPTION", {Paragraph{{{Font::kRoman, a75 + " and .mesos is e.g. " + a75}}}}}}};
  EXPECT_EQ(render(page), ".TH X 1 d s m\n.SH DESCRIPTION\n" + a75 + " and\n" +
                              "\\&.mesos is\ne.g. " + a75 + "\n");
}

TEST(ManRoffInline, ADotAfterOtherTextNeedsNoGuard) {
  EXPECT_EQ(render_inline({{Font::kBold, "--timeout"}, {Font::kRoman, "."}}),
            "\\fB\\-\\-timeout\\fR.");
  EXPECT_EQ(render_inline({{Font::kRoman, ".dot"}}), "\\&.dot");
}

TEST(ManReference, SectionsHoldEveryExitCodeAndVariable) {
  const auto text = render(
      {"x", 1, "d", "s", "m", "", {exit_status_section(), environment_section(), files_section()}});
  for (const auto* needle :
       {"\\fB130\\fR", "\\fBQCTL_CONFIG\\fR", "\\fBQCTL_CONTEXT\\fR", "\\fBQCTL_MESOS\\fR",
        "\\fBQCTL_MARATHON\\fR", "\\fBQCTL_CHRONOS\\fR", "\\fBXDG_CONFIG_HOME\\fR",
        "\\fBXDG_CACHE_HOME\\fR", "\\fBNO_COLOR\\fR", "https_proxy", "\\fBHOME\\fR",
        "\\fI~/.config/qctl/config\\fR"}) {
    EXPECT_NE(text.find(needle), std::string::npos) << needle;
  }
}

}  // namespace
}  // namespace qctl::man
