// The --watch loop: cheap agent polls, Marathon events, full passes with back-off.
#include "core/unique/watch.h"

#include <thread>

#include "core/error.h"
#include "core/marathon/client.h"
#include "core/marathon/events.h"
#include "core/mesos/master_client.h"
#include "core/util/duration.h"

namespace qctl::unique {

namespace {

/// Events after which a pass may have something to do: someone changed an app, a
/// deployment that held an app ended, an app went away.
const std::vector<std::string> kEventTypes = {"api_post_event", "deployment_success",
                                              "deployment_failed", "app_terminated_event"};

}  // namespace

Watcher::Watcher(mesos::MasterClient& mesos, marathon::Client& marathon, Clock& clock,
                 SyncRequest request, WatchOptions options)
    : mesos_(mesos),
      marathon_(marathon),
      clock_(clock),
      request_(std::move(request)),
      options_(options) {}

void Watcher::wake() {
  dirty_ = true;
  std::lock_guard<std::mutex> guard(mutex_);
  cv_.notify_all();
}

void Watcher::wait(std::chrono::milliseconds d, const std::function<bool()>& stop) {
  const auto deadline = std::chrono::steady_clock::now() + d;
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stop() && !dirty_) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) {
      return;
    }
    // Short slices: a signal handler can only set a flag, it cannot notify.
    cv_.wait_for(lock, std::min<std::chrono::steady_clock::duration>(
                           deadline - now, std::chrono::milliseconds(200)));
  }
}

std::string Watcher::agent_signature(const AgentSnapshot& snapshot) const {
  std::string sig = std::to_string(snapshot.recovered) + ";";
  for (const auto& a : snapshot.agents) {
    sig += a.id;
    sig += ':';
    sig += agent_state_name(classify(a, snapshot.windows, clock_.now()));
    sig += ';';
  }
  return sig;
}

void Watcher::follow_events(const LogLine& log, const std::function<bool()>& stop) {
  marathon::EventStreamOptions o;
  o.types = kEventTypes;
  o.cancelled = stop;
  marathon::EventStream stream(marathon_.endpoints().http(), marathon_.endpoints().urls(), clock_,
                               o);
  try {
    stream.run(
        [this](const marathon::SseEvent&) {
          wake();
          return true;
        },
        [this, &log](const marathon::StreamNotice& n) {
          if (n.kind == marathon::StreamNotice::Kind::kLost) {
            events_live_ = false;
            log(Level::kInfo, "marathon " + marathon::describe(n));
            return;
          }
          events_live_ = true;
          if (n.kind == marathon::StreamNotice::Kind::kReconnected) {
            log(Level::kInfo, "marathon event stream reconnected");
            wake();  // events may have been missed meanwhile
          }
        });
  } catch (const Error& e) {
    events_live_ = false;
    log(Level::kInfo, "marathon event stream unavailable (" + e.line() +
                          "); polling Marathon every " + util::format_millis(options_.interval));
  }
}

void Watcher::run_pass(const LogLine& log, AgentSnapshot snapshot) {
  ++passes_;
  LogLine quiet_refusals = [this, &log](Level level, const std::string& line) {
    // A refusal that holds pass after pass is logged when it starts, not every pass.
    if (line.rfind("refused by rule", 0) == 0) {
      if (line == last_refusal_) {
        return;
      }
      last_refusal_ = line;
    }
    log(level, line);
  };
  const SyncResult r =
      sync_pass(std::move(snapshot), marathon_, request_, clock_.now(), quiet_refusals);
  if (!r.plan.refusal) {
    if (!last_refusal_.empty()) {
      log(Level::kInfo,
          "refusal lifted: " + last_refusal_.substr(std::string("refused by rule ").size()));
    }
    last_refusal_.clear();
  }
  for (const auto& w : r.warnings) {
    if (warned_.insert(w).second) {
      log(Level::kWarning, "warning: " + w);
    }
  }
}

void Watcher::run(const LogLine& log, const std::function<bool()>& stop) {
  std::atomic<bool> quit{false};
  const std::function<bool()> done = [&quit, &stop] { return quit || stop(); };
  std::thread events;
  if (options_.events) {
    events = std::thread([this, &log, &done] { follow_events(log, done); });
  }
  // Stops and joins the events thread however the loop ends.
  struct Joiner {
    std::atomic<bool>& quit;
    std::thread& thread;
    ~Joiner() {
      quit = true;
      if (thread.joinable()) {
        thread.join();
      }
    }
  } joiner{quit, events};
  marathon::Backoff backoff({options_.backoff_initial, options_.backoff_max, 1});
  std::string last_sig;
  auto last_pass = std::chrono::steady_clock::now();
  bool need_pass = true;
  bool failing = false;
  while (!stop()) {
    try {
      AgentSnapshot snapshot = fetch_snapshot(mesos_);
      const std::string sig = agent_signature(snapshot);
      const bool poll_marathon = !events_live_;
      need_pass = need_pass || sig != last_sig || dirty_.exchange(false) || poll_marathon ||
                  std::chrono::steady_clock::now() - last_pass >= options_.resync;
      if (need_pass) {
        run_pass(log, std::move(snapshot));
        last_pass = std::chrono::steady_clock::now();
        last_sig = sig;
        need_pass = false;
      }
      if (failing) {
        log(Level::kInfo, "connection restored");
        failing = false;
      }
      backoff.reset();
      wait(options_.interval, stop);
    } catch (const AuthError&) {
      throw;
    } catch (const mesos::NoLeaderError&) {
      // Named like the one-shot refusal, and logged once while it lasts.
      const std::string line = "refused by rule no-leader: no Mesos master is leading; waiting";
      if (line != last_refusal_) {
        log(Level::kError, line);
        last_refusal_ = line;
      }
      failing = true;
      need_pass = true;
      wait(backoff.next(), stop);
    } catch (const Error& e) {
      const auto delay = backoff.next();
      log(Level::kError,
          "pass failed: " + e.line() + "; retrying in " + util::format_millis(delay));
      failing = true;
      need_pass = true;
      wait(delay, stop);
    }
  }
}

}  // namespace qctl::unique
