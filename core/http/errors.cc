#include "core/http/errors.h"

#include "core/error.h"

namespace qctl::http {

const char* reason_phrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 422:
      return "Unprocessable Entity";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "";
  }
}

void throw_for_status(int status, const std::string& subject, const std::string& message) {
  std::string what = "HTTP " + std::to_string(status);
  if (const char* reason = reason_phrase(status); *reason != '\0') {
    what += std::string(" ") + reason;
  }
  if (!message.empty()) {
    what += ": " + message;
  }
  if (status == 401) {
    throw AuthError(subject, what, "check the credentials of the current context (qctl config view)");
  }
  if (status == 403) {
    throw AuthError(subject, what, "the credentials are valid but not allowed to do this");
  }
  if (status == 404) {
    throw NotFoundError(subject, what);
  }
  throw ApiError(subject, what, status);
}

}  // namespace qctl::http
