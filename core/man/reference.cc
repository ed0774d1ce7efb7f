#include "core/man/reference.h"

namespace qctl::man {

namespace {

Section table_section(std::string title, const std::vector<Entry>& entries, Font font) {
  Section section{std::move(title), {}};
  for (const auto& e : entries) {
    section.blocks.emplace_back(Item{{{font, e.term}}, {{Font::kRoman, e.text}}});
  }
  return section;
}

}  // namespace

const std::vector<Entry>& exit_codes() {
  static const std::vector<Entry> codes{
      {"0", "success (an empty list is a success)"},
      {"1",
       "API error, or the outcome asked for did not happen: the server answered with an error "
       "(HTTP status and the server's own message: Marathon's message/first details entry, "
       "Chronos's message trimmed to its first line) or with something that is not the "
       "expected JSON (invalid, truncated, an HTML page); job run that Chronos would ignore "
       "(queued, disabled); a run (--wait) or restart that failed; unique sync refused by a "
       "safety rule"},
      {"2",
       "usage or configuration error (bad flag, no context, malformed URL, unreadable secret "
       "file)"},
      {"3",
       "not found (unknown agent, app, task, job; Chronos's 400 \"not found\" is mapped here)"},
      {"4", "authentication or authorisation failed (401/403)"},
      {"5",
       "network: connection refused, timeout, TLS failure, no Mesos leader elected, redirect "
       "loop"},
      {"6",
       "partial failure of a batch (some jobs, apps or tasks failed or, for unique sync, were "
       "skipped)"},
      {"130", "interrupted (Ctrl-C)"},
  };
  return codes;
}

Section exit_status_section() {
  auto section = table_section("EXIT STATUS", exit_codes(), Font::kBold);
  section.blocks.emplace_back(Paragraph{{
      {Font::kRoman, "Errors are one line on standard error, "},
      {Font::kBold, "qctl: "},
      {Font::kItalic, "what was being done"},
      {Font::kBold, ": "},
      {Font::kItalic, "what happened"},
      {Font::kRoman, ", plus at most one "},
      {Font::kBold, "hint:"},
      {Font::kRoman,
       " line (an ambiguous ssh target lists the matching tasks, one per line). Idempotent GET requests are retried on connection errors, timeouts and 5xx "
       "answers (3 tries with exponential back-off and jitter); POST, PUT and DELETE are never "
       "retried blindly."},
  }});
  return section;
}

Section environment_section() {
  static const std::vector<Entry> variables{
      {"QCTL_CONFIG",
       "The config file, instead of $XDG_CONFIG_HOME/qctl/config (--config "
       "overrides it)."},
      {"QCTL_CONTEXT",
       "The context to use instead of the config's current-context (--context "
       "overrides it)."},
      {"QCTL_MESOS",
       "Comma-separated Mesos master URLs that replace the context's. With no "
       "config file at all, QCTL_MESOS, QCTL_MARATHON and QCTL_CHRONOS alone make "
       "a context named (env)."},
      {"QCTL_MARATHON", "Comma-separated Marathon URLs that replace the context's."},
      {"QCTL_CHRONOS", "Comma-separated Chronos URLs that replace the context's."},
      {"XDG_CONFIG_HOME",
       "Base directory of the config file, $XDG_CONFIG_HOME/qctl/config "
       "(~/.config when unset or not absolute)."},
      {"XDG_CACHE_HOME",
       "Base directory of the completion cache, "
       "$XDG_CACHE_HOME/qctl/completion (~/.cache when unset)."},
      {"XDG_DATA_HOME",
       "Base directory of the stats history, $XDG_DATA_HOME/qctl/stats.db "
       "(~/.local/share when unset)."},
      {"XDG_STATE_HOME",
       "Base directory of the unique sync state files and the ssh audit log, "
       "$XDG_STATE_HOME/qctl/ (~/.local/state when unset)."},
      {"QCTL_SSH_AUDIT_LOG", "The ssh audit log file (--audit-log overrides it)."},
      {"QCTL_SSH_SYSLOG", "When 1, qctl ssh also sends its audit line to syslog, as --syslog."},
      {"SHELL",
       "qctl ssh with no command runs this shell in the container when it is executable "
       "there, else bash, else sh."},
      {"TERM", "Passed to the remote terminal of an interactive qctl ssh."},
      {"NO_COLOR", "When set and not empty, no colour unless --color always."},
      {"https_proxy, http_proxy, no_proxy",
       "Proxy settings, honoured by libcurl for every "
       "request to Mesos, Marathon and Chronos."},
      {"HOME",
       "Expands ~ in paths (the config file's password-file, token-file, ca-file and "
       "others) and locates the default config file and cache."},
  };
  return table_section("ENVIRONMENT", variables, Font::kBold);
}

Section files_section() {
  static const std::vector<Entry> files{
      {"~/.config/qctl/config",
       "The config file (YAML): named contexts with their Mesos, Marathon and Chronos URLs, "
       "credentials by file or environment variable, TLS and SSH settings. Its place is "
       "$QCTL_CONFIG, else $XDG_CONFIG_HOME/qctl/config, else this path. qctl config writes it "
       "atomically with mode 0600."},
      {"~/.local/share/qctl/stats.db",
       "The SQLite history of qctl stats record and report ($XDG_DATA_HOME/qctl/stats.db when "
       "set; --db overrides it)."},
      {"~/.local/state/qctl/",
       "unique-<context>.json: the agent count unique sync compares with (agent-drop rule); "
       "ssh-audit.log: one line per qctl ssh session ($XDG_STATE_HOME/qctl when set)."},
      {"~/.cache/qctl/completion/",
       "The cache of live names for shell completion, one <context>.<hash>.json per context "
       "and set of URLs ($XDG_CACHE_HOME/qctl/completion when set); safe to delete."},
  };
  return table_section("FILES", files, Font::kItalic);
}

}  // namespace qctl::man
