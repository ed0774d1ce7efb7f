// Reads the stats inputs concurrently: /master/slaves and maintenance, optionally the state
// summary, metrics, Marathon apps and queue, and Chronos jobs. /master/state is never read
// (it is huge).
#include "cmd/stats/gather.h"

#include <type_traits>

#include "core/chronos/client.h"
#include "core/marathon/client.h"
#include "core/mesos/master_client.h"

namespace qctl::cmd {

namespace {

// Starts `read` on its own thread when asked; otherwise the future stays invalid.
template <class Read>
auto start_if(bool asked, Read read) {
  return asked ? std::async(std::launch::async, std::move(read))
               : std::future<std::invoke_result_t<Read>>{};
}

// Stores the future's value in `out` when it was started; a failure becomes a warning.
template <class T>
void collect(std::future<T>& future, const std::string& label, std::optional<T>& out,
             std::vector<std::string>& warnings) {
  if (future.valid()) {
    out = best_effort(future, label, warnings);
  }
}

}  // namespace

StatsInputs gather_stats(Context& ctx, const StatsSources& sources) {
  auto& mesos = ctx.clients.mesos();
  // Clients are built before the threads start: the factory builds them lazily.
  const bool with_marathon = (sources.apps || sources.queue) && ctx.clients.has_marathon();
  marathon::Client* marathon = with_marathon ? &ctx.clients.marathon() : nullptr;
  chronos::Client* chronos =
      sources.jobs && ctx.clients.has_chronos() ? &ctx.clients.chronos() : nullptr;
  auto apps = start_if(with_marathon && sources.apps, [marathon] { return marathon->apps(); });
  auto queue = start_if(with_marathon && sources.queue, [marathon] { return marathon->queue(); });
  auto jobs = start_if(chronos != nullptr, [chronos] { return chronos->jobs(); });
  // The first Mesos call finds the leader; the others then go straight to it.
  auto slaves = mesos.agents();
  auto maintenance =
      std::async(std::launch::async, [&mesos] { return mesos.maintenance_status(); });
  auto summary = start_if(sources.summary, [&mesos] { return mesos.state_summary(); });
  auto metrics = start_if(sources.metrics, [&mesos] { return mesos.metrics(); });
  StatsInputs in;
  const auto& prefix = sources.warning_prefix;
  in.cluster.agents = std::move(slaves.agents);
  in.recovering = slaves.recovered.size();
  in.cluster.maintenance = best_effort(maintenance, prefix + "maintenance status", in.warnings)
                               .value_or(model::MaintenanceStatus{});
  if (summary.valid()) {
    auto s = summary.get();  // required when asked for: its failure is the command's
    in.cluster.frameworks = std::move(s.frameworks);
    in.cluster.cluster = std::move(s.cluster);
  }
  collect(metrics, prefix + "Mesos metrics", in.metrics, in.warnings);
  collect(apps, prefix + "Marathon apps", in.apps, in.warnings);
  collect(queue, prefix + "Marathon queue", in.queue, in.warnings);
  collect(jobs, prefix + "Chronos jobs", in.jobs, in.warnings);
  return in;
}

}  // namespace qctl::cmd
