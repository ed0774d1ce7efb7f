// `qctl health [CHECK…]`: Nagios plugin checks of Mesos, agents, Marathon, Chronos and the
// agents' Docker daemons, with the exit codes monitoring systems understand (0/1/2/3).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <chrono>
#include <ostream>

#include "cmd/commands.h"
#include "cmd/health/health_cmd.h"
#include "core/error.h"
#include "core/health/run.h"
#include "core/output/format.h"
#include "core/util/duration.h"

namespace qctl::cmd {

namespace {

constexpr int kUnknown = static_cast<int>(health::Status::kUnknown);

/// Bad arguments are UNKNOWN (3), as Nagios plugins report them, never qctl's usual 2, which
/// a monitoring system would read as CRITICAL. A status line still goes to stdout.
int unknown(Context& ctx, const std::string& message, const std::string& hint = {}) {
  ctx.io.out << "HEALTH UNKNOWN - " << message << '\n';
  ctx.io.err << "qctl: health: " << message << '\n';
  if (!hint.empty()) {
    ctx.io.err << "hint: " << hint << '\n';
  }
  return kUnknown;
}

/// The -o given on the command line (a context's default output is ignored: a Nagios
/// command definition must get plugin text whatever the context says).
std::string output_format(const Context& ctx) {
  const auto& o = ctx.globals.output;
  if (o.empty() || o == "table" || o == "wide") {
    return "text";
  }
  if (o == "json" || o == "yaml") {
    return o;
  }
  throw UsageError("-o " + o + ": qctl health prints Nagios text, json or yaml");
}

std::chrono::milliseconds total_timeout(const Context& ctx) {
  const auto d = util::parse_duration(ctx.globals.timeout);
  if (!d || d->count() <= 0) {
    throw UsageError("--timeout '" + ctx.globals.timeout + "' is not a duration (e.g. 10s)");
  }
  return *d;
}

health::Thresholds thresholds(const HealthOptions& o) {
  health::Thresholds t;
  for (const auto& w : o.warning) {
    if (auto error = t.set(false, w); !error.empty()) {
      throw UsageError(error);
    }
  }
  for (const auto& c : o.critical) {
    if (auto error = t.set(true, c); !error.empty()) {
      throw UsageError(error);
    }
  }
  return t;
}

void print(Context& ctx, const std::string& format, const health::Report& report) {
  if (format == "json") {
    output::print_json(ctx.io.out, health::to_json(report));
  } else if (format == "yaml") {
    output::print_yaml(ctx.io.out, health::to_json(report));
  } else {
    ctx.io.out << health::render_text(report);
  }
}

std::chrono::milliseconds docker_timeout(const std::string& text) {
  const auto d = util::parse_duration(text);
  if (!d || d->count() <= 0) {
    throw UsageError("--docker-timeout '" + text + "' is not a duration (e.g. 5s)");
  }
  return *d;
}

std::size_t docker_workers(const std::string& p) {
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), n);
  if (ec != std::errc() || end != p.data() + p.size() || n < 1) {
    throw UsageError("--docker-parallel '" + p + "' is not a number of at least 1");
  }
  return n;
}

/// Throws UsageError for anything a user typed wrong.
HealthRun validate(const HealthOptions& o, const std::vector<std::string>& unparsed,
                   const Context& ctx) {
  if (!unparsed.empty()) {
    throw UsageError("unknown argument '" + unparsed.front() + "'",
                     "run 'qctl health --help' for usage");
  }
  HealthRun v;
  v.format = output_format(ctx);
  v.timeout = total_timeout(ctx);
  v.thresholds = thresholds(o);
  v.checks = selected_checks(o);
  v.explicit_choice =
      !o.checks.empty() && std::find(o.checks.begin(), o.checks.end(), "all") == o.checks.end();
  v.docker_timeout = docker_timeout(o.docker_timeout);
  v.docker_workers = docker_workers(o.docker_parallel);
  return v;
}

