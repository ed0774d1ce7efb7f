// `qctl unique sync --watch`: the daemon shell around unique::Watcher (signals, log sink).
#include <signal.h>
#include <syslog.h>

#include <atomic>
#include <ctime>
#include <mutex>
#include <ostream>

#include "cmd/unique/unique_cmds.h"
#include "core/util/duration.h"

namespace qctl::cmd {

namespace {

std::atomic<int> g_stop_signal{0};

extern "C" void on_stop_signal(int signal) { g_stop_signal = signal; }

/// Installs SIGTERM/SIGINT handlers for the life of the watch, restoring the old ones.
class StopSignals {
 public:
  StopSignals() {
    g_stop_signal = 0;
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, &old_term_);
    sigaction(SIGINT, &action, &old_int_);
  }
  ~StopSignals() {
    sigaction(SIGTERM, &old_term_, nullptr);
    sigaction(SIGINT, &old_int_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  struct sigaction old_term_ {};
  struct sigaction old_int_ {};
};

/// The syslog priority of a watch line.
int priority(unique::Level level) {
  switch (level) {
    case unique::Level::kError:
      return LOG_ERR;
    case unique::Level::kWarning:
      return LOG_WARNING;
    case unique::Level::kInfo:
      break;
  }
  return LOG_INFO;
}

}  // namespace

int run_unique_watch(const UniqueSyncOptions& opts, const ValidatedSync& sync, Context& ctx) {
  StopSignals signals;
  std::mutex log_mutex;
  if (opts.syslog) {
    openlog("qctl-unique", LOG_PID, LOG_DAEMON);
  }
  const unique::LogLine log = [&](unique::Level level, const std::string& line) {
    std::lock_guard<std::mutex> guard(log_mutex);
    if (opts.syslog) {
      syslog(priority(level), "%s", line.c_str());
    } else {
      ctx.io.err << util::format_utc(ctx.clock.now()) << ' ' << line << std::endl;
    }
  };
  unique::Watcher watcher(ctx.clients.mesos(), ctx.clients.marathon(), ctx.clock, sync.request,
                          sync.watch);
  const auto& selection = sync.request.selection;
  const std::string apps = selection.all_unique ? "every hostname:UNIQUE app"
                           : !selection.selector_text.empty()
                               ? "apps matching " + selection.selector_text
                               : std::to_string(selection.app_ids.size()) + " app(s)";
  log(unique::Level::kInfo, "watching " + apps + " (Mesos polled every " + opts.interval +
                                (opts.no_events ? ", Marathon polled too)" : ", Marathon events)"));
  watcher.run(log, [] { return g_stop_signal.load() != 0; });
  const int signal = g_stop_signal.load();
  log(unique::Level::kInfo, "stopped by " + std::string(signal == SIGINT ? "SIGINT" : "SIGTERM") +
                                " after " + std::to_string(watcher.passes()) + " passes");
  if (opts.syslog) {
    closelog();
  }
  return signal == SIGINT ? 130 : 0;
}

}  // namespace qctl::cmd
