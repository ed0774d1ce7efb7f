// Builds the checks of one `qctl health` run: clients over the shared deadline, one task each.
#include <algorithm>
#include <future>

#include "cmd/health/health_cmd.h"
#include "core/chronos/client.h"
#include "core/error.h"
#include "core/health/checks.h"
#include "core/health/docker.h"
#include "core/health/gather.h"
#include "core/marathon/client.h"
#include "core/mesos/master_client.h"
#include "core/ssh/endpoint.h"

namespace qctl::cmd {

CheckPlan::CheckPlan() = default;
CheckPlan::~CheckPlan() = default;
CheckPlan::CheckPlan(CheckPlan&&) noexcept = default;
CheckPlan& CheckPlan::operator=(CheckPlan&&) noexcept = default;

std::vector<std::string> selected_checks(const HealthOptions& o) {
  std::vector<std::string> wanted;
  for (const auto& name : o.checks) {
    if (name == "all") {
      continue;
    }
    const auto& known = health::check_names();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      throw UsageError("unknown check '" + name + "'",
                       "checks: mesos, agents, marathon, chronos, docker, all");
    }
    wanted.push_back(name);
  }
  const bool all =
      wanted.empty() || std::find(o.checks.begin(), o.checks.end(), "all") != o.checks.end();
  std::vector<std::string> out;
  for (const auto& name : health::check_names()) {
    if (all || std::find(wanted.begin(), wanted.end(), name) != wanted.end()) {
      out.push_back(name);
    }
  }
  return out;
}

namespace {

http::Client& add_http(CheckPlan& plan, http::DeadlineTransport& deadline, Context& ctx,
                       const config::ServiceConfig& service,
                       std::optional<std::chrono::milliseconds> cap = std::nullopt) {
  // --timeout bounds the whole run here: the deadline transport cuts every request to the
  // time left, so the per-request timeout is only lowered for probes given a cap.
  auto options = ctx.clients.http_options(service);
  if (cap) {
    options.timeout = std::max(*cap, std::chrono::milliseconds(1));
  }
  plan.http.push_back(std::make_unique<http::Client>(deadline, ctx.clock, options));
  return *plan.http.back();
}

health::CheckTask not_configured(const std::string& check, const std::string& service) {
  return {check, [check, service]() -> health::CheckResult {
            throw ConfigError("context",
                              "no " + service + " URL configured for the " + check + " check");
          }};
}

/// True when the context says how to reach agents over SSH (`ssh:` block): only then does
/// `all` include the docker check, which would be UNKNOWN everywhere else.
bool ssh_configured(const config::SshConfig& ssh) {
  return !ssh.user.empty() || !ssh.identity.empty() || ssh.port != 0 || !ssh.proxy_jump.empty() ||
         !ssh.proxy_command.empty();
}

health::CheckTask docker_task(const std::shared_future<mesos::AgentList>& agents,
                              const HealthRun& run, http::DeadlineTransport& deadline,
                              Context& ctx) {
  health::DockerProbe probe;
  probe.endpoint = [&ctx](const std::string& host) {
    ssh::EndpointFlags flags;  // never prompts: a check runs unattended
    return ssh::make_endpoint(host, ctx.clients.context().ssh, flags, ctx.clients.env());
  };
  probe.connector = [] { return ssh::make_libssh_connector(); };
  probe.timeout = run.docker_timeout;
  probe.parallel = run.docker_workers;
  probe.time_left = [&deadline] { return deadline.left(); };
  return {"docker", [agents, &t = run.thresholds, probe]() mutable {
            for (const auto& agent : agents.get().agents) {
              probe.hosts.push_back(agent.hostname);
            }
            return health::evaluate_docker(health::gather_docker(probe), t);
          }};
}

}  // namespace

std::unique_ptr<CheckPlan> plan_checks(const HealthRun& run, http::DeadlineTransport& deadline,
                                       Context& ctx) {
  auto plan = std::make_unique<CheckPlan>();
  const auto& checks = run.checks;
  const bool explicit_choice = run.explicit_choice;
  const health::Thresholds& t = run.thresholds;
  const auto& context = ctx.clients.context();
  auto wants = [&](const char* name) {
    return std::find(checks.begin(), checks.end(), name) != checks.end();
  };
  const bool has_mesos = !context.mesos.urls.empty();
  const bool docker = wants("docker") && (explicit_choice || ssh_configured(context.ssh));
  if (has_mesos && (wants("mesos") || wants("agents") || docker)) {
    auto& http = add_http(*plan, deadline, ctx, context.mesos);
    plan->mesos = std::make_unique<mesos::MasterClient>(http, context.mesos.urls);
    if (wants("agents") || docker) {
      plan->agents = std::async(std::launch::async, [client = plan->mesos.get()] {
                       return client->agents();
                     }).share();
    }
    if (wants("mesos")) {
      // A master that hangs may take half the time left, so the others still get judged.
      auto& probe = add_http(*plan, deadline, ctx, context.mesos, deadline.left() / 2);
      plan->tasks.push_back({"mesos", [&probe, &http, &t, urls = context.mesos.urls] {
                               return health::evaluate_mesos(
                                   health::gather_mesos(urls, probe, http), t);
                             }});
    }
    if (wants("agents")) {
      plan->tasks.push_back({"agents", [client = plan->mesos.get(), agents = plan->agents, &t] {
                               return health::evaluate_agents(
                                   health::gather_agents(*client, agents), t);
                             }});
    }
  } else if (!has_mesos && explicit_choice) {
    for (const char* name : {"mesos", "agents", "docker"}) {
      if (wants(name)) {
        plan->tasks.push_back(not_configured(name, "Mesos"));
      }
    }
  }
  if (wants("marathon") && !context.marathon.urls.empty()) {
    auto& http = add_http(*plan, deadline, ctx, context.marathon);
    plan->marathon = std::make_unique<marathon::Client>(http, context.marathon.urls);
    plan->tasks.push_back({"marathon", [client = plan->marathon.get(), &t, &ctx] {
                             auto facts = health::gather_marathon(*client);
                             return health::evaluate_marathon(facts, t, ctx.clock.now());
                           }});
  } else if (wants("marathon") && explicit_choice) {
    plan->tasks.push_back(not_configured("marathon", "Marathon"));
  }
  if (wants("chronos") && !context.chronos.urls.empty()) {
    auto& http = add_http(*plan, deadline, ctx, context.chronos);
    plan->chronos =
        std::make_unique<chronos::Client>(http, context.chronos.urls, context.chronos_api);
    plan->tasks.push_back({"chronos", [client = plan->chronos.get(), &t, &ctx] {
                             auto facts = health::gather_chronos(*client);
                             return health::evaluate_chronos(facts, t, ctx.clock.now());
                           }});
  } else if (wants("chronos") && explicit_choice) {
    plan->tasks.push_back(not_configured("chronos", "Chronos"));
  }
  if (has_mesos && docker) {
    plan->tasks.push_back(docker_task(plan->agents, run, deadline, ctx));
  }
  return plan;
}

}  // namespace qctl::cmd
