// SSH sessions behind an interface: connect to a host with the context's SSH settings, run
// a command streaming (optionally on a PTY) or captured with a timeout. libssh lives only in
// libssh_session.cc.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace qctl::ssh {

/// "[user@]host[:port]" split up; nullopt for an empty or malformed spec.
struct HostSpec {
  std::string user;
  std::string host;
  int port = 0;
};
[[nodiscard]] std::optional<HostSpec> parse_host_spec(const std::string& spec);

/// Where and as whom to connect. Empty fields fall back to ~/.ssh/config, then to ssh's
/// defaults (port 22, the local user name, ~/.ssh/id_* and ssh-agent via SSH_AUTH_SOCK).
struct Endpoint {
  std::string host;
  int port = 0;
  std::string user;
  std::vector<std::string> identities;  // private key files, tried before the defaults
  std::string proxy_command;            // "%h"/"%p" expanded; run with /bin/sh
  std::string proxy_jump;               // [user@]host[:port]; run as `ssh -W` (see ssh-man.md)
  std::optional<HostSpec> jump;         // proxy_jump parsed (make_endpoint); used without a command
  std::string ssh_dir;                  // "~/.ssh" resolved with $HOME; holds config, keys
  std::string known_hosts;              // "" = <ssh_dir>/known_hosts
  std::string config_file;              // "" = <ssh_dir>/config (and /etc/ssh/ssh_config)
  bool accept_new_host_key = false;     // record an unknown host key instead of refusing
  bool interactive = false;             // may prompt (password, passphrase) on the terminal
  std::chrono::seconds connect_timeout{10};
};

/// What the session's PTY looks like (exec with a terminal).
struct PtyRequest {
  std::string term = "xterm";
  int cols = 80;
  int rows = 24;
};

/// Local file descriptors a streaming exec reads stdin from and writes output to.
struct LocalFds {
  int in = -1;  // -1: no stdin (EOF at once)
  int out = 1;
  int err = 2;
};

/// How a remote command ended.
struct ExitStatus {
  int code = -1;       // exit status when it exited
  std::string signal;  // "TERM", "KILL", … when it was killed by a signal
  /// The status qctl reports: `code`, or 128+N for signal N, or 255 when unknown.
  [[nodiscard]] int qctl_code() const;
};

/// Something that wakes the exec loop: window-size changes and local signals.
class Wakeups {
 public:
  virtual ~Wakeups() = default;
  /// A file descriptor that turns readable when `take()` has something; -1 for none.
  [[nodiscard]] virtual int fd() const = 0;
  /// Signals received since the last call (SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGQUIT).
  virtual std::vector<int> take() = 0;
};

/// A command to run streaming.
struct ExecRequest {
  std::string command;  // one remote shell line, already quoted (see remote.h)
  std::optional<PtyRequest> pty;
  Wakeups* wakeups = nullptr;  // optional: SIGWINCH → new PTY size, others end the session
  int tty_fd = -1;             // with a PTY: the local terminal whose size is forwarded
};

/// Output of a captured command.
struct Captured {
  ExitStatus status;
  std::string out;
  std::string err;
  bool timed_out = false;
};

/// One authenticated connection. Not thread-safe; one command at a time.
class Session {
 public:
  virtual ~Session() = default;
  /// The user the session logged in as.
  [[nodiscard]] virtual const std::string& user() const = 0;
  /// Runs `request.command`, streaming `fds` byte-exact until the remote side closes the
  /// channel. A local SIGINT/SIGTERM/SIGHUP/SIGQUIT (via wakeups) is sent to the remote
  /// command; a second one closes the channel and the status is 128+N.
  /// Throws NetworkError when the connection breaks.
  virtual ExitStatus exec(const ExecRequest& request, const LocalFds& fds) = 0;
  /// Runs `command` without stdin and returns its output; after `timeout` the channel is
  /// closed and `timed_out` set. Throws NetworkError when the connection breaks.
  virtual Captured run(const std::string& command, std::chrono::milliseconds timeout) = 0;
};

/// Opens sessions. Throws NetworkError (exit 5: unreachable, refused, proxy failed) and
/// AuthError (exit 4: unknown or changed host key, no accepted credentials).
class Connector {
 public:
  virtual ~Connector() = default;
  virtual std::unique_ptr<Session> connect(const Endpoint& endpoint) = 0;
};

/// The libssh implementation.
[[nodiscard]] std::unique_ptr<Connector> make_libssh_connector();
/// The version of the libssh qctl runs with ("0.10.6/openssl/zlib").
[[nodiscard]] std::string libssh_version();

/// The ProxyCommand a ProxyJump spec stands for: `ssh -W '[%h]:%p' …` through OpenSSH, with
/// the same known_hosts and config files (`-F`, so the real user's ~/.ssh/config is never
/// read), a strict host key check (accept-new with `accept_new_host_key`) and batch mode
/// unless `interactive`.
[[nodiscard]] std::string jump_proxy_command(const HostSpec& jump, const Endpoint& endpoint);

/// Signal number for an SSH signal name ("TERM" → 15); 0 when unknown.
[[nodiscard]] int signal_number(const std::string& name);
/// SSH signal name for a signal number (15 → "TERM"); "" when unknown.
[[nodiscard]] std::string signal_name(int number);

}  // namespace qctl::ssh
