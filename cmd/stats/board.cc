// `qctl stats board`: one shaded cell per agent, grouped by datacenter/rack.
#include "core/stats/board.h"

#include <CLI/CLI.hpp>
#include <sstream>

#include "cmd/commands.h"
#include "cmd/list_output.h"
#include "cmd/stats/stats_cmds.h"
#include "core/error.h"
#include "core/stats/stats_json.h"
#include "core/util/strings.h"

namespace qctl::cmd {

namespace {

struct StatsBoardOptions {
  std::string by;  // "dc,rack": nested groups joined by '/'
  std::string selector;
};

// The default board groups: the datacenter-like attribute, then "rack" when agents have it.
std::vector<stats::GroupBy> board_levels(const std::string& by,
                                         const std::vector<model::Agent>& agents) {
  std::vector<stats::GroupBy> levels;
  if (by.empty()) {
    levels.push_back(stats::default_group_by(agents));
    if (stats::has_attribute(agents, "rack")) {
      levels.push_back({stats::GroupBy::Kind::kAttribute, "rack"});
    }
    return levels;
  }
  for (const auto& part : util::split(by, ',')) {
    levels.push_back(resolve_group_by(std::string(util::trim(part)), agents, false));
  }
  return levels;
}

int run_stats_board(const StatsBoardOptions& opts, Context& ctx) {
  auto in = gather_stats(ctx, {});
  print_warnings(ctx, in.warnings);
  apply_selector(in.cluster, opts.selector);
  const auto levels = board_levels(opts.by, in.cluster.agents);
  auto loads = stats::agent_loads(in.cluster, levels.front());  // in agent order
  for (std::size_t i = 1; i < levels.size(); ++i) {
    for (std::size_t k = 0; k < loads.size(); ++k) {
      loads[k].group += "/" + stats::group_of(in.cluster.agents[k], levels[i], in.cluster.cluster);
    }
  }
  const auto format = ctx.format();
  if (format == output::Format::kJson || format == output::Format::kYaml) {
    nlohmann::json agents = nlohmann::json::array();
    for (const auto& l : loads) {
      auto item = stats::to_json(l);
      item["shade"] =
          l.availability == stats::Availability::kAvailable ? stats::shade_of(l.load()) : -1;
      agents.push_back(std::move(item));
    }
    print_document(ctx, {{"agents", agents}});
    return complete_unless(in.warnings, "stats board");
  }
  if (loads.empty()) {
    ctx.io.err << "No agents found.\n";
    return complete_unless(in.warnings, "stats board");
  }
  ctx.io.out << stats::render_board(loads, {ctx.io.width, ctx.color()});
  return complete_unless(in.warnings, "stats board");
}

}  // namespace

void register_stats_board(CLI::App& stats, Context& ctx) {
  auto opts = std::make_shared<StatsBoardOptions>();
  auto* cmd = stats.add_subcommand(
      "board", "Show every agent as one cell shaded by allocation, grouped by datacenter/rack");
  cmd->add_option("--by", opts->by,
                  "Attributes to group by, outermost first, e.g. dc,rack (default: dc-like, rack)");
  cmd->add_option("-l,--selector", opts->selector, "Only agents whose attributes match");
  set_examples(*cmd,
               "  qctl stats board\n"
               "  qctl stats board --by dc,rack --selector dc=bj1\n"
               "  qctl stats board --color never | less\n");
  cmd->callback(
      [opts, &ctx] { ctx.selected = [opts, &ctx] { return run_stats_board(*opts, ctx); }; });
}

}  // namespace qctl::cmd
