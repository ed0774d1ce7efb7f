// The error for a failed answer of a Mesos master or agent (libprocess).
#pragma once

#include <string>

#include "core/http/client.h"
#include "core/http/transport.h"

namespace qctl::mesos {

/// http::throw_for_status with the first line of the body; a 401 while the password holds a
/// ':' says why it can never work: libprocess' BasicAuthenticator splits "user:password" at
/// every ':' and wants exactly two parts.
[[noreturn]] void throw_mesos_status(const http::Response& response, const std::string& subject,
                                     const http::Auth& auth);

}  // namespace qctl::mesos
