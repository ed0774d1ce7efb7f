// `qctl stats`: allocation, reservations, loaded and unavailable agents and fragmentation per
// group; its verbs (fit, board, and the history verbs) register under it.
#include <CLI/CLI.hpp>
#include <sstream>

#include "cmd/commands.h"
#include "cmd/list_output.h"
#include "cmd/stats/history_cmds.h"
#include "cmd/stats/overview_print.h"
#include "cmd/stats/stats_cmds.h"
#include "core/error.h"
#include "core/stats/stats_json.h"

namespace qctl::cmd {

namespace {

struct StatsOptions {
  std::string by;
  std::string selector;
  std::vector<std::string> shapes;  // --shape, repeatable; none = the apps' and jobs' shapes
  std::size_t top = 5;
  bool no_shapes = false;
};

std::vector<stats::Shape> parse_shapes(const std::vector<std::string>& texts) {
  std::vector<stats::Shape> out;
  for (const auto& text : texts) {
    std::string error;
    auto shape = stats::parse_shape(text, error);
    if (!shape) {
      throw UsageError("--shape " + text + ": " + error,
                       "e.g. --shape cpus=1,mem=2048,disk=1024,ports=2");
    }
    out.push_back(std::move(*shape));
  }
  return out;
}

nlohmann::json report_json(const StatsReport& r) {
  nlohmann::json doc = {{"group_by", stats::group_by_name(r.by)}};
  const auto list = [](const auto& items) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& i : items) {
      a.push_back(stats::to_json(i));
    }
    return a;
  };
  doc["groups"] = list(r.groups);
  doc["most_loaded"] = list(r.extremes.most);
  doc["least_loaded"] = list(r.extremes.least);
  doc["unavailable_agents"] = list(r.unavailable);
  doc["fragmentation"] = list(r.shapes);
  return doc;
}

int run_stats(const StatsOptions& opts, Context& ctx) {
  auto shapes = parse_shapes(opts.shapes);
  const bool want_frameworks = opts.by == "framework";
  const bool default_shapes = shapes.empty() && !opts.no_shapes;
  auto in = gather_stats(
      ctx, {.summary = want_frameworks, .apps = default_shapes, .jobs = default_shapes});
  print_warnings(ctx, in.warnings);
  apply_selector(in.cluster, opts.selector);
  StatsReport report;
  report.by = resolve_group_by(opts.by, in.cluster.agents, true);
  // Agent lists and shapes are per attribute group even when the table is per role/framework.
  const bool plain = report.by.kind == stats::GroupBy::Kind::kAttribute ||
                     report.by.kind == stats::GroupBy::Kind::kCluster;
  const auto place_by = plain ? report.by : stats::default_group_by(in.cluster.agents);
  report.groups = stats::group_totals(in.cluster, report.by);
  const auto loads = stats::agent_loads(in.cluster, place_by);
  report.extremes = stats::load_extremes(loads, opts.top);
  report.unavailable = stats::unavailable_agents(loads);
  if (default_shapes) {
    shapes = stats::shapes_of(std::move(in.apps).value_or(std::vector<model::App>{}),
                              std::move(in.jobs).value_or(std::vector<model::Job>{}));
  }
  if (!opts.no_shapes) {
    report.shapes = stats::fragmentation(in.cluster, place_by, shapes);
  }
  const auto format = ctx.format();
  if (format == output::Format::kJson || format == output::Format::kYaml) {
    print_document(ctx, report_json(report));
    return complete_unless(in.warnings, "stats");
  }
  if (in.cluster.agents.empty()) {
    ctx.io.err << "No agents found.\n";
    return complete_unless(in.warnings, "stats");
  }
  std::ostringstream out;
  print_stats_tables(out, report, {format == output::Format::kWide, !ctx.globals.no_headers});
  ctx.io.out << out.str();
  return complete_unless(in.warnings, "stats");
}

}  // namespace

void register_stats(CLI::App& parent, Context& ctx) {
  auto opts = std::make_shared<StatsOptions>();
  auto* stats_app = parent.add_subcommand(
      "stats", "Show allocation, reservations, free capacity and fragmentation per group");
  stats_app->add_option("--by", opts->by,
                        "Group by an agent attribute (dc, rack, @region, @zone), role, "
                        "framework, agent or cluster (default: a datacenter-like attribute)");
  stats_app->add_option("-l,--selector", opts->selector,
                        "Only agents whose attributes match, e.g. dc=bj1,rack!=r2");
  stats_app->add_option("--shape", opts->shapes,
                        "Task shape for fragmentation, cpus=1,mem=2048[,disk=N][,gpus=N]"
                        "[,ports=N][,role=R] (repeatable; default: the apps' and jobs' shapes)");
  stats_app->add_option("--top", opts->top, "How many most and least loaded agents to list")
      ->capture_default_str();
  stats_app->add_flag("--no-shapes", opts->no_shapes, "Skip the fragmentation section");
  set_examples(*stats_app,
               "  qctl stats                              # per datacenter, default shapes\n"
               "  qctl stats --by rack --selector dc=bj1\n"
               "  qctl stats --by role -o wide\n"
               "  qctl stats --shape cpus=1,mem=2048,ports=2 -o json\n"
               "  qctl stats fit -f web.json --instances 20 --explain\n"
               "  qctl stats board --by dc,rack\n");
  stats_app->callback([stats_app, opts, &ctx] {
    if (stats_app->get_subcommands().empty()) {
      ctx.selected = [opts, &ctx] { return run_stats(*opts, ctx); };
    }
  });
  register_stats_fit(*stats_app, ctx);
  register_stats_board(*stats_app, ctx);
  register_stats_history(*stats_app, ctx);
}

}  // namespace qctl::cmd
