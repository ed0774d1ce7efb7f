// `qctl ssh`: options shared by its registration (ssh.cc) and its session (session.cc).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cmd/context.h"
#include "core/ssh/endpoint.h"
#include "core/ssh/session.h"

namespace qctl::cmd {

struct SshOptions {
  std::string target;
  std::vector<std::string> command;  // after `--`; empty = an interactive shell
  int index = 0;                     // 1-based pick among several matches
  std::string host;                  // pick the task on this agent
  bool tty = false;                  // -t: a PTY even when stdin is not a terminal
  bool no_tty = false;               // -T: never a PTY
  std::string container_user;        // -u: user inside the container
  std::string workdir;               // -w: directory inside the container
  ssh::EndpointFlags endpoint;       // -l/-p/-i/-J/--proxy-command/--known-hosts/…
  std::string connect_timeout = "10s";
  bool print = false;
  std::string audit_log;  // "" = default_audit_path
  bool syslog = false;
};

/// Throws UsageError for contradictory or malformed flags.
void validate(const SshOptions& opts);

/// Resolves, connects through `connector` and runs; returns the remote exit status.
int run_ssh(const SshOptions& opts, Context& ctx, ssh::Connector& connector);

}  // namespace qctl::cmd
