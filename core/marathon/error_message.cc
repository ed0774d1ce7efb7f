// marathon::error_message: one line from Marathon's error bodies (MarathonExceptionMapper).
#include <optional>
#include <string_view>
#include <vector>

#include "core/json/decode.h"
#include "core/marathon/client.h"
#include "core/service/error_text.h"
#include "core/util/strings.h"

namespace qctl::marathon {

namespace {

struct ErrorBody {
  std::string message;
  std::string details_text;  // 400 "Invalid JSON": details is the parser's message
  std::string first_detail;  // 422: "path: first error"
  std::size_t detail_count = 0;
  std::vector<std::string> deployment_ids;  // 409 app locked
};

/// {"path":"/x","errors":["e1",…]} -> "/x: e1".
std::string describe_detail(json::Value& v) {
  std::string path;
  std::string error;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "path") {
      path = json::string(value);
    } else if (key == "errors") {
      const auto errors = json::string_array(value);
      if (!errors.empty()) {
        error = errors.front();
      }
    }
  });
  if (path.empty()) {
    return error;
  }
  return error.empty() ? path : path + ": " + error;
}

void read_details(json::Value& v, ErrorBody& out) {
  if (v.type() == simdjson::ondemand::json_type::string) {
    out.details_text = util::first_line(json::string(v));
    return;
  }
  if (v.type() != simdjson::ondemand::json_type::array) {
    return;
  }
  json::elements(v, [&](json::Value& d) {
    if (out.detail_count++ == 0) {
      out.first_detail = describe_detail(d);
    }
  });
}

void read_deployments(json::Value& v, ErrorBody& out) {
  json::elements(v, [&](json::Value& d) {
    json::fields(d, [&](std::string_view key, json::Value& value) {
      if (key == "id") {
        out.deployment_ids.push_back(json::string(value));
      }
    });
  });
}

/// nullopt when the body is not a JSON object (Jetty HTML, plain text, empty).
std::optional<ErrorBody> parse_error_body(const std::string& body) {
  std::string copy = body;
  ErrorBody out;
  bool is_object = false;
  try {
    json::parse(copy, [&](json::Value& root) {
      if (root.type() != simdjson::ondemand::json_type::object) {
        return;
      }
      is_object = true;
      json::fields(root, [&](std::string_view key, json::Value& value) {
        if (key == "message") {
          out.message = util::first_line(json::string(value));
        } else if (key == "details") {
          read_details(value, out);
        } else if (key == "deployments") {
          read_deployments(value, out);
        }
      });
    });
  } catch (const json::DecodeError&) {
    return std::nullopt;
  } catch (const simdjson::simdjson_error&) {
    return std::nullopt;
  }
  if (!is_object) {
    return std::nullopt;
  }
  return out;
}

std::string compose(const ErrorBody& e) {
  std::string out = e.message;
  const auto append = [&](const std::string& part) {
    if (!part.empty()) {
      out += out.empty() ? part : ": " + part;
    }
  };
  append(e.details_text);
  append(e.first_detail);
  if (e.detail_count > 1) {
    out += " (and " + std::to_string(e.detail_count - 1) + " more)";
  }
  std::vector<std::string> unnamed;
  for (const auto& id : e.deployment_ids) {
    if (out.find(id) == std::string::npos) {
      unnamed.push_back(id);
    }
  }
  if (!unnamed.empty()) {
    out += (unnamed.size() == 1 ? " (deployment " : " (deployments ") + util::join(unnamed, ", ") +
           ")";
  }
  return service::clip(out, 500);
}

}  // namespace

std::string error_message(const std::string& body) {
  if (const auto parsed = parse_error_body(body)) {
    if (auto text = compose(*parsed); !text.empty()) {
      return text;
    }
  }
  return service::plain_error_text(body);
}

}  // namespace qctl::marathon
