// The qctl config file: named contexts (where the cluster is, credentials, TLS, SSH).
#pragma once

#include <chrono>
#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/http/client.h"
#include "core/http/curl_transport.h"

namespace qctl::config {

/// Reads an environment variable; injected so tests control the environment.
using Getenv = std::function<std::optional<std::string>(const std::string&)>;
/// The process environment.
Getenv process_env();

/// Credentials as written in the config. Secrets come from a file or an environment variable
/// (preferred) or inline (then the file must not be readable by group or others).
struct AuthConfig {
  std::string user;
  std::string password;       // inline (discouraged)
  std::string password_file;  // first line is the password
  std::string password_env;   // name of the variable holding it
  std::string token;          // bearer token, inline (discouraged)
  std::string token_file;
  std::string token_env;
  [[nodiscard]] bool empty() const;
  [[nodiscard]] bool has_inline_secret() const { return !password.empty() || !token.empty(); }
};

struct TlsConfig {
  std::string ca_file;
  std::string cert_file;
  std::string key_file;
  bool insecure = false;
};

struct SshConfig {
  std::string user;
  int port = 0;  // 0: ssh's default / ~/.ssh/config
  std::string identity;
  std::string proxy_command;
  std::string proxy_jump;
};

/// One service's endpoints; any URL may be a non-leader.
struct ServiceConfig {
  std::vector<std::string> urls;
  std::optional<AuthConfig> auth;  // overrides the context's auth for this service
};

enum class ChronosApi { kAuto, kV3, kV2 };  // v3: /v1/scheduler, v2: /scheduler

struct ContextConfig {
  std::string name;
  ServiceConfig mesos;
  ServiceConfig marathon;
  ServiceConfig chronos;
  ChronosApi chronos_api = ChronosApi::kAuto;
  AuthConfig auth;
  TlsConfig tls;
  SshConfig ssh;
  std::string output;  // default -o format, "" = table
  /// `qctl unique sync` apps when no flag selects any: "all-unique" or a label selector.
  std::string unique_apps;
};

struct Config {
  std::string path;  // where it was read from / will be written to
  bool exists = false;
  std::string current_context;
  std::vector<ContextConfig> contexts;

  [[nodiscard]] const ContextConfig* find(const std::string& name) const;
  ContextConfig* find(const std::string& name);
};

/// $QCTL_CONFIG, else $XDG_CONFIG_HOME/qctl/config, else ~/.config/qctl/config.
[[nodiscard]] std::string default_path(const Getenv& env);

/// Reads the YAML config at `path`. A missing file gives an empty Config (exists=false).
/// Throws ConfigError with the line for malformed YAML or unknown values.
[[nodiscard]] Config load(const std::string& path);

/// Writes atomically (temp file + rename) with mode 0600, creating the directory.
void save(const Config& config);

/// An exclusive lock on the config file for a load-edit-save (flock on "<path>.lock", mode
/// 0600, its directory created 0700), so two edits at once never lose one another's change.
/// Waits up to `wait` for another holder, then throws ConfigError.
class EditLock {
 public:
  EditLock(const std::string& path, std::chrono::milliseconds wait);
  ~EditLock();
  EditLock(const EditLock&) = delete;
  EditLock& operator=(const EditLock&) = delete;

 private:
  int fd_ = -1;
};

/// The config as YAML; with `redact`, secrets read "<redacted>".
[[nodiscard]] std::string to_yaml(const Config& config, bool redact);

/// True when the file holds inline secrets and is readable by group or others.
[[nodiscard]] bool secrets_exposed(const Config& config);

/// Picks the context: --context flag, else $QCTL_CONTEXT, else current-context; then
/// applies $QCTL_MESOS / $QCTL_MARATHON / $QCTL_CHRONOS (comma-separated URLs). With no
/// config file, those variables alone make an unnamed context. Throws ConfigError when no
/// context can be found or a named one does not exist. Validates every URL.
[[nodiscard]] ContextConfig resolve_context(const Config& config, const std::string& flag,
                                            const Getenv& env);

/// Reads the secrets an AuthConfig points to. Throws ConfigError naming the file or variable
/// (never the secret) when it cannot be read.
[[nodiscard]] http::Auth resolve_auth(const AuthConfig& auth, const Getenv& env);

[[nodiscard]] http::TlsOptions tls_options(const TlsConfig& tls);

/// The name resolve_context gives the context made only from $QCTL_MESOS/... variables.
inline constexpr const char* kEnvContextName = "(env)";

/// How to give `context` a URL for `service` ("mesos", "marathon", "chronos"): a set-context
/// command line, or for the "(env)" context (which set-context refuses) its variable.
[[nodiscard]] std::string url_hint(const std::string& context, const std::string& service);

/// The auth that applies to one service: its own `auth` when set, else the context's.
[[nodiscard]] const AuthConfig& auth_for(const ContextConfig& context,
                                         const ServiceConfig& service);

/// "~" or "~/..." with $HOME (from `env`) in front; other paths unchanged.
[[nodiscard]] std::string expand_home(const std::string& path, const Getenv& env);

/// The context name that resolve_context would pick (flag, $QCTL_CONTEXT, current-context);
/// "" when none is selected. Does not check that the context exists.
[[nodiscard]] std::string selected_context_name(const Config& config, const std::string& flag,
                                                const Getenv& env);

/// "none", "basic" or "token": what kind of credentials an AuthConfig describes.
[[nodiscard]] const char* auth_kind(const AuthConfig& auth);

/// "auto" | "v3" | "v2", and back (nullopt for anything else).
[[nodiscard]] const char* chronos_api_name(ChronosApi api);
[[nodiscard]] std::optional<ChronosApi> parse_chronos_api(const std::string& text);

/// A URL that cannot be used for a service: how to show it (credentials written into it
/// replaced by "<redacted>") and a hint.
struct UrlProblem {
  std::string shown;
  std::string hint;
};
/// nullopt when `url` is an absolute http(s) URL without credentials (http::parse_url).
[[nodiscard]] std::optional<UrlProblem> check_service_url(const std::string& url);
/// `url` with credentials written into it ("http://u:p@host") shown as
/// "http://<redacted>@host"; any other URL unchanged. For every place a URL is printed.
[[nodiscard]] std::string redact_url(const std::string& url);
[[nodiscard]] std::vector<std::string> redact_urls(const std::vector<std::string>& urls);

/// The config in the file's own shape (keys as in the YAML); with `redact`, secrets read
/// "<redacted>". to_yaml renders this same document.
[[nodiscard]] nlohmann::json to_json(const Config& config, bool redact);

}  // namespace qctl::config
