// `qctl stats report`: average and peak allocation per group over a window, task activity,
// a chart on a terminal; JSON/CSV for dashboards, Graphite/Prometheus lines for monitoring.
#include "core/stats/history/report.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "cmd/commands.h"
#include "cmd/stats/history_cmds.h"
#include "core/error.h"
#include "core/output/format.h"
#include "core/output/table.h"
#include "core/stats/history/render.h"
#include "core/stats/history/store.h"
#include "core/util/duration.h"
#include "core/util/strings.h"

namespace qctl::cmd {

namespace {

namespace history = stats::history;

struct StatsReportOptions {
  std::string db;
  std::string since = "7d";
  std::string by;      // "" = the grouping the snapshots name as default
  std::string output;  // this verb's -o (adds csv); "" = the global -o
  std::string format;  // graphite | prometheus
  std::string prefix = "qctl.stats";
  std::string chart = "auto";
  std::string lock_timeout = "5s";
};

constexpr std::size_t kJsonBuckets = 60;

struct ValidatedReport {
  double window = 0;  // --since in seconds
  std::chrono::milliseconds lock_timeout{};
};

ValidatedReport validate(const StatsReportOptions& o) {
  const auto d = util::parse_duration(o.since);
  if (!d || d->count() <= 0) {
    throw UsageError("--since: '" + o.since + "' is not a positive duration (e.g. 7d, 12h)");
  }
  if (!o.format.empty() && !o.output.empty()) {
    throw UsageError("--format " + o.format + " and -o " + o.output + " cannot be combined");
  }
  return {std::chrono::duration<double>(*d).count(), parse_lock_timeout(o.lock_timeout)};
}

std::string names_of(const std::vector<history::ContextSummary>& contexts) {
  std::vector<std::string> names;
  for (const auto& c : contexts) {
    names.push_back(c.context);
  }
  return util::join(names, ", ");
}

// The context whose snapshots to report: the selected one, or the only one in the file.
const history::ContextSummary& pick_context(Context& ctx, const std::string& path,
                                            const std::vector<history::ContextSummary>& all) {
  if (all.empty()) {
    throw NotFoundError(path, "no snapshots recorded yet", "run 'qctl stats record' first");
  }
  std::string name;
  try {
    name = ctx.clients.context().name;
  } catch (const ConfigError&) {
    if (all.size() == 1) {
      return all.front();
    }
    throw UsageError("the history holds several contexts (" + names_of(all) + ")",
                     "pick one with --context NAME");
  }
  for (const auto& c : all) {
    if (c.context == name) {
      return c;
    }
  }
  throw NotFoundError(path, "no snapshots of context '" + name + "'",
                      "the history holds: " + names_of(all) + "; pick one with --context");
}

std::string pick_dimension(const StatsReportOptions& o, const history::ContextSummary& c,
                           const std::vector<std::string>& recorded) {
  const std::string by = o.by.empty() ? c.default_dimension : o.by;
  if (!recorded.empty() && std::find(recorded.begin(), recorded.end(), by) == recorded.end()) {
    throw UsageError("no history grouped by '" + by + "' in the window",
                     "recorded groupings: " + util::join(recorded, ", "));
  }
  return by;
}

std::size_t chart_width(const Context& ctx, const history::History& h) {
  std::size_t name = 4;
  for (const auto& g : h.groups) {
    name = std::max(name, output::display_width(g));
  }
  const std::size_t columns = ctx.io.width > 0 ? static_cast<std::size_t>(ctx.io.width) : 80;
  const std::size_t used = name + 2 + 28;  // "  avg 100.0%  peak 100.0%"
  return columns > used + 10 ? std::min<std::size_t>(columns - used, 240) : 10;
}

void print(const StatsReportOptions& o, Context& ctx, history::Report& report, bool chart) {
  std::ostringstream out;
  const bool headers = !ctx.globals.no_headers;
  if (o.format == "graphite") {
    history::print_graphite(out, report, o.prefix);
  } else if (o.format == "prometheus") {
    history::print_prometheus(out, report);
  } else if (o.output == "csv") {
    history::print_csv(out, report, headers);
  } else {
    const auto format = o.output.empty() ? ctx.format() : *output::parse_format(o.output);
    if (format == output::Format::kJson) {
      output::print_json(out, history::to_json(report));
    } else if (format == output::Format::kYaml) {
      output::print_yaml(out, history::to_json(report));
    } else {
      history::print_table(out, report, format == output::Format::kWide, headers);
      if (chart && report.snapshots > 0) {
        history::print_chart(out, report, ctx.color());
      }
    }
  }
  ctx.io.out << out.str();
}

int run_stats_report(const StatsReportOptions& o, Context& ctx) {
  const auto v = validate(o);
  const auto path = history_db_path(ctx, o.db);
  auto store = history::open_store(path, {true, v.lock_timeout});
  const auto contexts = store->contexts();
  const auto& c = pick_context(ctx, path, contexts);
  history::HistoryQuery query{c.context, "", 0, ctx.clock.now(), true};
  query.since = query.until - v.window;
  query.dimension = pick_dimension(o, c, store->dimensions(c.context, query.since, query.until));
  const auto h = store->load_header(query);
  const std::string shown = o.output.empty() ? output::format_name(ctx.format()) : o.output;
  const bool machine = !o.format.empty() || (shown != "table" && shown != "wide");
  const bool chart = !machine && (o.chart == "always" || (o.chart == "auto" && ctx.io.out_is_tty));
  const std::size_t buckets = chart ? chart_width(ctx, h) : machine ? kJsonBuckets : 0;
  history::ReportBuilder builder(h, {query.since, query.until, buckets});
  store->scan_points(query, h, [&builder](const history::GroupPoint& p) { builder.add(p); });
  auto report = builder.finish();
  report.task_states = store->last_task_states(query);
  if (report.snapshots == 0) {
    ctx.io.err << "No snapshots of context " << c.context << " in the last " << o.since
               << " (the last was taken " << history::format_time(c.last) << ").\n";
  }
  print(o, ctx, report, chart);
  return 0;
}

}  // namespace

void register_stats_report(CLI::App& stats_app, Context& ctx) {
  auto o = std::make_shared<StatsReportOptions>();
  auto* cmd = stats_app.add_subcommand(
      "report", "Report average and peak allocation, task activity and a chart over time");
  cmd->add_option("--since", o->since, "Window to report, back from now (default 7d)");
  cmd->add_option("--by", o->by,
                  "Grouping: cluster or a recorded attribute (default: the datacenter-like "
                  "attribute the snapshots chose)");
  cmd->add_option("--db", o->db,
                  "History database (default: $XDG_DATA_HOME/qctl/stats.db, else "
                  "~/.local/share/qctl/stats.db)");
  cmd->add_option("-o,--output", o->output, "Output format: table|wide|json|yaml|csv")
      ->check(CLI::IsMember({"table", "wide", "json", "yaml", "csv"}));
  cmd->add_option("--format", o->format,
                  "Write metrics lines instead: graphite (plaintext protocol) or prometheus "
                  "(text format for node_exporter's textfile collector)")
      ->check(CLI::IsMember({"graphite", "prometheus"}));
  cmd->add_option("--prefix", o->prefix, "Graphite metric path prefix (default qctl.stats)");
  cmd->add_option("--chart", o->chart, "Allocation chart: auto (on a terminal)|always|never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--lock-timeout", o->lock_timeout,
                  "How long to wait for a locked database (default 5s)");
  set_examples(*cmd,
               "  qctl stats report                       # last 7 days, per datacenter\n"
               "  qctl stats report --since 24h --by rack -o csv\n"
               "  qctl stats report --format prometheus > /var/lib/node_exporter/qctl.prom\n"
               "  qctl stats report --since 5m --format graphite | nc graphite 2003\n");
  cmd->callback([o, &ctx] { ctx.selected = [o, &ctx] { return run_stats_report(*o, ctx); }; });
}

}  // namespace qctl::cmd
