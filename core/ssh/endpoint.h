// Builds an ssh::Endpoint from the context's `ssh:` settings, command-line flags and the
// environment, and renders the equivalent OpenSSH command line (`qctl ssh --print`).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/config/config.h"
#include "core/ssh/session.h"

namespace qctl::ssh {

/// Flags that override the context (empty/0 = not given).
struct EndpointFlags {
  std::string user;
  int port = 0;
  std::vector<std::string> identities;
  std::string proxy_jump;
  std::string proxy_command;
  std::string known_hosts;
  std::string config_file;
  bool accept_new_host_key = false;
  bool interactive = false;
};

/// Flags win over the context, which wins over ~/.ssh/config (read at connect time). Paths
/// are resolved against $HOME from `env` (never the passwd entry), so HOME=/tmp/x isolates
/// known_hosts, config and default keys. Throws ConfigError for a bad proxy-jump spec and
/// ApiError for a host (from the master) that is not [A-Za-z0-9.:_-]+ or starts with '-'.
[[nodiscard]] Endpoint make_endpoint(const std::string& host, const config::SshConfig& context,
                                     const EndpointFlags& flags, const config::Getenv& env);

/// The user the remote side will see: the endpoint's, else $USER / $LOGNAME from `env`
/// (ssh's default; ~/.ssh/config may still change it at connect time).
[[nodiscard]] std::string expected_user(const Endpoint& endpoint, const config::Getenv& env);

/// `ssh [-t] [-p P] [-l U] [-i F]… [-J J | -o ProxyCommand=…] HOST 'REMOTE'` — what a
/// person would type to do the same by hand.
[[nodiscard]] std::string openssh_command_line(const Endpoint& endpoint, bool tty,
                                               const std::string& remote_command);

}  // namespace qctl::ssh
