// ClientFactory: builds the config, transport and API clients on first use.
#include <memory>
#include <optional>

#include "cmd/config/config_cmds.h"
#include "cmd/context.h"
#include "core/chronos/client.h"
#include "core/error.h"
#include "core/http/curl_transport.h"
#include "core/http/url.h"
#include "core/marathon/client.h"
#include "core/mesos/agent_client.h"
#include "core/mesos/master_client.h"
#include "core/util/duration.h"

namespace qctl::cmd {

struct ClientFactory::Impl {
  std::recursive_mutex mutex;
  std::optional<config::Config> config;
  std::unique_ptr<config::EditLock> edit_lock;
  std::optional<config::ContextConfig> context;
  std::unique_ptr<http::Transport> owned_transport;
  std::mutex trace_mutex;
  std::unique_ptr<http::Client> mesos_http;
  std::unique_ptr<http::Client> marathon_http;
  std::unique_ptr<http::Client> chronos_http;
  std::unique_ptr<mesos::MasterClient> mesos;
  std::unique_ptr<mesos::AgentClient> agents;
  std::unique_ptr<marathon::Client> marathon;
  std::unique_ptr<chronos::Client> chronos;

  /// The transport shared by every service: the injected one, else libcurl with the
  /// context's TLS settings.
  http::Transport& transport(http::Transport* override_transport, const config::TlsConfig& tls) {
    if (override_transport != nullptr) {
      return *override_transport;
    }
    if (!owned_transport) {
      owned_transport = std::make_unique<http::CurlTransport>(config::tls_options(tls));
    }
    return *owned_transport;
  }
};

ClientFactory::ClientFactory(const GlobalOptions& globals, config::Getenv env, Clock& clock,
                             Streams& io, http::Transport* transport_override)
    : impl_(std::make_unique<Impl>()), globals_(globals), env_(std::move(env)), clock_(clock),
      io_(io), transport_override_(transport_override) {}

ClientFactory::~ClientFactory() = default;

std::string ClientFactory::config_path() const {
  // "--config=~/x" reaches us unexpanded (no shell expands '~' after '='): as $QCTL_CONFIG.
  return globals_.config_path.empty() ? config::default_path(env_)
                                      : config::expand_home(globals_.config_path, env_);
}

config::Config& ClientFactory::config() {
  std::lock_guard<std::recursive_mutex> guard(impl_->mutex);
  if (!impl_->config) {
    impl_->config = config::load(config_path());
    warn_if_exposed(*impl_->config, io_.err);
  }
  return *impl_->config;
}

config::Config& ClientFactory::config_for_edit() {
  std::lock_guard<std::recursive_mutex> guard(impl_->mutex);
  if (!impl_->edit_lock) {
    const auto path = config_path();
    impl_->edit_lock = std::make_unique<config::EditLock>(path, std::chrono::seconds(10));
    const bool warned = impl_->config.has_value();
    impl_->config = config::load(path);  // what is on disk now, under the lock
    if (!warned) {
      warn_if_exposed(*impl_->config, io_.err);
    }
  }
  return *impl_->config;
}

const config::ContextConfig& ClientFactory::context() {
  std::lock_guard<std::recursive_mutex> guard(impl_->mutex);
  if (!impl_->context) {
    impl_->context = config::resolve_context(config(), globals_.context, env_);
  }
  return *impl_->context;
}

namespace {

std::unique_ptr<http::Client> make_http(http::Transport& transport, Clock& clock,
                                        const GlobalOptions& globals, std::ostream& trace,
                                        std::mutex& trace_mutex, http::Auth auth) {
  http::ClientOptions options;
  options.auth = std::move(auth);
  if (const auto timeout = util::parse_duration(globals.timeout)) {
    options.timeout = *timeout;
  }
  if (globals.verbose > 0) {
    options.trace = &trace;
    options.trace_mutex = &trace_mutex;
  }
  return std::make_unique<http::Client>(transport, clock, options);
}

}  // namespace

http::Transport& ClientFactory::transport() {
  std::lock_guard<std::recursive_mutex> guard(impl_->mutex);
  return impl_->transport(transport_override_, context().tls);
}

http::ClientOptions ClientFactory::http_options(const config::ServiceConfig& service) {
  std::lock_guard<std::recursive_mutex> guard(impl_->mutex);
  const auto& ctx = context();
  http::ClientOptions options;
  options.auth = config::resolve_auth(config::auth_for(ctx, service), env_);
  if (const auto timeout = util::parse_duration(globals_.timeout)) {
    options.timeout = *timeout;
  }
  if (globals_.verbose > 0) {
    options.trace = &io_.err;
    options.trace_mutex = &impl_->trace_mutex;
  }
  return options;
}

std::unique_ptr<http::Client> ClientFactory::service_http(const config::ServiceConfig& service) {
  const auto& ctx = context();
  auto& transport = impl_->transport(transport_override_, ctx.tls);
  return make_http(transport, clock_, globals_, io_.err, impl_->trace_mutex,
                   config::resolve_auth(config::auth_for(ctx, service), env_));
}

mesos::MasterClient& ClientFactory::mesos() {
  std::lock_guard<std::recursive_mutex> guard(impl_->mutex);
  if (!impl_->mesos) {
    if (context().mesos.urls.empty()) {
      throw ConfigError("context '" + context().name + "'", "no Mesos master URL configured",
                        config::url_hint(context().name, "mesos"));
    }
    impl_->mesos_http = service_http(context().mesos);
    impl_->mesos = std::make_unique<mesos::MasterClient>(*impl_->mesos_http, context().mesos.urls);
  }
  return *impl_->mesos;
}

mesos::AgentClient& ClientFactory::agents() {
  std::lock_guard<std::recursive_mutex> guard(impl_->mutex);
  if (!impl_->agents) {
    auto& master = mesos();
    const auto url = http::parse_url(master.masters().front());
    impl_->agents = std::make_unique<mesos::AgentClient>(*impl_->mesos_http,
                                                         url ? url->scheme : "http");
  }
  return *impl_->agents;
}

bool ClientFactory::has_mesos() { return !context().mesos.urls.empty(); }
bool ClientFactory::has_marathon() { return !context().marathon.urls.empty(); }
bool ClientFactory::has_chronos() { return !context().chronos.urls.empty(); }

marathon::Client& ClientFactory::marathon() {
  std::lock_guard<std::recursive_mutex> guard(impl_->mutex);
  if (!impl_->marathon) {
    if (!has_marathon()) {
      throw ConfigError("context '" + context().name + "'", "no Marathon URL configured",
                        config::url_hint(context().name, "marathon"));
    }
    impl_->marathon_http = service_http(context().marathon);
    impl_->marathon =
        std::make_unique<marathon::Client>(*impl_->marathon_http, context().marathon.urls);
  }
  return *impl_->marathon;
}

chronos::Client& ClientFactory::chronos() {
  std::lock_guard<std::recursive_mutex> guard(impl_->mutex);
  if (!impl_->chronos) {
    if (!has_chronos()) {
      throw ConfigError("context '" + context().name + "'", "no Chronos URL configured",
                        config::url_hint(context().name, "chronos"));
    }
    impl_->chronos_http = service_http(context().chronos);
    impl_->chronos = std::make_unique<chronos::Client>(
        *impl_->chronos_http, context().chronos.urls, context().chronos_api);
  }
  return *impl_->chronos;
}

}  // namespace qctl::cmd
