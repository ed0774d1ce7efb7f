// A real HTTP server on a free loopback port serving canned, real-shape API responses, for
// integration tests of the qctl binary (not the sandbox: no cluster behaviour at all).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
}

namespace qctl::testing {

struct CannedResponse {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::chrono::milliseconds delay{0};  // a hanging server: answer only after this long
};

class FixtureServer {
 public:
  FixtureServer();
  ~FixtureServer();
  FixtureServer(const FixtureServer&) = delete;
  FixtureServer& operator=(const FixtureServer&) = delete;

  /// "http://127.0.0.1:<port>".
  [[nodiscard]] std::string url() const;
  [[nodiscard]] int port() const { return port_; }

  /// Serves `method path` (path without query) with `response` from now on.
  void set(const std::string& method, const std::string& path, CannedResponse response);
  /// Serves GET `path` with tests/fixtures/<fixture>.
  void fixture(const std::string& path, const std::string& fixture);
  /// "GET /master/state?x=1" lines of every request received, in order.
  [[nodiscard]] std::vector<std::string> requests() const;
  /// Authorization header values received, in order.
  [[nodiscard]] std::vector<std::string> authorizations() const;

 private:
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::map<std::string, CannedResponse> routes_;
  std::vector<std::string> requests_;
  std::vector<std::string> authorizations_;
};

/// A loopback port nothing listens on (bound then closed), for "connection refused".
int closed_port();

}  // namespace qctl::testing
