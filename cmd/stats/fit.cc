// `qctl stats fit`: would this app, job or shape fit on the cluster right now? Exit 0 / 1.
#include "core/stats/fit.h"

#include <CLI/CLI.hpp>
#include <optional>
#include <sstream>

#include "cmd/commands.h"
#include "cmd/list_output.h"
#include "cmd/stats/fit_input.h"
#include "cmd/stats/stats_cmds.h"
#include "core/error.h"
#include "core/marathon/client.h"
#include "core/output/table.h"
#include "core/stats/fragmentation.h"
#include "core/stats/stats_json.h"

namespace qctl::cmd {

namespace {

struct StatsFitOptions {
  std::string app_file;
  std::string job_file;
  std::string shape;
  long instances = -1;  // -1: the app's own count (1 for a job or shape)
  std::string by;
  std::string selector;
  std::string role = "*";  // the framework's role (Marathon's --mesos_role)
  bool explain = false;
};

void validate(const StatsFitOptions& o) {
  const int given =
      (o.app_file.empty() ? 0 : 1) + (o.job_file.empty() ? 0 : 1) + (o.shape.empty() ? 0 : 1);
  if (given != 1) {
    throw UsageError("stats fit needs exactly one of -f APP.json, --job JOB.json or --shape",
                     "e.g. qctl stats fit -f web.json --instances 20");
  }
  if (o.instances < -1) {
    throw UsageError("--instances: must be >= 0");
  }
}

// The app's running instances when it already exists (an update), else none.
std::vector<model::MarathonTask> existing_tasks(Context& ctx, const std::string& id) {
  if (!ctx.clients.has_marathon()) {
    return {};
  }
  try {
    return ctx.clients.marathon().app_tasks(marathon::normalize_app_id(id));
  } catch (const NotFoundError&) {
    return {};
  }
}

// What to place, read before any request so that a bad file fails fast (exit 2).
struct Subject {
  stats::FitRequest request;
  std::optional<std::string> app_id;  // set for an app: its running tasks are looked up
  std::size_t total = 1;
};

Subject load_subject(const StatsFitOptions& o, Context& ctx) {
  Subject s;
  stats::FitRequest& req = s.request;
  s.total = o.instances >= 0 ? static_cast<std::size_t>(o.instances) : 1;
  if (!o.app_file.empty()) {
    const auto app = load_app_file(o.app_file, ctx.io.in);
    req.name = app.id;
    req.demand = stats::demand_of(app, o.role);
    s.total = o.instances >= 0 ? s.total : static_cast<std::size_t>(app.instances);
    s.app_id = app.id;
  } else if (!o.job_file.empty()) {
    const auto job = load_job_file(o.job_file, ctx.io.in);
    req.name = "job " + job.name;
    req.demand = stats::demand_of(job, o.role);
  } else {
    std::string error;
    auto shape = stats::parse_shape(o.shape, error);
    if (!shape) {
      throw UsageError("--shape " + o.shape + ": " + error, "e.g. --shape cpus=1,mem=2048,ports=1");
    }
    req.name = shape->name;
    req.demand = shape->demand;
  }
  return s;
}

stats::FitRequest with_existing(Subject s, Context& ctx, const stats::ClusterInput& cluster) {
  stats::FitRequest req = std::move(s.request);
  if (s.app_id) {
    req.existing = stats::placed_of(existing_tasks(ctx, *s.app_id), cluster.agents);
  }
  req.existing_instances = req.existing.size();
  req.instances = s.total > req.existing_instances ? s.total - req.existing_instances : 0;
  return req;
}

void print_fit(std::ostream& out, const stats::FitResult& r, bool explain, bool headers) {
  out << (r.fits() ? "fits " : "does not fit: ") << r.placed << " of " << r.wanted
      << (r.wanted == 1 ? " instance" : " instances");
  if (r.existing > 0) {
    out << " (" << r.existing << " already running)";
  }
  out << " of " << r.name << " on " << r.agents << " available agents\n";
  output::Table groups(
      {{"GROUP"}, {"AGENTS", false, true}, {"PLACED", false, true}, {"AGENTS-USED", false, true}});
  for (const auto& g : r.groups) {
    groups.add({g.group, std::to_string(g.agents), std::to_string(g.placed),
                std::to_string(g.agents_used)});
  }
  out << '\n';
  groups.print(out, false, headers);
  if (!r.reasons.empty()) {
    out << "\nRejected agents by reason:\n";
    output::Table reasons({{"REASON"}, {"AGENTS", false, true}});
    for (const auto& [reason, n] : r.reasons) {
      reasons.add({reason, std::to_string(n)});
    }
    reasons.print(out, false, headers);
  }
  if (explain && !r.reasons.empty()) {
    out << "\nWhy each rejected agent was rejected:\n";
    output::Table t({{"NAME"}, {"REASON"}, {"DETAIL"}});
    for (const auto& rj : r.rejected) {
      if (!rj.verdict.fits && rj.verdict.reject) {
        t.add({rj.hostname, placement::reject_name(*rj.verdict.reject), rj.verdict.detail});
      }
    }
    t.print(out, false, headers);
  }
}

int run_stats_fit(const StatsFitOptions& opts, Context& ctx) {
  validate(opts);
  auto subject = load_subject(opts, ctx);
  auto in = gather_stats(ctx, {});
  print_warnings(ctx, in.warnings);
  apply_selector(in.cluster, opts.selector);
  const auto by = resolve_group_by(opts.by, in.cluster.agents, false);
  const auto request = with_existing(std::move(subject), ctx, in.cluster);
  const auto result = stats::simulate_fit(in.cluster, by, request);
  const auto format = ctx.format();
  if (format == output::Format::kJson || format == output::Format::kYaml) {
    print_document(ctx, stats::to_json(result, opts.explain));
  } else {
    std::ostringstream out;
    print_fit(out, result, opts.explain, !ctx.globals.no_headers);
    ctx.io.out << out.str();
  }
  return result.fits() ? 0 : 1;
}

}  // namespace

void register_stats_fit(CLI::App& stats, Context& ctx) {
  auto opts = std::make_shared<StatsFitOptions>();
  auto* cmd = stats.add_subcommand(
      "fit", "Simulate placing an app, job or task shape on the cluster as it is now");
  cmd->add_option("-f,--file", opts->app_file, "Marathon app definition (JSON; - for stdin)");
  cmd->add_option("--job", opts->job_file, "Chronos job (JSON or YAML; - for stdin)");
  cmd->add_option("--shape", opts->shape,
                  "Task shape cpus=1,mem=2048[,disk=N][,gpus=N][,ports=N][,role=R]");
  cmd->add_option("--instances", opts->instances,
                  "Instances wanted in total (default: the app's instances, else 1)");
  cmd->add_option("--by", opts->by, "Group the result by an agent attribute (default: dc-like)");
  cmd->add_option("-l,--selector", opts->selector, "Only agents whose attributes match");
  cmd->add_option("--role", opts->role, "The framework's Mesos role (Marathon's --mesos_role)")
      ->capture_default_str();
  cmd->add_flag("--explain", opts->explain, "Say why each rejected agent was rejected");
  set_examples(*cmd,
               "  qctl stats fit -f web.json                    # the app's own instance count\n"
               "  qctl stats fit -f web.json --instances 40 --explain\n"
               "  qctl stats fit --job nightly.yaml\n"
               "  qctl stats fit --shape cpus=2,mem=4096,ports=1 --instances 100 --by rack\n"
               "  qctl stats fit -f web.json && marathon-deploy web.json   # gate a release\n");
  cmd->callback(
      [opts, &ctx] { ctx.selected = [opts, &ctx] { return run_stats_fit(*opts, ctx); }; });
}

}  // namespace qctl::cmd
