// `qctl ssh TARGET [-- COMMAND ARGS…]`: flags and registration.
#include <CLI/CLI.hpp>

#include "cmd/commands.h"
#include "cmd/ssh/ssh_cmd.h"
#include "core/error.h"
#include "core/util/duration.h"

namespace qctl::cmd {

void validate(const SshOptions& opts) {
  if (opts.target.empty()) {
    throw UsageError("TARGET must not be empty", "qctl ssh /team/web");
  }
  if (opts.tty && opts.no_tty) {
    throw UsageError("-t and -T contradict each other");
  }
  if (opts.index < 0) {
    throw UsageError("--index counts from 1");
  }
  if (opts.endpoint.port < 0 || opts.endpoint.port > 65535) {
    throw UsageError("--port must be between 1 and 65535");
  }
  const auto timeout = util::parse_duration(opts.connect_timeout);
  if (!timeout || timeout->count() < 1000) {
    throw UsageError("--connect-timeout must be a duration of at least 1s, like 10s");
  }
  if (!opts.endpoint.proxy_jump.empty() && !opts.endpoint.proxy_command.empty()) {
    throw UsageError("--jump and --proxy-command contradict each other");
  }
}

void register_ssh(CLI::App& parent, Context& ctx) {
  auto o = std::make_shared<SshOptions>();
  auto* cmd =
      parent.add_subcommand("ssh", "Open a shell or run a command inside a task's container");
  cmd->add_option("TARGET", o->target,
                  "Marathon app id, Chronos job name, or Mesos task id, prefix or glob")
      ->required();
  cmd->add_option("COMMAND", o->command, "Command and arguments to run (after --)");
  cmd->add_option("--index", o->index, "Pick the Nth of several matching tasks (from 1)")
      ->check(CLI::PositiveNumber.description(""));  // 1-based: 0 is a mistake, not "none"
  cmd->add_option("--host", o->host, "Pick the matching task on this agent (hostname or id)");
  cmd->add_flag("-t,--tty", o->tty, "Allocate a PTY even when stdin is not a terminal");
  cmd->add_flag("-T,--no-tty", o->no_tty, "Never allocate a PTY");
  cmd->add_option("-u,--user", o->container_user, "User to run as inside the container");
  cmd->add_option("-w,--workdir", o->workdir, "Working directory inside the container");
  cmd->add_option("-l,--login", o->endpoint.user, "SSH user on the agent (ssh.user)");
  cmd->add_option("-p,--port", o->endpoint.port, "SSH port on the agent (ssh.port)");
  cmd->add_option("-i,--identity", o->endpoint.identities,
                  "Private key file; repeatable (ssh.identity)")
      ->allow_extra_args(false);
  cmd->add_option("-J,--jump", o->endpoint.proxy_jump,
                  "Jump host [user@]host[:port] (ssh.proxy-jump)");
  cmd->add_option("--proxy-command", o->endpoint.proxy_command,
                  "Command whose stdin/stdout reach the agent's sshd (ssh.proxy-command)");
  cmd->add_option("--known-hosts", o->endpoint.known_hosts,
                  "known_hosts file (default ~/.ssh/known_hosts)");
  cmd->add_option("--ssh-config", o->endpoint.config_file,
                  "ssh_config file (default ~/.ssh/config)");
  cmd->add_flag("--accept-new-host-key", o->endpoint.accept_new_host_key,
                "Trust and record an agent's host key seen for the first time");
  cmd->add_option("--connect-timeout", o->connect_timeout, "SSH connect timeout")
      ->capture_default_str();
  cmd->add_flag("--print", o->print,
                "Print the host, container and equivalent ssh command; do not connect");
  cmd->add_option(
      "--audit-log", o->audit_log,
      "Audit log file (default $QCTL_SSH_AUDIT_LOG or ~/.local/state/qctl/ssh-audit.log)");
  cmd->add_flag("--syslog", o->syslog, "Also send the audit line to syslog ($QCTL_SSH_SYSLOG=1)");
  set_examples(*cmd,
               "  qctl ssh /team/web                      # a shell in the web app's container\n"
               "  qctl ssh team/web --index 2 -- ps aux    # the second of several instances\n"
               "  qctl ssh nightly-etl -- cat /tmp/out     # a Chronos job's running task\n"
               "  qctl ssh web -- tar c /data > data.tar   # binary-safe without a TTY\n"
               "  qctl ssh --print /team/web               # show host, container, ssh line\n");
  cmd->callback([o, &ctx] {
    ctx.selected = [o, &ctx] {
      validate(*o);
      const auto connector = ssh::make_libssh_connector();
      return run_ssh(*o, ctx, *connector);
    };
  });
}

}  // namespace qctl::cmd
