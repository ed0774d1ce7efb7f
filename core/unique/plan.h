// The pure UNIQUE sync planner: agents, maintenance, apps and tasks in; per-app targets,
// actions and safety refusals out. No I/O and no clock (the caller passes `now`).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/model/marathon.h"
#include "core/model/mesos.h"
#include "core/unique/agents.h"
#include "core/unique/eligibility.h"

namespace qctl::unique {

struct PlanOptions {
  /// Count only eligible agents with free resources for one more instance.
  bool require_fit = false;
  /// Largest drop allowed without --force, as a fraction (0.2 = 20%).
  double max_change = 0.2;
  bool force = false;
  /// Plan apps without hostname:UNIQUE too (they are skipped with a warning otherwise).
  bool any_constraint = false;
  bool fix_upgrade_strategy = false;
  /// Marathon's --mesos_role: the default of acceptedResourceRoles when an app has no role.
  std::string framework_role = "*";
};

struct PlanInputs {
  std::vector<model::Agent> agents;  // /master/slaves `slaves`
  std::size_t recovered = 0;         // /master/slaves `recovered_slaves`
  std::vector<model::MaintenanceWindow> windows;
  std::vector<model::App> apps;  // the selection, in output order
  /// App id -> ids of the agents running one of its tasks. Apps missing here have unknown
  /// tasks: agents without free room are then reported, and `needs_tasks` set.
  std::map<std::string, std::set<std::string>> hosts;
  std::optional<std::size_t> last_agent_count;  // from the state file
  double now = 0;
};

enum class Action {
  kNone,            // in sync
  kScale,           // PUT instances (and the upgrade strategy with --fix-upgrade-strategy)
  kFixStrategy,     // in sync, only the upgrade strategy changes
  kSkipDeployment,  // a deployment holds the app (Marathon would answer 409)
  kSkipNotUnique,   // named by --app/--selector but without hostname:UNIQUE
  kSkipSuspended,   // instances 0: an operator suspended it, sync leaves it alone
  kRefused,         // a safety rule said no
};

/// A safety rule that stopped the whole run or one app.
struct Refusal {
  std::string
      rule;  // "no-leader", "empty-agent-list", "agents-recovering", "agent-drop", "max-change"
  std::string message;
};

struct AppPlan {
  std::string id;
  std::int64_t current = 0;
  std::int64_t target = 0;
  std::size_t eligible = 0;  // active, not drained/deactivated/in maintenance, constraints, roles
  std::size_t unfit = 0;     // of those: no room for an instance and none running there
  std::vector<std::string> unfit_examples;  // "host (cpus: need 2, free 1.5)", the first 3
  bool needs_tasks = false;
  bool upgrade_hang_risk = false;  // minimumHealthCapacity 1: restarts need a spare agent
  bool fix_strategy = false;       // the write also sets the strategy below
  model::UpgradeStrategy new_strategy;
  Action action = Action::kNone;
  std::optional<Refusal> refusal;  // set with kRefused
  std::string reason;              // short, for the REASON column
};

struct Plan {
  AgentCounts agents;
  std::optional<Refusal> refusal;  // set: nothing at all is written
  std::vector<AppPlan> apps;
  [[nodiscard]] bool writes() const;
};

/// Plans a sync pass. Global refusals (empty list, recovering agents, agent drop beyond
/// max_change since the last run) leave every app at kNone/kRefused with the rule.
[[nodiscard]] Plan plan_sync(const PlanInputs& in, const PlanOptions& opts);
/// The same with `eligibility` built from in.agents, in.windows and in.now: a pass that
/// plans again (with tasks) keeps its placement answers.
[[nodiscard]] Plan plan_sync(const PlanInputs& in, const PlanOptions& opts,
                             Eligibility& eligibility);

/// The upgrade strategy --fix-upgrade-strategy sets: no over-capacity, and a health
/// capacity low enough that Marathon stops one old instance before starting its
/// replacement (0.5, or 0 for a single instance).
[[nodiscard]] model::UpgradeStrategy safe_strategy(std::int64_t instances);

/// "scale up", "scale down", "none", "skip", "refuse", "fix strategy"… for the ACTION column.
[[nodiscard]] std::string action_text(const AppPlan& p);

/// The JSON body of the PUT for a plan that writes: {"instances":N} plus the strategy.
[[nodiscard]] std::string update_body(const AppPlan& p);

}  // namespace qctl::unique
