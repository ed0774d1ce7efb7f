// Reads what each check needs from the cluster (the I/O half of `qctl health`). Each
// function throws the client's errors when a service cannot be read at all.
#pragma once

#include <future>

#include "core/health/facts.h"
#include "core/http/client.h"
#include "core/mesos/decode.h"

namespace qctl::mesos {
class MasterClient;
}
namespace qctl::marathon {
class Client;
}

namespace qctl::health {

/// GET /version and /master/redirect on every configured master at once through `probe`
/// (whose per-request timeout bounds a master that hangs), then /metrics/snapshot on the
/// leader they point to through `http`. A master that fails is recorded, not thrown.
[[nodiscard]] MesosFacts gather_mesos(const std::vector<std::string>& masters, http::Client& probe,
                                      http::Client& http);

/// The agents (GET /master/slaves, fetched by the caller, perhaps for other checks too)
/// and, meanwhile, /metrics/snapshot for master/slaves_unreachable (best effort).
[[nodiscard]] AgentFacts gather_agents(mesos::MasterClient& client,
                                       const std::shared_future<mesos::AgentList>& agents);

/// GET /ping, /v2/leader, /v2/info (timed), /v2/apps and /v2/deployments, all at once.
[[nodiscard]] MarathonFacts gather_marathon(marathon::Client& client);

/// GET {prefix}/leader, jobs and jobs/summary, and /metrics (gauges, best effort), at once.
[[nodiscard]] ChronosFacts gather_chronos(chronos::Client& client);

}  // namespace qctl::health
