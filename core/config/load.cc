// Reads the YAML config file into a Config, rejecting unknown keys and values with their line.
//
// Format (see the README, "Config file"):
//   current-context: prod
//   contexts:
//     prod:
//       mesos: [http://m1:5050, http://m2:5050]      # a list, one string, or {urls, auth}
//       marathon: http://marathon:8080
//       chronos: {urls: [http://chronos:4400], auth: {token-env: CHRONOS_TOKEN}}
//       chronos-api: auto                           # auto | v3 | v2
//       auth: {user: ops, password-file: ~/.config/qctl/ops.password}
//       tls: {ca-file: ..., cert-file: ..., key-file: ..., insecure: false}
//       ssh: {user: core, port: 22, identity: ..., proxy-jump: ..., proxy-command: ...}
//       output: table
#include "core/config/config.h"

#include <sys/stat.h>
#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/config/internal.h"
#include "core/config/yaml_reader.h"
#include "core/error.h"
#include "core/output/format.h"

namespace qctl::config {

namespace {

const std::vector<std::string> kTopKeys = {"current-context", "contexts"};
const std::vector<std::string> kContextKeys = {"mesos", "marathon", "chronos", "chronos-api",
                                               "auth",  "tls",      "ssh",     "output",
                                               "unique-apps"};
const std::vector<std::string> kServiceKeys = {"urls", "auth"};
const std::vector<std::string> kAuthKeys = {"user",  "password",   "password-file", "password-env",
                                            "token", "token-file", "token-env"};
const std::vector<std::string> kTlsKeys = {"ca-file", "cert-file", "key-file", "insecure"};
const std::vector<std::string> kSshKeys = {"user", "port", "identity", "proxy-jump",
                                           "proxy-command"};

/// The sections of the config file, read strictly.
class ConfigReader : public internal::YamlReader {
 public:
  using YamlReader::YamlReader;

  AuthConfig auth(const YAML::Node& node, const std::string& where) const {
    AuthConfig a;
    entries(node, kAuthKeys, where, [&](const std::string& key, const YAML::Node& v) {
      const auto value = text(v, "'" + key + "' " + where);
      if (key == "user") {
        a.user = value;
      } else if (key == "password") {
        a.password = value;
      } else if (key == "password-file") {
        a.password_file = value;
      } else if (key == "password-env") {
        a.password_env = value;
      } else if (key == "token") {
        a.token = value;
      } else if (key == "token-file") {
        a.token_file = value;
      } else {
        a.token_env = value;
      }
    });
    if (auto problem = internal::auth_problem(a)) {
      fail(node, *problem + " " + where);
    }
    return a;
  }

  std::vector<std::string> urls(const YAML::Node& node, const std::string& what) const {
    if (node.IsSequence()) {
      std::vector<std::string> out;
      for (const auto& item : node) {
        for (auto& url : internal::split_urls(text(item, what))) {
          out.push_back(std::move(url));
        }
      }
      return out;
    }
    if (node.IsMap()) {
      fail(node, what + " must be a URL or a list of URLs");
    }
    return internal::split_urls(text(node, what));
  }

  ServiceConfig service(const YAML::Node& node, const std::string& name,
                        const std::string& where) const {
    ServiceConfig s;
    if (!node.IsMap()) {
      s.urls = urls(node, "'" + name + "' " + where);
      return s;
    }
    const auto inner = where + " (" + name + ")";
    entries(node, kServiceKeys, inner, [&](const std::string& key, const YAML::Node& v) {
      if (key == "urls") {
        s.urls = urls(v, "'urls' " + inner);
      } else {
        s.auth = auth(v, where + " (" + name + ".auth)");
      }
    });
    return s;
  }

  TlsConfig tls(const YAML::Node& node, const std::string& where) const {
    TlsConfig t;
    entries(node, kTlsKeys, where, [&](const std::string& key, const YAML::Node& v) {
      if (key == "insecure") {
        t.insecure = v.IsNull() ? false : scalar<bool>(v, "'insecure' " + where, "true or false");
      } else {
        auto& field = key == "ca-file" ? t.ca_file : key == "cert-file" ? t.cert_file : t.key_file;
        field = text(v, "'" + key + "' " + where);
      }
    });
    return t;
  }

