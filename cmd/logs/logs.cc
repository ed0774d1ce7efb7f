// `qctl logs TARGET [FILE]`: a task's sandbox files through the agent's /files/read, whole,
// as a tail, or followed across restarts, replacements and lost agents.
#include <CLI/CLI.hpp>

#include <ostream>

#include "cmd/commands.h"
#include "core/error.h"
#include "core/logs/files.h"
#include "core/logs/follow.h"
#include "core/logs/session.h"
#include "core/logs/sources.h"
#include "core/mesos/agent_client.h"
#include "core/mesos/master_client.h"
#include "core/util/duration.h"
#include "core/util/strings.h"

namespace qctl::cmd {

namespace {

struct LogsOptions {
  std::string target;
  std::string file;  // "" = stdout
  bool follow = false;
  std::string tail;   // "" = whole file
  std::string since;  // "" = no limit
  bool stderr_only = false;
  bool all = false;
  bool previous = false;
};

void validate(const LogsOptions& o) {
  if (o.target.empty()) {
    throw UsageError("TARGET must not be empty", "qctl logs /web");
  }
  if (!o.file.empty()) {
    if (o.file.front() == '/' || o.file.back() == '/' ||
        o.file.find("//") != std::string::npos) {
      throw UsageError("FILE must be a path inside the task's sandbox, like logs/app.log");
    }
    for (const auto& part : util::split(o.file, '/')) {
      if (part == ".." || part == ".") {
        throw UsageError("FILE must not contain '.' or '..' segments");
      }
    }
    if (o.stderr_only || o.all) {
      throw UsageError("FILE cannot be combined with --stderr or --all");
    }
  }
  if (o.stderr_only && o.all) {
    throw UsageError("--stderr and --all cannot be combined");
  }
  if (o.previous && o.follow) {
    throw UsageError("--previous reads a finished task, which cannot be followed",
                     "qctl logs TARGET -f follows the running ones");
  }
  if (!o.tail.empty() && (o.tail.find_first_not_of("0123456789") != std::string::npos ||
                          o.tail.size() > 12)) {
    throw UsageError("--tail must be a whole number of lines >= 0, not \"" + o.tail + "\"");
  }
  if (!o.since.empty() && !util::parse_duration(o.since)) {
    throw UsageError("--since must be a duration like 30s, 5m or 2h, not \"" + o.since + "\"");
  }
}

logs::FileSpec file_spec(const LogsOptions& o) {
  logs::FileSpec spec;
  if (o.all) {
    spec.files = {"stdout", "stderr"};
    spec.label_files = true;
  } else if (o.stderr_only) {
    spec.files = {"stderr"};
  } else if (!o.file.empty()) {
    spec.files = {o.file};
  }
  return spec;
}

int run_logs(const LogsOptions& o, Context& ctx) {
  validate(o);
  auto& master = ctx.clients.mesos();
  auto& agents = ctx.clients.agents();
  logs::AgentFileReader reader(agents);
  const auto spec = file_spec(o);
  target::MatchKind kind = target::MatchKind::kNone;
  std::vector<logs::TaskSandbox> tasks;
  if (o.previous) {
    tasks.push_back(logs::select_previous(o.target, master, agents));
    ctx.io.err << "qctl: task " << tasks.back().task.task_id << " (" << tasks.back().task.state
               << ")\n";
  } else {
    tasks = logs::select_running(o.target, master, agents, &kind);
  }
  const auto notice = [&ctx](const std::string& line) {
    ctx.io.err << "qctl: " << line << '\n';
    ctx.io.err.flush();
  };
  logs::ReadOptions read;
  read.tail = o.tail.empty() ? -1 : std::stoll(o.tail);
  read.follow = o.follow;
  if (!o.since.empty()) {
    read.since = ctx.clock.now() - std::chrono::duration<double>(*util::parse_duration(o.since)).count();
  }
  logs::LogWriter writer(ctx.io.out);
  auto report = logs::read_initial(reader, logs::make_sources(tasks, spec), read, writer, notice);
  std::vector<std::string> failed = report.failed;
  if (o.follow && writer.ok()) {
    logs::TargetWatch watch(o.target, kind, master, agents, spec, tasks);
    logs::Follower follower(reader, ctx.clock, writer, {});
    auto result = follower.run(
        std::move(report.sources),
        [&watch](const std::vector<logs::Source>& current) { return watch.refresh(current); },
        notice);
    failed.insert(failed.end(), result.lost.begin(), result.lost.end());
  }
  if (!failed.empty() && failed.size() >= tasks.size() && !o.follow) {
    throw NetworkError(o.target, "no agent of its tasks answered");
  }
  if (!failed.empty()) {
    throw PartialError(o.target, "the logs of " + std::to_string(failed.size()) +
                                     " task(s) could not be read (agent not answering)");
  }
  return 0;
}

}  // namespace

void register_logs(CLI::App& parent, Context& ctx) {
  auto o = std::make_shared<LogsOptions>();
  auto* cmd = parent.add_subcommand(
      "logs", "Print or follow a task's stdout, stderr or other sandbox file");
  cmd->add_option("TARGET", o->target,
                  "Marathon app id, Chronos job name, or Mesos task id / prefix / glob")
      ->required();
  cmd->add_option("FILE", o->file, "File in the task's sandbox (default: stdout)");
  cmd->add_flag("-f,--follow", o->follow,
                "Keep printing new output; follows every task of an app, and replacements");
  cmd->add_option("--tail", o->tail, "Only the last N lines (read from the end of the file)");
  cmd->add_option("--since", o->since,
                  "Only files written to within this long (30s, 5m, 2h); Mesos keeps no line times");
  cmd->add_flag("--stderr", o->stderr_only, "Read stderr instead of stdout");
  cmd->add_flag("--all", o->all, "Read stdout and stderr, each line labelled");
  cmd->add_flag("--previous", o->previous,
                "Read the most recently finished task of the app or job (why did it crash?)");
  set_examples(*cmd,
               "  qctl logs /web                     # stdout of the app's task(s)\n"
               "  qctl logs /web -f --tail 20        # last 20 lines, then follow\n"
               "  qctl logs nightly-report --previous --stderr\n"
               "  qctl logs 'web.instance-*' --all\n"
               "  qctl logs /web logs/access.log --tail 100\n");
  cmd->callback([o, &ctx] { ctx.selected = [o, &ctx] { return run_logs(*o, ctx); }; });
}

}  // namespace qctl::cmd
