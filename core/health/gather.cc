#include "core/health/gather.h"

#include <chrono>
#include <future>

#include "core/error.h"
#include "core/http/url.h"
#include "core/marathon/client.h"
#include "core/mesos/decode.h"
#include "core/mesos/http_status.h"
#include "core/mesos/master_client.h"
#include "core/util/strings.h"

namespace qctl::health {

namespace {

// A master's "503 No leader elected" is an answer, not a failure worth retrying.
bool retry_unless_503(const http::Response& r) { return r.status >= 500 && r.status != 503; }

MasterAnswer probe_master(const std::string& url, http::Client& probe) {
  MasterAnswer a;
  a.url = url;
  try {
    auto version = probe.send(http::get_request(http::join_url(url, "/version")));
    if (version.status != 200) {
      a.error = "GET /version answered HTTP " + std::to_string(version.status);
      return a;
    }
    a.version = mesos::decode_version(version.body).version;
    a.reachable = true;
    const auto redirect_url = http::join_url(url, "/master/redirect");
    auto redirect = probe.send(http::get_request(redirect_url), retry_unless_503);
    const auto location = redirect.header("Location");
    const auto target = location ? http::resolve_location(redirect_url, *location) : std::nullopt;
    if ((redirect.status == 307 || redirect.status == 302) && target) {
      a.leader = http::parse_url(*target)->origin();
    } else {
      a.no_leader = true;
    }
  } catch (const Error& e) {
    a.error = e.what();
  } catch (const std::exception& e) {
    a.error = std::string("bad answer: ") + e.what();
  }
  return a;
}

}  // namespace

MesosFacts gather_mesos(const std::vector<std::string>& masters, http::Client& probe,
                        http::Client& http) {
  MesosFacts facts;
  std::vector<std::future<MasterAnswer>> futures;
  futures.reserve(masters.size());
  for (const auto& url : masters) {
    futures.push_back(
        std::async(std::launch::async, [&url, &probe] { return probe_master(url, probe); }));
  }
  std::string leader;
  for (auto& f : futures) {
    facts.masters.push_back(f.get());
    if (leader.empty()) {
      leader = facts.masters.back().leader;
    }
  }
  if (leader.empty()) {
    return facts;
  }
  try {
    auto r = http.send(http::get_request(http::join_url(leader, "/metrics/snapshot")));
    if (r.status != 200) {
      mesos::throw_mesos_status(r, "GET /metrics/snapshot", http.options().auth);
    }
    const auto metrics = mesos::decode_metrics(r.body);
    if (const auto it = metrics.find("master/elected"); it != metrics.end()) {
      facts.elected = it->second;
    }
  } catch (const Error& e) {
    // The same words as every other command, with the hint (e.g. a ':' in the password).
    facts.metrics_error = e.hint().empty() ? e.line() : e.line() + "; " + e.hint();
  } catch (const std::exception& e) {
    facts.metrics_error = e.what();
  }
  return facts;
}

AgentFacts gather_agents(mesos::MasterClient& client,
                         const std::shared_future<mesos::AgentList>& agents) {
  AgentFacts facts;
  auto metrics = std::async(std::launch::async, [&client] { return client.metrics(); });
  facts.counts = status::count_agents(agents.get().agents, model::MaintenanceStatus{});
  facts.recovering = static_cast<std::int64_t>(agents.get().recovered.size());
  try {
    const auto m = metrics.get();
    if (const auto it = m.find("master/slaves_unreachable"); it != m.end()) {
      facts.counts.unreachable = static_cast<std::int64_t>(it->second);
      facts.unreachable_known = true;
    }
  } catch (const Error&) {
    facts.unreachable_known = false;  // the unreachable count only completes the picture
  }
  return facts;
}

MarathonFacts gather_marathon(marathon::Client& client) {
  MarathonFacts facts;
  auto pong = std::async(std::launch::async, [&client] { return client.ping(); });
  auto apps = std::async(std::launch::async, [&client] { return client.apps(); });
  auto deployments = std::async(std::launch::async, [&client] { return client.deployments(); });
  auto leader = std::async(std::launch::async, [&client]() -> std::string {
    try {
      return client.leader();
    } catch (const NotFoundError&) {
      return "";  // 404 "There is no leader"
    }
  });
  const auto started = std::chrono::steady_clock::now();
  const auto info = client.info();
  facts.latency_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  facts.version = info.version;
  facts.pong = pong.get();
  facts.leader = leader.get();
  facts.apps = apps.get();
  facts.deployments = deployments.get();
  return facts;
}

ChronosFacts gather_chronos(chronos::Client& client) {
  ChronosFacts facts;
  client.prefix();  // detect the API version once, before the parallel reads
  auto view = std::async(std::launch::async, [&client] { return chronos::fetch_job_view(client); });
  auto gauges = std::async(std::launch::async, [&client] { return client.queue_gauges(); });
  facts.leader = client.leader();
  facts.view = view.get();
  try {
    facts.gauges = gauges.get();
  } catch (const Error& e) {
    facts.gauges_error = e.line();
  }
  return facts;
}

}  // namespace qctl::health
