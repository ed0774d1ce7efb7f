// `qctl job get NAME`: one Chronos job, whole (-o json|yaml) or its key fields (table).
#include <CLI/CLI.hpp>

#include "cmd/commands.h"
#include "cmd/job/job_cmds.h"
#include "cmd/list_output.h"
#include "core/chronos/client.h"
#include "core/chronos/decode.h"
#include "core/chronos/job_plan.h"
#include "core/chronos/queue_view.h"
#include "core/model/chronos_json.h"
#include "core/output/format.h"
#include "core/output/printable.h"
#include "core/util/strings.h"

namespace qctl::cmd {

namespace {

struct JobGetOptions {
  std::string name;
  bool export_definition = false;
};

std::string or_none(const std::string& s) { return s.empty() ? "<none>" : s; }

// The table view: one "KEY  VALUE" line per field an operator looks at first.
void print_fields(Context& ctx, const model::Job& job) {
  std::vector<std::string> args;
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"NAME", job.name},
      {"KIND", job.is_dependent() ? "dependent" : "scheduled"},
      {"SCHEDULE", job.is_dependent() ? "" : job.schedule},
      {"PARENTS", util::join(job.parents, ",")},
      {"COMMAND", job.command},
      {"ARGUMENTS", util::join(job.arguments, " ")},
      {"IMAGE", job.container ? job.container->image : ""},
      {"OWNER", job.owner},
      {"DESCRIPTION", job.description},
      {"PRIORITY", job.high_priority ? "high" : "normal"},
      {"DISABLED", job.disabled ? "yes" : "no"},
      {"CONCURRENT", job.concurrent ? "yes" : "no"},
      {"RETRIES", std::to_string(job.retries)},
      {"RESOURCES", util::format_number(job.cpus) + " cpus, " + util::format_number(job.mem) +
                        " MB mem, " + util::format_number(job.disk) + " MB disk"},
      {"LAST", chronos::last_state(job)},
      {"SUCCESS", std::to_string(job.success_count)},
      {"ERROR", std::to_string(job.error_count)},
      {"LAST SUCCESS", job.last_success},
      {"LAST ERROR", job.last_error},
  };
  std::size_t width = 0;
  for (const auto& f : fields) {
    width = std::max(width, f.first.size());
  }
  for (const auto& [key, value] : fields) {
    ctx.io.out << key << ":" << std::string(width - key.size() + 2, ' ')
               << output::printable(or_none(value)) << "\n";
  }
}

int run_job_get(const JobGetOptions& opts, Context& ctx) {
  // 3.x: GET job/{name} (Chronos' 400 for an unknown job -> exit 3); 2.x: from GET jobs.
  const auto job = chronos::find_job(ctx.clients.chronos(), opts.name);
  if (opts.export_definition) {
    // Chronos' own job JSON, which `job submit -f` takes back: YAML with -o yaml, else JSON.
    const auto body = chronos::job_definition(job, ctx.clients.chronos().is_v2());
    if (ctx.format() == output::Format::kYaml) {
      print_document(ctx, body);
    } else {
      output::print_json(ctx.io.out, body);
    }
    return 0;
  }
  switch (ctx.format()) {
    case output::Format::kJson:
    case output::Format::kYaml:
      print_document(ctx, model::to_json(job));
      break;
    case output::Format::kName:
      ctx.io.out << "job/" << output::printable(job.name) << "\n";
      break;
    case output::Format::kTable:
    case output::Format::kWide:
      print_fields(ctx, job);
      break;
  }
  return 0;
}

}  // namespace

void register_job_get(CLI::App& job, Context& ctx) {
  auto opts = std::make_shared<JobGetOptions>();
  auto* cmd = job.add_subcommand("get", "Print one Chronos job");
  cmd->add_option("NAME", opts->name, "Job name")->required();
  cmd->add_flag("--export", opts->export_definition,
                "Print the job as Chronos' job JSON without run statistics (YAML with -o yaml), "
                "for editing and `job submit -f`");
  set_examples(*cmd,
               "  qctl job get transcode-news              # key fields\n"
               "  qctl job get transcode-news -o json      # the whole job, qctl's schema\n"
               "  qctl job get transcode-news --export > transcode-news.json\n"
               "  qctl job submit -f transcode-news.json   # unchanged until the file is edited\n");
  cmd->callback([opts, &ctx] { ctx.selected = [opts, &ctx] { return run_job_get(*opts, ctx); }; });
}

}  // namespace qctl::cmd
