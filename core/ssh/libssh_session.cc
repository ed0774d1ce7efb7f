// The libssh shell: the only file that includes <libssh/libssh.h>.
#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>

#include "core/error.h"
#include "core/ssh/proxy_stderr.h"
#include "core/ssh/session.h"
#include "core/ssh/terminal.h"

namespace qctl::ssh {
namespace {

using Clock = std::chrono::steady_clock;

std::string where(const Endpoint& e) {
  return e.host + (e.port != 0 ? ":" + std::to_string(e.port) : "");
}

struct ChannelDeleter {
  void operator()(ssh_channel c) const {
    if (ssh_channel_is_open(c) != 0) {
      ssh_channel_close(c);
    }
    ssh_channel_free(c);
  }
};
using Channel = std::unique_ptr<ssh_channel_struct, ChannelDeleter>;

/// Exit status and signal as the channel reports them (callbacks).
struct ExitWatch {
  ssh_channel_callbacks_struct cb{};
  ExitStatus status;
  bool closed = false;
};

void on_exit_status(ssh_session /*s*/, ssh_channel /*c*/, int code, void* user) {
  static_cast<ExitWatch*>(user)->status.code = code;
}
void on_exit_signal(ssh_session /*s*/, ssh_channel /*c*/, const char* sig, int /*core*/,
                    const char* /*msg*/, const char* /*lang*/, void* user) {
  static_cast<ExitWatch*>(user)->status.signal = sig != nullptr ? sig : "";
}
void on_close(ssh_session /*s*/, ssh_channel /*c*/, void* user) {
  static_cast<ExitWatch*>(user)->closed = true;
}

/// The status the callbacks saw; a command that ends at once can report it before they are in
/// place, and libssh keeps it on the channel too.
ExitStatus final_status(ssh_channel channel, const ExitWatch& w) {
  ExitStatus status = w.status;
  if (status.code < 0 && status.signal.empty()) {
    const int code = ssh_channel_get_exit_status(channel);
    if (code >= 0) {
      status.code = code;
    }
  }
  return status;
}

void watch_exit(ssh_channel channel, ExitWatch& w) {
  w.cb.userdata = &w;
  w.cb.channel_exit_status_function = on_exit_status;
  w.cb.channel_exit_signal_function = on_exit_signal;
  w.cb.channel_close_function = on_close;
  ssh_callbacks_init(&w.cb);
  ssh_add_channel_callbacks(channel, &w.cb);
}

std::string fingerprint(ssh_session s) {
  ssh_key key = nullptr;
  if (ssh_get_server_publickey(s, &key) != SSH_OK) {
    return "(unknown)";
  }
  unsigned char* hash = nullptr;
  std::size_t len = 0;
  std::string out = "(unknown)";
  if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &len) == 0) {
    char* fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, len);
    if (fp != nullptr) {
      out = std::string(ssh_key_type_to_char(ssh_key_type(key))) + " " + fp;
      ssh_string_free_char(fp);
    }
    ssh_clean_pubkey_hash(&hash);
  }
  ssh_key_free(key);
  return out;
}

class LibsshSession final : public Session {
 public:
  LibsshSession(ssh_session s, std::string user, std::string host)
      : s_(s), user_(std::move(user)), host_(std::move(host)) {}
  ~LibsshSession() override {
    ssh_disconnect(s_);
    ssh_free(s_);
  }
  LibsshSession(const LibsshSession&) = delete;
  LibsshSession& operator=(const LibsshSession&) = delete;

  [[nodiscard]] const std::string& user() const override { return user_; }
  ExitStatus exec(const ExecRequest& request, const LocalFds& fds) override;
  Captured run(const std::string& command, std::chrono::milliseconds timeout) override;

 private:
  Channel open_exec(const std::string& command, const std::optional<PtyRequest>& pty);
  [[noreturn]] void broken(const std::string& what) const {
    throw NetworkError(host_, what + ": " + ssh_get_error(s_));
  }
  void wake(const ExecRequest& request, ssh_channel channel, int& interrupts, ExitStatus& forced);

  ssh_session s_;
  std::string user_;
  std::string host_;
};

Channel LibsshSession::open_exec(const std::string& command, const std::optional<PtyRequest>& pty) {
  Channel ch(ssh_channel_new(s_));
  if (!ch || ssh_channel_open_session(ch.get()) != SSH_OK) {
    broken("cannot open a session channel");
  }
  if (pty) {
    if (ssh_channel_request_pty_size(ch.get(), pty->term.c_str(), pty->cols, pty->rows) != SSH_OK) {
      broken("PTY request refused");
    }
  }
  if (ssh_channel_request_exec(ch.get(), command.c_str()) != SSH_OK) {
    broken("exec request refused");
  }
  return ch;
}

