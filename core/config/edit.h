// Changes to one context as `qctl config set-context` flags describe them; applied purely.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/config/config.h"

namespace qctl::config {

/// Each set field replaces the context's value; an empty string or list clears it.
/// Secrets are only ever referenced (file or variable), never given as values.
struct ContextEdit {
  std::optional<std::vector<std::string>> mesos;
  std::optional<std::vector<std::string>> marathon;
  std::optional<std::vector<std::string>> chronos;
  std::optional<ChronosApi> chronos_api;
  std::optional<std::string> user;
  std::optional<std::string> password_file;
  std::optional<std::string> password_env;
  std::optional<std::string> token_file;
  std::optional<std::string> token_env;
  std::optional<std::string> ca_file;
  std::optional<std::string> cert_file;
  std::optional<std::string> key_file;
  std::optional<bool> insecure;
  std::optional<std::string> ssh_user;
  std::optional<int> ssh_port;
  std::optional<std::string> ssh_identity;
  std::optional<std::string> ssh_proxy_jump;
  std::optional<std::string> ssh_proxy_command;
  std::optional<std::string> output;
};

/// Applies `edit` to `context`. A new password source replaces every other password and
/// token source (and a new token source also the user unless the edit sets one), so
/// switching between basic and token auth takes one command. Returns why the resulting
/// auth is inconsistent (e.g. a password without a user), else nullopt.
[[nodiscard]] std::optional<std::string> apply_edit(ContextConfig& context,
                                                    const ContextEdit& edit);

}  // namespace qctl::config
