#include "core/stats/stats_json.h"

namespace qctl::stats {

namespace {

double pct(double v) { return model::round3(v * 100.0); }

}  // namespace

nlohmann::json to_json(const ResourceTotals& t) {
  return {{"total", t.total},
          {"allocated", t.allocated},
          {"percent", pct(t.fraction())},
          {"reserved", t.reserved},
          {"reserved_dynamic", t.reserved_dynamic},
          {"offered", t.offered},
          {"free", t.free},
          {"unavailable", t.unavailable},
          {"revocable_allocated", t.revocable_allocated}};
}

nlohmann::json to_json(const GroupTotals& g) {
  nlohmann::json resources = nlohmann::json::object();
  for (const auto& name : resource_names()) {
    resources[name] = to_json(g.resource(name));
  }
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& r : g.roles) {
    nlohmann::json rr = nlohmann::json::object();
    for (const auto& [name, t] : r.resources) {
      rr[name] = to_json(t);
    }
    roles.push_back({{"role", r.role}, {"resources", rr}});
  }
  return {{"group", g.group},         {"agents", g.agents},
          {"available", g.available}, {"unavailable", g.unavailable},
          {"resources", resources},   {"roles", roles}};
}

nlohmann::json to_json(const AgentLoad& l) {
  return {{"hostname", l.hostname},
          {"id", l.id},
          {"group", l.group},
          {"status", availability_name(l.availability)},
          {"cpus_percent", pct(l.cpus)},
          {"mem_percent", pct(l.mem)},
          {"disk_percent", pct(l.disk)}};
}

nlohmann::json to_json(const ShapeFit& f) {
  return {{"group", f.group},
          {"shape", f.shape},
          {"fits", f.fits},
          {"ideal", f.ideal},
          {"fragmentation_index", model::round3(f.index)},
          {"limiting", f.limiting},
          {"agents_fitting", f.agents_fitting},
          {"stranded", f.stranded}};
}

nlohmann::json to_json(const FitResult& r, bool with_rejected) {
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& g : r.groups) {
    groups.push_back({{"group", g.group},
                      {"placed", g.placed},
                      {"agents", g.agents},
                      {"agents_used", g.agents_used}});
  }
  nlohmann::json out = {{"name", r.name},         {"wanted", r.wanted},  {"placed", r.placed},
                        {"existing", r.existing}, {"fits", r.fits()},    {"agents", r.agents},
                        {"groups", groups},       {"reasons", r.reasons}};
  if (with_rejected) {
    nlohmann::json rejected = nlohmann::json::array();
    for (const auto& rj : r.rejected) {
      if (rj.verdict.fits) {
        continue;
      }
      rejected.push_back(
          {{"hostname", rj.hostname},
           {"agent_id", rj.agent_id},
           {"reason", rj.verdict.reject ? placement::reject_name(*rj.verdict.reject) : ""},
           {"detail", rj.verdict.detail}});
    }
    out["rejected"] = rejected;
  }
  return out;
}

}  // namespace qctl::stats
