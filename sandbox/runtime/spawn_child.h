// Internal to the runtime: what a freshly cloned child does, using syscalls only.
#pragma once

#include <linux/sched.h>
#include <sys/types.h>

#include <array>
#include <csignal>
#include <cstdint>
#include <vector>

namespace qctl::sandbox::runtime::detail {

inline constexpr std::uint64_t kNamespaceFlags =
    CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC;
inline constexpr std::array kForwarded = {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2};
inline constexpr std::array kNamespaceFiles = {"ipc", "uts", "pid",
                                               "mnt"};  // mnt last: it moves cwd
inline constexpr int kStatusFd = 3;                     // where the init keeps the status pipe
/// Where the init keeps its end of the runner lifeline: EOF there means the runner
/// process died without stopping its tasks (SIGKILL), so the container goes too.
inline constexpr int kLifelineFd = 4;

/// Pointers into the caller's SpawnSpec, ready before the clone.
struct Plan {
  const char* exe = nullptr;
  std::vector<char*> argv;
  std::vector<char*> envp;
  const char* cwd = nullptr;
  const char* hostname = nullptr;
  int out = -1;
  int err = -1;
  int status_w = -1;
  int lifeline_r = -1;  // namespace init only; >= 10, see spawn.cc
  std::array<int, kNamespaceFiles.size()> ns_fds{-1, -1, -1, -1};
};

/// Fork-like clone (no CLONE_VM): clone3 where allowed, else clone(2) plus pidfd_open.
/// Returns 0 in the child, the pid in the parent, -1 with errno on failure.
pid_t raw_clone(std::uint64_t flags, int* pidfd);

/// Runs in the child: a namespace init, a joiner of a task's namespaces, or the plain
/// command (in its own session). Never returns.
[[noreturn]] void child_main(const Plan& p, bool new_namespaces, bool join_namespaces);

}  // namespace qctl::sandbox::runtime::detail
