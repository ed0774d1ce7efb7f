// Writes the config file atomically and privately: temp file, fsync, rename, mode 0600.
#include "core/config/config.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cerrno>
#include <climits>
#include <cstring>
#include <string>

#include "core/error.h"
#include "core/util/private_file.h"

namespace qctl::config {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw ConfigError("config: " + path, what + ": " + std::strerror(errno));
}

/// Writing through a symlink updates its target instead of replacing the link.
std::string real_target(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    std::array<char, PATH_MAX> resolved{};
    if (::realpath(path.c_str(), resolved.data()) != nullptr) {
      return resolved.data();
    }
  }
  return path;
}

}  // namespace

EditLock::EditLock(const std::string& path, std::chrono::milliseconds wait) {
  const std::string target = real_target(path);
  if (auto error = util::make_private_dirs(util::parent_dir(target)); !error.empty()) {
    throw ConfigError("config: " + target, error);
  }
  const std::string lock = target + ".lock";
  fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) {
    fail(path, "cannot open the lock file " + lock);
  }
  const auto until = std::chrono::steady_clock::now() + wait;
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK || std::chrono::steady_clock::now() >= until) {
      const int saved = errno;
      ::close(fd_);
      errno = saved;
      fail(path, "another qctl is editing it (" + lock + " is locked)");
    }
    ::usleep(10'000);
  }
}

EditLock::~EditLock() {
  if (fd_ >= 0) {
    ::close(fd_);  // releases the lock
  }
}

void save(const Config& config) {
  if (config.path.empty()) {
    throw ConfigError("config", "no path to save the config to");
  }
  const auto path = real_target(config.path);
  if (auto error = util::write_private_file(path, to_yaml(config, false)); !error.empty()) {
    throw ConfigError("config: " + path, error);
  }
}

}  // namespace qctl::config
