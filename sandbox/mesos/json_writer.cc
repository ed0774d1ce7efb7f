// Fast JSON text for the Mesos endpoints: string escaping and rapidjson-style doubles.
#include "sandbox/mesos/json_writer.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace qctl::sandbox::mesos {

namespace {

constexpr char kHex[] = "0123456789abcdef";

// Which bytes must be escaped inside a JSON string (a table: this runs per byte of the
// 100+ MB /master/state of a large cluster).
struct EscapeTable {
  bool escape[256] = {};
  constexpr EscapeTable() {
    for (int c = 0; c < 0x20; ++c) {
      escape[c] = true;
    }
    escape[static_cast<unsigned char>('"')] = true;
    escape[static_cast<unsigned char>('\\')] = true;
  }
};
constexpr EscapeTable kEscape;

constexpr bool needs_escape(unsigned char c) { return kEscape.escape[c]; }

void append_escape(std::string& out, unsigned char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
  }
}

// rapidjson's Prettify(): `digits` × 10^(kk - n) placed as fixed or exponent text.
void prettify(std::string& out, std::string_view digits, int kk) {
  const int n = static_cast<int>(digits.size());
  if (n <= kk && kk <= 21) {
    out.append(digits);
    out.append(static_cast<std::size_t>(kk - n), '0');
    out += ".0";
  } else if (0 < kk && kk <= 21) {
    out.append(digits.substr(0, static_cast<std::size_t>(kk)));
    out += '.';
    out.append(digits.substr(static_cast<std::size_t>(kk)));
  } else if (-6 < kk && kk <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-kk), '0');
    out.append(digits);
  } else {
    out += digits[0];
    if (n > 1) {
      out += '.';
      out.append(digits.substr(1));
    }
    out += 'e';
    char buf[8];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, kk - 1);
    out.append(buf, end);
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view value) {
  out += '"';
  std::size_t run = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    auto c = static_cast<unsigned char>(value[i]);
    if (needs_escape(c)) {
      out.append(value.substr(run, i - run));
      append_escape(out, c);
      run = i + 1;
    }
  }
  out.append(value.substr(run));
  out += '"';
}

void append_json_double(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";  // rapidjson refuses NaN/Inf; Mesos never emits them for our values
    return;
  }
  if (value == 0) {
    out += std::signbit(value) ? "-0.0" : "0.0";
    return;
  }
  // Fast path for the common whole numbers (resources, counts in metrics).
  if (std::fabs(value) < 1e15 && value == std::trunc(value)) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, static_cast<std::int64_t>(value));
    out.append(buf, end);
    out += ".0";
    return;
  }
  char buf[40];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(end - buf));
  if (sci.front() == '-') {
    out += '-';
    sci.remove_prefix(1);
  }
  std::size_t e = sci.find('e');
  int exponent = std::atoi(std::string(sci.substr(e + 1)).c_str());
  char digits[24];
  std::size_t n = 0;
  for (char c : sci.substr(0, e)) {
    if (c != '.') {
      digits[n++] = c;
    }
  }
  prettify(out, std::string_view(digits, n), exponent + 1);
}

void JsonWriter::separate() {
  if (need_comma_) {
    out_ += ',';
  }
}

void JsonWriter::begin_object() {
  separate();
  out_ += '{';
  need_comma_ = false;
}

void JsonWriter::end_object() {
  out_ += '}';
  need_comma_ = true;
}

void JsonWriter::begin_array() {
  separate();
  out_ += '[';
  need_comma_ = false;
}

void JsonWriter::end_array() {
  out_ += ']';
  need_comma_ = true;
}

void JsonWriter::key(std::string_view name) {
  separate();
  append_json_string(out_, name);
  out_ += ':';
  need_comma_ = false;
}

void JsonWriter::string(std::string_view value) {
  separate();
  append_json_string(out_, value);
  need_comma_ = true;
}

void JsonWriter::number(double value) {
  separate();
  append_json_double(out_, value);
  need_comma_ = true;
}

void JsonWriter::integer(std::int64_t value) {
  separate();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  out_.append(buf, end);
  need_comma_ = true;
}

void JsonWriter::boolean(bool value) {
  separate();
  out_ += value ? "true" : "false";
  need_comma_ = true;
}

void JsonWriter::null() {
  separate();
  out_ += "null";
  need_comma_ = true;
}

void JsonWriter::plain_string(std::string_view value) {
  separate();
  out_ += '"';
  out_.append(value);
  out_ += '"';
  need_comma_ = true;
}

void JsonWriter::raw(std::string_view json) {
  separate();
  out_.append(json);
  need_comma_ = true;
}

}  // namespace qctl::sandbox::mesos
