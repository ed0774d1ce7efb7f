// Reads what `qctl stats` and its verbs compute from: agents, maintenance, frameworks, apps, jobs.
#pragma once

#include <future>
#include <optional>
#include <string>
#include <vector>

#include "cmd/best_effort.h"
#include "cmd/context.h"
#include "core/error.h"
#include "core/model/chronos.h"
#include "core/model/marathon.h"
#include "core/model/mesos.h"
#include "core/stats/allocation.h"

namespace qctl::cmd {

/// Which optional sources to read besides /master/slaves and /master/maintenance/status.
struct StatsSources {
  /// /master/state-summary: framework summaries and the cluster's name. Its failure is the
  /// command's (--by framework and `record` cannot do without it).
  bool summary = false;
  bool apps = false;     // Marathon /v2/apps, when Marathon is configured
  bool jobs = false;     // Chronos jobs, when Chronos is configured
  bool metrics = false;  // the leading master's /metrics/snapshot
  bool queue = false;    // Marathon /v2/queue, when Marathon is configured
  /// Put before the failed source's name in a warning ("could not read Marathon apps: …").
  std::string warning_prefix = "could not read ";
};

struct StatsInputs {
  stats::ClusterInput cluster;
  /// Agents a new leading master knows from its registry but that have not re-registered
  /// yet (`recovered_slaves`): their resources and tasks are missing from everything else.
  std::size_t recovering = 0;
  /// The optional reads: absent when not asked for, not configured, or unreadable.
  std::optional<std::vector<model::App>> apps;
  std::optional<std::vector<model::Job>> jobs;
  std::optional<model::Metrics> metrics;
  std::optional<std::vector<model::QueueItem>> queue;
  /// Optional sources that failed ("could not read Marathon apps: …"); print to stderr.
  std::vector<std::string> warnings;
};

/// Reads the sources concurrently, /master/slaves first (it finds the leader the other Mesos
/// reads then go to). Throws (NetworkError, AuthError, ApiError, ConfigError) when Mesos
/// cannot be read; a failing Marathon, Chronos, maintenance or metrics read becomes a warning
/// instead. /master/state is never read.
StatsInputs gather_stats(Context& ctx, const StatsSources& sources);

}  // namespace qctl::cmd
