// Audit lines to a file and syslog.
#include "core/ssh/audit.h"

#include <fcntl.h>
#include <syslog.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>

#include "core/ssh/remote.h"
#include "core/util/duration.h"

namespace qctl::ssh {

std::string audit_line(const AuditRecord& r) {
  std::string line = util::format_utc(r.time);
  const auto field = [&](const char* key, const std::string& value) {
    line += std::string(" ") + key + "=" + shell_quote(value);
  };
  field("user", r.local_user);
  field("target", r.target);
  field("task", r.task_id);
  field("agent", r.agent);
  field("container", r.container);
  line += " exit=" + std::to_string(r.exit_status);
  field("command", r.command);
  return line;
}

std::string default_audit_path(const config::Getenv& env) {
  if (const auto v = env("QCTL_SSH_AUDIT_LOG"); v && !v->empty()) {
    return *v;
  }
  if (const auto v = env("XDG_STATE_HOME"); v && !v->empty()) {
    return *v + "/qctl/ssh-audit.log";
  }
  if (const auto v = env("HOME"); v && !v->empty()) {
    return *v + "/.local/state/qctl/ssh-audit.log";
  }
  return "";
}

bool append_audit(const std::string& path, const std::string& line) {
  std::error_code ec;
  const auto dir = std::filesystem::path(path).parent_path();
  if (!dir.empty()) {
    std::filesystem::create_directories(dir, ec);
  }
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    return false;
  }
  const std::string data = line + "\n";
  // One write(2) with O_APPEND: concurrent sessions never interleave inside a line.
  const bool ok = ::write(fd, data.data(), data.size()) == static_cast<ssize_t>(data.size());
  ::close(fd);
  return ok;
}

void syslog_audit(const std::string& line) {
  ::openlog("qctl", LOG_PID, LOG_AUTHPRIV);
  ::syslog(LOG_NOTICE, "ssh %s", line.c_str());
  ::closelog();
}

}  // namespace qctl::ssh
