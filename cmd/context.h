// What every command runs with: I/O streams, global flags, lazily built API clients, a clock.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <mutex>
#include <string>

#include "core/clock.h"
#include "core/config/config.h"
#include "core/http/client.h"
#include "core/http/transport.h"
#include "core/output/format.h"

namespace qctl::mesos {
class MasterClient;
class AgentClient;
}  // namespace qctl::mesos
namespace qctl::marathon {
class Client;
}
namespace qctl::chronos {
class Client;
}

namespace qctl::cmd {

/// main binds the std streams and isatty; tests bind string streams.
struct Streams {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool out_is_tty = false;
  bool in_is_tty = false;
  int width = 0;  // terminal columns, 0 when unknown
  bool err_is_tty = false;  // progress lines (--wait) only on a terminal
};

/// Flags that apply to every command.
struct GlobalOptions {
  std::string context;
  std::string config_path;
  std::string output;  // "" = the context's default, else table
  bool no_headers = false;
  std::string color = "auto";
  int verbose = 0;
  std::string timeout = "30s";
};

/// Builds API clients on first use from the config, the context and the environment.
class ClientFactory {
 public:
  ClientFactory(const GlobalOptions& globals, config::Getenv env, Clock& clock, Streams& io,
                http::Transport* transport_override = nullptr);
  ~ClientFactory();
  ClientFactory(const ClientFactory&) = delete;
  ClientFactory& operator=(const ClientFactory&) = delete;

  /// The config file (loaded once); an absent file is an empty config.
  config::Config& config();
  /// The config file for a load-edit-save: locked (config::EditLock, held until this factory
  /// goes) and read again under the lock, so a concurrent edit is never overwritten.
  config::Config& config_for_edit();
  /// The selected context with environment overrides; throws ConfigError when there is none.
  const config::ContextConfig& context();
  [[nodiscard]] const config::Getenv& env() const { return env_; }

  /// The transport every client shares: the injected one, else libcurl with the context's
  /// TLS settings (`qctl health` wraps it to give all its requests one deadline).
  http::Transport& transport();
  /// The options (auth, --timeout, -v tracing) the clients of `service` are built with.
  http::ClientOptions http_options(const config::ServiceConfig& service);

  mesos::MasterClient& mesos();
  mesos::AgentClient& agents();
  marathon::Client& marathon();
  chronos::Client& chronos();
  [[nodiscard]] bool has_mesos();
  [[nodiscard]] bool has_marathon();
  [[nodiscard]] bool has_chronos();

 private:
  std::unique_ptr<http::Client> service_http(const config::ServiceConfig& service);
  [[nodiscard]] std::string config_path() const;

  struct Impl;
  std::unique_ptr<Impl> impl_;
  const GlobalOptions& globals_;
  config::Getenv env_;
  Clock& clock_;
  Streams& io_;
  http::Transport* transport_override_;
};

struct Context {
  Streams& io;
  GlobalOptions& globals;
  ClientFactory& clients;
  Clock& clock;
  /// The command chosen by parsing; set by a command's CLI11 callback.
  std::function<int()> selected;

  /// -o resolved: the flag, else the context's default (when a config exists), else table.
  [[nodiscard]] output::Format format() const;
  /// Colour on? --color, NO_COLOR and whether stdout is a terminal.
  [[nodiscard]] bool color() const;
};

}  // namespace qctl::cmd
