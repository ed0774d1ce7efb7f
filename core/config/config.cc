// Config basics: environment access, lookups, paths, permissions and small conversions.
#include "core/config/config.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <utility>

#include "core/config/internal.h"
#include "core/error.h"
#include "core/http/url.h"
#include "core/util/strings.h"

namespace qctl::config {

Getenv process_env() {
  return [](const std::string& name) -> std::optional<std::string> {
    // getenv is only read here, never written concurrently by qctl.
    const char* value = std::getenv(name.c_str());  // NOLINT(concurrency-mt-unsafe)
    if (value == nullptr) {
      return std::nullopt;
    }
    return std::string(value);
  };
}

bool AuthConfig::empty() const {
  return user.empty() && password.empty() && password_file.empty() && password_env.empty() &&
         token.empty() && token_file.empty() && token_env.empty();
}

const ContextConfig* Config::find(const std::string& name) const {
  const auto it = std::find_if(contexts.begin(), contexts.end(),
                               [&](const ContextConfig& c) { return c.name == name; });
  return it == contexts.end() ? nullptr : &*it;
}

ContextConfig* Config::find(const std::string& name) {
  return const_cast<ContextConfig*>(std::as_const(*this).find(name));
}

namespace {

std::string non_empty(const Getenv& env, const std::string& name) {
  auto value = env(name);
  return value ? *value : std::string();
}

}  // namespace

std::string expand_home(const std::string& path, const Getenv& env) {
  if (path != "~" && !util::starts_with(path, "~/")) {
    return path;
  }
  const auto home = non_empty(env, "HOME");
  if (home.empty()) {
    return path;  // left as written: opening it fails and the error names it
  }
  return home + path.substr(1);
}

std::string default_path(const Getenv& env) {
  if (auto path = non_empty(env, "QCTL_CONFIG"); !path.empty()) {
    return expand_home(path, env);
  }
  if (auto xdg = non_empty(env, "XDG_CONFIG_HOME"); !xdg.empty() && xdg.front() == '/') {
    return xdg + "/qctl/config";
  }
  const auto home = non_empty(env, "HOME");
  if (home.empty()) {
    throw ConfigError("config", "cannot locate the config file: $HOME is not set",
                      "set QCTL_CONFIG or pass --config PATH");
  }
  return home + "/.config/qctl/config";
}

bool secrets_exposed(const Config& config) {
  const bool inline_secret =
      std::any_of(config.contexts.begin(), config.contexts.end(), [](const ContextConfig& c) {
        for (const auto* service : {&c.mesos, &c.marathon, &c.chronos}) {
          if (service->auth && service->auth->has_inline_secret()) {
            return true;
          }
          for (const auto& url : service->urls) {
            if (redact_url(url) != url) {
              return true;  // credentials written into a URL
            }
          }
        }
        return c.auth.has_inline_secret();
      });
  struct stat st {};
  if (!inline_secret || config.path.empty() || ::stat(config.path.c_str(), &st) != 0) {
    return false;
  }
  return (st.st_mode & (S_IRGRP | S_IROTH)) != 0;
}

http::TlsOptions tls_options(const TlsConfig& tls) {
  return http::TlsOptions{tls.ca_file, tls.cert_file, tls.key_file, tls.insecure};
}

const AuthConfig& auth_for(const ContextConfig& context, const ServiceConfig& service) {
  return service.auth ? *service.auth : context.auth;
}

const char* auth_kind(const AuthConfig& auth) {
  if (!auth.token.empty() || !auth.token_file.empty() || !auth.token_env.empty()) {
    return "token";
  }
  return auth.empty() ? "none" : "basic";
}

const char* chronos_api_name(ChronosApi api) {
  switch (api) {
    case ChronosApi::kV3:
      return "v3";
    case ChronosApi::kV2:
      return "v2";
    case ChronosApi::kAuto:
      break;
  }
  return "auto";
}

std::optional<ChronosApi> parse_chronos_api(const std::string& text) {
  if (text == "auto") {
    return ChronosApi::kAuto;
  }
  if (text == "v3") {
    return ChronosApi::kV3;
  }
  if (text == "v2") {
    return ChronosApi::kV2;
  }
  return std::nullopt;
}

std::string redact_url(const std::string& url) {
  const auto scheme = url.find("://");
  const auto host = scheme == std::string::npos ? 0 : scheme + 3;
  const auto at = url.find('@', host);
  if (at != std::string::npos && at < url.find_first_of("/?#", host)) {
    return url.substr(0, host) + "<redacted>" + url.substr(at);
  }
  return url;
}

std::vector<std::string> redact_urls(const std::vector<std::string>& urls) {
  std::vector<std::string> out;
  out.reserve(urls.size());
  for (const auto& url : urls) {
    out.push_back(redact_url(url));
  }
  return out;
}

std::optional<UrlProblem> check_service_url(const std::string& url) {
  if (http::parse_url(url)) {
    return std::nullopt;
  }
  const std::string shown = redact_url(url);
  if (shown != url) {
    return UrlProblem{shown, "credentials in URLs are not accepted; use the context's auth"};
  }
  return UrlProblem{url, "URLs look like http://host:port or https://host:port"};
}

namespace internal {

std::vector<std::string> split_urls(std::string_view text) {
  std::vector<std::string> urls;
  for (const auto& piece : util::split(text, ',')) {
    const auto url = util::trim(piece);
    if (!url.empty()) {
      urls.emplace_back(url);
    }
  }
  return urls;
}

std::optional<std::string> auth_problem(const AuthConfig& auth) {
  const auto set = [](std::initializer_list<const std::string*> fields) {
    return std::count_if(fields.begin(), fields.end(),
                         [](const std::string* f) { return !f->empty(); });
  };
  const auto passwords = set({&auth.password, &auth.password_file, &auth.password_env});
  const auto tokens = set({&auth.token, &auth.token_file, &auth.token_env});
  if (passwords > 1) {
    return "set only one of password, password-file and password-env";
  }
  if (tokens > 1) {
    return "set only one of token, token-file and token-env";
  }
  if (tokens > 0 && (passwords > 0 || !auth.user.empty())) {
    return "a token cannot be combined with user/password";
  }
  if (passwords > 0 && auth.user.empty()) {
    return "a password needs a user";
  }
  return std::nullopt;
}

std::string closest_key(const std::string& key, const std::vector<std::string>& known) {
  std::string best;
  std::size_t best_distance = 3;  // more than two edits away is not a typo
  for (const auto& candidate : known) {
    const auto d = util::edit_distance(key, candidate);
    if (d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace internal

}  // namespace qctl::config
