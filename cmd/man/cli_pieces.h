// Reads a CLI11 command definition into man-page pieces: synopsis, option items, examples.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "core/man/roff.h"

namespace qctl::cmd::man_pages {

/// "qctl status agents": the names from the root down to `app`.
std::string command_path(const CLI::App& app);

/// The subcommands users see (hidden ones, with an empty group, left out), in help order.
std::vector<const CLI::App*> visible_subcommands(const CLI::App& app);

/// Every visible command below `app`, depth first, in help order.
std::vector<const CLI::App*> descendants(const CLI::App& app);

/// "[NAME]", "NAME" or "NAME..." for each positional, as spans after a command name.
man::Inline positionals_synopsis(const CLI::App& app);

/// "qctl status agents [OPTIONS] [NAME]" with the path in bold.
man::Inline synopsis_line(const CLI::App& app);

/// One .TP item per positional, then per option or flag: names in bold, the value's type in
/// italic, the description. Hidden options are left out, and the help flag unless `with_help`.
std::vector<man::Item> option_items(const CLI::App& app, bool with_help);

/// The lines of the command's "Examples:" footer, one entry per example (a line and its
/// backslash continuations), without the footer's indentation.
std::vector<std::vector<std::string>> examples(const CLI::App& app);

}  // namespace qctl::cmd::man_pages