void LibsshSession::wake(const ExecRequest& request, ssh_channel channel, int& interrupts,
                         ExitStatus& forced) {
  for (int sig : request.wakeups->take()) {
    if (sig == SIGWINCH) {
      if (request.pty && request.tty_fd >= 0) {
        const PtyRequest size = terminal_size(request.tty_fd);
        ssh_channel_change_pty_size(channel, size.cols, size.rows);
      }
      continue;
    }
    // First time: ask the remote side to deliver it; again: give up on the session.
    if (interrupts++ == 0 && !request.pty) {
      ssh_channel_request_send_signal(channel, signal_name(sig).c_str());
    } else {
      forced.code = 128 + sig;
    }
  }
}

int on_wakeup_fd(socket_t /*fd*/, int /*revents*/, void* user) {
  *static_cast<bool*>(user) = true;
  return 0;
}

/// The streaming state: where output goes, and local stdin flowing into the channel.
struct Pump {
  ssh_channel channel = nullptr;
  LocalFds fds;
  bool stdin_open = false;    // still reading local stdin
  bool stdin_polled = false;  // registered with the event
  bool stdin_ready = false;   // poll said readable
};

bool write_all(int fd, const char* data, std::size_t len) {
  while (len > 0) {
    const ssize_t n = ::write(fd, data, len);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    data += n;
    len -= static_cast<std::size_t>(n);
  }
  return true;
}

int on_channel_data(ssh_session /*s*/, ssh_channel /*c*/, void* data, uint32_t len, int is_stderr,
                    void* user) {
  auto* pump = static_cast<Pump*>(user);
  // Blocking writes: a slow reader holds the channel window closed, which is the back-pressure
  // SSH is made for. A closed reader (qctl … | head) drops the rest.
  write_all(is_stderr != 0 ? pump->fds.err : pump->fds.out, static_cast<const char*>(data), len);
  return static_cast<int>(len);
}

int on_stdin_fd(socket_t /*fd*/, int /*revents*/, void* user) {
  static_cast<Pump*>(user)->stdin_ready = true;
  return 0;
}

/// Moves what local stdin has into the channel, never more than the remote window takes, so a
/// write never waits for the peer while output is pending.
void feed_stdin(Pump& pump) {
  if (!pump.stdin_ready || !pump.stdin_open) {
    return;
  }
  pump.stdin_ready = false;
  const uint32_t window = ssh_channel_window_size(pump.channel);
  if (window == 0) {
    return;
  }
  char buf[65536];
  const ssize_t n = ::read(pump.fds.in, buf, std::min<std::size_t>(sizeof buf, window));
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
    return;
  }
  if (n <= 0) {
    pump.stdin_open = false;
    ssh_channel_send_eof(pump.channel);
    return;
  }
  ssh_channel_write(pump.channel, buf, static_cast<uint32_t>(n));
}

ExitStatus LibsshSession::exec(const ExecRequest& request, const LocalFds& fds) {
  Channel ch = open_exec(request.command, request.pty);
  ExitWatch watch;
  watch_exit(ch.get(), watch);
  Pump pump;
  pump.channel = ch.get();
  pump.fds = fds;
  ssh_channel_callbacks_struct data_cb{};
  data_cb.userdata = &pump;
  data_cb.channel_data_function = on_channel_data;
  ssh_callbacks_init(&data_cb);
  ssh_add_channel_callbacks(ch.get(), &data_cb);

  ssh_event event = ssh_event_new();
  ssh_event_add_session(event, s_);
  if (fds.in >= 0) {
    pump.stdin_open = true;
  } else {
    ssh_channel_send_eof(ch.get());
  }
  bool woken = false;
  const int wake_fd = request.wakeups != nullptr ? request.wakeups->fd() : -1;
  if (wake_fd >= 0) {
    ssh_event_add_fd(event, wake_fd, POLLIN, on_wakeup_fd, &woken);
  }

  int interrupts = 0;
  ExitStatus forced;
  bool failed = false;
  while (!watch.closed && ssh_channel_is_closed(ch.get()) == 0 && forced.code < 0) {
    // Poll stdin only while the remote window has room; a window-adjust packet wakes the
    // session side of the poll and stdin is added back.
    const bool want_stdin = pump.stdin_open && ssh_channel_window_size(ch.get()) > 0;
    if (want_stdin != pump.stdin_polled) {
      if (want_stdin) {
        ssh_event_add_fd(event, fds.in, POLLIN, on_stdin_fd, &pump);
      } else {
        ssh_event_remove_fd(event, fds.in);
      }
      pump.stdin_polled = want_stdin;
    }
    if (ssh_event_dopoll(event, 1000) == SSH_ERROR && ssh_is_connected(s_) == 0) {
      failed = true;
      break;
    }
    feed_stdin(pump);
    if (woken) {
      woken = false;
      wake(request, ch.get(), interrupts, forced);
    }
  }
  if (pump.stdin_polled) {
    ssh_event_remove_fd(event, fds.in);
  }
  if (wake_fd >= 0) {
    ssh_event_remove_fd(event, wake_fd);
  }
  ssh_event_remove_session(event, s_);
  ssh_event_free(event);
  ssh_remove_channel_callbacks(ch.get(), &data_cb);
  ssh_remove_channel_callbacks(ch.get(), &watch.cb);
  if (forced.code >= 0) {
    return forced;
  }
  if (failed && watch.status.code < 0 && watch.status.signal.empty()) {
    broken("connection lost");
  }
  return final_status(ch.get(), watch);
}

