// Remote command lines for docker exec and nsenter.
#include "core/ssh/remote.h"

#include <algorithm>

namespace qctl::ssh {

std::string shell_quote(std::string_view word) {
  const bool bare = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("_@%+=:,./-").find(c) != std::string_view::npos;
  });
  if (bare) {
    return std::string(word);
  }
  std::string out = "'";
  for (char c : word) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string shell_join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    out += (out.empty() ? "" : " ") + shell_quote(w);
  }
  return out;
}

std::vector<std::string> default_shell_command(const std::string& preferred) {
  // The preferred shell travels as $1, never spliced into the script.
  return {"sh", "-c",
          "if [ -n \"$1\" ] && [ -x \"$1\" ]; then exec \"$1\"; "
          "elif command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi",
          "sh", preferred};
}

std::vector<std::string> container_argv(const ContainerExec& exec) {
  std::vector<std::string> command =
      exec.command.empty() ? default_shell_command(exec.preferred_shell) : exec.command;
  std::vector<std::string> argv;
  if (exec.docker) {
    argv = {"docker", "exec", "-i"};
    if (exec.tty) {
      argv.emplace_back("-t");
    }
    if (!exec.user.empty()) {
      argv.insert(argv.end(), {"-u", exec.user});
    }
    if (!exec.workdir.empty()) {
      argv.insert(argv.end(), {"-w", exec.workdir});
    }
    argv.push_back(exec.docker_name);
  } else {
    if (exec.sudo) {
      argv = {"sudo", "-n"};
    }
    // -a: every namespace of the task; -r/-w: its root and working directory (the sandbox).
    argv.insert(argv.end(),
                {"nsenter", "-t", std::to_string(exec.executor_pid), "-a", "-r", "-w", "--"});
    if (!exec.user.empty()) {
      argv.insert(argv.end(),
                  {"setpriv", "--reuid", exec.user, "--regid", exec.user, "--init-groups", "--"});
    }
    if (!exec.workdir.empty()) {
      command.insert(command.begin(),
                     {"sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh", exec.workdir});
    }
    if (exec.tty) {
      // The PTY's session belongs to a process outside the task's PID namespace; a shell
      // inside needs a session of its own that controls the terminal (as `docker exec -t`
      // gives it), or its job control fails ("Cannot set tty process group").
      command.insert(command.begin(), {"setsid", "-c"});
    }
  }
  argv.insert(argv.end(), command.begin(), command.end());
  return argv;
}

std::string container_command_line(const ContainerExec& exec) {
  return shell_join(container_argv(exec));
}

}  // namespace qctl::ssh
