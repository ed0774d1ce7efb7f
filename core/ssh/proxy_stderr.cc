#include "core/ssh/proxy_stderr.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/output/printable.h"
#include "core/ssh/remote.h"

namespace qctl::ssh {

ProxyStderr::ProxyStderr() {
  std::error_code ec;
  const auto dir = std::filesystem::temp_directory_path(ec);
  std::string path = (ec ? std::string("/tmp") : dir.string()) + "/qctl-proxy-XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd >= 0) {
    ::close(fd);
    path_ = std::move(path);
  }
}

ProxyStderr::~ProxyStderr() {
  if (!path_.empty()) {
    ::unlink(path_.c_str());
  }
}

std::string ProxyStderr::wrap(const std::string& command) const {
  if (path_.empty()) {
    return command;
  }
  // libssh runs the proxy with the user's $SHELL -c, which may be fish or csh: the wrapper is
  // plain quoted words every shell reads alike, and the command still runs under $SHELL (as
  // OpenSSH runs a ProxyCommand), only with its stderr in the file.
  return shell_join({"/bin/sh", "-c", "exec 2>\"$1\"; exec \"${SHELL:-/bin/sh}\" -c \"$2\"",
                     "sh", path_, command});
}

std::string ProxyStderr::last_line() const {
  if (path_.empty()) {
    return "";
  }
  std::ifstream in(path_, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  std::size_t end = text.find_last_not_of("\r\n \t");
  if (end == std::string::npos) {
    return "";
  }
  const std::size_t start = text.find_last_of('\n', end);
  std::string line = text.substr(start == std::string::npos ? 0 : start + 1,
                                 end + 1 - (start == std::string::npos ? 0 : start + 1));
  if (line.size() > 300) {
    line.resize(300);
  }
  return output::printable(line);
}

}  // namespace qctl::ssh
