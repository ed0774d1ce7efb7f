// Live names for completion: where each kind comes from, and when the cache answers alone.
#pragma once

#include <functional>
#include <map>
#include <vector>

#include "core/completion/cache.h"
#include "core/completion/complete.h"
#include "core/config/config.h"

namespace qctl::mesos {
class MasterClient;
}
namespace qctl::marathon {
class Client;
}
namespace qctl::chronos {
class Client;
}

namespace qctl::completion {

/// Names fetched from the cluster: the kind asked for, and any other kind the same response
/// answered (one /master/state-summary gives agents and frameworks). May throw anything.
using Fetch = std::function<std::map<NameKind, std::vector<Candidate>>(NameKind)>;

struct Freshness {
  double max_age = 60;      // seconds a fetched list answers on its own, without the network
  double retry_after = 10;  // after a failed refresh, seconds before the network is tried again
};

/// The names of `kind`: the cached ones while fresh; else `fetch` is called, what it returns
/// is cached (fetched_at = now) and returned. When `fetch` throws, the cached names (perhaps
/// none) are returned and the attempt is recorded, so a down cluster costs one timeout per
/// `retry_after` rather than one per keystroke. Never throws.
[[nodiscard]] std::vector<Candidate> cached_names(NameCache& cache, NameKind kind, double now,
                                                  const Fetch& fetch, Freshness freshness = {});

/// Every context of the config file; the current one is
/// described as "current", the others by their first Mesos URL.
[[nodiscard]] std::vector<Candidate> context_names(const config::Config& config);

/// Agents (hostname, described by id) and frameworks (name, described by id and state) from
/// GET /master/state-summary; both kinds are returned whichever was asked for.
[[nodiscard]] std::map<NameKind, std::vector<Candidate>> mesos_names(mesos::MasterClient& mesos);

/// Mesos task ids (described by state) from GET /master/tasks.
[[nodiscard]] std::vector<Candidate> task_names(mesos::MasterClient& mesos);

/// Marathon app ids (described by running/instances) from GET /v2/apps.
[[nodiscard]] std::vector<Candidate> app_names(marathon::Client& marathon);

/// App ids as the word spells them: qctl takes "team/web" for "/team/web", so a word that
/// does not start with '/' is completed to ids without their leading '/'.
[[nodiscard]] std::vector<Candidate> app_ids_as_typed(std::vector<Candidate> ids,
                                                      const std::string& word);

/// Marathon's task ids (described by app and host) from GET /v2/tasks.
[[nodiscard]] std::vector<Candidate> marathon_task_names(marathon::Client& marathon);

/// Chronos job names (described by schedule or parents) from GET {prefix}/jobs.
[[nodiscard]] std::vector<Candidate> job_names(chronos::Client& chronos);

}  // namespace qctl::completion
