// A real OpenSSH sshd on loopback for `qctl ssh` tests: its own config, generated host and
// user keys, authorized_keys and known_hosts — never the system's — and a PATH with the
// `docker` stand-in (tests/support/ssh/docker).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "tests/support/child_process.h"
#include "tests/support/run_qctl.h"

namespace qctl::testing {

class Sshd {
 public:
  /// Starts /usr/sbin/sshd -D on a free port, listening on 127.0.0.1 and the sandbox agent
  /// addresses 127.0.1.1–127.0.1.8; `env` is set for every session (SetEnv). `ok()` is false
  /// (and `error()` says why) when it cannot start.
  explicit Sshd(const std::map<std::string, std::string>& env = {});
  ~Sshd();
  Sshd(const Sshd&) = delete;
  Sshd& operator=(const Sshd&) = delete;

  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] const std::string& error() const { return error_; }
  [[nodiscard]] int port() const { return port_; }
  /// The authorized user key (private key file), and one sshd does not know.
  [[nodiscard]] std::string user_key() const { return dir_.path() + "/user_key"; }
  [[nodiscard]] std::string stranger_key() const { return dir_.path() + "/stranger_key"; }
  /// The public host key line ("ssh-ed25519 AAAA… host").
  [[nodiscard]] const std::string& host_key() const { return host_key_; }
  /// A known_hosts line for `host` on this port.
  [[nodiscard]] std::string known_hosts_line(const std::string& host) const;
  /// A host key sshd does not use (for "changed key" tests), as a known_hosts line.
  [[nodiscard]] std::string other_known_hosts_line(const std::string& host) const;
  /// The directory of generated files (the same for the whole lifetime).
  [[nodiscard]] const std::string& dir() const { return dir_.path(); }

 private:
  TempDir dir_;
  std::unique_ptr<ChildProcess> process_;
  int port_ = 0;
  bool ok_ = false;
  std::string error_;
  std::string host_key_;
  std::string other_host_key_;
};

/// A free TCP port on 127.0.0.1 (bound and released).
int free_port();

}  // namespace qctl::testing
