#include "core/health/docker.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "core/error.h"
#include "core/health/checks.h"
#include "core/util/duration.h"
#include "core/util/strings.h"

namespace qctl::health {

namespace {

DockerAnswer ask(const DockerProbe& probe, ssh::Connector& connector, const std::string& host) {
  DockerAnswer a;
  a.host = host;
  const auto left = probe.time_left();
  const auto budget = std::min(probe.timeout, left);
  if (budget.count() <= 0) {
    a.error = "not checked: the --timeout of qctl health was reached";
    return a;
  }
  const auto started = std::chrono::steady_clock::now();
  try {
    auto endpoint = probe.endpoint(host);
    endpoint.connect_timeout =
        std::max(std::chrono::seconds(1), std::chrono::duration_cast<std::chrono::seconds>(budget));
    auto session = connector.connect(endpoint);
    const auto used = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    const auto run_for = std::max(budget - used, std::chrono::milliseconds(1));
    const auto r = session->run(docker_info_command(), run_for);
    if (r.timed_out) {
      a.state = DockerState::kTimedOut;
      a.error = "docker info did not answer within " + util::format_millis(budget);
    } else if (r.status.code == 0 && !util::trim(r.out).empty()) {
      a.state = DockerState::kOk;
      a.version = std::string(util::trim(r.out));
    } else {
      a.state = DockerState::kFailed;
      const std::string why = util::first_line(r.err.empty() ? r.out : r.err);
      a.error = "docker info exited " + std::to_string(r.status.qctl_code()) +
                (why.empty() ? "" : ": " + why);
    }
  } catch (const Error& e) {
    a.state = DockerState::kUnreachable;
    a.error = "ssh: " + e.line();
  } catch (const std::exception& e) {
    a.state = DockerState::kUnreachable;
    a.error = std::string("ssh: ") + e.what();
  }
  a.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return a;
}

}  // namespace

const std::string& docker_info_command() {
  static const std::string kCommand = "docker info --format '{{.ServerVersion}}'";
  return kCommand;
}

DockerFacts gather_docker(const DockerProbe& probe) {
  DockerFacts facts;
  facts.timeout = probe.timeout;
  facts.agents.resize(probe.hosts.size());
  std::atomic<std::size_t> next{0};
  const std::size_t workers =
      std::min(std::max<std::size_t>(probe.parallel, 1), probe.hosts.size());
  std::vector<std::thread> threads;
  threads.reserve(workers);
  for (std::size_t w = 0; w < workers; ++w) {
    threads.emplace_back([&] {
      // Sessions are not thread-safe: one connector per worker.
      auto connector = probe.connector();
      for (std::size_t i = next++; i < probe.hosts.size(); i = next++) {
        facts.agents[i] = ask(probe, *connector, probe.hosts[i]);
      }
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  return facts;
}

CheckResult evaluate_docker(const DockerFacts& facts, const Thresholds& t) {
  CheckResult r;
  r.check = "docker";
  std::int64_t ok = 0;
  std::int64_t failing = 0;
  std::int64_t unknown = 0;
  std::string first_bad;
  for (const auto& a : facts.agents) {
    switch (a.state) {
      case DockerState::kOk:
        ++ok;
        r.details.push_back("agent " + a.host + ": docker " + a.version + " (" +
                            util::format_number(a.seconds, 2) + " s)");
        continue;
      case DockerState::kFailed:
      case DockerState::kTimedOut:
        ++failing;
        r.details.push_back("agent " + a.host + ": CRITICAL: " + a.error);
        break;
      case DockerState::kUnreachable:
      case DockerState::kNotChecked:
        ++unknown;
        r.details.push_back("agent " + a.host + ": UNKNOWN: " + a.error);
        break;
    }
    if (first_bad.empty()) {
      first_bad = a.host + " " + a.error;
    }
  }
  const auto total = static_cast<double>(facts.agents.size());
  apply_metric(r, t, "docker_failing", static_cast<double>(failing), 0.0, total);
  r.perf.push_back(Perf{"docker_unknown", static_cast<double>(unknown), "", "", "", 0.0, total});
  if (unknown > 0) {
    r.raise(Status::kUnknown);
  }
  r.summary =
      std::to_string(ok) + "/" + std::to_string(facts.agents.size()) + " agents answer docker info";
  if (failing + unknown > 0) {
    r.summary += "; " + first_bad;
    if (failing + unknown > 1) {
      r.summary += " (and " + std::to_string(failing + unknown - 1) + " more)";
    }
  }
  if (facts.agents.empty()) {
    r.summary = "no agents registered";
  }
  return r;
}

}  // namespace qctl::health
