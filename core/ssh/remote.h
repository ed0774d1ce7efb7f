// The remote command line for a task's container: `docker exec` or `nsenter`, every piece
// shell-quoted for the remote login shell.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qctl::ssh {

/// One shell word: bare when it holds only [A-Za-z0-9_@%+=:,./-] (and is not empty),
/// else single-quoted with embedded quotes as '\''.
[[nodiscard]] std::string shell_quote(std::string_view word);
/// Words quoted and joined with spaces.
[[nodiscard]] std::string shell_join(const std::vector<std::string>& words);

/// How to enter one container on its agent.
struct ContainerExec {
  bool docker = false;
  std::string docker_name;           // Docker containerizer: "mesos-<containerId>"
  std::int64_t executor_pid = 0;     // Mesos containerizer: enter this process's namespaces
  bool sudo = false;                 // prefix nsenter with `sudo -n` (SSH user is not root)
  bool tty = false;                  // `docker exec -t`
  std::string user;                  // run as this user inside ("" = the container's default)
  std::string workdir;               // start here ("" = the container's default)
  std::vector<std::string> command;  // empty: an interactive shell (default_shell_command)
  std::string preferred_shell;       // the local $SHELL, tried first by the default command
};

/// `sh -c '…'` that execs `preferred` if it exists in the container, else bash, else sh.
[[nodiscard]] std::vector<std::string> default_shell_command(const std::string& preferred);

/// The remote argv: `docker exec -i [-t] [-u U] [-w D] NAME CMD…` or
/// `[sudo -n] nsenter -t PID -a -r -w -- [setpriv …] [setsid -c] CMD…` (setsid with a PTY).
[[nodiscard]] std::vector<std::string> container_argv(const ContainerExec& exec);

/// container_argv quoted into one line for the remote shell.
[[nodiscard]] std::string container_command_line(const ContainerExec& exec);

}  // namespace qctl::ssh
