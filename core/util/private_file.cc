#include "core/util/private_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace qctl::util {

namespace {

std::string failed(const std::string& what) { return what + ": " + std::strerror(errno); }

bool write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const auto n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

std::string parent_dir(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) {
    return ".";
  }
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string make_private_dirs(const std::string& dir) {
  std::vector<std::string> missing;
  struct stat st {};
  for (auto d = dir; ::stat(d.c_str(), &st) != 0; d = parent_dir(d)) {
    if (errno != ENOENT || d == "/" || d == ".") {
      return failed("cannot create directory " + d);
    }
    missing.push_back(d);
  }
  while (!missing.empty()) {  // outermost first
    if (::mkdir(missing.back().c_str(), 0700) != 0 && errno != EEXIST) {
      return failed("cannot create directory " + missing.back());
    }
    missing.pop_back();
  }
  return "";
}

std::string write_private_file(const std::string& path, const std::string& text) {
  const auto dir = parent_dir(path);
  if (auto error = make_private_dirs(dir); !error.empty()) {
    return error;
  }
  std::string temp = path + ".XXXXXX";
  const int fd = ::mkstemp(temp.data());  // created 0600, O_EXCL: never an existing file
  if (fd < 0) {
    return failed("cannot create a temporary file in " + dir);
  }
  std::string error;
  if (::fchmod(fd, 0600) != 0) {
    error = failed("cannot set the mode");
  } else if (!write_all(fd, text)) {
    error = failed("cannot write");
  } else if (::fsync(fd) != 0) {
    error = failed("cannot sync");
  }
  if (::close(fd) != 0 && error.empty()) {
    error = failed("cannot write");
  }
  if (error.empty() && ::rename(temp.c_str(), path.c_str()) != 0) {
    error = failed("cannot replace the file");
  }
  if (!error.empty()) {
    ::unlink(temp.c_str());
    return error;
  }
  // Make the rename itself durable; failing to sync the directory is not worth an error.
  if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY); dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return "";
}

}  // namespace qctl::util
