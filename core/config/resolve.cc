// Picks the context to use (flag, environment, file) and reads the secrets it points to.
#include "core/config/config.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/config/internal.h"
#include "core/error.h"
#include "core/util/strings.h"

namespace qctl::config {

namespace {

constexpr const char* kSetupHint =
    "run 'qctl config set-context NAME --mesos URL' or set QCTL_MESOS";

std::string env_value(const Getenv& env, const std::string& name) {
  auto value = env(name);
  return value ? std::string(util::trim(*value)) : std::string();
}

struct EnvOverride {
  const char* variable;
  const char* service;
  ServiceConfig ContextConfig::*field;
};

constexpr std::array<EnvOverride, 3> kOverrides = {{
    {"QCTL_MESOS", "mesos", &ContextConfig::mesos},
    {"QCTL_MARATHON", "marathon", &ContextConfig::marathon},
    {"QCTL_CHRONOS", "chronos", &ContextConfig::chronos},
}};

bool any_override(const Getenv& env) {
  return std::any_of(kOverrides.begin(), kOverrides.end(),
                     [&](const EnvOverride& o) { return !env_value(env, o.variable).empty(); });
}

[[noreturn]] void unknown_context(const Config& config, const std::string& name) {
  std::vector<std::string> names;
  for (const auto& c : config.contexts) {
    names.push_back(c.name);
  }
  throw ConfigError(
      "config", "context '" + name + "' not found",
      names.empty() ? std::string(kSetupHint) : "known contexts: " + util::join(names, ", "));
}

void expand_paths(AuthConfig& auth, const Getenv& env) {
  auth.password_file = expand_home(auth.password_file, env);
  auth.token_file = expand_home(auth.token_file, env);
}

void check_urls(const ContextConfig& c, const std::string& service, const ServiceConfig& s,
                const std::string& source) {
  for (const auto& url : s.urls) {
    if (auto problem = check_service_url(url)) {
      throw ConfigError(
          "config",
          std::string("context '").append(c.name).append("': invalid ").append(service)
              .append(" URL '").append(problem->shown).append("'").append(source),
          problem->hint);
    }
  }
}

}  // namespace

std::string selected_context_name(const Config& config, const std::string& flag,
                                  const Getenv& env) {
  if (!flag.empty()) {
    return flag;
  }
  if (auto name = env_value(env, "QCTL_CONTEXT"); !name.empty()) {
    return name;
  }
  return config.current_context;
}

ContextConfig resolve_context(const Config& config, const std::string& flag, const Getenv& env) {
  const auto name = selected_context_name(config, flag, env);
  ContextConfig c;
  if (!name.empty()) {
    const auto* found = config.find(name);
    if (found == nullptr) {
      unknown_context(config, name);
    }
    c = *found;
  } else if (any_override(env)) {
    c.name = kEnvContextName;
  } else {
    throw ConfigError("config",
                      config.exists
                          ? "no context selected: " + config.path + " has no current-context"
                          : "no context selected and no config file at " + config.path,
                      kSetupHint);
  }
  for (const auto& o : kOverrides) {
    if (auto urls = internal::split_urls(env_value(env, o.variable)); !urls.empty()) {
      (c.*o.field).urls = std::move(urls);
      check_urls(c, o.service, c.*o.field, std::string(" (from $") + o.variable + ")");
    } else {
      check_urls(c, o.service, c.*o.field, "");
    }
  }
  if (c.mesos.urls.empty() && c.marathon.urls.empty() && c.chronos.urls.empty()) {
    throw ConfigError("config", "context '" + c.name + "' has no mesos, marathon or chronos URL",
                      url_hint(c.name, "mesos"));
  }
  expand_paths(c.auth, env);
  for (auto* service : {&c.mesos, &c.marathon, &c.chronos}) {
    if (service->auth) {
      expand_paths(*service->auth, env);
    }
  }
  c.tls.ca_file = expand_home(c.tls.ca_file, env);
  c.tls.cert_file = expand_home(c.tls.cert_file, env);
  c.tls.key_file = expand_home(c.tls.key_file, env);
  c.ssh.identity = expand_home(c.ssh.identity, env);
  return c;
}

namespace {

/// The first line of a secret file; errors name the file, never its contents.
std::string read_secret_file(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ConfigError(
        "auth", std::string("cannot read ") + what + " file " + path + ": " + std::strerror(errno));
  }
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') {
    line.pop_back();
  }
  if (line.empty()) {
    throw ConfigError("auth", std::string(what) + " file " + path + " is empty");
  }
  return line;
}

std::string read_secret_env(const Getenv& env, const std::string& variable, const char* what) {
  auto value = env(variable);
  if (!value || value->empty()) {
    throw ConfigError("auth", std::string(what) + " variable $" + variable + " is not set",
                      "export " + variable + " or change the context's auth");
  }
  return *value;
}

std::string secret(const Getenv& env, const std::string& inline_value, const std::string& file,
                   const std::string& variable, const char* what) {
  if (!file.empty()) {
    return read_secret_file(expand_home(file, env), what);
  }
  if (!variable.empty()) {
    return read_secret_env(env, variable, what);
  }
  return inline_value;
}

}  // namespace

http::Auth resolve_auth(const AuthConfig& auth, const Getenv& env) {
  http::Auth out;
  out.user = auth.user;
  out.password = secret(env, auth.password, auth.password_file, auth.password_env, "password");
  out.token = secret(env, auth.token, auth.token_file, auth.token_env, "token");
  return out;
}

std::string url_hint(const std::string& context, const std::string& service) {
  if (context == kEnvContextName) {
    return "set QCTL_" + util::to_upper(service) + "=URL (this context comes from the environment)";
  }
  return "run 'qctl config set-context " + context + " --" + service + " URL'";
}

}  // namespace qctl::config
