// Chronos' error answers: ApiResult bodies with Java stack traces (3.x), plain messages (2.x),
// and the Jetty HTML pages for what never reaches a resource (404, 405, 415, 500).
#pragma once

#include <string>

#include "sandbox/http/message.h"

namespace qctl::sandbox::chronos {

/// A failed `require(...)` in resource method `frame` (e.g. "JobManagementResource.trigger"):
/// 400 {"message":"java.lang.IllegalArgumentException: requirement failed: <what>\n\tat …",
/// "status":"Bad Request"}; 2.x answers the bare "requirement failed: <what>".
[[nodiscard]] http::Response require_failed(int api_version, const std::string& what,
                                            const std::string& frame);
/// A 400 ApiResult built from a plain message (no stack trace), as Iso8601JobResource does
/// for schedule errors; 2.x answered a bare 400, which Jersey 1 turns into Jetty's page for
/// `uri`.
[[nodiscard]] http::Response bad_request_message(int api_version, const std::string& message,
                                                 const std::string& uri);
/// A generic exception caught by a resource: 500 ApiResult "Internal Server Error" with the
/// trace (3.x); 2.x answered a bare 500: Jetty's page for `uri`.
[[nodiscard]] http::Response server_error(int api_version, const std::string& exception,
                                          const std::string& frame, const std::string& uri);
/// Jetty's error page (sendError): `reason` "Not Found", "Method Not Allowed", …
[[nodiscard]] http::Response jetty_page(int api_version, int status, const std::string& reason,
                                        const std::string& uri);

}  // namespace qctl::sandbox::chronos
