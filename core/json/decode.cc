#include "core/json/decode.h"

#include <bit>
#include <charconv>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/util/strings.h"

namespace qctl::json {

bool is_null(Value& v) { return v.type() == simdjson::ondemand::json_type::null; }

double number(Value& v) {
  switch (v.type()) {
    case simdjson::ondemand::json_type::number:
      return v.get_double();
    case simdjson::ondemand::json_type::string: {
      std::string_view s = v.get_string();
      s = util::trim(s);
      double out = 0;
      const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
      if (ec != std::errc() || ptr != s.data() + s.size()) {
        throw DecodeError("expected a number, got \"" + std::string(s) + "\"");
      }
      return out;
    }
    case simdjson::ondemand::json_type::null:
      return 0;
    default:
      throw DecodeError("expected a number");
  }
}

std::int64_t integer(Value& v) {
  if (v.type() == simdjson::ondemand::json_type::number) {
    std::int64_t out = 0;
    if (v.get_int64().get(out) == simdjson::SUCCESS) {
      return out;
    }
  }
  return static_cast<std::int64_t>(number(v));
}

namespace {

// The first '"' or '\\' at or after `p`, 16 bytes at a time. Safe because simdjson documents
// are padded (SIMDJSON_PADDING bytes past the end) and a key always has its closing quote.
const char* find_quote_or_backslash(const char* p) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  for (;; p += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const int hits = _mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)));
    if (hits != 0) {
      return p + std::countr_zero(static_cast<unsigned>(hits));
    }
  }
#else
  while (*p != '"' && *p != '\\') {
    ++p;
  }
  return p;
#endif
}

}  // namespace

std::string_view key_of(simdjson::ondemand::field& field) {
  const char* start = field.key().raw();
  const char* end = find_quote_or_backslash(start);
  if (*end == '"') {
    return {start, static_cast<std::size_t>(end - start)};
  }
  const std::string_view unescaped = field.unescaped_key();
  return unescaped;
}

std::string string(Value& v) {
  switch (v.type()) {
    case simdjson::ondemand::json_type::string: {
      // Copy straight from the document when there is nothing to unescape.
      auto token = v.raw_json_token();
      while (!token.empty() && token.back() != '"') {
        token.remove_suffix(1);
      }
      if (token.size() >= 2 && token.find('\\') == std::string_view::npos) {
        return std::string(token.substr(1, token.size() - 2));
      }
      return std::string(std::string_view(v.get_string()));
    }
    case simdjson::ondemand::json_type::null:
      return {};
    case simdjson::ondemand::json_type::boolean:
      return bool(v.get_bool()) ? "true" : "false";
    case simdjson::ondemand::json_type::number:
      return util::format_number(v.get_double(), 3);
    default:
      return std::string(std::string_view(v.raw_json_token()));
  }
}

bool boolean(Value& v) {
  if (v.type() == simdjson::ondemand::json_type::null) {
    return false;
  }
  return v.get_bool();
}

std::vector<std::string> string_array(Value& v) {
  std::vector<std::string> out;
  elements(v, [&](Value& e) { out.push_back(string(e)); });
  return out;
}

std::map<std::string, double> number_map(Value& v) {
  std::map<std::string, double> out;
  fields(v, [&](std::string_view key, Value& value) { out[std::string(key)] = number(value); });
  return out;
}

std::map<std::string, std::string> string_map(Value& v) {
  std::map<std::string, std::string> out;
  fields(v, [&](std::string_view key, Value& value) { out[std::string(key)] = string(value); });
  return out;
}

void ensure_padding(std::string& body) {
  if (body.capacity() < body.size() + simdjson::SIMDJSON_PADDING) {
    body.reserve(body.size() + simdjson::SIMDJSON_PADDING);
  }
}

std::string describe_invalid(std::string_view body, const char* detail) {
  const auto start = util::trim(body.substr(0, 256));
  if (start.empty()) {
    return "empty response body where JSON was expected";
  }
  if (start.front() == '<') {
    return "expected JSON but the server sent an HTML page";
  }
  std::string what = detail;
  // simdjson messages read "TAPE_ERROR: The JSON document has an improper structure…".
  if (const auto colon = what.find(": "); colon != std::string::npos && colon < 40) {
    what = what.substr(colon + 2);
  }
  while (!what.empty() && (what.back() == '.' || what.back() == ' ')) {
    what.pop_back();
  }
  return "invalid or truncated JSON: " + util::to_lower(what.substr(0, 1)) + what.substr(1);
}

}  // namespace qctl::json
