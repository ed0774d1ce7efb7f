// URL parsing and joining for API base URLs and redirect Locations.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace qctl::http {

struct Url {
  std::string scheme;  // "http" or "https"
  std::string host;    // without brackets for IPv6
  int port = 0;        // explicit or the scheme default
  std::string path;    // path plus query, "" when absent

  /// "scheme://host:port" with IPv6 hosts bracketed.
  [[nodiscard]] std::string origin() const;
  [[nodiscard]] std::string str() const { return origin() + path; }
};

/// Parses an absolute http(s) URL; nullopt when malformed or another scheme.
[[nodiscard]] std::optional<Url> parse_url(std::string_view text);

/// Resolves a redirect Location against the URL that was requested. Handles the Mesos
/// scheme-less form `//host:port/path` (keeps the request's scheme), absolute URLs and
/// absolute paths. nullopt when the Location cannot be understood.
[[nodiscard]] std::optional<std::string> resolve_location(const std::string& requested,
                                                          const std::string& location);

/// base ("http://h:1/prefix/") + path ("/v2/apps") with exactly one slash between them.
[[nodiscard]] std::string join_url(std::string_view base, std::string_view path);

/// Percent-encodes a query or path component (RFC 3986 unreserved characters stay).
[[nodiscard]] std::string url_encode(std::string_view s);

}  // namespace qctl::http
