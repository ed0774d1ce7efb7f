// The facts every qctl man page states: exit codes, environment variables and files.
#pragma once

#include <string>
#include <vector>

#include "core/man/roff.h"

namespace qctl::man {

/// One row of a reference table: "3" and what it means, or a variable and its use.
struct Entry {
  std::string term;
  std::string text;
};

/// The README's "Exit codes" table, row for row (without its markdown backquotes).
const std::vector<Entry>& exit_codes();

/// EXIT STATUS: every exit code, then how errors are printed.
Section exit_status_section();

/// ENVIRONMENT: QCTL_*, XDG_*, NO_COLOR, the proxy variables and HOME.
Section environment_section();

/// FILES: the config file and the completion cache.
Section files_section();

}  // namespace qctl::man
