// The `qctl job` verbs: each registers itself under the `job` noun.
#pragma once

#include <CLI/CLI.hpp>

#include "cmd/context.h"

namespace qctl::cmd {

void register_job_submit(CLI::App& job, Context& ctx);
void register_job_run(CLI::App& job, Context& ctx);
void register_job_list(CLI::App& job, Context& ctx);
void register_job_get(CLI::App& job, Context& ctx);
void register_job_delete(CLI::App& job, Context& ctx);
void register_job_kill(CLI::App& job, Context& ctx);
void register_job_status(CLI::App& job, Context& ctx);
void register_job_stats(CLI::App& job, Context& ctx);

}  // namespace qctl::cmd
