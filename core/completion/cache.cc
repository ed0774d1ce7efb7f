#include "core/completion/cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/util/private_file.h"

namespace qctl::completion {

namespace {

CacheEntry entry_from(const nlohmann::json& j) {
  CacheEntry e;
  e.fetched_at = j.value("fetched_at", 0.0);
  e.tried_at = j.value("tried_at", 0.0);
  for (const auto& n : j.value("names", nlohmann::json::array())) {
    if (n.is_array() && n.size() == 2 && n[0].is_string() && n[1].is_string()) {
      e.names.push_back({n[0].get<std::string>(), n[1].get<std::string>()});
    }
  }
  return e;
}

nlohmann::json entry_json(const CacheEntry& e) {
  auto names = nlohmann::json::array();
  for (const auto& n : e.names) {
    names.push_back({n.value, n.description});
  }
  return {{"fetched_at", e.fetched_at}, {"tried_at", e.tried_at}, {"names", names}};
}

}  // namespace

NameCache::NameCache(std::string dir, const std::string& context)
    : dir_(std::move(dir)), path_(dir_.empty() ? "" : dir_ + "/" + cache_file_name(context)) {}

void NameCache::load() {
  loaded_ = true;
  if (path_.empty()) {
    return;
  }
  std::ifstream in(path_);
  if (!in) {
    return;
  }
  std::stringstream text;
  text << in.rdbuf();
  const auto doc = nlohmann::json::parse(text.str(), nullptr, false);
  if (!doc.is_object()) {
    return;
  }
  for (const auto& [kind, value] : doc.items()) {
    if (value.is_object()) {
      entries_[kind] = entry_from(value);
    }
  }
}

CacheEntry NameCache::get(NameKind kind) {
  if (!loaded_) {
    load();
  }
  const auto it = entries_.find(kind_name(kind));
  return it == entries_.end() ? CacheEntry{} : it->second;
}

bool NameCache::put(NameKind kind, const CacheEntry& entry) {
  if (!loaded_) {
    load();
  }
  entries_[kind_name(kind)] = entry;
  if (path_.empty()) {
    return false;
  }
  auto doc = nlohmann::json::object();
  for (const auto& [name, e] : entries_) {
    doc[name] = entry_json(e);
  }
  return util::write_private_file(path_, doc.dump()).empty();
}

std::string cache_dir(const config::Getenv& env) {
  if (const auto xdg = env("XDG_CACHE_HOME"); xdg && !xdg->empty()) {
    return *xdg + "/qctl/completion";
  }
  if (const auto home = env("HOME"); home && !home->empty()) {
    return *home + "/.cache/qctl/completion";
  }
  return "";
}

std::string cache_key(const config::ContextConfig& context) {
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a over the URLs, service by service
  auto mix = [&hash](std::string_view text) {
    for (const char c : text) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ULL;
    }
  };
  for (const auto* service : {&context.mesos, &context.marathon, &context.chronos}) {
    for (const auto& url : service->urls) {
      mix(url);
      mix("\n");
    }
    mix("|");
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return context.name + "." + std::string(hex, 8);
}

std::string cache_file_name(const std::string& context) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (const char ch : context) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 || (c == '.' && !out.empty()) || c == '_' || c == '-') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return (out.empty() ? "%" : out) + ".json";
}

}  // namespace qctl::completion
