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
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/error.h"

namespace qctl::config {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw ConfigError("config: " + path, what + ": " + std::strerror(errno));
}

std::string parent_dir(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) {
    return ".";
  }
  return slash == 0 ? "/" : path.substr(0, slash);
}

/// Creates the missing directories of `dir` with mode 0700 (existing ones are left alone).
void make_dirs(const std::string& dir, const std::string& path) {
  std::vector<std::string> missing;
  struct stat st {};
  for (auto d = dir; ::stat(d.c_str(), &st) != 0; d = parent_dir(d)) {
    if (errno != ENOENT || d == "/" || d == ".") {
      fail(path, "cannot create directory " + d);
    }
    missing.push_back(d);
  }
  while (!missing.empty()) {  // outermost first
    if (::mkdir(missing.back().c_str(), 0700) != 0 && errno != EEXIST) {
      fail(path, "cannot create directory " + missing.back());
    }
    missing.pop_back();
  }
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

void write_all(int fd, const std::string& text, const std::string& path) {
  std::size_t done = 0;
  while (done < text.size()) {
    const auto n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      fail(path, "cannot write");
    }
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

EditLock::EditLock(const std::string& path, std::chrono::milliseconds wait) {
  const std::string target = real_target(path);
  make_dirs(parent_dir(target), target);
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
  const auto dir = parent_dir(path);
  make_dirs(dir, path);
  std::string temp = path + ".XXXXXX";
  const int fd = ::mkstemp(temp.data());  // created with mode 0600
  if (fd < 0) {
    fail(path, "cannot create a temporary file in " + dir);
  }
  try {
    if (::fchmod(fd, 0600) != 0) {
      fail(path, "cannot set the mode");
    }
    write_all(fd, to_yaml(config, false), path);
    if (::fsync(fd) != 0) {
      fail(path, "cannot sync");
    }
  } catch (...) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  if (::close(fd) != 0 || ::rename(temp.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    errno = saved;
    fail(path, "cannot replace the file");
  }
  // Make the rename itself durable; failing to sync the directory is not worth an error.
  if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY); dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

}  // namespace qctl::config
