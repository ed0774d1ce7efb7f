// Loading what `qctl stats fit` places: a Marathon app file or a Chronos job file.
#pragma once

#include <iosfwd>
#include <string>

#include "core/model/chronos.h"
#include "core/model/marathon.h"

namespace qctl::cmd {

/// Reads a Marathon app definition (JSON, as POST /v2/apps takes it; "-" = `in`) with
/// Marathon's defaults (cpus 1, mem 128, one host port for host networking). Throws
/// UsageError naming the file and the field for anything that is not a valid app.
[[nodiscard]] model::App load_app_file(const std::string& path, std::istream& in);

/// Reads one Chronos job (JSON or YAML, as `qctl job submit` takes it). Throws UsageError.
[[nodiscard]] model::Job load_job_file(const std::string& path, std::istream& in);

}  // namespace qctl::cmd
