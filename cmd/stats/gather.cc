// Reads the stats inputs concurrently: /master/slaves and maintenance, optionally frameworks,
// Marathon apps and Chronos jobs. /master/state is never read (it is huge).
#include "cmd/stats/gather.h"

#include <future>

#include "core/chronos/client.h"
#include "core/error.h"
#include "core/marathon/client.h"
#include "core/mesos/master_client.h"

namespace qctl::cmd {

namespace {

template <class T>
std::optional<T> best_effort(std::future<T>& future, const std::string& what,
                             std::vector<std::string>& warnings) {
  try {
    return future.get();
  } catch (const Error& e) {
    warnings.push_back("could not read " + what + ": " + e.line());
    return std::nullopt;
  }
}

}  // namespace

StatsInputs gather_stats(Context& ctx, const StatsSources& sources) {
  StatsInputs in;
  auto& mesos = ctx.clients.mesos();
  const bool with_apps = sources.apps && ctx.clients.has_marathon();
  const bool with_jobs = sources.jobs && ctx.clients.has_chronos();
  // Clients are built before the threads start: the factory builds them lazily.
  marathon::Client* marathon = with_apps ? &ctx.clients.marathon() : nullptr;
  chronos::Client* chronos = with_jobs ? &ctx.clients.chronos() : nullptr;
  auto apps = std::async(with_apps ? std::launch::async : std::launch::deferred, [marathon] {
    return marathon != nullptr ? marathon->apps() : std::vector<model::App>{};
  });
  auto jobs = std::async(with_jobs ? std::launch::async : std::launch::deferred, [chronos] {
    return chronos != nullptr ? chronos->jobs() : std::vector<model::Job>{};
  });
  // The first Mesos call finds the leader; the others then go straight to it.
  auto slaves = mesos.agents();
  auto maintenance =
      std::async(std::launch::async, [&mesos] { return mesos.maintenance_status(); });
  std::future<model::StateSummary> summary;
  if (sources.frameworks) {
    summary = std::async(std::launch::async, [&mesos] { return mesos.state_summary(); });
  }
  in.cluster.agents = std::move(slaves.agents);
  in.cluster.maintenance = best_effort(maintenance, "maintenance status", in.warnings)
                               .value_or(model::MaintenanceStatus{});
  if (summary.valid()) {
    auto s = summary.get();  // --by framework needs it: its failure is the command's
    in.cluster.frameworks = std::move(s.frameworks);
    in.cluster.cluster = s.cluster;
  }
  if (with_apps) {
    in.apps = best_effort(apps, "Marathon apps", in.warnings).value_or(std::vector<model::App>{});
  }
  if (with_jobs) {
    in.jobs = best_effort(jobs, "Chronos jobs", in.warnings).value_or(std::vector<model::Job>{});
  }
  return in;
}

}  // namespace qctl::cmd