Captured LibsshSession::run(const std::string& command, std::chrono::milliseconds timeout) {
  Channel ch = open_exec(command, std::nullopt);
  ExitWatch watch;
  watch_exit(ch.get(), watch);
  ssh_channel_send_eof(ch.get());
  Captured out;
  const auto deadline = Clock::now() + timeout;
  char buf[16384];
  while (ssh_channel_is_eof(ch.get()) == 0 || ssh_channel_poll(ch.get(), 0) > 0 ||
         ssh_channel_poll(ch.get(), 1) > 0) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      out.timed_out = true;
      ssh_remove_channel_callbacks(ch.get(), &watch.cb);
      return out;
    }
    for (int is_err : {0, 1}) {
      const int n = ssh_channel_read_timeout(
          ch.get(), buf, sizeof buf, is_err,
          is_err != 0 ? 0 : static_cast<int>(std::min<long long>(left.count(), 100)));
      if (n == SSH_ERROR) {
        broken("read failed");
      }
      if (n > 0) {
        (is_err != 0 ? out.err : out.out).append(buf, static_cast<std::size_t>(n));
      }
    }
  }
  // The exit status arrives just before or after EOF.
  while (watch.status.code < 0 && watch.status.signal.empty() && !watch.closed &&
         Clock::now() < deadline) {
    ssh_channel_read_timeout(ch.get(), buf, sizeof buf, 0, 50);
  }
  out.status = final_status(ch.get(), watch);
  ssh_remove_channel_callbacks(ch.get(), &watch.cb);
  return out;
}

class LibsshConnector final : public Connector {
 public:
  std::unique_ptr<Session> connect(const Endpoint& endpoint) override;
};

/// The one config file libssh and a jump host's OpenSSH both read: the given one or
/// <ssh_dir>/config when readable, else the system one, never the real user's home; "none"
/// (OpenSSH's word) when there is no file at all; "" without $HOME (both use their defaults).
std::string resolved_config(const Endpoint& e) {
  const std::string user = !e.config_file.empty() ? e.config_file
                           : !e.ssh_dir.empty()   ? e.ssh_dir + "/config"
                                                  : "";
  if (user.empty() || ::access(user.c_str(), R_OK) == 0) {
    return user;
  }
  constexpr const char* kSystem = "/etc/ssh/ssh_config";
  return ::access(kSystem, R_OK) == 0 ? kSystem : "none";
}

void set_options(ssh_session s, const Endpoint& e, const ProxyStderr& proxy_stderr) {
  if (ssh_options_set(s, SSH_OPTIONS_HOST, e.host.c_str()) != SSH_OK) {
    throw ApiError("ssh", "libssh refused the host name \"" + e.host + "\": " + ssh_get_error(s));
  }
  if (!e.user.empty()) {
    ssh_options_set(s, SSH_OPTIONS_USER, e.user.c_str());
  }
  if (e.port != 0) {
    ssh_options_set(s, SSH_OPTIONS_PORT, &e.port);
  }
  if (!e.ssh_dir.empty()) {
    ssh_options_set(s, SSH_OPTIONS_SSH_DIR, e.ssh_dir.c_str());
  }
  const std::string known = !e.known_hosts.empty() ? e.known_hosts
                            : !e.ssh_dir.empty()   ? e.ssh_dir + "/known_hosts"
                                                   : "";
  if (!known.empty()) {
    ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, known.c_str());
  }
  for (const auto& id : e.identities) {
    ssh_options_set(s, SSH_OPTIONS_ADD_IDENTITY, id.c_str());
  }
  const std::string config = resolved_config(e);
  if (!e.proxy_command.empty()) {
    ssh_options_set(s, SSH_OPTIONS_PROXYCOMMAND, proxy_stderr.wrap(e.proxy_command).c_str());
  } else if (e.jump) {
    Endpoint resolved = e;
    resolved.known_hosts = known;
    resolved.config_file = config;
    ssh_options_set(s, SSH_OPTIONS_PROXYCOMMAND,
                    proxy_stderr.wrap(jump_proxy_command(*e.jump, resolved)).c_str());
  }
  const long timeout = static_cast<long>(e.connect_timeout.count());
  ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &timeout);
  // Explicit settings above win: libssh's config parser only fills unset options.
  if (config.empty()) {
    ssh_options_parse_config(s, nullptr);
  } else if (config != "none") {
    ssh_options_parse_config(s, config.c_str());
  }
}

