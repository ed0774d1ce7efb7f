// Process creation with clone3 (fork semantics): plain tasks, namespaced tasks with a tiny
// init, and health checks joined to a task's namespaces. Child code makes syscalls only.
#include "sandbox/runtime/spawn.h"

#include <fcntl.h>
#include <pthread.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <system_error>

#include "sandbox/runtime/spawn_child.h"

namespace qctl::sandbox::runtime {

namespace {

using detail::kForwarded;
using detail::kNamespaceFiles;
using detail::kNamespaceFlags;
using detail::Plan;
using detail::raw_clone;

// The read end of a pipe whose write end only this process holds (close-on-exec, and
// closed in every child), so namespace inits see EOF when the runner's process dies.
// Above fd 9 so that moving fds into place in the child never overwrites it.
int lifeline() {
  static const int read_end = [] {
    std::array<int, 2> fds = {-1, -1};
    if (pipe2(fds.data(), O_CLOEXEC) != 0) {
      return -1;
    }
    const int high = fcntl(fds[0], F_DUPFD_CLOEXEC, 10);
    close(fds[0]);
    return high;  // fds[1] stays open for the life of the process
  }();
  return read_end;
}

Plan make_plan(const SpawnSpec& spec) {
  Plan p;
  p.exe = spec.executable.c_str();
  for (const std::string& a : spec.argv) {
    p.argv.push_back(const_cast<char*>(a.c_str()));
  }
  p.argv.push_back(nullptr);
  for (const std::string& e : spec.env) {
    p.envp.push_back(const_cast<char*>(e.c_str()));
  }
  p.envp.push_back(nullptr);
  p.cwd = spec.cwd.empty() ? nullptr : spec.cwd.c_str();
  p.hostname = spec.hostname.c_str();
  p.out = spec.stdout_fd;
  p.err = spec.stderr_fd;
  return p;
}

void close_all(Plan& p) {
  for (int& fd : p.ns_fds) {
    if (fd >= 0) {
      close(fd);
      fd = -1;
    }
  }
}

void open_namespaces(Plan& p, int pid) {
  for (std::size_t i = 0; i < kNamespaceFiles.size(); ++i) {
    const std::string path = "/proc/" + std::to_string(pid) + "/ns/" + kNamespaceFiles[i];
    p.ns_fds[i] = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (p.ns_fds[i] < 0) {
      const int e = errno;
      close_all(p);
      throw std::system_error(e, std::generic_category(), "open " + path);
    }
  }
}

}  // namespace

Child spawn(const SpawnSpec& spec) {
  Plan plan = make_plan(spec);
  Child child;
  std::array<int, 2> pipe_fds = {-1, -1};
  if (spec.new_namespaces) {
    if (pipe2(pipe_fds.data(), O_CLOEXEC) != 0) {
      throw std::system_error(errno, std::generic_category(), "pipe2");
    }
    plan.status_w = pipe_fds[1];
    plan.lifeline_r = lifeline();
  }
  if (spec.join_namespaces_of > 0) {
    open_namespaces(plan, spec.join_namespaces_of);
  }
  const std::uint64_t flags = spec.new_namespaces ? kNamespaceFlags : 0;
  // Born with the forwarded signals blocked: a SIGTERM sent right after the launch then
  // waits for the init's signal loop (or the command's exec) instead of being dropped.
  sigset_t blocked;
  sigset_t previous;
  sigemptyset(&blocked);
  for (int sig : kForwarded) {
    sigaddset(&blocked, sig);
  }
  pthread_sigmask(SIG_BLOCK, &blocked, &previous);
  child.pid = raw_clone(flags, &child.pidfd);
  if (child.pid == 0) {
    child_main(plan, spec.new_namespaces, spec.join_namespaces_of > 0);
  }
  const int clone_errno = errno;
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  close_all(plan);
  if (pipe_fds[1] >= 0) {
    close(pipe_fds[1]);
  }
  if (child.pid < 0) {
    if (pipe_fds[0] >= 0) {
      close(pipe_fds[0]);
    }
    throw std::system_error(clone_errno, std::generic_category(), "clone");
  }
  child.status_fd = pipe_fds[0];
  return child;
}

int command_wait_status(Child& child, int pid_wait_status) {
  if (child.status_fd < 0) {
    return pid_wait_status;
  }
  int status = 0;
  const ssize_t n = read(child.status_fd, &status, sizeof status);
  close(child.status_fd);
  child.status_fd = -1;
  return n == static_cast<ssize_t>(sizeof status) ? status : pid_wait_status;
}

std::string find_executable(const std::string& name, const std::string& path) {
  if (name.empty() || name.find('/') != std::string::npos) {
    return name;
  }
  std::size_t begin = 0;
  while (begin <= path.size()) {
    std::size_t end = path.find(':', begin);
    if (end == std::string::npos) {
      end = path.size();
    }
    std::string candidate = end == begin ? "." : path.substr(begin, end - begin);
    candidate.append("/").append(name);
    struct stat st {};
    if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    begin = end + 1;
  }
  return name;
}

bool probe_namespaces() {
  const pid_t pid = raw_clone(kNamespaceFlags, nullptr);
  if (pid == 0) {
    const bool ok =
        mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0 &&
        mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) == 0 &&
        sethostname("probe", 5) == 0;
    _exit(ok ? 0 : 1);
  }
  if (pid < 0) {
    return false;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace qctl::sandbox::runtime
