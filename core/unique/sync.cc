// A sync pass: gather the inputs over HTTP, plan, apply, and describe what happened.
#include "core/unique/sync.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/error.h"
#include "core/marathon/client.h"
#include "core/mesos/master_client.h"
#include "core/unique/eligibility.h"
#include "core/unique/state_file.h"
#include "core/util/strings.h"

namespace qctl::unique {

std::vector<model::MaintenanceWindow> fetch_maintenance(mesos::MasterClient& mesos) {
  try {
    return mesos.maintenance_schedule();
  } catch (const NotFoundError&) {
    const auto status = mesos.maintenance_status();
    if (status.draining.empty()) {
      return {};
    }
    model::MaintenanceWindow w;
    w.machines = status.draining;
    w.open_ended = true;
    return {w};
  }
}

AgentSnapshot fetch_snapshot(mesos::MasterClient& mesos) {
  AgentSnapshot snapshot;
  auto list = mesos.agents();
  snapshot.agents = std::move(list.agents);
  snapshot.recovered = list.recovered.size();
  snapshot.windows = fetch_maintenance(mesos);
  return snapshot;
}

namespace {

std::map<std::string, std::set<std::string>> hosts_of(marathon::Client& marathon,
                                                      const std::vector<model::App>& apps) {
  std::map<std::string, std::set<std::string>> hosts;
  for (const auto& app : apps) {
    hosts[app.id];
  }
  for (const auto& t : marathon.tasks()) {
    auto it = hosts.find(t.app_id);
    if (it != hosts.end() && !t.slave_id.empty() && !model::is_terminal_state(t.state)) {
      it->second.insert(t.slave_id);
    }
  }
  return hosts;
}

void collect_warnings(SyncResult& r, const PlanOptions& opts) {
  for (const auto& p : r.plan.apps) {
    if (p.action == Action::kSkipNotUnique) {
      r.warnings.push_back(p.id +
                           ": no hostname:UNIQUE constraint, skipped (--any-constraint syncs it)");
    }

    if (p.unfit > 0) {
      r.warnings.push_back(
          p.id + ": " + std::to_string(p.unfit) + " eligible agents have no room for an instance" +
          (opts.require_fit ? " (not counted, --require-fit): "
                            : " (counted; --require-fit leaves them out): ") +
          util::join(p.unfit_examples, ", ") + (p.unfit > p.unfit_examples.size() ? ", …" : ""));
    }
    if (p.upgrade_hang_risk && !p.fix_strategy) {
      r.warnings.push_back(p.id +
                           ": upgradeStrategy minimumHealthCapacity 1 makes Marathon start a "
                           "replacement before stopping an old instance; with an instance on "
                           "every eligible agent restarts hang (--fix-upgrade-strategy sets "
                           "maximumOverCapacity 0 and minimumHealthCapacity 0.5)");
    }
  }
}

std::string describe_write(const AppPlan& p, bool dry_run) {
  std::string line = dry_run ? "would " : "";
  if (p.action == Action::kScale) {
    line += std::string(dry_run ? "scale " : "scaled ") + p.id + " from " +
            std::to_string(p.current) + " to " + std::to_string(p.target) + " (" + p.reason + ")";
  } else {
    line += std::string(dry_run ? "fix " : "fixed ") + "the upgrade strategy of " + p.id;
  }
  if (p.fix_strategy && p.action == Action::kScale) {
    line += " and set upgradeStrategy minimumHealthCapacity " +
            util::format_number(p.new_strategy.minimum_health_capacity, 2) +
            ", maximumOverCapacity 0";
  }
  return line;
}

void apply(SyncResult& r, marathon::Client& marathon, const SyncRequest& req, const LogLine& log) {
  for (std::size_t i = 0; i < r.plan.apps.size(); ++i) {
    const AppPlan& p = r.plan.apps[i];
    AppResult& out = r.results[i];
    if (p.action == Action::kSkipDeployment) {
      log(Level::kWarning, "skipped " + p.id + ": " + p.reason);
    } else if (p.action == Action::kRefused && p.refusal && !r.plan.refusal) {
      log(Level::kError,
          "refused " + p.id + " by rule " + p.refusal->rule + ": " + p.refusal->message);
    }
    if (p.action != Action::kScale && p.action != Action::kFixStrategy) {
      continue;
    }
    if (req.dry_run) {
      log(Level::kInfo, describe_write(p, true));
      continue;
    }
    try {
      const auto d = marathon.update_app(p.id, update_body(p), req.plan.force);
      out.outcome = Outcome::kWritten;
      out.message = d.deployment_id;
      log(Level::kInfo, describe_write(p, false) + ", deployment " + d.deployment_id);
    } catch (const ApiError& e) {
      const bool locked = e.status() == 409;
      out.outcome = locked ? Outcome::kLocked : Outcome::kFailed;
      out.message = locked ? "a deployment is in progress (409)" : e.line();
      log(locked ? Level::kWarning : Level::kError,
          (locked ? "skipped " : "failed ") + p.id + ": " + out.message);
    } catch (const Error& e) {
      out.outcome = Outcome::kFailed;
      out.message = e.line();
      log(Level::kError, "failed " + p.id + ": " + out.message);
    }
  }
}

}  // namespace

int SyncResult::exit_code() const {
  if (plan.refusal) {
    return 1;
  }
  bool partial = false;
  for (std::size_t i = 0; i < plan.apps.size(); ++i) {
    if (plan.apps[i].action == Action::kRefused) {
      return 1;
    }
    partial = partial || plan.apps[i].action == Action::kSkipDeployment ||
              results[i].outcome == Outcome::kFailed || results[i].outcome == Outcome::kLocked;
  }
  return partial ? 6 : 0;
}

std::string SyncResult::action_done(std::size_t i) const {
  const AppPlan& p = plan.apps[i];
  switch (results[i].outcome) {
    case Outcome::kWritten:
      return p.action == Action::kFixStrategy ? "fixed strategy"
             : p.target > p.current           ? "scaled up"
                                              : "scaled down";
    case Outcome::kLocked:
      return "skip";
    case Outcome::kFailed:
      return "failed";
    case Outcome::kPlanned:
      break;
  }
  return action_text(p);
}

std::vector<model::App> select_apps(std::vector<model::App> apps, const Selection& selection) {
  std::vector<model::App> out;
  if (!selection.app_ids.empty()) {
    std::vector<std::string> ids;
    for (const auto& id : selection.app_ids) {
      ids.push_back(marathon::normalize_app_id(id));
    }
    for (const auto& id : ids) {
      if (std::none_of(apps.begin(), apps.end(), [&](const auto& a) { return a.id == id; })) {
        throw NotFoundError("app " + id, "not found in Marathon",
                            "list the UNIQUE apps with 'qctl unique sync --all-unique --dry-run'");
      }
    }
    for (auto& a : apps) {
      if (std::find(ids.begin(), ids.end(), a.id) != ids.end()) {
        out.push_back(std::move(a));
      }
    }
    return out;
  }
  for (auto& a : apps) {
    const bool keep =
        selection.selector.empty()
            ? a.is_hostname_unique()
            : status::matches(
                  selection.selector, [&a](const std::string& key) -> std::optional<std::string> {
                    auto it = a.labels.find(key);
                    return it == a.labels.end() ? std::nullopt : std::optional(it->second);
                  });
    if (keep) {
      out.push_back(std::move(a));
    }
  }
  return out;
}

SyncResult sync_pass(AgentSnapshot agents, marathon::Client& marathon, const SyncRequest& req,
                     double now, const LogLine& log) {
  SyncResult r;
  PlanInputs in;
  in.now = now;
  in.agents = std::move(agents.agents);
  in.recovered = agents.recovered;
  in.windows = std::move(agents.windows);
  in.apps = select_apps(marathon.apps(), req.selection);
  if (!req.state_path.empty()) {
    in.last_agent_count = read_agent_count(req.state_path);
  }
  Eligibility eligibility(in.agents, in.windows, in.now);
  r.plan = plan_sync(in, req.plan, eligibility);
  if (std::any_of(r.plan.apps.begin(), r.plan.apps.end(),
                  [](const AppPlan& p) { return p.needs_tasks; })) {
    in.hosts = hosts_of(marathon, in.apps);
    r.fetched_tasks = true;
    r.plan = plan_sync(in, req.plan, eligibility);
  }
  r.results.resize(r.plan.apps.size());
  collect_warnings(r, req.plan);
  if (r.plan.refusal) {
    log(Level::kError, "refused by rule " + r.plan.refusal->rule + ": " + r.plan.refusal->message);
    return r;
  }
  if (!req.dry_run && !req.state_path.empty()) {
    // Before any write: a state file that cannot be written stops the run with nothing done.
    write_agent_count(req.state_path, in.agents.size(), now);
  }
  apply(r, marathon, req, log);
  return r;
}

SyncResult sync_pass(mesos::MasterClient& mesos, marathon::Client& marathon, const SyncRequest& req,
                     double now, const LogLine& log) {
  AgentSnapshot agents;
  try {
    agents = fetch_snapshot(mesos);
  } catch (const mesos::NoLeaderError& e) {
    SyncResult r;
    r.plan.refusal = Refusal{"no-leader", e.what()};
    log(Level::kError, "refused by rule no-leader: " + r.plan.refusal->message);
    return r;
  }
  return sync_pass(std::move(agents), marathon, req, now, log);
}

}  // namespace qctl::unique
