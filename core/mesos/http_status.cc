#include "core/mesos/http_status.h"

#include "core/error.h"
#include "core/http/errors.h"
#include "core/util/strings.h"

namespace qctl::mesos {

void throw_mesos_status(const http::Response& response, const std::string& subject,
                        const http::Auth& auth) {
  try {
    http::throw_for_status(response.status, subject, util::first_line(response.body));
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
