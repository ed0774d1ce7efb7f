// Human units for table cells: MB as MiB/GiB/TiB, percentages.
#pragma once

#include <string>

namespace qctl::output {

/// Mesos reports mem/disk in MB (MiB): 512 -> "512Mi", 2048 -> "2Gi", 1.5e6 -> "1.4Ti".
[[nodiscard]] std::string format_mb(double mb);
/// used/total as "30%"; "-" when total is 0.
[[nodiscard]] std::string format_percent(double used, double total);

}  // namespace qctl::output
