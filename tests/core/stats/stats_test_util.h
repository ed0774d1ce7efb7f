// The hand-computed cluster the stats tests share (tests/fixtures/mesos/stats-slaves.json and
// stats-maintenance.json): reservations, revocable use, a draining agent, a maintenance
// window, mixed attribute types and float crumbs.
#pragma once

#include "core/mesos/decode.h"
#include "core/stats/allocation.h"
#include "tests/support/fake_transport.h"

namespace qctl::testing {

/// The fixture's agents and maintenance status, decoded as `qctl stats` reads them.
inline stats::ClusterInput small_cluster() {
  stats::ClusterInput in;
  std::string slaves = read_fixture("mesos/stats-slaves.json");
  in.agents = mesos::decode_slaves(slaves).agents;
  std::string maintenance = read_fixture("mesos/stats-maintenance.json");
  in.maintenance = mesos::decode_maintenance_status(maintenance);
  return in;
}

}  // namespace qctl::testing
