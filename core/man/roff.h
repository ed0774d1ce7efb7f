// A manual page as plain data, and its man(7) roff rendering with every piece of text escaped.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace qctl::man {

enum class Font { kRoman, kBold, kItalic };

/// A run of text in one font.
struct Span {
  Font font = Font::kRoman;
  std::string text;
};
using Inline = std::vector<Span>;

/// A filled paragraph (.PP).
struct Paragraph {
  Inline text;
};
/// Short lines kept apart by line breaks (a synopsis).
struct Lines {
  std::vector<Inline> lines;
};
/// A tagged paragraph (.TP): an option, a variable, an exit code.
struct Item {
  Inline tag;
  Inline body;
};
/// Verbatim lines in an indented example block (.EX), e.g. shell commands.
struct Example {
  std::vector<std::string> lines;
};
/// A subsection heading (.SS).
struct Subheading {
  std::string title;
};

using Block = std::variant<Paragraph, Lines, Item, Example, Subheading>;

struct Section {
  std::string title;  // "NAME", "EXIT STATUS"…
  std::vector<Block> blocks;
};

struct Page {
  std::string name;  // "qctl-status"; the .TH title is its upper case
  int section = 1;
  std::string date;     // YYYY-MM-DD, written as it is
  std::string source;   // "qctl 0.1.0"
  std::string manual;   // "qctl manual"
  std::string comment;  // a `.\"` comment line at the top, e.g. "generated, do not edit"
  std::vector<Section> sections;
};

/// `text` made safe as roff input: `\` becomes `\e`, `-` `\-`, `'` `\(aq`, a backquote `\(ga`,
/// other non-ASCII characters `\[uXXXX]`, and a `.` starting a line is guarded with `\&` so it
/// is never read as a request. Newlines are kept.
std::string escape(std::string_view text);

/// escape() for text that continues a line when `line_start` is false (no dot guard first).
std::string escape_from(std::string_view text, bool line_start);

/// `text` as one macro argument: escaped, and in double quotes (with `"` as `\(dq`) when it
/// holds a space or a quote.
std::string quote_arg(std::string_view text);

/// The spans escaped, each non-roman one wrapped in `\fB`/`\fI` … `\fR`.
std::string render_inline(const Inline& text);

/// The whole page as man(7) source: deterministic, no blank lines, no trailing spaces, no
/// paragraph macro right after a heading (what `groff -ww` and `mandoc -T lint` accept).
std::string render(const Page& page);

}  // namespace qctl::man
