// One line of explanation from an error body that is not the service's JSON error shape.
#pragma once

#include <string>
#include <string_view>

namespace qctl::service {

/// For HTML pages (Jetty's 401/404/405/502 pages): "HTML error page" plus its <title> when it
/// has one; for anything else the first non-empty line, trimmed and cut to a readable length.
/// "" for an empty body.
[[nodiscard]] std::string plain_error_text(std::string_view body);

/// Cuts `text` to at most `max` bytes, ending in "..." when it was longer.
[[nodiscard]] std::string clip(std::string text, std::size_t max = 300);

}  // namespace qctl::service