int run_health(const HealthOptions& o, const std::vector<std::string>& unparsed, Context& ctx) {
  try {
    const auto v = validate(o, unparsed, ctx);
    // Leave a little of the budget for printing, so the answer comes before the caller's
    // own timeout (Nagios kills a plugin that overruns).
    const auto margin = std::min(v.timeout / 10, std::chrono::milliseconds(1000));
    http::DeadlineTransport deadline(ctx.clients.transport(),
                                     std::chrono::steady_clock::now() + v.timeout - margin,
                                     "the --timeout of qctl health was reached");
    auto plan = plan_checks(v, deadline, ctx);
    if (plan->tasks.empty()) {
      throw ConfigError("context '" + ctx.clients.context().name + "'",
                        "no service to check is configured");
    }
    const auto report = health::run_checks(plan->tasks, deadline, ctx.globals.timeout);
    print(ctx, v.format, report);
    return static_cast<int>(report.status());
  } catch (const Error& e) {
    return unknown(ctx, e.line(), e.hint());
  } catch (const std::exception& e) {
    return unknown(ctx, std::string("internal error: ") + e.what());
  }
}

// The global flags once more on `health` itself: it does not fall through to the root, so
// that an unknown flag reaches run_health (UNKNOWN, 3) instead of CLI11's usage error (2).
void add_global_copies(CLI::App& cmd, GlobalOptions& g) {
  cmd.add_option("--context", g.context, "Context to use");
  cmd.add_option("--config", g.config_path, "Config file");
  cmd.add_option("-o,--output", g.output, "Output: table (Nagios plugin text, default)|json|yaml");
  cmd.add_flag("--no-headers", g.no_headers, "Accepted for symmetry; the text has no headers");
  cmd.add_option("--color", g.color, "Accepted for symmetry; the text has no colour");
  cmd.add_flag("-v,--verbose", g.verbose, "Trace HTTP requests to stderr (secrets redacted)");
  cmd.add_option("--timeout", g.timeout,
                 "Bound for the whole run, every check included (default 30s); a check that "
                 "cannot finish in time is UNKNOWN");
}

}  // namespace

void register_health(CLI::App& parent, Context& ctx) {
  auto o = std::make_shared<HealthOptions>();
  auto* cmd = parent.add_subcommand(
      "health",
      "Check the cluster like a Nagios plugin: exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN");
  cmd->fallthrough(false);
  cmd->allow_extras();
  cmd->add_option("CHECK", o->checks, "mesos, agents, marathon, chronos, docker or all (default)");
  cmd->add_option("-w,--warning", o->warning,
                  "METRIC=RANGE: warning threshold in Nagios range syntax (repeatable)");
  cmd->add_option("-c,--critical", o->critical,
                  "METRIC=RANGE: critical threshold in Nagios range syntax (repeatable)");
  cmd->add_option("--docker-timeout", o->docker_timeout,
                  "docker check: how long each agent gets for SSH and `docker info` (default 10s)");
  cmd->add_option("--docker-parallel", o->docker_parallel,
                  "docker check: agents asked at once (default 8)");
  add_global_copies(*cmd, ctx.globals);
  std::string metrics = "\nMetrics (perfdata labels; default warning / critical ranges):\n";
  for (const auto& m : health::metric_defs()) {
    metrics += std::string("  ") + m.name +
               (m.uom[0] != '\0' ? std::string(" [") + m.uom + "]" : "") + "  " +
               (m.warning[0] != '\0' ? m.warning : "-") + " / " +
               (m.critical[0] != '\0' ? m.critical : "-") + "  " + m.meaning + "\n";
  }
  set_examples(*cmd,
               "  qctl health                                # every configured check\n"
               "  qctl health mesos agents --timeout 10s\n"
               "  qctl health agents -w agents_active_pct=95: -c agents_active_pct=80:\n"
               "  qctl health marathon -w marathon_deployment_age=300 -o json\n" +
                   metrics);
  cmd->callback([o, cmd, &ctx] {
    ctx.selected = [o, cmd, &ctx] { return run_health(*o, cmd->remaining(), ctx); };
  });
}

}  // namespace qctl::cmd
