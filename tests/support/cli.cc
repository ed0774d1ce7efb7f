#include "tests/support/cli.h"

#include <sstream>

#include "cmd/app.h"

namespace qctl::testing {

CliOutcome run_cli_in_process(const std::vector<std::string>& args,
                              std::map<std::string, std::string> env, Clock* clock,
                              http::Transport* transport) {
  std::vector<const char*> argv{"qctl"};
  for (const auto& a : args) {
    argv.push_back(a.c_str());
  }
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  cmd::Streams io{in, out, err};
  cmd::RunOptions options;
  options.env = [vars = std::move(env)](const std::string& name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  options.clock = clock;
  options.transport = transport;
  CliOutcome o;
  o.code = cmd::run_cli(static_cast<int>(argv.size()), argv.data(), io, options);
  o.out = out.str();
  o.err = err.str();
  return o;
}

}  // namespace qctl::testing
