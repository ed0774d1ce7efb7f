// Maps an HTTP error status plus the server's message to the qctl error hierarchy.
#pragma once

#include <string>

namespace qctl::http {

/// Throws AuthError (401/403), NotFoundError (404) or ApiError (anything else).
/// `subject` names the request ("GET http://m1:5050/master/state"); `message` is the
/// server's own explanation, already trimmed to one line.
[[noreturn]] void throw_for_status(int status, const std::string& subject,
                                   const std::string& message);

/// Reason phrase for common statuses ("Not Found").
[[nodiscard]] const char* reason_phrase(int status);

}  // namespace qctl::http
