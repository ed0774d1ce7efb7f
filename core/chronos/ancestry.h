// Chronos' job graph as parent links: does making `parents` a job's parents close a cycle?
// Used by `job submit`'s check and by the sandbox, which answers such an update 500 as
// Chronos' DirectedAcyclicGraph does.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace qctl::chronos {

/// The parents of a job as the graph knows them (empty for a scheduled or unknown job).
using ParentsOf = std::function<std::vector<std::string>(const std::string&)>;

/// When `name` is among the ancestors of `parents` (through `parents_of`), the cycle in
/// parent -> child order from `name` back to just before it ("a", "b" for a -> b -> a);
/// nullopt when there is none.
[[nodiscard]] std::optional<std::vector<std::string>> cycle_through(
    const std::string& name, const std::vector<std::string>& parents, const ParentsOf& parents_of);

}  // namespace qctl::chronos
