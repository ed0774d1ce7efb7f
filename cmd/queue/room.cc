#include "cmd/queue/room.h"

#include <algorithm>

#include "cmd/stats/gather.h"
#include "core/stats/fit.h"

namespace qctl::cmd {

RoomCheck check_room(const std::vector<const model::Job*>& jobs, Context& ctx) {
  RoomCheck out;
  if (jobs.empty() || !ctx.clients.has_mesos()) {
    return out;
  }
  StatsInputs in;
  try {
    in = gather_stats(ctx, {});
  } catch (const Error& e) {
    out.warning = "could not check the agents' room: " + e.line();
    return out;
  }
  const stats::GroupBy cluster;  // one group: only whether anything fits matters
  for (const auto* job : jobs) {
    stats::FitRequest request;
    request.name = job->name;
    request.demand = stats::demand_of(*job);
    const auto result = stats::simulate_fit(in.cluster, cluster, request);
    if (result.fits()) {
      continue;
    }
    if (result.reasons.empty()) {
      out.blocked[job->name] = "no available agent";
      continue;
    }
    const auto top = std::max_element(result.reasons.begin(), result.reasons.end(),
                                      [](const auto& a, const auto& b) { return a.second < b.second; });
    out.blocked[job->name] = "no agent has room now: " + top->first + " (" +
                             std::to_string(top->second) +
                             (top->second == 1 ? " agent)" : " agents)");
  }
  return out;
}

}  // namespace qctl::cmd
