// Applies `qctl config set-context` edits to a context.
#include "core/config/edit.h"

#include "core/config/internal.h"

namespace qctl::config {

namespace {

template <typename T>
void set(T& field, const std::optional<T>& value) {
  if (value) {
    field = *value;
  }
}

void set_urls(ServiceConfig& service, const std::optional<std::vector<std::string>>& urls) {
  if (!urls) {
    return;
  }
  service.urls.clear();
  for (const auto& text : *urls) {
    for (auto& url : internal::split_urls(text)) {
      service.urls.push_back(std::move(url));
    }
  }
}

void apply_auth(AuthConfig& auth, const ContextEdit& edit) {
  const bool new_password = (edit.password_file && !edit.password_file->empty()) ||
                            (edit.password_env && !edit.password_env->empty());
  const bool new_token = (edit.token_file && !edit.token_file->empty()) ||
                         (edit.token_env && !edit.token_env->empty());
  if (new_password || new_token) {
    const auto user = auth.user;
    auth = AuthConfig{};
    if (new_password) {
      auth.user = user;
    }
  }
  set(auth.user, edit.user);
  set(auth.password_file, edit.password_file);
  set(auth.password_env, edit.password_env);
  set(auth.token_file, edit.token_file);
  set(auth.token_env, edit.token_env);
}

}  // namespace

std::optional<std::string> apply_edit(ContextConfig& context, const ContextEdit& edit) {
  set_urls(context.mesos, edit.mesos);
  set_urls(context.marathon, edit.marathon);
  set_urls(context.chronos, edit.chronos);
  set(context.chronos_api, edit.chronos_api);
  apply_auth(context.auth, edit);
  set(context.tls.ca_file, edit.ca_file);
  set(context.tls.cert_file, edit.cert_file);
  set(context.tls.key_file, edit.key_file);
  set(context.tls.insecure, edit.insecure);
  set(context.ssh.user, edit.ssh_user);
  set(context.ssh.port, edit.ssh_port);
  set(context.ssh.identity, edit.ssh_identity);
  set(context.ssh.proxy_jump, edit.ssh_proxy_jump);
  set(context.ssh.proxy_command, edit.ssh_proxy_command);
  set(context.output, edit.output);
  return internal::auth_problem(context.auth);
}

}  // namespace qctl::config
