// Strict reading of a yaml-cpp document: unknown keys, duplicates and wrong types are
// ConfigErrors naming the file and the line.
#pragma once

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/config/internal.h"
#include "core/error.h"

namespace qctl::config::internal {

/// Walks the parsed document; every error names the file and the line.
class YamlReader {
 public:
  explicit YamlReader(std::string path) : path_(std::move(path)) {}

  [[noreturn]] void fail(const YAML::Node& node, const std::string& what,
                         std::string hint = {}) const {
    const auto line = node.Mark().line;
    const std::string where = line >= 0 ? "line " + std::to_string(line + 1) + ": " : "";
    throw ConfigError("config: " + path_, where + what, std::move(hint));
  }

  /// Calls `each(key, value)` for every entry of a map, rejecting keys not in `known`.
  template <typename Each>
  void entries(const YAML::Node& map, const std::vector<std::string>& known,
               const std::string& where, Each&& each) const {
    if (map.IsNull()) {
      return;
    }
    if (!map.IsMap()) {
      fail(map, "expected a map " + where);
    }
    std::set<std::string> seen;
    for (const auto& entry : map) {
      const auto key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        const auto guess = internal::closest_key(key, known);
        fail(entry.first, "unknown key '" + key + "' " + where,
             guess.empty() ? std::string() : "did you mean '" + guess + "'?");
      }
      if (!seen.insert(key).second) {
        fail(entry.first, "duplicate key '" + key + "' " + where);
      }
      each(key, entry.second);
    }
  }

  std::string text(const YAML::Node& node, const std::string& what) const {
    if (node.IsNull()) {
      return {};
    }
    if (!node.IsScalar()) {
      fail(node, what + " must be a string");
    }
    return node.Scalar();
  }

  template <typename T>
  T scalar(const YAML::Node& node, const std::string& what, const char* expected) const {
    try {
      return node.as<T>();
    } catch (const YAML::Exception&) {
      fail(node, what + " must be " + expected);
    }
  }

 private:
  std::string path_;
};

}  // namespace qctl::config::internal
