#include "core/completion/names.h"

#include "core/chronos/client.h"
#include "core/marathon/client.h"
#include "core/mesos/master_client.h"
#include "core/model/mesos.h"
#include "core/util/strings.h"

namespace qctl::completion {

std::vector<Candidate> cached_names(NameCache& cache, NameKind kind, double now, const Fetch& fetch,
                                    Freshness freshness) {
  auto entry = cache.get(kind);
  const bool fresh = entry.fetched_at > 0 && now - entry.fetched_at < freshness.max_age;
  const bool backing_off =
      entry.tried_at > entry.fetched_at && now - entry.tried_at < freshness.retry_after;
  if (fresh || backing_off || !fetch) {
    return entry.names;
  }
  try {
    auto fetched = fetch(kind);
    for (auto& [k, names] : fetched) {
      if (k != kind) {
        cache.put(k, CacheEntry{std::move(names), now, now});
      }
    }
    entry = CacheEntry{std::move(fetched[kind]), now, now};
  } catch (...) {  // any failure: a completion never reports errors, it offers what it has
    entry.tried_at = now;
  }
  cache.put(kind, entry);
  return entry.names;
}

std::vector<Candidate> context_names(const config::Config& config) {
  std::vector<Candidate> out;
  for (const auto& c : config.contexts) {
    std::string description;
    if (c.name == config.current_context) {
      description = "current";
    } else if (!c.mesos.urls.empty()) {
      description = config::redact_url(c.mesos.urls.front());
    }
    out.push_back({c.name, description});
  }
  return out;
}

std::map<NameKind, std::vector<Candidate>> mesos_names(mesos::MasterClient& mesos) {
  const auto summary = mesos.state_summary();
  std::vector<Candidate> agents;
  for (const auto& a : summary.agents) {
    agents.push_back({a.hostname, a.id});
  }
  std::vector<Candidate> frameworks;
  for (const auto& f : summary.frameworks) {
    frameworks.push_back({f.name, f.id + (f.active ? "" : " (inactive)")});
  }
  return {{NameKind::kAgents, std::move(agents)}, {NameKind::kFrameworks, std::move(frameworks)}};
}

std::vector<Candidate> task_names(mesos::MasterClient& mesos) {
  std::vector<Candidate> out;
  for (const auto& t : mesos.tasks()) {
    out.push_back({t.id, t.state});
  }
  return out;
}

std::vector<Candidate> app_names(marathon::Client& marathon) {
  std::vector<Candidate> out;
  for (const auto& app : marathon.apps()) {
    out.push_back({app.id, std::to_string(app.tasks_running) + "/" + std::to_string(app.instances) +
                               " running"});
  }
  return out;
}

std::vector<Candidate> marathon_task_names(marathon::Client& marathon) {
  std::vector<Candidate> out;
  for (const auto& t : marathon.tasks()) {
    out.push_back({t.id, t.app_id + " on " + t.host});
  }
  return out;
}

std::vector<Candidate> app_ids_as_typed(std::vector<Candidate> ids, const std::string& word) {
  if (!word.empty() && word.front() != '/') {
    for (auto& id : ids) {
      if (!id.value.empty() && id.value.front() == '/') {
        id.value.erase(0, 1);
      }
    }
  }
  return ids;
}

std::vector<Candidate> job_names(chronos::Client& chronos) {
  std::vector<Candidate> out;
  for (const auto& job : chronos.jobs()) {
    std::string description = job.is_dependent() ? "after " + util::join(job.parents, ",")
                                                 : job.schedule;
    if (job.disabled) {
      description += " (disabled)";
    }
    out.push_back({job.name, description});
  }
  return out;
}

}  // namespace qctl::completion
