// `qctl sandbox`: options and the pieces the command is built from.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cmd/context.h"
#include "sandbox/sandbox.h"

namespace qctl::cmd {

struct SandboxCmdOptions {
  std::size_t agents = 3;
  std::size_t masters = 1;
  std::vector<std::string> attributes;  // one set per agent, cycling
  std::string resources;                // per agent, e.g. "cpus=4,mem=8192"
  std::string cluster_file;
  int port_base = -1;  // -1 = the real default ports, 0 = any free port
  bool simulate = false;
  std::size_t tasks = 0;
  int chronos_api = 3;
  bool chronos_history = false;  // --chronos-history
  std::string write_context = "sandbox";
  bool no_context = false;
  bool print_endpoints = false;
  std::string work_dir;
  std::string isolation = "auto";
  bool tls = false;
  std::string auth_user;
  std::string auth_password_file;
  std::vector<std::string> faults;  // SERVICE:SPEC
  std::uint64_t seed = 0;
  std::string heartbeat = "10s";
  // Which of the shape flags were given (they conflict with --cluster).
  bool shape_flags = false;
};

/// Turns the flags (and the cluster file) into sandbox options; throws UsageError or
/// ConfigError with the file and field named.
[[nodiscard]] sandbox::SandboxOptions sandbox_options(const SandboxCmdOptions& o);

/// Writes (or updates) the context that points at the running sandbox.
void write_sandbox_context(const SandboxCmdOptions& o, const sandbox::Endpoints& e, Context& ctx);

}  // namespace qctl::cmd
