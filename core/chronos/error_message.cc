// chronos::error_message: one line from Chronos' error bodies (3.x ApiResult, 2.x text).
#include <optional>
#include <regex>
#include <string_view>

#include "core/chronos/client.h"
#include "core/json/decode.h"
#include "core/service/error_text.h"
#include "core/util/strings.h"

namespace qctl::chronos {

namespace {

/// The "message" of a 3.x ApiResult {"message":"<stack trace>","status":"Bad Request"};
/// nullopt when the body is not such an object.
std::optional<std::string> api_result_message(const std::string& body) {
  std::string copy = body;
  std::optional<std::string> message;
  try {
    json::parse(copy, [&](json::Value& root) {
      if (root.type() != simdjson::ondemand::json_type::object) {
        return;
      }
      json::fields(root, [&](std::string_view key, json::Value& value) {
        if (key == "message") {
          message = json::string(value);
        }
      });
    });
  } catch (const json::DecodeError&) {
    return std::nullopt;
  } catch (const simdjson::simdjson_error&) {
    return std::nullopt;
  }
  return message;
}

/// "java.lang.IllegalArgumentException: requirement failed: …" -> "requirement failed: …".
std::string strip_exception_class(const std::string& line) {
  static const std::regex prefix(R"(^(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error): )");
  return std::regex_replace(line, prefix, "", std::regex_constants::format_first_only);
}

}  // namespace

std::string error_message(const std::string& body) {
  if (auto message = api_result_message(body); message && !util::trim(*message).empty()) {
    return service::clip(strip_exception_class(util::first_line(*message)));
  }
  return strip_exception_class(service::plain_error_text(body));
}

}  // namespace qctl::chronos
