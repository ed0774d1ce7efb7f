// A background helper process for tests (a TLS server, say), killed at destruction.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace qctl::testing {

class ChildProcess {
 public:
  /// Starts argv[0] (looked up in PATH) with stdout/stderr sent to /dev/null.
  explicit ChildProcess(const std::vector<std::string>& argv);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

 private:
  pid_t pid_ = -1;
};

/// Polls until something accepts TCP connections on 127.0.0.1:port, or the deadline passes.
bool wait_for_port(int port, std::chrono::milliseconds deadline);

/// Runs a command to completion (for setup steps such as openssl req); returns its status.
int run_command(const std::vector<std::string>& argv);

}  // namespace qctl::testing
