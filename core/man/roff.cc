#include "core/man/roff.h"

#include <array>
#include <cstdint>
#include <cstdio>

namespace qctl::man {

namespace {

// Decodes one UTF-8 sequence starting at text[i]; advances i past it. Invalid bytes give
// U+FFFD so a stray byte still renders as something visible.
std::uint32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i++]);
  int extra = 0;
  std::uint32_t cp = 0;
  if ((lead & 0xE0U) == 0xC0U) {
    extra = 1;
    cp = lead & 0x1FU;
  } else if ((lead & 0xF0U) == 0xE0U) {
    extra = 2;
    cp = lead & 0x0FU;
  } else if ((lead & 0xF8U) == 0xF0U) {
    extra = 3;
    cp = lead & 0x07U;
  } else {
    return 0xFFFD;
  }
  for (int k = 0; k < extra; ++k) {
    if (i >= text.size() || (static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) {
      return 0xFFFD;
    }
    cp = (cp << 6U) | (static_cast<unsigned char>(text[i++]) & 0x3FU);
  }
  return cp;
}

std::string unicode_escape(std::uint32_t cp) {
  std::array<char, 16> buf{};
  std::snprintf(buf.data(), buf.size(), "\\[u%04X]", cp);
  return buf.data();
}

void rtrim(std::string& line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
    line.pop_back();
  }
}

constexpr std::size_t kMaxLine = 80;  // mandoc's style limit for input lines

// Where to break `line` so the first part fits kMaxLine: the last space that fits, preferring
// one not after a full stop (which would read as a sentence end and get a wider space).
std::size_t break_at(const std::string& line) {
  std::size_t any = std::string::npos;
  for (std::size_t i = kMaxLine; i > 0; --i) {
    if (line[i] != ' ') {
      continue;
    }
    if (line[i - 1] != '.') {
      return i;
    }
    if (any == std::string::npos) {
      any = i;
    }
  }
  return any != std::string::npos ? any : line.find(' ', kMaxLine);
}

// Appends filled `text` as input lines of at most kMaxLine bytes where spaces allow. Blanks at
// either end are dropped (a leading blank would force a break), and a line that would start
// with a dot is guarded.
void add_text(std::string& out, std::string text, bool wrap = true) {
  rtrim(text);
  text.erase(0, text.find_first_not_of(' '));
  while (wrap && text.size() > kMaxLine) {
    const auto at = break_at(text);
    if (at == std::string::npos) {
      break;
    }
    out += text.substr(0, at) + '\n';
    text.erase(0, text.find_first_not_of(' ', at));
    if (!text.empty() && text.front() == '.') {
      text.insert(0, "\\&");
    }
  }
  out += text + '\n';
}

struct Renderer {
  std::string& out;
  bool after_heading = true;  // no .PP right after .SH/.SS

  void paragraph_break() {
    if (!after_heading) {
      out += ".PP\n";
    }
  }
  void operator()(const Paragraph& p) {
    paragraph_break();
    add_text(out, render_inline(p.text));
  }
  void operator()(const Lines& l) {
    paragraph_break();
    for (std::size_t i = 0; i < l.lines.size(); ++i) {
      if (i > 0) {
        out += ".br\n";
      }
      add_text(out, render_inline(l.lines[i]));
    }
  }
  void operator()(const Item& item) {
    out += ".TP\n";
    add_text(out, render_inline(item.tag), false);  // one line: the tag
    add_text(out, render_inline(item.body));
  }
  void operator()(const Example& e) {
    paragraph_break();
    out += ".RS 4\n.EX\n";
    for (const auto& line : e.lines) {
      // No-fill mode: leading blanks are the layout, kept; a blank line would be noise.
      auto escaped = escape(line);
      rtrim(escaped);
      if (!escaped.empty()) {
        out += escaped + '\n';
      }
    }
    out += ".EE\n.RE\n";
  }
  void operator()(const Subheading& s) { out += ".SS " + quote_arg(s.title) + '\n'; }
};

}  // namespace

std::string escape(std::string_view text) { return escape_from(text, true); }

std::string escape_from(std::string_view text, bool line_start) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (line_start && c == '.') {
      out += "\\&";
    }
    line_start = c == '\n';
    if (static_cast<unsigned char>(c) >= 0x80U) {
      out += unicode_escape(next_code_point(text, i));
      continue;
    }
    ++i;
    switch (c) {
      case '\\':
        out += "\\e";
        break;
      case '-':
        out += "\\-";
        break;
      case '\'':
        out += "\\(aq";
        break;
      case '`':
        out += "\\(ga";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string quote_arg(std::string_view text) {
  auto escaped = escape(text);
  if (escaped.find_first_of(" \"") == std::string::npos && !escaped.empty()) {
    return escaped;
  }
  std::string out = "\"";
  for (const char c : escaped) {
    out += c == '"' ? std::string("\\(dq") : std::string(1, c);
  }
  return out + '"';
}

std::string render_inline(const Inline& text) {
  std::string out;
  for (const auto& span : text) {
    // A span's dot needs guarding only when nothing precedes it on the line.
    const auto escaped = escape_from(span.text, out.empty() || out.back() == '\n');
    switch (span.font) {
      case Font::kRoman:
        out += escaped;
        break;
      case Font::kBold:
        out += "\\fB" + escaped + "\\fR";
        break;
      case Font::kItalic:
        out += "\\fI" + escaped + "\\fR";
        break;
    }
  }
  return out;
}

std::string render(const Page& page) {
  std::string out;
  if (!page.comment.empty()) {
    out += ".\\\" " + page.comment + '\n';
  }
  std::string title;
  for (const char c : page.name) {
    title += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  out += ".TH " + quote_arg(title) + ' ' + std::to_string(page.section) + ' ' + page.date + ' ' +
         quote_arg(page.source) + ' ' + quote_arg(page.manual) + '\n';
  for (const auto& section : page.sections) {
    out += ".SH " + quote_arg(section.title) + '\n';
    Renderer renderer{out};
    for (const auto& block : section.blocks) {
      std::visit(renderer, block);
      renderer.after_heading = std::holds_alternative<Subheading>(block);
    }
  }
  return out;
}

}  // namespace qctl::man
