// Endpoint from context + flags + environment; the equivalent OpenSSH command line.
#include "core/ssh/endpoint.h"

#include <algorithm>

#include "core/error.h"
#include "core/ssh/remote.h"

namespace qctl::ssh {
namespace {

/// Host names come from the Mesos master: they reach libssh and, through %h, a /bin/sh
/// ProxyCommand, and an '@' would change the login user. Names, IPv4 and IPv6 only.
bool safe_host(const std::string& host) {
  if (host.empty() || host.front() == '-') {
    return false;
  }
  return std::all_of(host.begin(), host.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == ':' || c == '_' || c == '-';
  });
}

}  // namespace

Endpoint make_endpoint(const std::string& host, const config::SshConfig& context,
                       const EndpointFlags& flags, const config::Getenv& env) {
  if (!safe_host(host)) {
    throw ApiError("ssh", "agent host name \"" + host +
                              "\" is not a plain host name or address; refusing to connect");
  }
  Endpoint e;
  e.host = host;
  e.user = !flags.user.empty() ? flags.user : context.user;
  e.port = flags.port != 0 ? flags.port : context.port;
  for (const auto& id : flags.identities) {
    e.identities.push_back(config::expand_home(id, env));
  }
  if (e.identities.empty() && !context.identity.empty()) {
    e.identities.push_back(config::expand_home(context.identity, env));
  }
  e.proxy_command = !flags.proxy_command.empty() ? flags.proxy_command : context.proxy_command;
  e.proxy_jump = !flags.proxy_jump.empty() ? flags.proxy_jump : context.proxy_jump;
  if (!flags.proxy_command.empty() && flags.proxy_jump.empty()) {
    e.proxy_jump.clear();  // a flag's proxy command beats the context's jump host
  }
  if (!e.proxy_jump.empty() && e.proxy_command.empty()) {
    e.jump = parse_host_spec(e.proxy_jump);
    if (!e.jump) {
      throw ConfigError("ssh", "proxy-jump \"" + e.proxy_jump + "\" is not [user@]host[:port]");
    }
  }
  if (const auto home = env("HOME"); home && !home->empty()) {
    e.ssh_dir = *home + "/.ssh";
  }
  e.known_hosts = config::expand_home(flags.known_hosts, env);
  e.config_file = config::expand_home(flags.config_file, env);
  e.accept_new_host_key = flags.accept_new_host_key;
  e.interactive = flags.interactive;
  return e;
}

std::string expected_user(const Endpoint& endpoint, const config::Getenv& env) {
  if (!endpoint.user.empty()) {
    return endpoint.user;
  }
  for (const char* name : {"USER", "LOGNAME"}) {
    if (const auto v = env(name); v && !v->empty()) {
      return *v;
    }
  }
  return "";
}

std::string openssh_command_line(const Endpoint& endpoint, bool tty,
                                 const std::string& remote_command) {
  std::vector<std::string> argv = {"ssh"};
  if (tty) {
    argv.emplace_back("-t");
  }
  if (endpoint.port != 0) {
    argv.insert(argv.end(), {"-p", std::to_string(endpoint.port)});
  }
  if (!endpoint.user.empty()) {
    argv.insert(argv.end(), {"-l", endpoint.user});
  }
  for (const auto& id : endpoint.identities) {
    argv.insert(argv.end(), {"-i", id});
  }
  if (!endpoint.known_hosts.empty()) {
    argv.insert(argv.end(), {"-o", "UserKnownHostsFile=" + endpoint.known_hosts});
  }
  if (!endpoint.proxy_command.empty()) {
    argv.insert(argv.end(), {"-o", "ProxyCommand=" + endpoint.proxy_command});
  } else if (!endpoint.proxy_jump.empty()) {
    argv.insert(argv.end(), {"-J", endpoint.proxy_jump});
  }
  argv.insert(argv.end(), {"--", endpoint.host, remote_command});
  return shell_join(argv);
}

}  // namespace qctl::ssh
