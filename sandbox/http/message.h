// HTTP request and response as the sandbox's handlers see them (no socket library here),
// so every endpoint is testable in-process and one adapter serves them all.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qctl::sandbox::http {

struct CaseLess {
  bool operator()(const std::string& a, const std::string& b) const;
};

struct Request {
  std::string method;  // "GET", "POST", …
  std::string path;    // decoded path, no query
  std::string query;   // raw query string without '?', "" when none
  std::multimap<std::string, std::string> params;  // decoded query parameters
  std::map<std::string, std::string, CaseLess> headers;
  std::string body;
  std::string rest;  // for prefix routes: the path after the prefix

  [[nodiscard]] bool has_param(const std::string& name) const;
  /// First value of a query parameter, or `fallback`.
  [[nodiscard]] std::string param(const std::string& name, const std::string& fallback = "") const;
  /// Every value of a repeated parameter (`?embed=a&embed=b`).
  [[nodiscard]] std::vector<std::string> params_all(const std::string& name) const;
  [[nodiscard]] std::string header(const std::string& name) const;
};

/// Writes one piece of a streamed body; false when the client has gone.
using Sink = std::function<bool(std::string_view)>;

struct Response {
  int status = 200;
  std::string content_type = "application/json";  // "" = no Content-Type header
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  /// When set, the body is streamed (chunked) by calling this once; it returns when done
  /// or when the sink reports the client gone. Used by Server-Sent Events.
  std::function<void(const Sink&)> stream;

  static Response json(int status, std::string body);
  static Response text(int status, std::string body);  // text/plain; charset=utf-8
  static Response empty(int status);                   // no body, no Content-Type
  Response& with_header(std::string name, std::string value);
};

using Handler = std::function<Response(Request&)>;

/// Parses "a=1&b=x%20y" into decoded pairs ('+' is a space, as form encoding says), split at
/// any of `separators` (libprocess also splits at ';').
[[nodiscard]] std::multimap<std::string, std::string> parse_query(std::string_view query,
                                                                  std::string_view separators = "&");

}  // namespace qctl::sandbox::http
