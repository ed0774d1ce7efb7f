#include "tests/support/run_qctl.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "tests/support/paths.h"

namespace qctl::testing {

namespace {

void pump(int out_fd, int err_fd, int in_fd, const std::string& input, ProcessResult& r,
          std::chrono::steady_clock::time_point deadline, pid_t pid,
          std::chrono::steady_clock::time_point interrupt_at) {
  bool interrupted = false;
  std::size_t written = 0;
  if (input.empty()) {
    close(in_fd);
    in_fd = -1;
  }
  std::array<char, 65536> buf{};
  while (out_fd >= 0 || err_fd >= 0) {
    std::array<pollfd, 3> fds = {pollfd{out_fd, POLLIN, 0}, pollfd{err_fd, POLLIN, 0},
                                 pollfd{in_fd, POLLOUT, 0}};
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      kill(pid, SIGKILL);
      break;
    }
    const auto now = std::chrono::steady_clock::now();
    if (!interrupted && interrupt_at != std::chrono::steady_clock::time_point{} &&
        now >= interrupt_at) {
      kill(pid, SIGINT);
      interrupted = true;
    }
    poll(fds.data(), fds.size(),
         interrupted || interrupt_at == std::chrono::steady_clock::time_point{}
             ? static_cast<int>(left.count())
             : 10);
    for (int i = 0; i < 2; ++i) {
      int& fd = i == 0 ? out_fd : err_fd;
      if (fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP)) != 0) {
        const auto n = read(fd, buf.data(), buf.size());
        if (n <= 0) {
          close(fd);
          fd = -1;
        } else {
          (i == 0 ? r.out : r.err).append(buf.data(), static_cast<std::size_t>(n));
        }
      }
    }
    if (in_fd >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP)) != 0) {
      const auto n = write(in_fd, input.data() + written, input.size() - written);
      written += n > 0 ? static_cast<std::size_t>(n) : input.size();
      if (written >= input.size()) {
        close(in_fd);
        in_fd = -1;
      }
    }
  }
  if (in_fd >= 0) {
    close(in_fd);
  }
}

}  // namespace

pid_t spawn_qctl(const std::vector<std::string>& args, std::map<std::string, std::string> env,
                 int in, int out, int err) {
  env.emplace("PATH", "/usr/local/bin:/usr/bin:/bin");  // kept when `env` has its own
  // Everything execve needs is built before fork: the child only calls async-signal-safe code.
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : env) {
    env_strings.push_back(k + "=" + v);
  }
  std::vector<std::string> argv_strings{kQctlBinary};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  std::vector<char*> envp;
  for (auto& s : argv_strings) {
    argv.push_back(s.data());
  }
  argv.push_back(nullptr);
  for (auto& s : env_strings) {
    envp.push_back(s.data());
  }
  envp.push_back(nullptr);
  const bool terminal = in >= 0 && isatty(in) != 0;
  const pid_t pid = fork();
  if (pid == 0) {
    if (terminal) {
      setsid();
      ioctl(in, TIOCSCTTY, 0);
    }
    const int fds[3] = {in, out, err};
    for (int target = 0; target < 3; ++target) {
      if (fds[target] >= 0) {
        dup2(fds[target], target);
      }
    }
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  return pid;
}

ProcessResult run_qctl(const RunSpec& spec) {
  int out_pipe[2];
  int err_pipe[2];
  int in_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0 ||
      pipe2(in_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  const pid_t pid = spawn_qctl(spec.args, spec.env, in_pipe[0], out_pipe[1], err_pipe[1]);
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  ProcessResult r;
  const auto start = std::chrono::steady_clock::now();
  pump(out_pipe[0], err_pipe[0], in_pipe[1], spec.stdin_data, r, start + spec.timeout, pid,
       spec.interrupt_after.count() > 0 ? start + spec.interrupt_after
                                        : std::chrono::steady_clock::time_point{});
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

TempDir::TempDir() {
  std::string templ = (std::filesystem::temp_directory_path() / "qctl-test-XXXXXX").string();
  if (mkdtemp(templ.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed");
  }
  path_ = templ;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& content, int mode) const {
  auto full = path_ + "/" + name;
  std::filesystem::create_directories(std::filesystem::path(full).parent_path());
  {
    std::ofstream out(full, std::ios::binary | std::ios::trunc);
    out << content;
  }
  chmod(full.c_str(), static_cast<mode_t>(mode));
  return full;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace qctl::testing