void verify_host(ssh_session s, const Endpoint& e) {
  const std::string host = where(e);
  switch (ssh_session_is_known_server(s)) {
    case SSH_KNOWN_HOSTS_OK:
      return;
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER:
      throw AuthError(host, "host key has CHANGED, now " + fingerprint(s) + "; refusing to connect",
                      "if the agent was reinstalled, remove its old line from known_hosts "
                      "(ssh-keygen -R) and connect again");
    case SSH_KNOWN_HOSTS_NOT_FOUND:
    case SSH_KNOWN_HOSTS_UNKNOWN:
      if (e.accept_new_host_key) {
        if (ssh_session_update_known_hosts(s) != SSH_OK) {
          throw AuthError(host, std::string("cannot record the host key: ") + ssh_get_error(s));
        }
        return;
      }
      throw AuthError(host, "unknown host key " + fingerprint(s),
                      "check the fingerprint, then pass --accept-new-host-key to record it");
    case SSH_KNOWN_HOSTS_ERROR:
      break;
  }
  throw AuthError(host, std::string("cannot check the host key: ") + ssh_get_error(s));
}

bool try_password(ssh_session s, const Endpoint& e, const std::string& user) {
  char pw[512] = {0};
  const std::string prompt = user + "@" + e.host + "'s password: ";
  if (ssh_getpass(prompt.c_str(), pw, sizeof pw, 0, 0) != 0) {
    return false;
  }
  const bool ok = ssh_userauth_password(s, nullptr, pw) == SSH_AUTH_SUCCESS;
  std::memset(pw, 0, sizeof pw);
  return ok;
}

void authenticate(ssh_session s, const Endpoint& e, const std::string& user) {
  if (ssh_userauth_none(s, nullptr) == SSH_AUTH_SUCCESS) {
    return;
  }
  const int methods = ssh_userauth_list(s, nullptr);
  if ((methods & SSH_AUTH_METHOD_PUBLICKEY) != 0 &&
      ssh_userauth_publickey_auto(s, nullptr, nullptr) == SSH_AUTH_SUCCESS) {
    return;
  }
  // Passwords only with a person at the terminal, never from a script's stdin.
  if (e.interactive && (methods & SSH_AUTH_METHOD_PASSWORD) != 0 && try_password(s, e, user)) {
    return;
  }
  throw AuthError(user + "@" + where(e), "permission denied (no key or agent identity accepted)",
                  "add your public key to the agent's authorized_keys, or set the identity "
                  "with --identity or the context's ssh.identity");
}

std::unique_ptr<Session> LibsshConnector::connect(const Endpoint& endpoint) {
  ssh_session s = ssh_new();
  if (s == nullptr) {
    throw NetworkError(endpoint.host, "cannot create an SSH session");
  }
  try {
    const ProxyStderr proxy_stderr;
    set_options(s, endpoint, proxy_stderr);
    if (ssh_connect(s) != SSH_OK) {
      // Through a jump host or proxy command libssh only sees the pipe close: the proxy's own
      // last words say why.
      const bool proxied = endpoint.jump || !endpoint.proxy_command.empty();
      const std::string said = proxied ? proxy_stderr.last_line() : "";
      const std::string via = endpoint.jump ? "jump host " + endpoint.jump->host : "proxy command";
      if (!said.empty()) {
        // libssh's own error stays first: the proxy's last line may be a mere warning
        // ("Permanently added … to the list of known hosts") before the target failed.
        throw NetworkError(where(endpoint),
                           std::string(ssh_get_error(s)) + " (" + via + " said: " + said + ")",
                           "check the " + via + " (--jump/-J, --proxy-command, ssh.proxy-jump)");
      }
      throw NetworkError(where(endpoint), ssh_get_error(s),
                         proxied ? "the connection goes through the " + via
                                 : "check that sshd runs on the agent and the port (--port, ssh.port)");
    }
    verify_host(s, endpoint);
    char* user = nullptr;
    ssh_options_get(s, SSH_OPTIONS_USER, &user);
    std::string login = user != nullptr ? user : "";
    ssh_string_free_char(user);
    authenticate(s, endpoint, login);
    return std::make_unique<LibsshSession>(s, login, where(endpoint));
  } catch (...) {
    ssh_disconnect(s);
    ssh_free(s);
    throw;
  }
}

}  // namespace

std::unique_ptr<Connector> make_libssh_connector() { return std::make_unique<LibsshConnector>(); }

std::string libssh_version() { return ::ssh_version(0); }

}  // namespace qctl::ssh
