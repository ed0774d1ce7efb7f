// /files/read answers decoded byte-exactly, whatever the file holds (see decode.h).
#include <charconv>
#include <cstdint>
#include <string>

#include "core/mesos/decode.h"

namespace qctl::mesos {

namespace {

class Reader {
 public:
  explicit Reader(std::string_view body) : s_(body) {}

  void skip_ws() {
    while (at_ < s_.size() &&
           (s_[at_] == ' ' || s_[at_] == '\t' || s_[at_] == '\n' || s_[at_] == '\r')) {
      ++at_;
    }
  }
  bool eat(char c) {
    skip_ws();
    if (at_ < s_.size() && s_[at_] == c) {
      ++at_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!eat(c)) {
      fail(std::string("expected '") + c + "'");
    }
  }
  [[noreturn]] void fail(const std::string& what) const {
    throw json::DecodeError("/files/read: " + what + " at byte " + std::to_string(at_));
  }

  std::string string() {
    expect('"');
    std::string out;
    for (;;) {
      const std::size_t stop = s_.find_first_of("\"\\", at_);
      if (stop == std::string_view::npos) {
        fail("unterminated string");
      }
      out.append(s_.substr(at_, stop - at_));
      at_ = stop + 1;
      if (s_[stop] == '"') {
        return out;
      }
      escape(out);
    }
  }

  std::int64_t integer() {
    skip_ws();
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(s_.data() + at_, s_.data() + s_.size(), v);
    if (ec != std::errc()) {
      fail("expected a number");
    }
    at_ = static_cast<std::size_t>(end - s_.data());
    // A double such as 12.0 (other JSON writers): the fraction must be zero.
    if (at_ < s_.size() && s_[at_] == '.') {
      ++at_;
      while (at_ < s_.size() && s_[at_] == '0') {
        ++at_;
      }
    }
    return v;
  }

  [[nodiscard]] bool at_end() {
    skip_ws();
    return at_ == s_.size();
  }

 private:
  unsigned hex4() {
    if (at_ + 4 > s_.size()) {
      fail("short \\u escape");
    }
    unsigned v = 0;
    auto [end, ec] = std::from_chars(s_.data() + at_, s_.data() + at_ + 4, v, 16);
    if (ec != std::errc() || end != s_.data() + at_ + 4) {
      fail("bad \\u escape");
    }
    at_ += 4;
    return v;
  }

  static void utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  void escape(std::string& out) {
    if (at_ >= s_.size()) {
      fail("unterminated escape");
    }
    const char c = s_[at_++];
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out += c;
        return;
      case 'b':
        out += '\b';
        return;
      case 'f':
        out += '\f';
        return;
      case 'n':
        out += '\n';
        return;
      case 'r':
        out += '\r';
        return;
      case 't':
        out += '\t';
        return;
      case 'u':
        break;
      default:
        fail("bad escape");
    }
    std::uint32_t cp = hex4();
    if (cp >= 0xD800 && cp < 0xDC00 && s_.substr(at_, 2) == "\\u") {
      const std::size_t save = at_;
      at_ += 2;
      const unsigned low = hex4();
      if (low >= 0xDC00 && low < 0xE000) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      } else {
        at_ = save;
        cp = 0xFFFD;
      }
    } else if (cp >= 0xD800 && cp < 0xE000) {
      cp = 0xFFFD;
    }
    utf8(out, cp);
  }

  std::string_view s_;
  std::size_t at_ = 0;
};

}  // namespace

model::FileChunk decode_file_chunk(std::string_view body) {
  Reader r(body);
  model::FileChunk chunk;
  bool has_offset = false;
  r.expect('{');
  if (!r.eat('}')) {
    do {
      const std::string key = r.string();
      r.expect(':');
      if (key == "data") {
        chunk.data = r.string();
      } else if (key == "offset") {
        chunk.offset = r.integer();
        has_offset = true;
      } else {
        r.fail("unexpected field '" + key + "'");
      }
    } while (r.eat(','));
    r.expect('}');
  }
  if (!r.at_end()) {
    r.fail("trailing content");
  }
  if (!has_offset) {
    throw json::DecodeError("/files/read: no offset in the answer");
  }
  return chunk;
}

}  // namespace qctl::mesos
