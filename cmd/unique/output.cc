// The sync plan as a table (APP CURRENT TARGET ELIGIBLE REASON ACTION) or JSON/YAML items.
#include <nlohmann/json.hpp>

#include "cmd/list_output.h"
#include "cmd/unique/unique_cmds.h"

namespace qctl::cmd {

namespace {

nlohmann::json item(const unique::SyncResult& r, std::size_t i) {
  const auto& p = r.plan.apps[i];
  nlohmann::json j = {{"id", p.id},
                      {"current", p.current},
                      {"target", p.target},
                      {"eligible", p.eligible},
                      {"unfit", p.unfit},
                      {"reason", p.reason},
                      {"action", r.action_done(i)},
                      {"upgradeHangRisk", p.upgrade_hang_risk}};
  if (p.refusal) {
    j["rule"] = p.refusal->rule;
  }
  if (!r.results[i].message.empty()) {
    j["message"] = r.results[i].message;
  }
  return j;
}

}  // namespace

void print_sync_result(Context& ctx, const unique::SyncResult& r) {
  ListOutput list(ctx, {{"APP"},
                        {"CURRENT"},
                        {"TARGET"},
                        {"ELIGIBLE"},
                        {"REASON"},
                        {"ACTION"},
                        {"UNFIT", true},
                        {"DETAIL", true}});
  for (std::size_t i = 0; i < r.plan.apps.size(); ++i) {
    const auto& p = r.plan.apps[i];
    list.add(
        [&] {
          const bool counted = p.action != unique::Action::kSkipNotUnique &&
                               p.action != unique::Action::kSkipSuspended;
          return std::vector<std::string>{p.id,
                                          std::to_string(p.current),
                                          counted ? std::to_string(p.target) : "",
                                          counted ? std::to_string(p.eligible) : "",
                                          p.reason,
                                          r.action_done(i),
                                          counted ? std::to_string(p.unfit) : "",
                                          r.results[i].message.empty()
                                              ? (p.refusal ? p.refusal->rule : "")
                                              : r.results[i].message};
        },
        [&] { return item(r, i); }, "app" + p.id);
  }
  print_list(ctx, list, "apps");
}

}  // namespace qctl::cmd
