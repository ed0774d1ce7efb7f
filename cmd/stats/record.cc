// `qctl stats record`: reads the cluster once and appends one snapshot to the history
// database, for cron every minute. Two at once are safe (SQLite WAL, one transaction each).
#include <CLI/CLI.hpp>
#include <future>
#include <ostream>

#include "cmd/commands.h"
#include "cmd/stats/history_cmds.h"
#include "core/chronos/client.h"
#include "core/error.h"
#include "core/marathon/client.h"
#include "core/mesos/master_client.h"
#include "core/stats/history/snapshot.h"
#include "core/stats/history/store.h"
#include "core/util/duration.h"
#include "core/util/strings.h"

namespace qctl::cmd {

namespace {

struct StatsRecordOptions {
  std::string db;
  std::vector<std::string> by;  // groupings recorded whatever their size
  std::string retain;           // "" keeps every snapshot
  std::string lock_timeout = "5s";
  bool quiet = false;
};

struct Validated {
  std::chrono::milliseconds lock_timeout{};
  std::optional<double> retain_seconds;
};

Validated validate(const StatsRecordOptions& o) {
  Validated v;
  v.lock_timeout = parse_lock_timeout(o.lock_timeout);
  if (!o.retain.empty()) {
    const auto d = util::parse_duration(o.retain);
    if (!d || d->count() <= 0) {
      throw UsageError("--retain: '" + o.retain + "' is not a positive duration (e.g. 90d)");
    }
    v.retain_seconds = std::chrono::duration<double>(*d).count();
  }
  return v;
}

// An optional read: its failure becomes a warning and leaves the part out of the snapshot.
template <class T>
std::optional<T> optional_part(std::future<T>& f, const char* what,
                               std::vector<std::string>& warnings) {
  try {
    return f.get();
  } catch (const Error& e) {
    warnings.push_back(std::string(what) + ": " + e.line());
    return std::nullopt;
  }
}

stats::history::SnapshotInput gather(Context& ctx, std::vector<std::string>& warnings) {
  auto& mesos = ctx.clients.mesos();
  auto agents = std::async(std::launch::async, [&mesos] { return mesos.agents(); });
  auto summary = std::async(std::launch::async, [&mesos] { return mesos.state_summary(); });
  auto maintenance =
      std::async(std::launch::async, [&mesos] { return mesos.maintenance_status(); });
  auto metrics = std::async(std::launch::async, [&mesos] { return mesos.metrics(); });
  std::future<std::vector<model::App>> apps;
  std::future<std::vector<model::QueueItem>> queue;
  std::future<std::vector<model::Job>> jobs;
  if (ctx.clients.has_marathon()) {
    auto& marathon = ctx.clients.marathon();
    apps = std::async(std::launch::async, [&marathon] { return marathon.apps(); });
    queue = std::async(std::launch::async, [&marathon] { return marathon.queue(); });
  }
  if (ctx.clients.has_chronos()) {
    auto& chronos = ctx.clients.chronos();
    jobs = std::async(std::launch::async, [&chronos] { return chronos.jobs(); });
  }
  stats::history::SnapshotInput in;
  in.cluster.agents = agents.get().agents;  // Mesos itself must answer
  in.cluster.frameworks = summary.get().frameworks;
  if (auto m = optional_part(maintenance, "maintenance status", warnings)) {
    in.cluster.maintenance = std::move(*m);
  }
  in.metrics = optional_part(metrics, "Mesos metrics", warnings);
  if (apps.valid()) {
    in.marathon_apps = optional_part(apps, "Marathon apps", warnings);
    in.marathon_queue = optional_part(queue, "Marathon queue", warnings);
  }
  if (jobs.valid()) {
    in.chronos_jobs = optional_part(jobs, "Chronos jobs", warnings);
  }
  return in;
}

int run_stats_record(const StatsRecordOptions& o, Context& ctx) {
  const auto v = validate(o);
  const auto path = history_db_path(ctx, o.db);
  const std::string context = ctx.clients.context().name;
  // Opened first: a locked, corrupt or newer database fails before the cluster is read.
  auto store = stats::history::open_store(path, {false, v.lock_timeout});
  std::vector<std::string> warnings;
  const auto in = gather(ctx, warnings);
  const double now = ctx.clock.now();
  const auto snapshot = stats::history::build_snapshot(in, now, context, o.by);
  const auto id = store->append(snapshot);
  std::int64_t pruned = 0;
  if (v.retain_seconds) {
    pruned = store->prune(context, now - *v.retain_seconds);
  }
  for (const auto& w : warnings) {
    ctx.io.err << "qctl: warning: " << w << "\n";
  }
  if (!o.quiet) {
    ctx.io.out << "recorded snapshot " << id << " of context " << context << " ("
               << snapshot.groups.size() << " groups) in " << path;
    if (pruned > 0) {
      ctx.io.out << ", removed " << pruned << " older than " << o.retain;
    }
    ctx.io.out << "\n";
  }
  if (!warnings.empty()) {
    throw PartialError("stats record", "snapshot recorded without the parts that failed");
  }
  return 0;
}

}  // namespace

void register_stats_record(CLI::App& stats_app, Context& ctx) {
  auto o = std::make_shared<StatsRecordOptions>();
  auto* cmd = stats_app.add_subcommand(
      "record", "Append one allocation snapshot to the stats history database (for cron)");
  cmd->add_option("--db", o->db,
                  "History database (default: $XDG_DATA_HOME/qctl/stats.db, else "
                  "~/.local/share/qctl/stats.db)");
  cmd->add_option("--by", o->by,
                  "Also record this attribute's grouping however many values it has "
                  "(repeatable; attributes with up to 64 values are always recorded)");
  cmd->add_option("--retain", o->retain,
                  "Delete this context's snapshots older than this (e.g. 90d; default: keep all)");
  cmd->add_option("--lock-timeout", o->lock_timeout,
                  "How long to wait for another writer of the database (default 5s)");
  cmd->add_flag("-q,--quiet", o->quiet, "Print nothing on success (warnings still go to stderr)");
  set_examples(*cmd,
               "  qctl stats record                     # one snapshot of the current context\n"
               "  qctl stats record --db /var/lib/qctl/prod.db --retain 90d --quiet\n"
               "  # crontab: every minute\n"
               "  * * * * * qctl --context prod stats record --quiet\n");
  cmd->callback([o, &ctx] { ctx.selected = [o, &ctx] { return run_stats_record(*o, ctx); }; });
}

}  // namespace qctl::cmd
