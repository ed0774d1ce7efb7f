#include "cmd/status/gather.h"

#include <future>

#include "cmd/best_effort.h"
#include "core/chronos/client.h"
#include "core/error.h"
#include "core/http/url.h"
#include "core/marathon/client.h"
#include "core/mesos/master_client.h"

namespace qctl::cmd {

namespace {

template <class T, class F>
status::Part<T> guarded(F read) {
  status::Part<T> part;
  part.configured = true;
  try {
    part.value = read();
  } catch (const Error& e) {
    part.error = status::PartError{static_cast<int>(e.code()), e.line(), e.hint()};
  }
  return part;
}

std::vector<status::MasterProbe> probe_masters(mesos::MasterClient& client,
                                               const std::string& leader) {
  std::vector<std::future<status::MasterProbe>> futures;
  for (const auto& url : client.masters()) {
    futures.push_back(std::async(std::launch::async, [&client, url, &leader] {
      status::MasterProbe probe;
      probe.url = url;
      const auto parsed = http::parse_url(url);
      probe.leader = parsed && parsed->origin() == leader;
      try {
        probe.version = client.version(url).version;
        probe.reachable = true;
      } catch (const Error& e) {
        probe.error = e.what();
      }
      return probe;
    }));
  }
  std::vector<status::MasterProbe> probes;
  probes.reserve(futures.size());
  for (auto& f : futures) {
    probes.push_back(f.get());
  }
  return probes;
}

status::MesosView read_mesos(mesos::MasterClient& client) {
  status::MesosView view;
  auto summary = client.state_summary();  // finds the leader
  view.leader = client.leader();
  auto maintenance = std::async(std::launch::async, [&] { return client.maintenance_status(); });
  auto info = std::async(std::launch::async, [&] { return client.master_info(); });
  auto metrics = std::async(std::launch::async, [&] { return client.metrics(); });
  view.masters = probe_masters(client, view.leader);
  // The secondary reads only refine the picture: a failure becomes a warning, not an error.
  const auto m = best_effort(maintenance, "could not read maintenance status", view.warnings)
                     .value_or(model::MaintenanceStatus{});
  view.cluster = summary.cluster;
  view.agents = status::count_agents(summary.agents, m);
  view.resources = status::summarize_resources(summary.agents, m);
  view.tasks = status::tasks_by_state(summary.frameworks);
  for (const auto& f : summary.frameworks) {
    ++(f.active ? view.frameworks_active : view.frameworks_inactive);
  }
  if (auto leader_info =
          best_effort(info, "could not read leader details (v1 GET_MASTER)", view.warnings)) {
    view.leader_info = *leader_info;
  }
  const auto snapshot = best_effort(metrics, "could not read metrics snapshot", view.warnings)
                            .value_or(model::Metrics{});
  if (const auto it = snapshot.find("master/slaves_unreachable"); it != snapshot.end()) {
    view.agents.unreachable = static_cast<std::int64_t>(it->second);
  }
  return view;
}

status::MarathonView read_marathon(marathon::Client& client) {
  status::MarathonView view;
  auto apps = client.apps();
  auto deployments = client.deployments();
  const auto info = client.info();
  view.url = client.endpoints().current();
  view.version = info.version;
  view.leader = client.last_leader().empty() ? info.leader : client.last_leader();
  view.summary = status::summarize_marathon(apps, deployments);
  return view;
}

status::ChronosView read_chronos(chronos::Client& client) {
  status::ChronosView view;
  const auto jobs = client.summary();
  view.url = client.endpoints().current();
  view.leader = client.leader();
  view.summary = status::summarize_chronos(jobs);
  return view;
}

}  // namespace

status::ClusterView gather_cluster(Context& ctx) {
  const auto& context = ctx.clients.context();
  status::ClusterView view;
  view.context = context.name;
  // Build clients up front (config errors surface here), then read the services in parallel.
  std::future<status::Part<status::MesosView>> mesos;
  std::future<status::Part<status::MarathonView>> marathon;
  std::future<status::Part<status::ChronosView>> chronos;
  if (!context.mesos.urls.empty()) {
    auto& client = ctx.clients.mesos();
    mesos = std::async(std::launch::async, [&client] {
      return guarded<status::MesosView>([&] { return read_mesos(client); });
    });
  }
  if (ctx.clients.has_marathon()) {
    auto& client = ctx.clients.marathon();
    marathon = std::async(std::launch::async, [&client] {
      return guarded<status::MarathonView>([&] { return read_marathon(client); });
    });
  }
  if (ctx.clients.has_chronos()) {
    auto& client = ctx.clients.chronos();
    chronos = std::async(std::launch::async, [&client] {
      return guarded<status::ChronosView>([&] { return read_chronos(client); });
    });
  }
  if (mesos.valid()) {
    view.mesos = mesos.get();
  }
  if (marathon.valid()) {
    view.marathon = marathon.get();
  }
  if (chronos.valid()) {
    view.chronos = chronos.get();
  }
  return view;
}

}  // namespace qctl::cmd
