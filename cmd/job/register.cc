// `qctl job`: Chronos batch jobs.
#include "cmd/commands.h"
#include "cmd/job/job_cmds.h"

namespace qctl::cmd {

void register_job(CLI::App& parent, Context& ctx) {
  auto* job = parent.add_subcommand("job", "Submit, run, inspect and delete Chronos batch jobs");
  register_job_submit(*job, ctx);
  register_job_run(*job, ctx);
  register_job_list(*job, ctx);
  register_job_get(*job, ctx);
  register_job_status(*job, ctx);
  register_job_stats(*job, ctx);
  register_job_kill(*job, ctx);
  register_job_delete(*job, ctx);
  set_examples(*job,
               "  qctl job submit -f jobs/ --parallel 8       # every job file in a directory\n"
               "  qctl job run transcode-news --priority high --wait\n"
               "  qctl job status                             # state, last and next run\n");
  help_when_alone(*job, ctx);
}

}  // namespace qctl::cmd
