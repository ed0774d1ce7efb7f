// kubectl-style selectors ("dc=bj1,rack!=r2") over agent attributes or app labels.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qctl::status {

struct Requirement {
  std::string key;
  bool equals = true;  // "=" / "==" vs "!="
  std::string value;
};

using Selector = std::vector<Requirement>;

/// Parses "k=v,k2==v2,k3!=v3"; throws UsageError naming the bad term.
[[nodiscard]] Selector parse_selector(std::string_view text);

/// Looks a key up on the object being filtered; nullopt when it lacks the key.
using Lookup = std::function<std::optional<std::string>(const std::string& key)>;

/// True when every requirement holds. A missing key fails "=" and satisfies "!=".
[[nodiscard]] bool matches(const Selector& selector, const Lookup& lookup);

}  // namespace qctl::status
