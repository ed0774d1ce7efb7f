// Eligibility counting with the placement engine, memoised per agent class and app shape.
#include "core/unique/eligibility.h"

#include <algorithm>
#include <unordered_map>

#include "core/stats/agent_resources.h"
#include "core/stats/fit.h"
#include "core/util/strings.h"

namespace qctl::unique {

namespace {

constexpr std::size_t kExamples = 3;

bool is_placement_op(const model::Constraint& c) {
  if (c.op == "LIKE" || c.op == "UNLIKE" || c.op == "IS") {
    return true;
  }
  return c.op == "CLUSTER" && c.has_value && !c.value.empty();
}

bool is_hostname_field(const std::string& field) {
  return field == "hostname" || field == "@hostname";
}

void append_number(std::string& out, double v) {
  out += util::format_number(v, 6);
  out += ',';
}

/// Everything hostname-free constraints and role/size checks read from an agent.
std::string class_key(const placement::AgentView& v) {
  std::string key = v.region;
  key += '\x1f';
  key += v.zone;
  key += '\x1f';
  for (const auto& a : v.attributes) {
    key += a.name;
    key += '=';
    key += a.str();
    key += '\x1e';
  }
  key += '\x1f';
  for (const auto& [role, r] : v.free) {
    key += role;
    key += ':';
    append_number(key, r.cpus);
    append_number(key, r.mem);
    append_number(key, r.disk);
    append_number(key, r.gpus);
    key += std::to_string(model::range_count(r.ports));
    key += '\x1e';
  }
  return key;
}

std::string shape_key(const placement::Demand& d) {
  std::string key;
  append_number(key, d.cpus);
  append_number(key, d.mem);
  append_number(key, d.disk);
  append_number(key, d.gpus);
  key += std::to_string(d.ports);
  key += '|';
  key += d.framework_role;
  for (const auto& r : d.accepted_roles) {
    key += '|';
    key += r;
  }
  return key;
}

std::string example(const model::Agent& agent, const std::string& detail) {
  return agent.hostname + " (" + detail + ")";
}

/// Dense class ids for the keys, with one representative agent per class.
void assign_classes(const std::vector<std::string>& keys, std::vector<std::size_t>& ids,
                    std::vector<std::size_t>& reps) {
  std::unordered_map<std::string, std::size_t> seen;
  seen.reserve(keys.size());
  ids.resize(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    auto [it, added] = seen.emplace(keys[i], reps.size());
    if (added) {
      reps.push_back(i);
    }
    ids[i] = it->second;
  }
}

}  // namespace

std::vector<model::Constraint> placement_constraints(const model::App& app) {
  std::vector<model::Constraint> out;
  for (const auto& c : app.constraints) {
    if (is_placement_op(c)) {
      out.push_back(c);
    }
  }
  return out;
}

Eligibility::Eligibility(const std::vector<model::Agent>& agents,
                         const std::vector<model::MaintenanceWindow>& windows, double now)
    : agents_(agents) {
  counts_.listed = agents.size();
  std::vector<std::string> keys;
  std::vector<std::string> host_keys;
  totals_.reserve(agents.size());
  for (std::size_t i = 0; i < agents.size(); ++i) {
    switch (classify(agents[i], windows, now)) {
      case AgentState::kEligible:
        ++counts_.eligible;
        eligible_.push_back(i);
        break;
      case AgentState::kInactive:
        ++counts_.inactive;
        break;
      case AgentState::kDeactivated:
        ++counts_.deactivated;
        break;
      case AgentState::kDraining:
      case AgentState::kDrained:
        ++counts_.draining;
        break;
      case AgentState::kMaintenance:
        ++counts_.maintenance;
        break;
    }
    totals_.push_back(total_view(agents[i]));
    keys.push_back(class_key(totals_.back()));
    host_keys.push_back(agents[i].hostname + '\x1d' + keys.back());
  }
  assign_classes(keys, class_, class_rep_);
  assign_classes(host_keys, host_class_, host_class_rep_);
}

std::vector<std::uint8_t>& Eligibility::outcomes(const placement::Demand& demand, bool by_host) {
  std::string key = by_host ? "h|" : "c|";
  key += shape_key(demand);
  for (const auto& c : demand.constraints) {
    key += '\x1f' + c.field + '\x1e' + c.op + '\x1e' + c.value;
  }
  auto [it, added] = outcome_memo_.try_emplace(key);
  if (added) {
    it->second.assign(by_host ? host_class_rep_.size() : class_rep_.size(), kUnknown);
  }
  return it->second;
}

std::vector<std::uint8_t>& Eligibility::fits(const placement::Demand& shape) {
  auto [it, added] = fit_memo_.try_emplace(shape_key(shape));
  if (added) {
    it->second.assign(agents_.size(), kUnknown);
  }
  if (free_.empty() && !agents_.empty()) {
    free_.reserve(agents_.size());
    for (const auto& a : agents_) {
      free_.push_back(stats::free_view(a));
    }
  }
  return it->second;
}

AppCount Eligibility::count(const model::App& app, const std::string& framework_role,
                            const std::set<std::string>* hosts) {
  // The shape (resources and roles) decides whether an instance fits; the demand adds the
  // constraints that decide whether the agent counts at all.
  placement::Demand shape = stats::demand_of(app, framework_role);
  shape.constraints.clear();
  placement::Demand demand = shape;
  demand.constraints = placement_constraints(app);
  const bool by_host = std::any_of(demand.constraints.begin(), demand.constraints.end(),
                                   [](const auto& c) { return is_hostname_field(c.field); });
  auto& outcome = outcomes(demand, by_host);
  const auto& cls = by_host ? host_class_ : class_;
  const auto& reps = by_host ? host_class_rep_ : class_rep_;
  std::vector<std::uint8_t>* fit = nullptr;
  AppCount out;
  for (std::size_t i : eligible_) {
    std::uint8_t& o = outcome[cls[i]];
    if (o == kUnknown) {
      const auto v = placement::check(totals_[reps[cls[i]]], demand, {});
      o = v.fits                                                  ? kIn
          : v.reject == placement::Reject::kUnfulfilledConstraint ? kConstraint
          : v.reject == placement::Reject::kUnfulfilledRole       ? kRole
                                                                  : kTooSmall;
    }
    if (o == kConstraint || o == kRole) {
      continue;
    }
    ++out.eligible;
    if (hosts != nullptr && hosts->contains(agents_[i].id)) {
      continue;  // an instance runs there: it fits by definition
    }
    if (o == kIn) {
      if (fit == nullptr) {
        fit = &fits(shape);
      }
      std::uint8_t& f = (*fit)[i];
      if (f == kUnknown) {
        f = placement::check(free_[i], shape, {}).fits ? kIn : kTooSmall;
      }
      if (f == kIn) {
        continue;
      }
    }
    ++out.unfit;
    if (out.unfit_examples.size() < kExamples) {
      const auto v = o == kTooSmall ? placement::check(totals_[i], demand, {})
                                    : placement::check(free_[i], shape, {});
      out.unfit_examples.push_back(
          example(agents_[i], (o == kTooSmall ? "too small: " : "") + v.detail));
    }
  }
  return out;
}

}  // namespace qctl::unique
