// `qctl __man DIR` (hidden): writes the man pages generated from the command tree into DIR.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>

#include "cmd/commands.h"
#include "cmd/man/pages.h"
#include "core/error.h"

namespace qctl::cmd {

namespace {

struct ManOptions {
  std::string dir;
};

int run_man(const ManOptions& opts, const CLI::App& root, Context& ctx) {
  std::error_code ec;
  std::filesystem::create_directories(opts.dir, ec);
  if (ec) {
    throw Error(ExitCode::kUsage, "man", "cannot create " + opts.dir + ": " + ec.message());
  }
  for (const auto& page : man_pages::generate_pages(root)) {
    const auto path = (std::filesystem::path(opts.dir) / page.file).string();
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << page.text;
    file.close();
    if (!file) {
      throw Error(ExitCode::kUsage, "man", "cannot write " + path);
    }
    ctx.io.out << path << '\n';
  }
  return 0;
}

}  // namespace

void register_man(CLI::App& parent, Context& ctx) {
  auto opts = std::make_shared<ManOptions>();
  auto* cmd = parent.add_subcommand("__man", "Write the man pages of every command into DIR");
  cmd->group("");  // hidden: `make man` and the tests run it, users read the result
  cmd->add_option("DIR", opts->dir, "Directory for qctl.1 and qctl-<command>.1")->required();
  set_examples(*cmd, "  qctl __man man    # what make man runs\n");
  // `parent` is the root: complete by the time the callback runs, so every command is there.
  cmd->callback([opts, &parent, &ctx] {
    ctx.selected = [opts, &parent, &ctx] { return run_man(*opts, parent, ctx); };
  });
}

}  // namespace qctl::cmd
