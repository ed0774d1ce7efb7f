// Runs the real qctl binary as a user would: argv, environment, stdin; captures everything.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace qctl::testing {

struct ProcessResult {
  int exit_code = -1;  // 128+N when killed by signal N
  std::string out;
  std::string err;
};

struct RunSpec {
  std::vector<std::string> args;              // after "qctl"
  std::map<std::string, std::string> env;     // the whole environment (plus PATH)
  std::string stdin_data;
  std::chrono::seconds timeout{60};
  /// When set, SIGINT is sent this long after the start (a user pressing Ctrl-C).
  std::chrono::milliseconds interrupt_after{0};
};

/// Runs kQctlBinary (the built qctl) with exactly `spec.env` (PATH is added).
ProcessResult run_qctl(const RunSpec& spec);

/// Starts kQctlBinary with `args` and exactly `env` (plus a default PATH when `env` has
/// none) with `in`/`out`/`err` as its stdin/stdout/stderr (-1: inherited). A terminal on
/// `in` becomes the controlling terminal of a new session, as a login shell would set it up.
/// Returns the child's pid (-1 when fork failed); the caller reaps it.
pid_t spawn_qctl(const std::vector<std::string>& args, std::map<std::string, std::string> env,
                 int in, int out, int err);

/// A fresh temporary directory removed with its contents at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }
  /// path()/name; nothing is created.
  [[nodiscard]] std::string file(const std::string& name) const { return path_ + "/" + name; }
  /// Writes `content` to path()/name and returns the full path.
  std::string write(const std::string& name, const std::string& content, int mode = 0600) const;

 private:
  std::string path_;
};

/// The whole content of the file at `path` ("" when it cannot be read).
std::string read_file(const std::string& path);

}  // namespace qctl::testing
