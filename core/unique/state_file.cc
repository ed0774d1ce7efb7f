// Reading and writing the unique sync state file.
#include "core/unique/state_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.h"
#include "core/util/private_file.h"

namespace qctl::unique {

namespace {

std::string safe_name(const std::string& context) {
  std::string out;
  for (char c : context) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    out += ok ? c : '_';
  }
  return out.empty() ? "default" : out;
}

}  // namespace

std::string state_path(const config::Getenv& env, const std::string& context) {
  std::string dir;
  if (auto xdg = env("XDG_STATE_HOME"); xdg && !xdg->empty()) {
    dir = *xdg + "/qctl";
  } else {
    dir = config::expand_home("~/.local/state/qctl", env);
  }
  return dir + "/unique-" + safe_name(context) + ".json";
}

std::optional<std::size_t> read_agent_count(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec) && !ec) {
    return std::nullopt;  // the first run: nothing to compare with
  }
  std::ifstream in(path);
  if (!in) {
    throw ConfigError(path, "cannot read the state file: " + std::string(std::strerror(errno)));
  }
  std::stringstream text;
  text << in.rdbuf();
  const auto doc = nlohmann::json::parse(text.str(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("agents") ||
      !doc["agents"].is_number_unsigned()) {
    // Reading it as "no previous run" would silently switch the agent-drop rule off.
    throw ConfigError(path,
                      "not a unique sync state file (expected {\"agents\": <count>}); the "
                      "agent-drop rule needs the last count",
                      "check the file, or delete it to start counting afresh from this run");
  }
  return doc["agents"].get<std::size_t>();
}

void write_agent_count(const std::string& path, std::size_t agents, double now) {
  // A mkstemp temp file and a rename: --state-file may sit in a shared directory such as
  // /tmp, where a predictable temp name could be planted as a symlink by another user.
  const auto text =
      nlohmann::json{{"agents", agents}, {"updated", static_cast<std::int64_t>(now)}}.dump() + "\n";
  if (auto error = util::write_private_file(path, text); !error.empty()) {
    throw ConfigError(path, "cannot write the state file: " + error);
  }
}

}  // namespace qctl::unique
