// Option handling shared by the stats verbs: selectors, --by and warnings.
#include <algorithm>
#include <set>

#include "cmd/stats/stats_cmds.h"
#include "core/error.h"
#include "core/status/selector.h"
#include "core/util/strings.h"

namespace qctl::cmd {

void apply_selector(stats::ClusterInput& input, const std::string& selector) {
  if (selector.empty()) {
    return;
  }
  const auto sel = status::parse_selector(selector);
  auto& agents = input.agents;
  agents.erase(std::remove_if(agents.begin(), agents.end(),
                              [&](const model::Agent& a) {
                                return !status::matches(sel, [&a](const std::string& key) {
                                  const auto* attr = a.attribute(key);
                                  return attr != nullptr ? std::optional(attr->str())
                                                         : std::nullopt;
                                });
                              }),
               agents.end());
}

stats::GroupBy resolve_group_by(const std::string& by, const std::vector<model::Agent>& agents,
                                bool allow_special) {
  if (by.empty()) {
    return stats::default_group_by(agents);
  }
  auto g = stats::parse_group_by(by);
  if (g.kind != stats::GroupBy::Kind::kAttribute) {
    if (!allow_special && g.kind != stats::GroupBy::Kind::kCluster) {
      throw UsageError("--by " + by + ": only an attribute or cluster is allowed here");
    }
    return g;
  }
  if (!agents.empty() && !stats::has_attribute(agents, by)) {
    std::set<std::string> names;
    for (const auto& a : agents) {
      for (const auto& attr : a.attributes) {
        names.insert(attr.name);
      }
    }
    const std::vector<std::string> list(names.begin(), names.end());
    throw UsageError("--by " + by + ": unknown attribute: no agent has it",
                     list.empty() ? "the agents have no attributes; try --by agent"
                                  : "attributes: " + util::join(list, ", "));
  }
  return g;
}

void print_warnings(Context& ctx, const std::vector<std::string>& warnings) {
  for (const auto& w : warnings) {
    ctx.io.err << "qctl: warning: " << w << '\n';
  }
}

int complete_unless(const std::vector<std::string>& warnings, const std::string& command) {
  if (!warnings.empty()) {
    throw PartialError(command, "computed without the parts that could not be read (above)");
  }
  return 0;
}

}  // namespace qctl::cmd
