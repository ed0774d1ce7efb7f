#include "core/restart/follow.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/marathon/client.h"
#include "core/util/duration.h"

namespace qctl::restart {

namespace {

bool same_version(const std::string& a, const std::string& b) {
  if (a == b) {
    return true;
  }
  const auto ta = util::parse_iso8601(a);
  const auto tb = util::parse_iso8601(b);
  return ta && tb && std::abs(*ta - *tb) < 0.0005;
}

void count_tasks(FollowState& s, const model::App& app, std::int64_t& old_tasks) {
  s.total = app.instances;
  s.health_checked = app.health_check_count > 0;
  s.replaced = 0;
  s.healthy = 0;
  for (const auto& t : app.tasks) {
    if (!same_version(t.version, s.target.version)) {
      ++old_tasks;
      continue;
    }
    if (t.state != "TASK_RUNNING" && !t.state.empty()) {
      continue;
    }
    ++s.replaced;
    bool alive = !t.health_check_results.empty();
    for (const auto& h : t.health_check_results) {
      alive = alive && h.alive;
    }
    s.healthy += !s.health_checked || alive ? 1 : 0;
  }
}

}  // namespace

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::kRunning:
      return "running";
    case Outcome::kCompleted:
      return "completed";
    case Outcome::kFailed:
      return "failed";
    case Outcome::kRolledBack:
      return "rolled-back";
    case Outcome::kTimedOut:
      break;
  }
  return "timed-out";
}

void observe(FollowState& s, const std::optional<model::App>& app, bool deployment_running,
             std::size_t fail_after, double now) {
  if (!app) {
    s.outcome = Outcome::kFailed;
    s.reason = "the app was deleted during the restart";
    return;
  }
  std::int64_t old_tasks = 0;
  count_tasks(s, *app, old_tasks);
  if (const auto& f = app->last_task_failure; f && same_version(f->version, s.target.version)) {
    if (s.failed_tasks.insert(f->task_id).second) {
      s.last_failure_at = now;
    }
    s.reason = f->state + " on " + f->host + (f->message.empty() ? "" : ": " + f->message);
  }
  if (s.failed_tasks.size() >= std::max<std::size_t>(fail_after, 1)) {
    s.outcome = Outcome::kFailed;
    s.reason = "new tasks keep failing (" + std::to_string(s.failed_tasks.size()) +
               " failures; last " + s.reason + ")";
    return;
  }
  if (deployment_running) {
    return;
  }
  if (!same_version(app->version, s.target.version)) {
    s.outcome = Outcome::kRolledBack;
    s.reason = "deployment " + s.target.deployment_id + " ended with the app at version " +
               app->version + ", not " + s.target.version +
               " (cancelled and rolled back, or replaced by another deployment)";
    return;
  }
  const bool done = s.replaced >= s.total && old_tasks == 0 && s.healthy >= s.total;
  if (done && !s.failed_tasks.empty() && now - s.last_failure_at < kSettleSeconds) {
    return;  // a new task failed lately: the replacement must stay up first
  }
  if (done) {
    s.outcome = Outcome::kCompleted;
    s.reason.clear();
    return;
  }
  if (!app->deployment_ids.empty()) {
    return;  // a later deployment of the same version (a forced restart) carries on
  }
  s.outcome = Outcome::kFailed;
  // Marathon may call the deployment a success once the new tasks started, and they died
  // after (a crashing app without health checks): say so, with the last failure, before
  // guessing at a cancellation.
  const std::string counts = std::to_string(s.replaced) + "/" + std::to_string(s.total);
  if (!s.failed_tasks.empty()) {
    // Which part of "done" is missing: new instances, healthy ones, or old ones still there.
    std::string state = counts + " new instances running";
    if (s.replaced >= s.total) {
      state += s.healthy < s.total ? ", " + std::to_string(s.healthy) + " healthy"
                                   : ", " + std::to_string(old_tasks) + " old still running";
    }
    s.reason = "deployment " + s.target.deployment_id + " finished with " + state +
               " (last failure: " + s.reason + ")";
  } else {
    s.reason = "deployment " + s.target.deployment_id + " ended with " + counts +
               " instances replaced (cancelled without rollback?)";
  }
}

std::string progress_text(const FollowState& s) {
  std::string out = s.target.app_id + ": " + std::to_string(s.replaced) + "/" +
                    std::to_string(s.total) + " replaced";
  if (s.health_checked) {
    out += ", " + std::to_string(s.healthy) + " healthy";
  }
  if (!s.failed_tasks.empty()) {
    out += ", " + std::to_string(s.failed_tasks.size()) + " failure" +
           (s.failed_tasks.size() == 1 ? "" : "s");
  }
  return out;
}

std::vector<FollowState> follow_restarts(marathon::Client& client, Clock& clock,
                                         const std::vector<RestartTarget>& targets,
                                         const FollowOptions& options) {
  std::vector<FollowState> states;
  for (const auto& t : targets) {
    FollowState s;
    s.target = t;
    states.push_back(std::move(s));
  }
  const double until = clock.now() + std::chrono::duration<double>(options.timeout).count();
  for (;;) {
    const auto deployments = client.deployments();
    bool pending = false;
    for (auto& s : states) {
      if (s.outcome != Outcome::kRunning) {
        continue;
      }
      const bool running =
          std::any_of(deployments.begin(), deployments.end(),
                      [&](const model::Deployment& d) { return d.id == s.target.deployment_id; });
      std::optional<model::App> app;
      try {
        app = client.app(s.target.app_id);
      } catch (const NotFoundError&) {
        app.reset();
      }
      observe(s, app, running, options.fail_after, clock.now());
      pending = pending || s.outcome == Outcome::kRunning;
    }
    if (options.progress) {
      options.progress(states);
    }
    if (!pending) {
      return states;
    }
    if (clock.now() >= until) {
      for (auto& s : states) {
        if (s.outcome == Outcome::kRunning) {
          s.outcome = Outcome::kTimedOut;
        }
      }
      return states;
    }
    clock.sleep_for(options.interval);
  }
}

}  // namespace qctl::restart
