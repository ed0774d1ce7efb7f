// How a stats Report is written: a table with activity lines, a terminal chart, JSON, CSV,
// Graphite plaintext and the Prometheus text format (node_exporter's textfile collector).
#pragma once

#include <iosfwd>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "core/stats/history/report.h"

namespace qctl::stats::history {

/// "2026-11-20 14:03 UTC".
[[nodiscard]] std::string format_time(double epoch_seconds);
/// A window length as typed: 604800 -> "7d", 5400 -> "1h30m".
[[nodiscard]] std::string format_window(double seconds);

/// The summary line, the NAME/RESOURCE table (ALLOCATED/TOTAL/AGENTS when wide) and the
/// task activity lines.
void print_table(std::ostream& out, const Report& report, bool wide, bool headers);

/// One sparkline per group for cpus and mem (needs chart series); ANSI colours by level when
/// `color`. Groups whose names are wider than `name_width` are not cut.
void print_chart(std::ostream& out, const Report& report, bool color);

/// The `-o json` document (README "stats report JSON").
[[nodiscard]] nlohmann::json to_json(const Report& report);

/// One row per group and resource with samples: name,resource,avg_percent,peak_percent,
/// peak_at,now_percent,allocated,total,samples.
void print_csv(std::ostream& out, const Report& report, bool headers);

/// Graphite plaintext lines "<prefix>.<context>.<by>.<group>.<resource>.<metric> value ts",
/// stamped with the window's end.
void print_graphite(std::ostream& out, const Report& report, const std::string& prefix);

/// Prometheus text exposition format, no timestamps (the textfile collector refuses them).
void print_prometheus(std::ostream& out, const Report& report);

}  // namespace qctl::stats::history
