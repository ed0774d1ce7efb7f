// `qctl version`: qctl's version, git commit and the libraries it links.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <ostream>

#include "cmd/commands.h"
#include "core/http/curl_transport.h"
#include "core/output/format.h"
#include "core/ssh/session.h"
#include "core/stats/history/sqlite_util.h"
#include "core/version.h"

namespace qctl::cmd {

namespace {

#define QCTL_STRINGIFY_IMPL(x) #x
#define QCTL_STRINGIFY(x) QCTL_STRINGIFY_IMPL(x)

nlohmann::json version_json() {
  nlohmann::json libs = nlohmann::json::object();
  libs["curl"] = http::curl_version();
  libs["simdjson"] = QCTL_STRINGIFY(SIMDJSON_VERSION);
  libs["nlohmann_json"] = std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." +
                          std::to_string(NLOHMANN_JSON_VERSION_MINOR) + "." +
                          std::to_string(NLOHMANN_JSON_VERSION_PATCH);
  libs["cli11"] = CLI11_VERSION;
  libs["libssh"] = ssh::libssh_version();  // docs/ssh.md asks for 0.10.6 or later
  libs["sqlite"] = stats::history::sqlite_version();
  return {{"version", kVersion}, {"git_commit", kGitCommit}, {"libraries", libs}};
}

int run_version(Context& ctx) {
  const auto doc = version_json();
  switch (ctx.format()) {
    case output::Format::kJson:
      output::print_json(ctx.io.out, doc);
      break;
    case output::Format::kYaml:
      output::print_yaml(ctx.io.out, doc);
      break;
    default:
      ctx.io.out << "qctl " << kVersion << " (commit " << kGitCommit << ")\n";
      for (const auto& [name, v] : doc["libraries"].items()) {
        ctx.io.out << "  " << name << ": " << v.get<std::string>() << '\n';
      }
  }
  return 0;
}

}  // namespace

void register_version(CLI::App& parent, Context& ctx) {
  auto* cmd = parent.add_subcommand("version", "Print the version, git commit and linked libraries");
  set_examples(*cmd, "  qctl version\n  qctl version -o json\n");
  cmd->callback([&ctx] { ctx.selected = [&ctx] { return run_version(ctx); }; });
}

}  // namespace qctl::cmd
