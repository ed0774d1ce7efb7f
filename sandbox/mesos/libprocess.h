// How libprocess maps a URL path to a process endpoint (delegate, nested paths), with
// its 404, 401 and 405 responses and the ?jsonp= wrapping, for the Mesos servers.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sandbox/http/router.h"

namespace qctl::sandbox::mesos {

/// What a libprocess handler sees besides the request: the path after delegation
/// (`/state` on a master arrives as `/master/state`, which redirects keep).
using Endpoint = std::function<http::Response(http::Request&, const std::string& path)>;

/// The endpoints of one server (master or agent), grouped by libprocess process id.
class Processes {
 public:
  /// `delegate` receives paths whose first segment names no process ("master", "slave(1)").
  explicit Processes(std::string delegate) : delegate_(std::move(delegate)) {}

  /// Routes `/<process>/<name>`; `realm` "" = never authenticated.
  void add(const std::string& process, const std::string& name, std::string realm,
           Endpoint endpoint);

  struct Match {
    const std::string* realm = nullptr;
    const Endpoint* endpoint = nullptr;
    std::string path;  // the path after delegation
  };
  /// libprocess' lookup: the process from the first segment (else the delegate), then
  /// the longest endpoint name that prefixes the rest ("/master/state/x" → "state").
  [[nodiscard]] std::optional<Match> resolve(const std::string& path) const;

  /// Makes `router` answer through this table (404 as libprocess) with the Mesos auth
  /// policy (realm per endpoint, libprocess' 401).
  static void install(const std::shared_ptr<Processes>& self, http::Router& router);

 private:
  std::string delegate_;
  struct Entry {
    std::string realm;
    Endpoint endpoint;
  };
  std::map<std::string, std::map<std::string, Entry>> processes_;  // id -> name -> entry
};

/// `OK(json, jsonp)`: application/json, or text/javascript `cb(json)` with ?jsonp=cb.
[[nodiscard]] http::Response ok_json(const http::Request& request, std::string body);
/// The query as libprocess reads it (http::query::decode): split at '&' and ';', the last
/// value of a repeated key wins. Every endpoint installed by Processes sees its params so.
[[nodiscard]] std::multimap<std::string, std::string> libprocess_query(std::string_view query);
/// libprocess' plain-text error responses ("404 Not Found." and friends).
[[nodiscard]] http::Response plain(int status, std::string body);
/// 405 with libprocess' body and Allow header, e.g. for a POST to /maintenance/status.
[[nodiscard]] http::Response method_not_allowed(const std::vector<std::string>& allowed,
                                                const std::string& method);

}  // namespace qctl::sandbox::mesos
