// Child-side process setup: a copy of a multi-threaded process may only make syscalls,
// so everything here works on pointers prepared before the clone and never allocates.
#include "sandbox/runtime/spawn_child.h"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace qctl::sandbox::runtime::detail {

// Fork-like clone: clone3 when the kernel (and seccomp) allow it, else clone(2).
pid_t raw_clone(std::uint64_t flags, int* pidfd) {
  clone_args args{};
  args.flags = flags | (pidfd != nullptr ? CLONE_PIDFD : 0);
  args.pidfd = reinterpret_cast<std::uintptr_t>(pidfd);
  args.exit_signal = SIGCHLD;
  long pid = syscall(SYS_clone3, &args, sizeof args);
  if (pid == -1 && errno == ENOSYS) {
    pid = syscall(SYS_clone, static_cast<unsigned long>(flags) | SIGCHLD, nullptr, nullptr, nullptr,
                  nullptr);
    if (pid > 0 && pidfd != nullptr) {
      *pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
    }
  }
  return static_cast<pid_t>(pid);
}

namespace {

void put(int fd, const char* text) {
  if (text != nullptr) {
    (void)!write(fd, text, std::strlen(text));
  }
}

[[noreturn]] void die(const char* what) {
  const int e = errno;
  put(STDERR_FILENO, what);
  put(STDERR_FILENO, ": ");
  put(STDERR_FILENO, strerrordesc_np(e));
  put(STDERR_FILENO, "\n");
  _exit(1);
}

void reset_signals() {
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; ++sig) {
    sigaction(sig, &dfl, nullptr);  // fails harmlessly for SIGKILL/SIGSTOP/RT internals
  }
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
}

// Standard streams onto the sandbox files, stdin from /dev/null, nothing else inherited
// but the fds below `keep_from`.
void setup_fds(const Plan& p, int keep_from) {
  const int null = open("/dev/null", O_RDWR);
  dup2(null, STDIN_FILENO);
  dup2(p.out >= 0 ? p.out : null, STDOUT_FILENO);
  dup2(p.err >= 0 ? p.err : null, STDERR_FILENO);
  if (p.status_w >= 0) {
    dup2(p.status_w, kStatusFd);
  }
  if (p.lifeline_r >= 0) {
    dup2(p.lifeline_r, kLifelineFd);
  }
  syscall(SYS_close_range, keep_from, ~0U, 0);
}

[[noreturn]] void exec_command(const Plan& p) {
  reset_signals();
  if (p.cwd != nullptr && chdir(p.cwd) != 0) {
    die("Failed to chdir into sandbox");
  }
  execve(p.exe, p.argv.data(), p.envp.data());
  const int e = errno;
  put(STDERR_FILENO, "Failed to execute '");
  put(STDERR_FILENO, p.exe);
  errno = e;
  die("'");
}

// Forwards signals to the command's group until it ends, then reports its status. When
// the runner's process dies (lifeline EOF), exiting takes the whole namespace with it.
[[noreturn]] void init_loop(pid_t task, const sigset_t& waited) {
  const int sfd = signalfd(-1, &waited, SFD_CLOEXEC);
  if (sfd < 0) {
    die("Failed to create a signalfd");
  }
  for (;;) {
    std::array<pollfd, 2> fds = {pollfd{sfd, POLLIN, 0}, pollfd{kLifelineFd, POLLIN, 0}};
    if (poll(fds.data(), fds.size(), -1) < 0) {
      continue;
    }
    if (fds[1].revents != 0) {
      _exit(1);
    }
    signalfd_siginfo info{};
    if (read(sfd, &info, sizeof info) != static_cast<ssize_t>(sizeof info)) {
      continue;
    }
    const int sig = static_cast<int>(info.ssi_signo);
    if (sig != SIGCHLD) {
      if (kill(-task, sig) != 0) {
        kill(task, sig);
      }
      continue;
    }
    int status = 0;
    pid_t done = 0;
    while ((done = waitpid(-1, &status, WNOHANG)) > 0) {
      if (done == task) {
        (void)!write(kStatusFd, &status, sizeof status);
        _exit(0);
      }
    }
  }
}

// pid 1 of a task's namespaces: runs the command as pid 2, forwards termination signals
// to its process group and hands its wait status to the runner before exiting.
[[noreturn]] void init_main(const Plan& p) {
  setup_fds(p, kLifelineFd + 1);
  if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
    die("Failed to make mounts private");
  }
  if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0) {
    die("Failed to mount /proc");
  }
  if (sethostname(p.hostname, std::strlen(p.hostname)) != 0) {
    die("Failed to set the hostname");
  }
  // A real Mesos executor (the executor_pid of /containers) runs in the task's sandbox, so
  // `nsenter -t PID -w` lands there; this init stands in for it.
  if (p.cwd != nullptr && chdir(p.cwd) != 0) {
    die("Failed to chdir into sandbox");
  }
  sigset_t waited;
  sigemptyset(&waited);
  sigaddset(&waited, SIGCHLD);
  for (int sig : kForwarded) {
    sigaddset(&waited, sig);
  }
  // Blocked signals reach a namespace init from the host even without a handler.
  sigprocmask(SIG_BLOCK, &waited, nullptr);
  const pid_t task = raw_clone(0, nullptr);
  if (task == 0) {
    close(kStatusFd);
    close(kLifelineFd);
    setsid();
    exec_command(p);
  }
  if (task < 0) {
    die("Failed to fork the command");
  }
  init_loop(task, waited);
}

// Joins a task's namespaces, then runs the command in a child so that it is inside the
// PID namespace too; exits with the command's status.
[[noreturn]] void joined_main(const Plan& p) {
  for (int fd : p.ns_fds) {
    if (setns(fd, 0) != 0) {
      die("Failed to enter the task's namespaces");
    }
  }
  setup_fds(p, STDERR_FILENO + 1);
  const pid_t cmd = raw_clone(0, nullptr);
  if (cmd == 0) {
    exec_command(p);
  }
  int status = 0;
  while (cmd > 0 && waitpid(cmd, &status, 0) < 0 && errno == EINTR) {
  }
  if (cmd < 0) {
    _exit(1);
  }
  _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
}

}  // namespace

void child_main(const Plan& p, bool new_namespaces, bool join_namespaces) {
  setsid();
  if (new_namespaces) {
    init_main(p);
  }
  if (join_namespaces) {
    joined_main(p);
  }
  setup_fds(p, STDERR_FILENO + 1);
  exec_command(p);
}

}  // namespace qctl::sandbox::runtime::detail
