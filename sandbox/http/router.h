// Maps method + path to handlers: exact paths and path prefixes (for ids with slashes).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sandbox/http/message.h"

namespace qctl::sandbox::http {

class Router {
 public:
  /// Exact path. Several methods may share a path; others get `method_not_allowed`.
  void add(const std::string& method, const std::string& path, Handler handler);
  /// Every path starting with `prefix` (longest prefix wins); `Request::rest` holds the
  /// remainder, e.g. prefix "/v2/apps/" and path "/v2/apps/team/web/tasks" → "team/web/tasks".
  void add_prefix(const std::string& method, const std::string& prefix, Handler handler);
  /// What an unknown path answers (each server has its own 404 body).
  void set_not_found(Handler handler) { not_found_ = std::move(handler); }
  /// What a known path with another method answers (default: 405, empty body).
  void set_method_not_allowed(Handler handler) { not_allowed_ = std::move(handler); }

  /// Which HTTP Basic realm guards a request ("" = never authenticated, e.g. Mesos
  /// /health) and what a failed check answers. The server applies it only when the
  /// sandbox runs with credentials; without a policy every path is guarded by "sandbox".
  struct AuthPolicy {
    std::function<std::string(const Request&)> realm;
    std::function<Response(const Request&, const std::string& realm)> unauthorized;
    /// libprocess' BasicAuthenticator: the scheme exactly "Basic" and the decoded value split
    /// on every ':' into exactly user and password (a ':' in either never authenticates).
    /// Otherwise Jetty's: any case, split at the first ':'.
    bool strict_basic = false;
  };
  void set_auth(AuthPolicy policy) { auth_ = std::move(policy); }
  [[nodiscard]] const AuthPolicy& auth() const { return auth_; }

  [[nodiscard]] Response dispatch(Request& request) const;

 private:
  struct Prefix {
    std::string prefix;
    std::map<std::string, Handler> by_method;
  };
  std::map<std::string, std::map<std::string, Handler>> exact_;  // path -> method -> handler
  std::vector<Prefix> prefixes_;  // longest first
  Handler not_found_;
  Handler not_allowed_;
  AuthPolicy auth_;
};

}  // namespace qctl::sandbox::http