  SshConfig ssh(const YAML::Node& node, const std::string& where) const {
    SshConfig s;
    entries(node, kSshKeys, where, [&](const std::string& key, const YAML::Node& v) {
      if (key == "port") {
        s.port = v.IsNull() ? 0 : scalar<int>(v, "'port' " + where, "a port number");
        if (s.port < 0 || s.port > 65535) {
          fail(v, "'port' " + where + " must be a port number");
        }
        return;
      }
      const auto value = text(v, "'" + key + "' " + where);
      if (key == "user") {
        s.user = value;
      } else if (key == "identity") {
        s.identity = value;
      } else if (key == "proxy-jump") {
        s.proxy_jump = value;
      } else {
        s.proxy_command = value;
      }
    });
    return s;
  }

  ContextConfig context(const std::string& name, const YAML::Node& node) const {
    ContextConfig c;
    c.name = name;
    const auto where = "in context '" + name + "'";
    entries(node, kContextKeys, where, [&](const std::string& key, const YAML::Node& v) {
      if (key == "mesos" || key == "marathon" || key == "chronos") {
        auto& field = key == "mesos" ? c.mesos : key == "marathon" ? c.marathon : c.chronos;
        field = service(v, key, where);
      } else if (key == "chronos-api") {
        const auto value = text(v, "'chronos-api' " + where);
        const auto api = parse_chronos_api(value.empty() ? "auto" : value);
        if (!api) {
          fail(v, "'chronos-api' " + where + " must be auto, v3 or v2, not '" + value + "'");
        }
        c.chronos_api = *api;
      } else if (key == "auth") {
        c.auth = auth(v, where + " (auth)");
      } else if (key == "tls") {
        c.tls = tls(v, where + " (tls)");
      } else if (key == "ssh") {
        c.ssh = ssh(v, where + " (ssh)");
      } else if (key == "unique-apps") {
        c.unique_apps = text(v, "'unique-apps' " + where);
      } else {
        c.output = text(v, "'output' " + where);
        if (!c.output.empty() && !output::parse_format(c.output)) {
          fail(v, "'output' " + where + " must be table, wide, json, yaml or name");
        }
      }
    });
    return c;
  }

  void top(const YAML::Node& root, Config& config) const {
    if (!root.IsNull() && !root.IsMap()) {
      fail(root, "expected a map with 'current-context' and 'contexts'");
    }
    entries(root, kTopKeys, "at the top level", [&](const std::string& key, const YAML::Node& v) {
      if (key == "current-context") {
        config.current_context = text(v, "'current-context'");
      } else {
        contexts(v, config);
      }
    });
  }

  void contexts(const YAML::Node& node, Config& config) const {
    if (node.IsNull()) {
      return;
    }
    if (!node.IsMap()) {
      fail(node, "'contexts' must be a map from context names to contexts");
    }
    std::set<std::string> seen;
    for (const auto& entry : node) {
      const auto name = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
      if (name.empty()) {
        fail(entry.first, "a context name must be a non-empty string");
      }
      if (!seen.insert(name).second) {
        fail(entry.first, "duplicate context '" + name + "'");
      }
      config.contexts.push_back(context(name, entry.second));
    }
  }
};

std::string read_file(const std::string& path, bool& exists) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) {
      exists = false;
      return {};
    }
    throw ConfigError("config: " + path, std::string("cannot read: ") + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) {
    throw ConfigError("config: " + path, "cannot read: is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ConfigError("config: " + path, std::string("cannot read: ") + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    throw ConfigError("config: " + path, "cannot read: I/O error");
  }
  exists = true;
  return text.str();
}

}  // namespace

Config load(const std::string& path) {
  Config config;
  config.path = path;
  const auto text = read_file(path, config.exists);
  if (!config.exists) {
    return config;
  }
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw ConfigError("config: " + path, "line " + std::to_string(e.mark.line + 1) + ", column " +
                                             std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
  ConfigReader(path).top(root, config);
  return config;
}

}  // namespace qctl::config
