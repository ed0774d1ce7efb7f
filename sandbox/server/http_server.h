// Serves one Router on one host:port (HTTP or HTTPS) with auth and fault injection.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>

#include "sandbox/http/router.h"
#include "sandbox/server/faults.h"

namespace qctl::sandbox::server {

struct Credentials {
  std::string user;
  std::string password;
};

struct TlsFiles {
  std::string cert_file;
  std::string key_file;
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;  // 0 = any free port
  int threads = 4;
  std::optional<TlsFiles> tls;
  std::optional<Credentials> credentials;  // HTTP Basic auth when set
  Faults* faults = nullptr;                // shared with the admin API; may be null
  /// Paths under this prefix skip auth and faults (the sandbox admin API).
  std::string admin_prefix = "/__sandbox/";
};

class HttpServer {
 public:
  HttpServer(std::string name, http::Router router, ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds the port (so the URL is known before routes are mounted); throws
  /// std::runtime_error naming the address when it is taken or not available.
  int bind();
  /// Starts serving on a thread (binds first when bind() was not called) and returns once
  /// the listener runs, so a stop() right after cannot miss it.
  void start();
  /// Stops accepting, finishes in-flight requests, joins the thread. Idempotent.
  void stop();
  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] const std::string& host() const { return options_.host; }
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] std::string url() const;
  [[nodiscard]] http::Router& router() { return router_; }

  /// The whole request pipeline without sockets: admin bypass, faults, auth, dispatch.
  /// `drop` is set when the fault plan says to cut the connection.
  [[nodiscard]] http::Response handle(http::Request& request, bool& drop);

 private:
  void wait_for_listener() const;

  struct Impl;
  std::string name_;
  http::Router router_;
  ServerOptions options_;
  int port_ = 0;
  std::unique_ptr<Impl> impl_;
  std::thread thread_;
  std::atomic<bool> listener_done_{false};  // set when the listener thread returns
  bool bound_ = false;
  std::mutex rng_mu_;
  std::mt19937 rng_{12345};
};

/// True when the Authorization header carries exactly these Basic credentials.
[[nodiscard]] bool basic_auth_ok(const std::string& header, const Credentials& credentials,
                                 bool strict = false);

}  // namespace qctl::sandbox::server
