// The audit trail of `qctl ssh`: one line per session in a log file, optionally syslog.
#pragma once

#include <string>

#include "core/config/config.h"

namespace qctl::ssh {

struct AuditRecord {
  double time = 0;  // seconds since the epoch
  std::string local_user;
  std::string target;
  std::string task_id;
  std::string agent;      // agent hostname
  std::string container;  // Docker name or container id
  std::string command;    // the command as the user gave it (quoted words)
  int exit_status = 0;
};

/// `2024-05-30T09:12:44Z user=alice target=/web task=… agent=… container=… exit=0
/// command='…'` — values shell-quoted so the line splits unambiguously.
[[nodiscard]] std::string audit_line(const AuditRecord& record);

/// $QCTL_SSH_AUDIT_LOG, else $XDG_STATE_HOME/qctl/ssh-audit.log, else
/// ~/.local/state/qctl/ssh-audit.log; "" when none can be formed (no HOME).
[[nodiscard]] std::string default_audit_path(const config::Getenv& env);

/// Appends `line` to `path` (directories created, file mode 0600). Returns false when the
/// file cannot be written (callers warn; the session itself is not affected).
bool append_audit(const std::string& path, const std::string& line);

/// Sends `line` to syslog (facility AUTHPRIV, level NOTICE, ident "qctl").
void syslog_audit(const std::string& line);

}  // namespace qctl::ssh
