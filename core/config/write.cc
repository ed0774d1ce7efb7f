// Renders a Config in the file's own shape: an ordered document, its JSON and its YAML.
#include "core/config/config.h"

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "core/config/internal.h"

namespace qctl::config {

namespace {

using Doc = nlohmann::ordered_json;

constexpr const char* kRedacted = "<redacted>";

void put(Doc& doc, const char* key, const std::string& value) {
  if (!value.empty()) {
    doc[key] = value;
  }
}

Doc auth_doc(const AuthConfig& auth, bool redact) {
  Doc doc = Doc::object();
  put(doc, "user", auth.user);
  put(doc, "password", redact && !auth.password.empty() ? kRedacted : auth.password);
  put(doc, "password-file", auth.password_file);
  put(doc, "password-env", auth.password_env);
  put(doc, "token", redact && !auth.token.empty() ? kRedacted : auth.token);
  put(doc, "token-file", auth.token_file);
  put(doc, "token-env", auth.token_env);
  return doc;
}

void put_service(Doc& doc, const char* key, const ServiceConfig& service, bool redact) {
  if (service.urls.empty() && !service.auth) {
    return;
  }
  const auto urls = redact ? redact_urls(service.urls) : service.urls;
  if (!service.auth) {
    doc[key] = urls;
    return;
  }
  doc[key] = Doc{{"urls", urls}, {"auth", auth_doc(*service.auth, redact)}};
}

Doc context_doc(const ContextConfig& c, bool redact) {
  Doc doc = Doc::object();
  put_service(doc, "mesos", c.mesos, redact);
  put_service(doc, "marathon", c.marathon, redact);
  put_service(doc, "chronos", c.chronos, redact);
  if (c.chronos_api != ChronosApi::kAuto) {
    doc["chronos-api"] = chronos_api_name(c.chronos_api);
  }
  if (!c.auth.empty()) {
    doc["auth"] = auth_doc(c.auth, redact);
  }
  Doc tls = Doc::object();
  put(tls, "ca-file", c.tls.ca_file);
  put(tls, "cert-file", c.tls.cert_file);
  put(tls, "key-file", c.tls.key_file);
  if (c.tls.insecure) {
    tls["insecure"] = true;
  }
  if (!tls.empty()) {
    doc["tls"] = tls;
  }
  Doc ssh = Doc::object();
  put(ssh, "user", c.ssh.user);
  if (c.ssh.port != 0) {
    ssh["port"] = c.ssh.port;
  }
  put(ssh, "identity", c.ssh.identity);
  put(ssh, "proxy-jump", c.ssh.proxy_jump);
  put(ssh, "proxy-command", c.ssh.proxy_command);
  if (!ssh.empty()) {
    doc["ssh"] = ssh;
  }
  put(doc, "output", c.output);
  put(doc, "unique-apps", c.unique_apps);
  return doc;
}

/// Strings YAML would read back as null (or as nothing) are quoted.
bool null_like(const std::string& s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

void emit(YAML::Emitter& out, const Doc& value) {
  if (value.is_object()) {
    if (value.empty()) {
      out << YAML::Flow;  // "contexts: {}" rather than a dangling block
    }
    out << YAML::BeginMap;
    for (const auto& [key, item] : value.items()) {
      out << YAML::Key << key << YAML::Value;
      emit(out, item);
    }
    out << YAML::EndMap;
  } else if (value.is_array()) {
    // URL lists read best on one line, as in the documented format.
    out << YAML::Flow << YAML::BeginSeq;
    for (const auto& item : value) {
      emit(out, item);
    }
    out << YAML::EndSeq;
  } else if (value.is_boolean()) {
    out << value.get<bool>();
  } else if (value.is_number_integer()) {
    out << value.get<long long>();
  } else {
    const auto text = value.get<std::string>();
    if (null_like(text)) {
      out << YAML::DoubleQuoted;
    }
    out << text;
  }
}

}  // namespace

namespace internal {

nlohmann::ordered_json document(const Config& config, bool redact) {
  Doc doc = Doc::object();
  put(doc, "current-context", config.current_context);
  Doc contexts = Doc::object();
  for (const auto& c : config.contexts) {
    contexts[c.name] = context_doc(c, redact);
  }
  doc["contexts"] = contexts;
  return doc;
}

}  // namespace internal

nlohmann::json to_json(const Config& config, bool redact) {
  return nlohmann::json::parse(internal::document(config, redact).dump());
}

std::string to_yaml(const Config& config, bool redact) {
  YAML::Emitter out;
  out.SetIndent(2);
  out.SetBoolFormat(YAML::TrueFalseBool);
  emit(out, internal::document(config, redact));
  return std::string(out.c_str()) + "\n";
}

}  // namespace qctl::config
