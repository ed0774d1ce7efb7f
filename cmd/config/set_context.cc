// `qctl config set-context NAME [flags]`: creates or modifies a context in the config file.
#include <charconv>
#include <memory>
#include <ostream>

#include "cmd/commands.h"
#include "cmd/config/config_cmds.h"
#include "core/config/edit.h"
#include "core/error.h"
#include "core/output/format.h"
#include "core/util/strings.h"

namespace qctl::cmd {

namespace {

struct ConfigSetContextOptions {
  std::string name;
  bool current = false;  // modify the current context (kubectl's --current)
  bool dry_run = false;
  config::ContextEdit edit;
  std::string secret_flag;  // "--password"/"--token" when someone tried to pass a secret
};

void validate_urls(const char* flag, const std::optional<std::vector<std::string>>& urls) {
  for (const auto& url : urls.value_or(std::vector<std::string>{})) {
    if (util::trim(url).empty()) {
      continue;
    }
    if (auto problem = config::check_service_url(url)) {
      throw UsageError(std::string("invalid ") + flag + " URL '" + problem->shown + "'",
                       problem->hint);
    }
  }
}

bool given(const std::optional<std::string>& value) { return value && !value->empty(); }

void validate(const ConfigSetContextOptions& o) {
  if (!o.secret_flag.empty()) {
    throw UsageError(
        "secrets are not accepted on the command line (" + o.secret_flag + ")",
        "point to them with " + o.secret_flag + "-file FILE or " + o.secret_flag + "-env VARIABLE");
  }
  if (o.current && !o.name.empty()) {
    throw UsageError("give a context NAME or --current, not both");
  }
  if (!o.current && o.name.empty()) {
    throw UsageError("set-context needs a context NAME (or --current)");
  }
  if (o.name == config::kEnvContextName) {
    throw UsageError(std::string("'") + config::kEnvContextName + "' is reserved");
  }
  validate_urls("--mesos", o.edit.mesos);
  validate_urls("--marathon", o.edit.marathon);
  validate_urls("--chronos", o.edit.chronos);
  const auto& e = o.edit;
  if (given(e.output) && !output::parse_format(*e.output)) {
    throw UsageError("invalid --output '" + *e.output + "'", "use table, wide, json, yaml or name");
  }
  if (given(e.password_file) && given(e.password_env)) {
    throw UsageError("use --password-file or --password-env, not both");
  }
  if (given(e.token_file) && given(e.token_env)) {
    throw UsageError("use --token-file or --token-env, not both");
  }
  if ((given(e.password_file) || given(e.password_env)) &&
      (given(e.token_file) || given(e.token_env))) {
    throw UsageError("use a password or a token, not both");
  }
}

int run_config_set_context(const ConfigSetContextOptions& o, Context& ctx) {
  validate(o);
  auto& cfg = o.dry_run ? ctx.clients.config() : ctx.clients.config_for_edit();
  auto next = cfg;
  const auto name = o.current
                        ? config::selected_context_name(cfg, ctx.globals.context, ctx.clients.env())
                        : o.name;
  if (name.empty()) {
    throw ConfigError("config", "current-context is not set", "name the context to set");
  }
  auto* existing = o.current ? &require_context(next, name) : next.find(name);
  const bool created = existing == nullptr;
  if (created) {
    next.contexts.push_back(config::ContextConfig{});
    existing = &next.contexts.back();
    existing->name = name;
  }
  if (auto problem = config::apply_edit(*existing, o.edit)) {
    throw UsageError("context '" + name + "': " + *problem);
  }
  // The first context is the one to use: no separate use-context needed.
  const bool switched = next.current_context.empty();
  if (switched) {
    next.current_context = name;
  }
  if (!o.dry_run) {
    config::save(next);
    cfg = next;
  }
  const char* suffix = o.dry_run ? " (dry run)" : "";
  ctx.io.out << "Context \"" << name << "\" " << (created ? "created" : "modified") << suffix
             << ".\n";
  if (switched) {
    ctx.io.out << "Switched to context \"" << name << "\"" << suffix << ".\n";
  }
  return 0;
}

/// A string flag that records its value (an empty value clears the setting).
CLI::Option* text(CLI::App& cmd, const std::string& flag, std::optional<std::string>& field,
                  const std::string& help, const std::string& type = "TEXT") {
  return cmd.add_option(flag)->description(help)->type_name(type)->each(
      [&field](const std::string& v) { field = v; });
}

CLI::Option* urls(CLI::App& cmd, const std::string& flag,
                  std::optional<std::vector<std::string>>& field, const std::string& help) {
  return cmd.add_option(flag)
      ->description(help)
      ->type_name("URL,...")
      ->delimiter(',')
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->each([&field](const std::string& v) {
        if (!field) {
          field.emplace();
        }
        field->push_back(v);
      });
}

CLI::Option* chronos_api(CLI::App& cmd, std::optional<config::ChronosApi>& field) {
  return cmd.add_option("--chronos-api")
      ->description("Chronos API: auto, v3 (/v1/scheduler) or v2 (/scheduler)")
      ->type_name("auto|v3|v2")
      ->each([&field](const std::string& v) {
        field = config::parse_chronos_api(v);
        if (!field) {
          throw CLI::ValidationError("expected auto, v3 or v2, not " + v);
        }
      });
}

CLI::Option* insecure(CLI::App& cmd, std::optional<bool>& field) {
  return cmd.add_flag("--insecure-skip-tls-verify")
      ->description("Skip TLS certificate checks (=false turns them back on)")
      ->each([&field](const std::string& v) {
        const auto lower = util::to_lower(v);
        if (lower != "true" && lower != "false" && lower != "1" && lower != "0") {
          throw CLI::ValidationError("expected true or false");
        }
        field = lower == "true" || lower == "1";
      });
}

CLI::Option* port(CLI::App& cmd, std::optional<int>& field) {
  return cmd.add_option("--ssh-port")
      ->description("SSH port on the agents (0: ssh's default)")
      ->type_name("PORT")
      ->each([&field](const std::string& v) {
        int n = -1;
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
        if (ec != std::errc() || end != v.data() + v.size() || n < 0 || n > 65535) {
          throw CLI::ValidationError("expected a port number, not " + v);
        }
        field = n;
      });
}

void bind(CLI::App& cmd, ConfigSetContextOptions& o) {
  auto& e = o.edit;
  cmd.add_option("NAME", o.name, "Context to create or modify");
  cmd.add_flag("--current", o.current, "Modify the current context instead of a named one");
  urls(cmd, "--mesos", e.mesos, "Mesos master URLs, comma-separated (\"\" removes them)");
  urls(cmd, "--marathon", e.marathon, "Marathon URLs, comma-separated");
  urls(cmd, "--chronos", e.chronos, "Chronos URLs, comma-separated");
  chronos_api(cmd, e.chronos_api);
  text(cmd, "--user", e.user, "User for HTTP basic auth", "USER");
  text(cmd, "--password-file", e.password_file, "File whose first line is the password", "FILE");
  text(cmd, "--password-env", e.password_env, "Variable holding the password", "VARIABLE");
  text(cmd, "--token-file", e.token_file, "File whose first line is a bearer token", "FILE");
  text(cmd, "--token-env", e.token_env, "Variable holding a bearer token", "VARIABLE");
  text(cmd, "--ca-file", e.ca_file, "Extra CA bundle (PEM) to trust", "FILE");
  text(cmd, "--cert-file", e.cert_file, "Client certificate (PEM)", "FILE");
  text(cmd, "--key-file", e.key_file, "Client key (PEM)", "FILE");
  insecure(cmd, e.insecure);
  text(cmd, "--ssh-user", e.ssh_user, "SSH user on the agents", "USER");
  port(cmd, e.ssh_port);
  text(cmd, "--ssh-identity", e.ssh_identity, "SSH private key", "FILE");
  text(cmd, "--ssh-proxy-jump", e.ssh_proxy_jump, "SSH jump host", "HOST");
  text(cmd, "--ssh-proxy-command", e.ssh_proxy_command, "SSH proxy command", "COMMAND");
  text(cmd, "--output", e.output, "Default -o for this context", "FORMAT");
  cmd.add_flag("--dry-run", o.dry_run, "Show what would change without writing the file");
  // Secrets on the command line end up in shell history and `ps`: refuse them with a hint.
  for (const char* secret : {"--password", "--token"}) {
    cmd.add_option(secret)->group("")->each(
        [&o, secret](const std::string&) { o.secret_flag = secret; });
  }
}

}  // namespace

void register_config_set_context(CLI::App& parent, Context& ctx) {
  auto opts = std::make_shared<ConfigSetContextOptions>();
  auto* cmd = parent.add_subcommand("set-context", "Create or modify a context in the config file");
  bind(*cmd, *opts);
  set_examples(
      *cmd,
      "  qctl config set-context prod --mesos http://m1:5050,http://m2:5050 \\\n"
      "      --marathon http://marathon:8080 --chronos http://chronos:4400\n"
      "  qctl config set-context prod --user ops --password-file ~/.config/qctl/ops.pw\n"
      "  qctl config set-context --current --token-env DCOS_TOKEN --ca-file corp-ca.pem\n");
  cmd->callback(
      [opts, &ctx] { ctx.selected = [opts, &ctx] { return run_config_set_context(*opts, ctx); }; });
}

}  // namespace qctl::cmd
