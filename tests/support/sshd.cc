// Starts a real sshd with generated keys for qctl ssh tests.
#include "tests/support/sshd.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/paths.h"

namespace qctl::testing {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  while (!s.empty() && s.back() == '\n') {
    s.pop_back();
  }
  return s;
}

bool keygen(const std::string& path, const std::string& comment) {
  return run_command({"ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", path}) ==
         0;
}

std::string stand_in_dir() {
  return std::filesystem::path(kFixturesDir).parent_path().string() + "/support/ssh";
}

}  // namespace

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  ::close(fd);
  return port;
}

Sshd::Sshd(const std::map<std::string, std::string>& env) {
  const std::string d = dir_.path();
  if (!keygen(d + "/host_key", "qctl-test-host") || !keygen(d + "/user_key", "qctl-test-user") ||
      !keygen(d + "/stranger_key", "stranger") || !keygen(d + "/other_host_key", "other")) {
    error_ = "ssh-keygen failed";
    return;
  }
  host_key_ = slurp(d + "/host_key.pub");
  other_host_key_ = slurp(d + "/other_host_key.pub");
  dir_.write("authorized_keys", slurp(d + "/user_key.pub") + "\n");
  // sshd refuses to start as root without its privilege separation directory.
  ::mkdir("/run/sshd", 0755);
  port_ = free_port();
  std::ostringstream cfg;
  cfg << "Port " << port_ << "\nListenAddress 127.0.0.1\n";
  for (int i = 1; i <= 8; ++i) {
    cfg << "ListenAddress 127.0.1." << i << "\n";
  }
  cfg << "HostKey " << d << "/host_key\n"
      << "PidFile " << d << "/sshd.pid\n"
      << "AuthorizedKeysFile " << d << "/authorized_keys\n"
      << "PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\n"
      << "StrictModes no\nPermitRootLogin prohibit-password\nAllowTcpForwarding yes\n"
      << "LogLevel ERROR\nMaxStartups 100\nMaxSessions 100\n"
      << "SetEnv PATH=" << stand_in_dir()
      << ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  for (const auto& [k, v] : env) {
    cfg << " " << k << "=" << v;
  }
  cfg << "\n";
  const std::string config = dir_.write("sshd_config", cfg.str());
  if (run_command({"/usr/sbin/sshd", "-t", "-f", config}) != 0) {
    error_ = "sshd -t rejected the config";
    return;
  }
  process_ = std::make_unique<ChildProcess>(
      std::vector<std::string>{"/usr/sbin/sshd", "-D", "-e", "-f", config});
  ok_ = wait_for_port(port_, std::chrono::seconds(10));
  if (!ok_) {
    error_ = "sshd did not start listening on port " + std::to_string(port_);
  }
}

Sshd::~Sshd() = default;

std::string Sshd::known_hosts_line(const std::string& host) const {
  return "[" + host + "]:" + std::to_string(port_) + " " + host_key_;
}

std::string Sshd::other_known_hosts_line(const std::string& host) const {
  return "[" + host + "]:" + std::to_string(port_) + " " + other_host_key_;
}

}  // namespace qctl::testing
