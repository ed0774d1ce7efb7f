// `qctl ssh`: resolve the target, find its container, connect, run, audit.
#include <pwd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <ostream>

#include "cmd/ssh/ssh_cmd.h"
#include "core/error.h"
#include "core/mesos/agent_client.h"
#include "core/mesos/master_client.h"
#include "core/ssh/audit.h"
#include "core/ssh/remote.h"
#include "core/ssh/terminal.h"
#include "core/target/lookup.h"
#include "core/util/duration.h"

namespace qctl::cmd {
namespace {

/// Several matches on a terminal: list them and read a number from stdin.
target::TargetTask pick_on_terminal(const std::vector<target::TargetTask>& tasks, Context& ctx,
                                    const std::string& name) {
  ctx.io.err << name << ": " << tasks.size() << " tasks match:\n";
  for (const auto& line : target::describe_matches(tasks, ctx.clock.now())) {
    ctx.io.err << line << '\n';
  }
  ctx.io.err << "Pick a task [1-" << tasks.size() << "]: " << std::flush;
  std::string answer;
  if (!std::getline(ctx.io.in, answer)) {
    throw UsageError(name + ": no task picked", "choose one with --index N or --host HOST");
  }
  try {
    const auto n = std::stoul(answer);
    if (n >= 1 && n <= tasks.size()) {
      return tasks[n - 1];
    }
  } catch (const std::exception&) {
  }
  throw UsageError(name + ": \"" + answer + "\" is not one of 1-" + std::to_string(tasks.size()));
}

target::TargetTask choose_task(const SshOptions& opts, Context& ctx) {
  const auto res = target::resolve_target(opts.target, ctx.clients.mesos());
  auto left = target::narrow(opts.target, res, {opts.index, opts.host});
  if (left.size() == 1) {
    return left.front();
  }
  if (ctx.io.in_is_tty && ctx.io.err_is_tty) {
    return pick_on_terminal(left, ctx, opts.target);
  }
  target::throw_ambiguous(opts.target, left, ctx.clock.now());
}

std::string env_or(Context& ctx, const char* name) { return ctx.clients.env()(name).value_or(""); }

/// Mesos containerizer as a non-root user: nsenter needs `sudo -n`, which must not ask.
void check_sudo(ssh::Session& session, const target::TargetTask& task) {
  const auto r = session.run("sudo -n true", std::chrono::seconds(10));
  if (r.status.code == 127) {
    throw NotFoundError(task.agent_hostname, "sudo is not installed for " + session.user(),
                        "nsenter into a Mesos container needs root: log in as root (--login)");
  }
  if (r.timed_out || r.status.qctl_code() != 0) {
    throw AuthError(task.agent_hostname,
                    "sudo needs a password for " + session.user() +
                        " (nsenter into a Mesos container needs root)",
                    "allow it without a password (sudoers: " + session.user() +
                        " ALL=(root) NOPASSWD: /usr/bin/nsenter) or log in as root (--login)");
  }
}

/// Who runs qctl, for the audit trail: the password database's name of the effective user
/// ($USER can be unset under cron and systemd, or set to anything), else $USER/$LOGNAME.
std::string local_user(Context& ctx) {
  if (const passwd* pw = ::getpwuid(::geteuid()); pw != nullptr && pw->pw_name != nullptr) {
    return pw->pw_name;
  }
  const std::string user = env_or(ctx, "USER");
  return user.empty() ? env_or(ctx, "LOGNAME") : user;
}

void audit(const SshOptions& opts, Context& ctx, const target::TargetTask& task,
           const std::string& container, int status) {
  ssh::AuditRecord r;
  r.time = ctx.clock.now();
  r.local_user = local_user(ctx);
  r.target = opts.target;
  r.task_id = task.task_id;
  r.agent = task.agent_hostname;
  r.container = container;
  r.command = opts.command.empty() ? "(shell)" : ssh::shell_join(opts.command);
  r.exit_status = status;
  const std::string line = ssh::audit_line(r);
  const std::string path =
      opts.audit_log.empty() ? ssh::default_audit_path(ctx.clients.env()) : opts.audit_log;
  if (!path.empty() && !ssh::append_audit(path, line)) {
    ctx.io.err << "qctl: warning: cannot write the audit log " << path << '\n';
  }
  if (opts.syslog || env_or(ctx, "QCTL_SSH_SYSLOG") == "1") {
    ssh::syslog_audit(line);
  }
}

void print_plan(Context& ctx, const target::TargetTask& task, const target::ContainerLocation& loc,
                const std::string& ssh_line) {
  ctx.io.out << "task:      " << task.task_id << '\n'
             << "agent:     " << task.agent_hostname << " (" << task.agent_id << ")\n"
             << "container: "
             << (loc.docker ? "docker " + loc.docker_name
                            : "mesos " + loc.container_id + " pid " +
                                  std::to_string(loc.executor_pid.value_or(0)))
             << '\n'
             << "command:   " << ssh_line << '\n';
}

}  // namespace

int run_ssh(const SshOptions& opts, Context& ctx, ssh::Connector& connector) {
  const target::TargetTask task = choose_task(opts, ctx);
  const auto loc = target::locate_container(task, ctx.clients.agents());
  ssh::EndpointFlags flags = opts.endpoint;
  flags.interactive = ctx.io.in_is_tty;
  ssh::Endpoint endpoint =
      ssh::make_endpoint(task.agent_hostname, ctx.clients.context().ssh, flags, ctx.clients.env());
  endpoint.connect_timeout =
      std::chrono::duration_cast<std::chrono::seconds>(*util::parse_duration(opts.connect_timeout));
  for (const auto& id : endpoint.identities) {
    // As OpenSSH warns: a typo here would only show later as an unexplained auth failure.
    if (::access(id.c_str(), R_OK) != 0) {
      ctx.io.err << "warning: identity file " << id << " not accessible: " << std::strerror(errno)
                 << "\n";
    }
  }

  const bool pty = !opts.no_tty && (opts.tty || ctx.io.in_is_tty);
  ssh::ContainerExec exec;
  exec.docker = loc.docker;
  exec.docker_name = loc.docker_name;
  exec.executor_pid = loc.executor_pid.value_or(0);
  exec.tty = pty;
  exec.user = opts.container_user;
  exec.workdir = opts.workdir;
  exec.command = opts.command;
  exec.preferred_shell = env_or(ctx, "SHELL");
  const std::string container = loc.docker ? loc.docker_name : loc.container_id;

  if (opts.print) {
    exec.sudo = !loc.docker && ssh::expected_user(endpoint, ctx.clients.env()) != "root";
    print_plan(ctx, task, loc,
               ssh::openssh_command_line(endpoint, pty, ssh::container_command_line(exec)));
    return 0;
  }
  auto session = connector.connect(endpoint);
  exec.sudo = !loc.docker && session->user() != "root";
  if (exec.sudo) {
    check_sudo(*session, task);
  }
  ssh::ExecRequest request;
  request.command = ssh::container_command_line(exec);
  ssh::SignalWakeups wakeups;
  request.wakeups = &wakeups;
  if (pty) {
    request.pty = ssh::terminal_size(STDIN_FILENO);
    request.tty_fd = STDIN_FILENO;
  }
  ctx.io.out.flush();
  ctx.io.err.flush();
  ssh::ExitStatus status;
  try {
    // Restored by the destructor on every way out of this block, exceptions included.
    ssh::RawMode raw(pty ? STDIN_FILENO : -1);
    status = session->exec(request, {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO});
  } catch (...) {
    // The command may have run before the connection broke: the audit log still says so.
    audit(opts, ctx, task, container, 255);
    throw;
  }
  const int code = status.qctl_code();
  audit(opts, ctx, task, container, code);
  return code;
}

}  // namespace qctl::cmd
