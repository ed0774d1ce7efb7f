#include "core/chronos/ancestry.h"

#include <map>

namespace qctl::chronos {

std::optional<std::vector<std::string>> cycle_through(const std::string& name,
                                                      const std::vector<std::string>& parents,
                                                      const ParentsOf& parents_of) {
  // Depth-first up the parents, remembering who led where, until `name` comes back.
  std::map<std::string, std::string> child_of;
  std::vector<std::string> pending;
  auto visit = [&](const std::vector<std::string>& next, const std::string& from) {
    for (const auto& p : next) {
      if (child_of.emplace(p, from).second) {
        pending.push_back(p);
      }
    }
  };
  visit(parents, name);
  while (!pending.empty()) {
    const std::string at = pending.back();
    pending.pop_back();
    if (at == name) {
      // child_of leads from `name` through its children back to it: parent -> child order.
      std::vector<std::string> chain = {name};
      for (std::string step = child_of[name]; step != name; step = child_of[step]) {
        chain.push_back(step);
      }
      return chain;
    }
    visit(parents_of(at), at);
  }
  return std::nullopt;
}

}  // namespace qctl::chronos
