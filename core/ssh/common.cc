// Endpoint helpers shared by every Connector: host specs, jump hosts, signal names.
#include <csignal>
#include <string>

#include "core/ssh/remote.h"
#include "core/ssh/session.h"

namespace qctl::ssh {

int ExitStatus::qctl_code() const {
  if (!signal.empty()) {
    const int n = signal_number(signal);
    return n > 0 ? 128 + n : 255;
  }
  return code >= 0 ? code : 255;
}

namespace {

struct SignalName {
  const char* name;
  int number;
};
constexpr SignalName kSignalNames[] = {
    {"ABRT", SIGABRT}, {"ALRM", SIGALRM}, {"FPE", SIGFPE},   {"HUP", SIGHUP},   {"ILL", SIGILL},
    {"INT", SIGINT},   {"KILL", SIGKILL}, {"PIPE", SIGPIPE}, {"QUIT", SIGQUIT}, {"SEGV", SIGSEGV},
    {"TERM", SIGTERM}, {"USR1", SIGUSR1}, {"USR2", SIGUSR2}};

}  // namespace

int signal_number(const std::string& name) {
  for (const auto& s : kSignalNames) {
    if (name == s.name) {
      return s.number;
    }
  }
  return 0;
}

std::string signal_name(int number) {
  for (const auto& s : kSignalNames) {
    if (number == s.number) {
      return s.name;
    }
  }
  return "";
}

std::optional<HostSpec> parse_host_spec(const std::string& spec) {
  HostSpec out;
  std::string rest = spec;
  if (const auto at = rest.rfind('@'); at != std::string::npos) {
    out.user = rest.substr(0, at);
    rest = rest.substr(at + 1);
  }
  if (!rest.empty() && rest.front() == '[') {
    const auto close = rest.find(']');
    if (close == std::string::npos) {
      return std::nullopt;
    }
    out.host = rest.substr(1, close - 1);
    rest = rest.substr(close + 1);
  } else if (const auto colon = rest.find(':'); colon != std::string::npos) {
    out.host = rest.substr(0, colon);
    rest = rest.substr(colon);
  } else {
    out.host = rest;
    rest.clear();
  }
  if (!rest.empty()) {
    if (rest.front() != ':' || rest.size() == 1) {
      return std::nullopt;
    }
    try {
      std::size_t used = 0;
      out.port = std::stoi(rest.substr(1), &used);
      if (used != rest.size() - 1 || out.port <= 0 || out.port > 65535) {
        return std::nullopt;
      }
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  if (out.host.empty() || out.host.front() == '-') {
    return std::nullopt;
  }
  return out;
}

std::string jump_proxy_command(const HostSpec& jump, const Endpoint& endpoint) {
  std::vector<std::string> argv = {"ssh", "-W", "[%h]:%p"};
  if (!endpoint.config_file.empty()) {
    argv.insert(argv.end(), {"-F", endpoint.config_file});
  }
  if (!endpoint.known_hosts.empty()) {
    argv.insert(argv.end(), {"-o", "UserKnownHostsFile=" + endpoint.known_hosts});
  }
  // The bastion's key is checked as strictly as the agent's: never recorded by a prompt.
  argv.insert(argv.end(), {"-o", std::string("StrictHostKeyChecking=") +
                                     (endpoint.accept_new_host_key ? "accept-new" : "yes")});
  if (!endpoint.interactive) {
    argv.insert(argv.end(), {"-o", "BatchMode=yes"});
  }
  for (const auto& id : endpoint.identities) {
    argv.insert(argv.end(), {"-i", id});
  }
  if (jump.port != 0) {
    argv.insert(argv.end(), {"-p", std::to_string(jump.port)});
  }
  if (!jump.user.empty()) {
    argv.insert(argv.end(), {"-l", jump.user});
  }
  argv.insert(argv.end(), {"--", jump.host});
  return shell_join(argv);
}

}  // namespace qctl::ssh
