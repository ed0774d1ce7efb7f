// What each check reads from the cluster, before any judgement: gathered by gather.h,
// judged by the pure evaluate_* functions in checks.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/chronos/client.h"
#include "core/chronos/job_status.h"
#include "core/model/marathon.h"
#include "core/status/summary.h"

namespace qctl::health {

/// One configured master: GET /version and GET /master/redirect.
struct MasterAnswer {
  std::string url;
  bool reachable = false;
  std::string version;
  std::string error;       // why it did not answer
  std::string leader;      // origin its /master/redirect points to; "" when none
  bool no_leader = false;  // answered 503 "No leader elected"
};

struct MesosFacts {
  std::vector<MasterAnswer> masters;
  std::optional<double> elected;  // the leader's master/elected gauge
  std::string metrics_error;
};

struct AgentFacts {
  status::AgentCounts counts;  // registered agents by condition (unreachable from metrics)
  bool unreachable_known = false;
  /// Agents a new leader knows from its registry that have not re-registered yet
  /// (`recovered_slaves`): known, not usable.
  std::int64_t recovering = 0;
};

struct MarathonFacts {
  bool pong = true;    // GET /ping answered 2xx
  std::string leader;  // "host:port"; "" when Marathon has none
  double latency_seconds = 0;
  std::string version;
  std::vector<model::App> apps;
  std::vector<model::Deployment> deployments;
};

struct ChronosFacts {
  std::string leader;
  chronos::JobView view;
  std::optional<chronos::QueueGauges> gauges;
  std::string gauges_error;
};

}  // namespace qctl::health
