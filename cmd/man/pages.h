// The man pages of qctl, generated from the same CLI11 command tree that --help prints.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace qctl::cmd::man_pages {

struct GeneratedPage {
  std::string file;  // "qctl.1", "qctl-status.1"
  std::string text;  // man(7) source
};

/// qctl.1 for `root` and one qctl-<command>.1 per visible top-level command, in help order.
/// Pure: the same tree always gives the same bytes.
std::vector<GeneratedPage> generate_pages(const CLI::App& root);

}  // namespace qctl::cmd::man_pages
