// Deployment progress: each step's actions run until their instances are up (and healthy),
// at least MarathonOptions::deployment_step_seconds; restarts follow TaskReplaceActor.
#include <algorithm>
#include <cmath>

#include "sandbox/marathon/parts.h"

namespace qctl::sandbox::marathon {

namespace {

using nlohmann::json;

// TaskReplaceActor.computeRestartStrategy and its initial kills and launches.
void begin_restart(MarathonState& st, App& app, RestartProgress& p) {
  const std::size_t n = app.target();
  const std::string version = app.version();
  std::size_t healthy = 0;
  std::size_t current = app.pending;
  std::vector<const Instance*> old;
  p.started = app.pending;  // scheduled instances launch with the new definition
  for (const auto& [id, inst] : app.instances) {
    if (inst.decommissioned) {
      continue;
    }
    ++current;
    healthy += ready(app, inst) ? 1 : 0;
    if (inst.version == version) {
      ++p.started;
    } else {
      old.push_back(&inst);
    }
  }
  const json& us = app.def["upgradeStrategy"];
  auto min_healthy = static_cast<std::size_t>(
      std::ceil(static_cast<double>(n) * us["minimumHealthCapacity"].get<double>()));
  auto max_capacity = static_cast<std::size_t>(
      std::floor(static_cast<double>(n) * (1 + us["maximumOverCapacity"].get<double>())));
  std::size_t kill_now = healthy > min_healthy ? healthy - min_healthy : 0;
  if (min_healthy == max_capacity && max_capacity <= healthy) {
    ++max_capacity;  // allow one instance of over-capacity so the restart can start
  }
  if (n < current) {
    kill_now = std::max(current - n, kill_now);
  }
  p.max_capacity = max_capacity;
  // Unhealthy old instances are killed first.
  std::stable_sort(old.begin(), old.end(), [&](const Instance* a, const Instance* b) {
    return !ready(app, *a) && ready(app, *b);
  });
  for (const Instance* inst : old) {
    p.to_kill.push_back(inst->task_id);
    p.old_active.insert(inst->task_id);
  }
  app.backoff_delay = 0;  // the replace actor resets the launch delay
  app.backoff_until = 0;
  for (std::size_t i = 0; i < kill_now && !p.to_kill.empty(); ++i) {
    std::string victim = p.to_kill.front();
    p.to_kill.pop_front();
    kill_task(st, app, victim, true);
  }
  p.begun = true;
}

void launch_more(MarathonState& st, App& app, RestartProgress& p) {
  std::size_t used = p.old_active.size() + p.started;
  std::size_t left = p.max_capacity > used ? p.max_capacity - used : 0;
  std::size_t not_started = app.target() > p.started ? app.target() - p.started : 0;
  std::size_t now = std::min(left, not_started);
  if (now > 0) {
    p.started += now;
    schedule(st, app, now);
  }
}

// One pass of the replace actor; true when every new instance is up and the old are gone.
bool run_restart(MarathonState& st, App& app, RestartProgress& p) {
  if (!p.begun) {
    begin_restart(st, app, p);
  }
  for (auto it = p.old_active.begin(); it != p.old_active.end();) {
    it = app.instances.count(*it) > 0 ? std::next(it) : p.old_active.erase(it);
  }
  std::vector<std::string> newly_ready;
  for (const auto& [id, inst] : app.instances) {
    if (inst.version == app.version() && ready(app, inst) && p.counted.count(id) == 0) {
      newly_ready.push_back(id);
    }
  }
  for (const std::string& id : newly_ready) {
    p.counted.insert(id);
    while (!p.to_kill.empty()) {  // each ready new instance frees one old one
      std::string victim = p.to_kill.front();
      p.to_kill.pop_front();
      if (app.instances.count(victim) > 0) {
        kill_task(st, app, victim, true);
        break;
      }
    }
  }
  for (auto it = p.old_active.begin(); it != p.old_active.end();) {
    it = app.instances.count(*it) > 0 ? std::next(it) : p.old_active.erase(it);
  }
  launch_more(st, app, p);
  std::size_t up = 0;
  for (const auto& [id, inst] : app.instances) {
    up += inst.version == app.version() && !inst.decommissioned && ready(app, inst) ? 1 : 0;
  }
  return up >= app.target() && p.old_active.empty();
}

bool scale_done(const App& app, std::size_t n) {
  std::size_t up = 0;
  for (const auto& [id, inst] : app.instances) {
    if (inst.decommissioned) {
      return false;  // still being killed
    }
    up += ready(app, inst) ? 1 : 0;
  }
  return up >= n && app.active() <= n;
}

void begin_action(MarathonState& st, const Action& a) {
  if (a.kind == ActionKind::kScale) {
    if (auto it = st.apps.find(a.app); it != st.apps.end()) {
      scale_to(st, it->second, a.scale_to, a.sentenced);
    }
  } else if (a.kind == ActionKind::kStop) {
    if (auto it = st.stopping.find(a.app); it != st.stopping.end()) {
      std::vector<std::string> ids;
      for (const auto& [id, inst] : it->second.instances) {
        ids.push_back(id);
      }
      for (const std::string& id : ids) {
        kill_task(st, it->second, id, true);
      }
    }
  }
}

// True when the action has reached its goal.
bool run_action(MarathonState& st, Deployment& d, const Action& a) {
  switch (a.kind) {
    case ActionKind::kStart:
      return true;
    case ActionKind::kStop: {
      auto it = st.stopping.find(a.app);
      if (it != st.stopping.end() && !it->second.instances.empty()) {
        return false;
      }
      if (it != st.stopping.end()) {
        st.stopping.erase(it);
        publish(st, "app_terminated_event", json{{"appId", a.app}});
      }
      return true;
    }
    case ActionKind::kScale: {
      auto it = st.apps.find(a.app);
      return it == st.apps.end() || scale_done(it->second, a.scale_to);
    }
    case ActionKind::kRestart: {
      auto it = st.apps.find(a.app);
      return it == st.apps.end() || run_restart(st, it->second, d.restarts[a.app]);
    }
  }
  return true;
}

// Runs the deployment's current step; true when the whole plan is done.
bool step(MarathonState& st, Deployment& d) {
  while (d.current < d.steps.size()) {
    if (!d.step_begun) {
      d.step_begun = true;
      d.step_started = st.now();
      publish(st, "deployment_info", json{{"plan", plan_json(d)}, {"currentStep", step_json(d)}});
      for (const Action& a : d.steps[d.current]) {
        begin_action(st, a);
      }
    }
    bool done = true;
    bool only_starts = true;  // StartApplication (0 instances) completes at once in Marathon
    for (const Action& a : d.steps[d.current]) {
      done = run_action(st, d, a) && done;
      only_starts = only_starts && a.kind == ActionKind::kStart;
    }
    const bool min_time_passed =
        only_starts || st.now() - d.step_started >= st.options.deployment_step_seconds;
    if (!done || !min_time_passed) {
      return false;
    }
    publish(st, "deployment_step_success",
            json{{"plan", plan_json(d)}, {"currentStep", step_json(d)}});
    ++d.current;
    d.step_begun = false;
  }
  return true;
}

}  // namespace

void progress_deployments(MarathonState& st) {
  for (std::size_t i = 0; i < st.deployments.size();) {
    if (step(st, st.deployments[i])) {
      Deployment done = std::move(st.deployments[i]);
      st.deployments.erase(st.deployments.begin() + static_cast<std::ptrdiff_t>(i));
      publish(st, "deployment_success", json{{"id", done.id}, {"plan", plan_json(done)}});
    } else {
      ++i;
    }
  }
}

bool restarting(const MarathonState& st, const std::string& app_id) {
  for (const Deployment& d : st.deployments) {
    if (d.current < d.steps.size()) {
      for (const Action& a : d.steps[d.current]) {
        if (a.kind == ActionKind::kRestart && a.app == app_id) {
          return true;
        }
      }
    }
  }
  return false;
}

}  // namespace qctl::sandbox::marathon
