// libssh runs a ProxyCommand with its stderr on /dev/null, so a jump host's own error
// (OpenSSH's "connect to host bastion port 22: Connection refused", a refused bastion key)
// was lost and qctl could only say "Connection reset by peer". The proxy's stderr goes to a
// private temporary file instead (mkstemp, 0600), read when the connection fails and removed
// once it is made (the proxy keeps writing to the unlinked file).
#pragma once

#include <string>

namespace qctl::ssh {

class ProxyStderr {
 public:
  ProxyStderr();
  ~ProxyStderr();
  ProxyStderr(const ProxyStderr&) = delete;
  ProxyStderr& operator=(const ProxyStderr&) = delete;

  /// `command` with its stderr sent to the file, as /bin/sh -c words any login shell parses
  /// (the command itself still runs under $SHELL); unchanged when no file could be made.
  [[nodiscard]] std::string wrap(const std::string& command) const;
  /// The last non-empty line the proxy wrote ("" when none), at most 300 bytes, control
  /// characters escaped.
  [[nodiscard]] std::string last_line() const;

 private:
  std::string path_;
};

}  // namespace qctl::ssh
