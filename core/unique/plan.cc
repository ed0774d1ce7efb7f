// The UNIQUE sync plan: targets from eligible agents, then the safety rules, then actions.
#include "core/unique/plan.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/util/strings.h"

namespace qctl::unique {

namespace {

std::string percent(double fraction) { return util::format_number(fraction * 100, 1) + "%"; }

/// The whole run stops: the agent list cannot be trusted.
std::optional<Refusal> global_refusal(const PlanInputs& in, const PlanOptions& opts) {
  if (opts.force) {
    return std::nullopt;
  }
  const std::size_t listed = in.agents.size();
  // Right after a failover the new leader knows most agents only from its registry: they
  // count as missing until they re-register. One dead agent among many may linger there for
  // the agent_reregister_timeout (10 minutes) and is tolerated like any other small drop.
  const double known = static_cast<double>(listed + in.recovered);
  if (in.recovered > 0 && static_cast<double>(in.recovered) / known > opts.max_change) {
    return Refusal{"agents-recovering",
                   std::to_string(in.recovered) + " of " + std::to_string(listed + in.recovered) +
                       " agents have not re-registered since the last master failover"};
  }
  if (listed == 0) {
    return Refusal{"empty-agent-list", "the Mesos master lists no agents"};
  }
  if (in.last_agent_count && *in.last_agent_count > 0 && listed < *in.last_agent_count) {
    const auto last = static_cast<double>(*in.last_agent_count);
    const double drop = (last - static_cast<double>(listed)) / last;
    if (drop > opts.max_change) {
      return Refusal{"agent-drop", "the agent count dropped from " +
                                       std::to_string(*in.last_agent_count) + " to " +
                                       std::to_string(listed) + " (" + percent(drop) +
                                       ") since the last run, more than --max-change " +
                                       percent(opts.max_change)};
    }
  }
  return std::nullopt;
}

bool hang_risk(const model::App& app) {
  return app.upgrade_strategy.minimum_health_capacity >= 1.0;
}

std::string reason_for(const AppPlan& p, const PlanOptions& opts) {
  std::string r = std::to_string(p.eligible) + " eligible";
  if (p.unfit > 0) {
    r += ", " + std::to_string(p.unfit) +
         (opts.require_fit ? " without room (not counted)" : " without room (counted)");
  }
  return r;
}

/// Decides what to do with one app once its target is known.
void decide(AppPlan& p, const model::App& app, const PlanOptions& opts) {
  const bool scale = p.target != p.current;
  if (!scale && !p.fix_strategy) {
    p.action = Action::kNone;
    return;
  }
  // With --force the write goes out with ?force=true, which cancels that deployment.
  if (!app.deployment_ids.empty() && !opts.force) {
    p.action = Action::kSkipDeployment;
    p.reason = "deployment " + app.deployment_ids.front() + " in progress";
    return;
  }
  if (scale && p.target < p.current && !opts.force && p.current > 0) {
    const double drop = static_cast<double>(p.current - p.target) / static_cast<double>(p.current);
    if (drop > opts.max_change) {
      p.action = Action::kRefused;
      p.refusal =
          Refusal{"max-change", p.id + ": scaling from " + std::to_string(p.current) + " to " +
                                    std::to_string(p.target) + " drops " + percent(drop) +
                                    ", more than --max-change " + percent(opts.max_change)};
      p.reason = "drop " + percent(drop) + " > max-change " + percent(opts.max_change);
      return;
    }
  }
  p.action = scale ? Action::kScale : Action::kFixStrategy;
}

}  // namespace

bool Plan::writes() const {
  if (refusal) {
    return false;
  }
  for (const auto& a : apps) {
    if (a.action == Action::kScale || a.action == Action::kFixStrategy) {
      return true;
    }
  }
  return false;
}

model::UpgradeStrategy safe_strategy(std::int64_t instances) {
  return model::UpgradeStrategy{instances <= 1 ? 0.0 : 0.5, 0.0};
}

Plan plan_sync(const PlanInputs& in, const PlanOptions& opts) {
  Eligibility eligibility(in.agents, in.windows, in.now);
  return plan_sync(in, opts, eligibility);
}

Plan plan_sync(const PlanInputs& in, const PlanOptions& opts, Eligibility& eligibility) {
  Plan plan;
  plan.agents = eligibility.counts();
  plan.agents.recovered = in.recovered;
  plan.refusal = global_refusal(in, opts);
  plan.apps.reserve(in.apps.size());
  for (const auto& app : in.apps) {
    AppPlan p;
    p.id = app.id;
    p.current = app.instances;
    p.target = app.instances;
    if (!app.is_hostname_unique() && !opts.any_constraint) {
      p.action = Action::kSkipNotUnique;
      p.reason = "no hostname:UNIQUE constraint";
      plan.apps.push_back(std::move(p));
      continue;
    }
    if (app.instances == 0) {
      // Suspending an app in Marathon is scaling it to 0: scaling it back up every few
      // minutes from cron would undo an operator's decision.
      p.action = Action::kSkipSuspended;
      p.reason = "suspended (0 instances)";
      plan.apps.push_back(std::move(p));
      continue;
    }
    auto hosts = in.hosts.find(app.id);
    const AppCount c = eligibility.count(app, opts.framework_role,
                                         hosts == in.hosts.end() ? nullptr : &hosts->second);
    p.eligible = c.eligible;
    p.unfit = c.unfit;
    p.unfit_examples = c.unfit_examples;
    p.needs_tasks = c.unfit > 0 && hosts == in.hosts.end();
    p.target = static_cast<std::int64_t>(opts.require_fit ? c.eligible - c.unfit : c.eligible);
    p.upgrade_hang_risk = app.is_hostname_unique() && hang_risk(app);
    p.fix_strategy = p.upgrade_hang_risk && opts.fix_upgrade_strategy;
    p.new_strategy = safe_strategy(p.target);
    p.reason = reason_for(p, opts);
    if (plan.refusal) {
      p.action = p.target == p.current && !p.fix_strategy ? Action::kNone : Action::kRefused;
      if (p.action == Action::kRefused) {
        p.refusal = plan.refusal;
        p.reason = "refused: " + plan.refusal->rule;
      }
    } else {
      decide(p, app, opts);
    }
    plan.apps.push_back(std::move(p));
  }
  return plan;
}

std::string action_text(const AppPlan& p) {
  switch (p.action) {
    case Action::kNone:
      return "none";
    case Action::kScale: {
      std::string s = p.target > p.current ? "scale up" : "scale down";
      return p.fix_strategy ? s + ", fix strategy" : s;
    }
    case Action::kFixStrategy:
      return "fix strategy";
    case Action::kSkipDeployment:
    case Action::kSkipNotUnique:
    case Action::kSkipSuspended:
      return "skip";
    case Action::kRefused:
      return "refuse";
  }
  return "none";
}

std::string update_body(const AppPlan& p) {
  nlohmann::json body = nlohmann::json::object();
  if (p.action == Action::kScale) {
    body["instances"] = p.target;
  }
  if (p.fix_strategy) {
    body["upgradeStrategy"] = {{"minimumHealthCapacity", p.new_strategy.minimum_health_capacity},
                               {"maximumOverCapacity", p.new_strategy.maximum_over_capacity}};
  }
  return body.dump();
}

}  // namespace qctl::unique
