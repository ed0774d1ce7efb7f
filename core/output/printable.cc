#include "core/output/printable.h"

#include <algorithm>
#include <cstdio>

namespace qctl::output {

namespace {

bool is_c0(unsigned char c) { return c < 0x20 || c == 0x7f; }

/// Length of the valid UTF-8 sequence at `i` (1 for ASCII), 0 when the bytes there are not one.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const std::size_t n = c < 0x80 ? 1 : (c >= 0xc2 && c <= 0xdf) ? 2 : (c >= 0xe0 && c <= 0xef) ? 3
                                    : (c >= 0xf0 && c <= 0xf4)   ? 4
                                                                 : 0;
  if (n == 0 || i + n > s.size()) {
    return 0;
  }
  for (std::size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) {
      return 0;
    }
  }
  return n;
}

/// Needs an escape: a C0 byte or DEL, a C1 code point (U+0080..U+009F, 0xC2 0x80..0x9F in
/// UTF-8), or a byte 0x80..0x9F outside valid UTF-8 (an 8-bit terminal takes 0x9B for CSI).
bool special_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    return is_c0(c);
  }
  const std::size_t n = utf8_length(s, i);
  if (n == 0) {
    return c <= 0x9f;
  }
  return n == 2 && is_c1_at(s, i);
}

void append_escape(std::string& out, unsigned char c) {
  switch (c) {
    case '\n':
      out += "\\n";
      return;
    case '\t':
      out += "\\t";
      return;
    case '\r':
      out += "\\r";
      return;
    case 0x1b:
      out += "\\e";
      return;
    default: {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
}

}  // namespace

bool is_c1_at(std::string_view s, std::size_t i) {
  return static_cast<unsigned char>(s[i]) == 0xc2 && i + 1 < s.size() &&
         static_cast<unsigned char>(s[i + 1]) >= 0x80 && static_cast<unsigned char>(s[i + 1]) <= 0x9f;
}

std::string printable(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && !special_at(s, i)) {
    i += std::max<std::size_t>(1, utf8_length(s, i));  // whole sequences: never a lone tail byte
  }
  std::string out(s.substr(0, i));
  while (i < s.size()) {
    if (!special_at(s, i)) {
      const std::size_t n = std::max<std::size_t>(1, utf8_length(s, i));
      out.append(s.substr(i, n));
      i += n;
      continue;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xc2 && utf8_length(s, i) == 2) {  // a C1 code point
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u00%02x", static_cast<unsigned char>(s[i + 1]));
      out += buf;
      i += 2;
    } else {
      append_escape(out, c);
      ++i;
    }
  }
  return out;
}

void escape_json_controls(std::string& text) {
  auto special = [&text](std::size_t i) { return text[i] == '\x7f' || is_c1_at(text, i); };
  std::size_t i = text.find_first_of("\x7f\xc2");
  while (i != std::string::npos && !special(i)) {
    i = text.find_first_of("\x7f\xc2", i + 1);
  }
  if (i == std::string::npos) {
    return;  // the usual case: nothing to change, nothing copied
  }
  std::string out(text, 0, i);
  out.reserve(text.size() + 16);
  for (; i < text.size(); ++i) {
    if (!special(i)) {
      out += text[i];
      continue;
    }
    const auto code = static_cast<unsigned char>(text[i]) == 0x7f
                          ? 0x7f
                          : static_cast<unsigned char>(text[i + 1]);
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\u%04x", code);
    out += buf;
    i += code == 0x7f ? 0 : 1;
  }
  text = std::move(out);
}

std::string printable_lines(std::string_view s) {
  std::string out;
  std::size_t start = 0;
  for (auto end = s.find('\n'); end != std::string_view::npos; end = s.find('\n', start)) {
    out += printable(s.substr(start, end - start)) + "\n";
    start = end + 1;
  }
  return out + printable(s.substr(start));
}

}  // namespace qctl::output
