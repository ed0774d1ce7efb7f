// Reads what `qctl stats` and its verbs compute from: agents, maintenance, frameworks, apps, jobs.
#pragma once

#include <string>
#include <vector>

#include "cmd/context.h"
#include "core/model/chronos.h"
#include "core/model/marathon.h"
#include "core/stats/allocation.h"

namespace qctl::cmd {

/// Which optional sources to read besides /master/slaves and /master/maintenance/status.
struct StatsSources {
  bool frameworks = false;  // /master/state-summary framework summaries (--by framework)
  bool apps = false;        // Marathon /v2/apps, when Marathon is configured
  bool jobs = false;        // Chronos jobs, when Chronos is configured
};

struct StatsInputs {
  stats::ClusterInput cluster;
  std::vector<model::App> apps;
  std::vector<model::Job> jobs;
  /// Optional sources that failed ("could not read Marathon apps: …"); print to stderr.
  std::vector<std::string> warnings;
};

/// Reads the sources concurrently. Throws (NetworkError, AuthError, ApiError, ConfigError)
/// when Mesos cannot be read; a failing Marathon, Chronos or maintenance read becomes a
/// warning instead. /master/state is never read.
StatsInputs gather_stats(Context& ctx, const StatsSources& sources);

}  // namespace qctl::cmd
