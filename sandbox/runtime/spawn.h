// Starting task and health-check processes: plain, in fresh namespaces, or inside a task's.
#pragma once

#include <string>
#include <vector>

namespace qctl::sandbox::runtime {

/// What to start. Everything is prepared by the caller; the child only makes syscalls
/// (it is a copy of a multi-threaded process, so it must not allocate).
struct SpawnSpec {
  std::string executable;         // path handed to execve (see find_executable)
  std::vector<std::string> argv;  // argv[0] included
  std::vector<std::string> env;   // "NAME=value", the whole environment
  std::string cwd;
  int stdout_fd = -1;  // -1 = /dev/null; the caller keeps ownership
  int stderr_fd = -1;
  /// New PID, mount, UTS and IPC namespaces with a small init as pid 1 that mounts a fresh
  /// /proc, sets the hostname, forwards SIGTERM/SIGINT/SIGHUP/SIGQUIT/SIGUSR* to the
  /// command's process group and reports its wait status (like mesos-containerizer
  /// launch with a status fd). The command itself runs as pid 2. If this process dies
  /// without stopping it (SIGKILL), the init notices and the namespace goes with it.
  bool new_namespaces = false;
  std::string hostname;  // UTS hostname inside the new namespaces
  /// > 0: join this process's PID/mount/UTS/IPC namespaces first (health checks of a
  /// namespaced task); the command then runs as a child of a host-side waiter that exits
  /// with the command's status (128 + signal when killed).
  int join_namespaces_of = 0;
};

/// A started process. `pid` leads its own session and process group.
struct Child {
  int pid = -1;
  int pidfd = -1;      // -1 when the kernel offers no pidfd (then poll with waitpid)
  int status_fd = -1;  // new_namespaces only: the init writes the command's wait status here
};

/// Starts the process. Throws std::system_error when it cannot be created. A failing
/// execve shows as exit status 1 with "Failed to execute '<path>': <reason>" on stderr,
/// the way mesos-containerizer launch reports it.
[[nodiscard]] Child spawn(const SpawnSpec& spec);

/// The command's wait status: what a namespace init wrote on status_fd, else (no init,
/// or the init was killed before the command ended) the pid's own wait status.
/// Closes status_fd.
[[nodiscard]] int command_wait_status(Child& child, int pid_wait_status);

/// Resolves a command name on `path` like execvp; names with a '/' are returned as given,
/// and so is a name found nowhere (execve then fails with ENOENT).
[[nodiscard]] std::string find_executable(const std::string& name, const std::string& path);

/// Tries once to create PID/mount/UTS/IPC namespaces, mount /proc and set a hostname.
[[nodiscard]] bool probe_namespaces();

}  // namespace qctl::sandbox::runtime
