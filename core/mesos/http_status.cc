#include "core/mesos/http_status.h"

#include "core/error.h"
#include "core/http/errors.h"
#include "core/service/error_text.h"

namespace qctl::mesos {

void throw_mesos_status(const http::Response& response, const std::string& subject,
                        const http::Auth& auth) {
  try {
    // libprocess answers in plain text; something else at the URL (a Marathon or proxy
    // HTML page) is named as such, not by its first line "<html>".
    http::throw_for_status(response.status, subject, service::plain_error_text(response.body));
  } catch (const AuthError& e) {
    if (response.status == 401 && auth.password.find(':') != std::string::npos) {
      throw AuthError(e.subject(), e.what(),
                      "Mesos never accepts a password containing ':' (libprocess splits "
                      "user:password at every ':'); set one without it");
    }
    throw;
  }
}

}  // namespace qctl::mesos
