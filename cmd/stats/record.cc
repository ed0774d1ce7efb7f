// `qctl stats record`: reads the cluster once and appends one snapshot to the history
// database, for cron every minute. Two at once are safe (SQLite WAL, one transaction each).
#include <CLI/CLI.hpp>
#include <ostream>

#include "cmd/commands.h"
#include "cmd/stats/history_cmds.h"
#include "cmd/stats/stats_cmds.h"
#include "core/error.h"
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

struct ValidatedRecord {
  std::chrono::milliseconds lock_timeout{};
  std::optional<double> retain_seconds;
};

ValidatedRecord validate(const StatsRecordOptions& o) {
  ValidatedRecord v;
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

// Everything a snapshot holds; a failed optional part is left out with a warning labelled
// by the part alone ("Marathon apps: …").
const StatsSources kRecorded{.summary = true,
                             .apps = true,
                             .jobs = true,
                             .metrics = true,
                             .queue = true,
                             .warning_prefix = ""};

int run_stats_record(const StatsRecordOptions& o, Context& ctx) {
  const auto v = validate(o);
  const auto path = history_db_path(ctx, o.db);
  const std::string context = ctx.clients.context().name;
  // Opened first: a locked, corrupt or newer database fails before the cluster is read.
  auto store = stats::history::open_store(path, {false, v.lock_timeout});
  auto in = gather_stats(ctx, kRecorded);
  if (in.recovering > 0) {
    // After a master failover the agents come back over minutes; a snapshot of that window
    // would show the cluster empty and the report would count every task again as started.
    ctx.io.err << "qctl: stats record: not recorded: " << in.recovering
               << " agents have not re-registered since a master failover (their resources "
                  "and tasks are not in the master's view yet); the next run records again\n";
    return 0;
  }
  const stats::history::SnapshotInput parts{std::move(in.cluster), std::move(in.metrics),
                                            std::move(in.apps), std::move(in.queue),
                                            std::move(in.jobs)};
  const double now = ctx.clock.now();
  const auto snapshot = stats::history::build_snapshot(parts, now, context, o.by);
  const auto id = store->append(snapshot);
  std::int64_t pruned = 0;
  if (v.retain_seconds) {
    pruned = store->prune(context, now - *v.retain_seconds);
  }
  print_warnings(ctx, in.warnings);
  if (!o.quiet) {
    ctx.io.out << "recorded snapshot " << id << " of context " << context << " ("
               << snapshot.groups.size() << " groups) in " << path;
    if (pruned > 0) {
      ctx.io.out << ", removed " << pruned << " older than " << o.retain;
    }
    ctx.io.out << "\n";
  }
  if (!in.warnings.empty()) {
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
