// Following Marathon's /v2/events: the exact Accept header, event_type filters, and
// reconnection with back-off across leader changes and dropped connections.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/http/client.h"
#include "core/marathon/sse.h"

namespace qctl::marathon {

struct ReconnectPolicy {
  std::chrono::milliseconds initial{500};  // first wait after a lost stream
  std::chrono::milliseconds max{10000};    // waits double up to this
  /// Before the first connection: rounds over every URL before giving up (a wrong URL should
  /// fail, not hang). Once connected, reconnection goes on until cancelled.
  int startup_rounds = 3;
};

/// Exponential back-off: initial, 2x, 4x… capped at max, with no jitter (one client per
/// stream); reset() once a connection works again.
class Backoff {
 public:
  explicit Backoff(ReconnectPolicy policy) : policy_(policy) {}
  /// The wait before the next attempt; counts a failure.
  std::chrono::milliseconds next();
  void reset() { failures_ = 0; }

 private:
  ReconnectPolicy policy_;
  int failures_ = 0;
};

struct EventStreamOptions {
  std::vector<std::string> types;  // sent as repeated ?event_type=; empty = every type
  ReconnectPolicy reconnect;
  /// Marathon writes a "\r\n" heartbeat every 10 s: this much silence means a dead stream.
  std::chrono::milliseconds idle_timeout{35000};
  /// Polled at least once a second (also during back-off waits); true ends run().
  std::function<bool()> cancelled;
};

/// What happened to the connection, for the user (qctl events prints these on stderr).
struct StreamNotice {
  enum class Kind { kConnected, kLost, kReconnected };
  Kind kind = Kind::kConnected;
  std::string url;                          // the events URL concerned
  std::string reason;                       // kLost: "closed by the server", "HTTP 502 …"
  std::chrono::milliseconds retry_in{0};    // kLost: the wait before the next attempt
};

/// One line for a notice, e.g. "event stream lost (HTTP 502 …); reconnecting in 1s".
[[nodiscard]] std::string describe(const StreamNotice& notice);

/// `base` + "/v2/events" with one url-encoded event_type parameter per type.
[[nodiscard]] std::string events_url(const std::string& base,
                                     const std::vector<std::string>& types);

/// Follows /v2/events over a list of equivalent Marathon URLs (any of them: a non-leader
/// redirects with 302, which is followed).
class EventStream {
 public:
  EventStream(http::Client& http, std::vector<std::string> urls, Clock& clock,
              EventStreamOptions options);

  /// Delivers events until `on_event` returns false or cancelled() holds. A lost stream
  /// (closed, 5xx while the leader changes, connection refused or broken, idle) is reported
  /// through `on_notice` and retried with back-off, moving on to the next URL after
  /// connection failures. Throws like http::throw_for_status on 4xx (AuthError on 401/403,
  /// NotFoundError on 404, else ApiError; 405: the server refused the Accept header),
  /// NetworkError when no URL ever answered after startup_rounds rounds.
  void run(const SseHandler& on_event, const std::function<void(const StreamNotice&)>& on_notice);

 private:
  struct Attempt;
  Attempt attempt(const std::string& url, const SseHandler& on_event,
                  const std::function<void(const StreamNotice&)>& on_notice);
  void wait(std::chrono::milliseconds delay);
  [[nodiscard]] bool cancelled() const { return options_.cancelled && options_.cancelled(); }

  http::Client& http_;
  std::vector<std::string> urls_;
  Clock& clock_;
  EventStreamOptions options_;
  bool ever_connected_ = false;
};

}  // namespace qctl::marathon
