// Runs the real `qctl sandbox` in the background for integration tests: free ports,
// endpoints read from its --print-endpoints line, stopped with SIGTERM like a user would.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace qctl::testing {

class SandboxProcess {
 public:
  /// Starts `qctl sandbox --port-base 0 --print-endpoints` plus `args` (and
  /// `--no-write-context` unless `args` name a context to write)
  /// and waits (up to `ready`) for the endpoints line. On failure `ok()` is false and
  /// `error()` holds stderr.
  explicit SandboxProcess(const std::vector<std::string>& args,
                          std::chrono::seconds ready = std::chrono::seconds(30));
  ~SandboxProcess();
  SandboxProcess(const SandboxProcess&) = delete;
  SandboxProcess& operator=(const SandboxProcess&) = delete;

  [[nodiscard]] bool ok() const { return !endpoints_.is_null(); }
  [[nodiscard]] const std::string& error() const { return error_; }
  [[nodiscard]] const nlohmann::json& endpoints() const { return endpoints_; }
  [[nodiscard]] std::string mesos() const;     // the first master's URL
  [[nodiscard]] std::string marathon() const;
  [[nodiscard]] std::string chronos() const;
  [[nodiscard]] pid_t pid() const { return pid_; }
  /// QCTL_MESOS/QCTL_MARATHON/QCTL_CHRONOS pointing at this sandbox, no config file,
  /// NO_COLOR.
  [[nodiscard]] std::map<std::string, std::string> env() const;

  /// Sends `signal` and waits; returns the exit code (128+N when killed) and fills `err`.
  int stop(int signal, std::string* err = nullptr);

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
  nlohmann::json endpoints_;
  std::string error_;
};

/// One HTTP request with curl-like simplicity for tests (admin API, raw API checks).
struct HttpReply {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names
};
/// `ca_file` adds a trusted CA for https; verification is always on.
HttpReply http_call(const std::string& method, const std::string& url, const std::string& body = "",
                    const std::map<std::string, std::string>& headers = {},
                    const std::string& ca_file = "");

}  // namespace qctl::testing
