// Live names for completion: contexts from the config, cluster names through the cache.
#include <chrono>
#include <memory>

#include "cmd/completion/completion.h"
#include "core/completion/names.h"
#include "core/chronos/client.h"
#include "core/http/curl_transport.h"
#include "core/http/deadline_transport.h"
#include "core/marathon/client.h"
#include "core/mesos/master_client.h"

namespace qctl::cmd {

namespace {

using completion::Candidate;
using completion::NameKind;

constexpr std::chrono::milliseconds kBudget{1000};  // for all network calls of one completion

/// One attempt at the names of `kind`, all requests within kBudget, no retries.
std::map<NameKind, std::vector<Candidate>> fetch(NameKind kind, const config::ContextConfig& c,
                                                 Context& ctx) {
  http::CurlTransport curl(config::tls_options(c.tls));
  http::DeadlineTransport budget(curl, std::chrono::steady_clock::now() + kBudget,
                                 "completion time budget spent");
  http::ClientOptions options;
  options.retry.tries = 1;
  options.timeout = kBudget;
  options.connect_timeout = kBudget;
  const auto& env = ctx.clients.env();
  if (kind == NameKind::kJobs) {
    options.auth = config::resolve_auth(config::auth_for(c, c.chronos), env);
    http::Client http(budget, ctx.clock, options);
    chronos::Client chronos(http, c.chronos.urls, c.chronos_api);
    return {{kind, completion::job_names(chronos)}};
  }
  if (kind == NameKind::kApps || kind == NameKind::kMarathonTasks) {
    options.auth = config::resolve_auth(config::auth_for(c, c.marathon), env);
    http::Client http(budget, ctx.clock, options);
    marathon::Client marathon(http, c.marathon.urls);
    return {{kind, kind == NameKind::kApps ? completion::app_names(marathon)
                                           : completion::marathon_task_names(marathon)}};
  }
  options.auth = config::resolve_auth(config::auth_for(c, c.mesos), env);
  http::Client http(budget, ctx.clock, options);
  mesos::MasterClient mesos(http, c.mesos.urls);
  if (kind == NameKind::kTasks) {
    return {{kind, completion::task_names(mesos)}};
  }
  return completion::mesos_names(mesos);
}

bool configured(NameKind kind, const config::ContextConfig& c) {
  switch (kind) {
    case NameKind::kApps:
    case NameKind::kMarathonTasks:
      return !c.marathon.urls.empty();
    case NameKind::kJobs:
      return !c.chronos.urls.empty();
    default:
      return !c.mesos.urls.empty();
  }
}

}  // namespace

std::vector<Candidate> live_names(const completion::Completion& line, Context& ctx) {
  try {
    // The words on the line choose the config file and context, as they will for the command.
    if (!line.config_path.empty()) {
      ctx.globals.config_path = line.config_path;
    }
    if (!line.context.empty()) {
      ctx.globals.context = line.context;
    }
    if (line.kind == NameKind::kContexts) {
      return completion::context_names(ctx.clients.config());
    }
    const auto& c = ctx.clients.context();
    if (!configured(line.kind, c)) {
      return {};
    }
    completion::NameCache cache(completion::cache_dir(ctx.clients.env()), completion::cache_key(c));
    return completion::cached_names(cache, line.kind, ctx.clock.now(),
                                    [&](NameKind kind) { return fetch(kind, c, ctx); });
  } catch (...) {  // no config, no context, unreadable file: nothing to offer, no error
    return {};
  }
}

}  // namespace qctl::cmd
