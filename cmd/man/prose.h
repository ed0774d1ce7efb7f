// Man-page prose that CLI11's one-line descriptions cannot hold: a few paragraphs per command.
#pragma once

#include <map>
#include <string_view>
#include <vector>

namespace qctl::cmd::man_pages {

/// The date in every page's header. Bump it with the version when the pages change.
inline constexpr std::string_view kDate = "2026-11-21";

/// The description paragraphs for a command path such as "qctl", "qctl status" or
/// "qctl status agents"; empty when there is nothing beyond the one-line description.
const std::vector<std::string_view>& prose_for(std::string_view command_path);

/// The prose of the operations commands (stats, unique, health, restart, ssh, logs, events),
/// kept in prose_ops.cc; prose_for() looks there too.
const std::map<std::string_view, std::vector<std::string_view>>& ops_prose();

}  // namespace qctl::cmd::man_pages
