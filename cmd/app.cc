#include "cmd/app.h"

#include <CLI/CLI.hpp>

#include <ostream>

#include "cmd/commands.h"
#include "core/error.h"
#include "core/output/printable.h"
#include "core/util/duration.h"
#include "core/version.h"

namespace qctl::cmd {

namespace {

void add_global_flags(CLI::App& app, GlobalOptions& g) {
  app.add_option("--context", g.context, "Context to use (default: the config's current context)");
  app.add_option("--config", g.config_path,
                 "Config file (default: $QCTL_CONFIG, else $XDG_CONFIG_HOME/qctl/config, else "
                 "~/.config/qctl/config)");
  app.add_option("-o,--output", g.output, "Output format: table|wide|json|yaml|name")
      ->check(CLI::IsMember({"table", "wide", "json", "yaml", "name"}));
  app.add_flag("--no-headers", g.no_headers, "Omit the header line of tables");
  app.add_option("--color", g.color, "Colour: auto|always|never (NO_COLOR is honoured)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("-v,--verbose", g.verbose, "Trace HTTP requests to stderr (secrets redacted)");
  app.add_option("--timeout", g.timeout,
                 "Timeout of each HTTP request, e.g. 10s, 1m (default 30s; qctl health: the "
                 "whole run)")
      ->check([](const std::string& text) {
        const auto d = util::parse_duration(text);
        return d && d->count() > 0 ? std::string() : "expected a duration such as 10s or 1m";
      });
}

/// The command word of argv (the first word that is neither a root option nor its value);
/// "" when there is none. Lets a parse error be reported the way that command reports errors.
std::string command_word(const CLI::App& app, int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "--") {
      return "";
    }
    if (word.empty() || word[0] != '-') {
      return word;
    }
    if (word.find('=') != std::string::npos) {
      continue;  // --timeout=5s
    }
    const auto* option = app.get_option_no_throw(word);
    if (option != nullptr && option->get_type_size() != 0) {
      ++i;  // its value
    }
  }
  return "";
}

int print_error(Streams& io, const Error& e) {
  // The line may quote a server's message: control characters are shown, not obeyed. Line
  // breaks stay (qctl's own lists of candidates, e.g. the tasks an ssh target matches).
  io.err << "qctl: " << output::printable_lines(e.line()) << '\n';
  if (!e.hint().empty()) {
    io.err << "hint: " << output::printable_lines(e.hint()) << '\n';
  }
  return static_cast<int>(e.code());
}

}  // namespace

void build_root(CLI::App& app, Context& ctx) {
  app.set_version_flag("--version", std::string("qctl ") + kVersion + " (" + kGitCommit + ")");
  app.fallthrough();  // global flags work after the subcommand too
  // At most one command per level, inherited by every command registered below. Without it
  // CLI11 reads a word in an optional positional slot as a command whenever it is a command
  // name: `qctl config set-context sandbox` ran `qctl sandbox`.
  app.require_subcommand(0, 1);
  add_global_flags(app, ctx.globals);
  register_status(app, ctx);
  register_job(app, ctx);
  register_queue(app, ctx);
  register_stats(app, ctx);
  register_config(app, ctx);
  register_health(app, ctx);
  register_unique(app, ctx);
  register_restart(app, ctx);
  register_sandbox(app, ctx);
  register_ssh(app, ctx);
  register_logs(app, ctx);
  register_events(app, ctx);
  register_version(app, ctx);
  register_completion(app, ctx);
  register_man(app, ctx);
  set_examples(app,
               "  qctl status                       # the cluster at a glance\n"
               "  qctl status agents -o wide        # every agent with attributes\n"
               "  qctl config set-context prod --mesos http://m1:5050,http://m2:5050\n");
}

void set_examples(CLI::App& app, const std::string& examples) {
  app.footer("\nExamples:\n" + examples);
}

int run_cli(int argc, const char* const* argv, Streams& io, const RunOptions& options) {
  SystemClock system_clock;
  Clock& clock = options.clock != nullptr ? *options.clock : system_clock;
  GlobalOptions globals;
  ClientFactory clients(globals, options.env ? options.env : config::process_env(), clock, io,
                        options.transport);
  Context ctx{io, globals, clients, clock, {}};

  CLI::App app{"qctl: one command-line tool for Mesos, Marathon and Chronos clusters", "qctl"};
  build_root(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    io.out << app.help();  // CLI11 delegates to the selected subcommand
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    io.out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    io.out << std::string("qctl ") + kVersion + " (" + kGitCommit + ")" << '\n';
    return 0;
  } catch (const CLI::ParseError& e) {
    std::string message = e.what();
    if (!message.empty() && message.back() == '\n') {
      message.pop_back();
    }
    if (command_word(app, argc, argv) == "health") {
      // A Nagios plugin's bad arguments are UNKNOWN (3), wherever the bad flag stands: 2
      // would page as CRITICAL (health takes its own copies of the flags after the word).
      io.out << "HEALTH UNKNOWN - " << message << '\n';
      io.err << "qctl: health: " << message << '\n';
      constexpr int kNagiosUnknown = 3;
      return kNagiosUnknown;
    }
    io.err << "qctl: " << message << '\n' << "hint: run 'qctl --help' for usage\n";
    return static_cast<int>(ExitCode::kUsage);
  }

  if (!ctx.selected) {
    io.out << app.help();
    return 0;
  }
  try {
    return ctx.selected();
  } catch (const Error& e) {
    io.out.flush();
    return print_error(io, e);
  } catch (const std::exception& e) {
    io.out.flush();
    io.err << "qctl: internal error: " << output::printable(e.what()) << '\n';
    return static_cast<int>(ExitCode::kApi);
  }
}

}  // namespace qctl::cmd
