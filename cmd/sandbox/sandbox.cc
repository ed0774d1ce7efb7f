// `qctl sandbox`: runs an embedded Mesos + Marathon + Chronos cluster in the foreground.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <csignal>
#include <ostream>
#include <pthread.h>

#include "cmd/commands.h"
#include "cmd/sandbox/sandbox_cmd.h"
#include "core/error.h"
#include "core/output/format.h"

namespace qctl::cmd {

namespace {

void print_human(const SandboxCmdOptions& o, const sandbox::SandboxOptions& so,
                 const sandbox::Endpoints& e, Streams& io) {
  io.out << "qctl sandbox: " << so.cluster.agents.size() << " agents, " << so.cluster.masters
         << (so.cluster.masters == 1 ? " master" : " masters") << ", Marathon, Chronos ("
         << (so.simulate ? "simulated tasks" : "real processes") << ")\n";
  for (std::size_t i = 0; i < e.masters.size(); ++i) {
    io.out << "  mesos     " << e.masters[i] << (i == 0 ? "  (leader)" : "") << '\n';
  }
  io.out << "  marathon  " << e.marathon << '\n'
         << "  chronos   " << e.chronos << "  (" << e.chronos_prefix << ")\n";
  for (std::size_t i = 0; i < e.agents.size() && i < 5; ++i) {
    io.out << "  agent     " << e.agents[i].second << "  " << e.agents[i].first << '\n';
  }
  if (e.agents.size() > 5) {
    io.out << "  …         " << e.agents.size() - 5 << " more agents\n";
  }
  io.out << "  admin     " << e.admin << "/\n"
         << "  work dir  " << e.work_dir << '\n';
  if (!o.no_context) {
    io.out << "Context \"" << o.write_context << "\" written: qctl --context " << o.write_context
           << " status\n";
  }
  io.out << "Press Ctrl-C to stop.\n";
}

int run_sandbox(const SandboxCmdOptions& o, Context& ctx) {
  sandbox::SandboxOptions so = sandbox_options(o);
  // Block the stop signals before any thread starts, so every thread inherits the mask
  // and the main thread alone takes them with sigwait.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  sandbox::Sandbox cluster(so);
  try {
    cluster.start();
  } catch (const std::invalid_argument& e) {
    throw ConfigError("sandbox", e.what());
  } catch (const std::runtime_error& e) {
    throw ApiError("sandbox", e.what());
  }
  if (!o.no_context) {
    write_sandbox_context(o, cluster.endpoints(), ctx);
  }
  if (o.print_endpoints) {
    ctx.io.out << sandbox::to_json(cluster.endpoints()).dump() << std::endl;
  } else {
    print_human(o, so, cluster.endpoints(), ctx.io);
    ctx.io.out.flush();
  }
  int sig = 0;
  sigwait(&stop_signals, &sig);
  ctx.io.err << "qctl sandbox: stopping (" << (sig == SIGINT ? "interrupt" : "terminate")
             << "): killing tasks and closing servers\n";
  cluster.stop();
  pthread_sigmask(SIG_UNBLOCK, &stop_signals, nullptr);
  return 0;
}

void bind(CLI::App& cmd, SandboxCmdOptions& o) {
  auto shape = [&o](CLI::Option* opt) { return opt->each([&o](const std::string&) { o.shape_flags = true; }); };
  shape(cmd.add_option("--agents", o.agents, "Number of agents (default 3)"));
  shape(cmd.add_option("--masters", o.masters, "Number of Mesos masters; the first leads"));
  shape(cmd.add_option("--attributes", o.attributes,
                       "Agent attributes, e.g. dc=bj1,rack=r1; repeat to cycle over agents")
            ->type_name("K=V,..."));
  shape(cmd.add_option("--resources", o.resources,
                       "Agent resources (default cpus=8,mem=16384,disk=65536,ports=[31000-32000])")
            ->type_name("R=V,..."));
  cmd.add_option("--cluster", o.cluster_file,
                 "Cluster file (YAML or JSON): agents, reservations, apps, jobs")
      ->type_name("FILE");
  cmd.add_option("--port-base", o.port_base,
                 "First port (masters, Marathon, Chronos, agents in turn); 0 = any free port; "
                 "default: 5050, 8080, 4400, 5051")
      ->type_name("PORT");
  cmd.add_flag("--simulate", o.simulate, "Simulate tasks instead of running processes (scale)");
  cmd.add_option("--tasks", o.tasks, "With --simulate: running tasks to start with")->type_name("N");
  cmd.add_option("--chronos-api", o.chronos_api, "Chronos 3.x (/v1/scheduler) or 2 (/scheduler, Chronos 2.5's behaviour)")
      ->check(CLI::IsMember({2, 3}));
  cmd.add_flag("--chronos-history", o.chronos_history,
               "Chronos keeps a run history for job/stat, as with Cassandra (default: none, "
               "as a Chronos without --cassandra_contact_points)");
  auto* write = cmd.add_option("--write-context", o.write_context,
                               "Context to write (default sandbox)")
                    ->type_name("NAME");
  cmd.add_flag("--no-write-context", o.no_context, "Do not touch the config file")->excludes(write);
  cmd.add_flag("--print-endpoints", o.print_endpoints, "Print the endpoints as one JSON line");
  cmd.add_option("--work-dir", o.work_dir, "Agents' work directory (default: a temporary one)")
      ->type_name("DIR");
  cmd.add_option("--isolation", o.isolation, "Task namespaces: auto, namespaces or none")
      ->check(CLI::IsMember({"auto", "namespaces", "none"}));
  cmd.add_flag("--tls", o.tls, "Serve HTTPS with a generated self-signed certificate");
  cmd.add_option("--auth-user", o.auth_user, "Require HTTP basic auth with this user")
      ->type_name("USER");
  cmd.add_option("--auth-password-file", o.auth_password_file,
                 "File whose first line is the password")
      ->type_name("FILE");
  cmd.add_option("--fault", o.faults,
                 "Inject faults: SERVICE:latency=D,errors=RATE,drop=RATE,hang (repeatable)")
      ->type_name("SERVICE:SPEC");
  cmd.add_option("--seed", o.seed, "Seed for generated ids (reproducible runs)")->type_name("N");
  cmd.add_option("--heartbeat", o.heartbeat, "Marathon event stream heartbeat (default 10s)")
      ->type_name("DURATION");
}

}  // namespace

void register_sandbox(CLI::App& parent, Context& ctx) {
  auto opts = std::make_shared<SandboxCmdOptions>();
  auto* cmd = parent.add_subcommand(
      "sandbox", "Run a local Mesos, Marathon and Chronos cluster until interrupted");
  bind(*cmd, *opts);
  set_examples(*cmd,
               "  qctl sandbox                                   # 3 agents on the real ports\n"
               "  qctl sandbox --agents 4 --attributes dc=bj1 --attributes dc=sh1\n"
               "  qctl sandbox --cluster examples/sandbox/demo.yaml --port-base 0\n"
               "  qctl sandbox --simulate --agents 10000 --tasks 200000 --port-base 0\n");
  cmd->callback([opts, &ctx] { ctx.selected = [opts, &ctx] { return run_sandbox(*opts, ctx); }; });
}

}  // namespace qctl::cmd
