// Marathon's event bus and the /v2/events Server-Sent Events stream.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sandbox/http/message.h"

namespace qctl::sandbox::marathon {

/// Fan-out of events to SSE subscribers. Has its own mutex: publishers call it with the
/// World lock held, streams wait on it without the World lock.
class EventBus {
 public:
  struct Subscriber {
    std::set<std::string> types;  // empty = every type (HttpEventSSEHandle.subscribed)
    std::deque<std::string> frames;
    bool closed = false;
  };

  /// A new subscriber; already closed when the bus is shut down.
  std::shared_ptr<Subscriber> subscribe(std::set<std::string> types);
  void unsubscribe(const std::shared_ptr<Subscriber>& subscriber);
  /// Queues `event: <type>` with the payload (which carries eventType and timestamp).
  void publish(const std::string& type, const nlohmann::json& payload);
  /// Ends every open stream (leader abdication). New subscribers still work.
  void close_all();
  /// Ends every stream for good (server shutdown).
  void shutdown();
  /// Waits up to `timeout` for frames and moves them to `out`. False once closed and drained.
  bool next(Subscriber& subscriber, std::chrono::milliseconds timeout,
            std::vector<std::string>& out);
  [[nodiscard]] std::size_t subscribers();

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::shared_ptr<Subscriber>> subs_;
  bool shut_ = false;
};

/// The SSE body writer for one subscriber: frames as they come, a "\r\n" heartbeat every
/// `heartbeat` of silence (Jetty's EventSourceServlet), returns when closed or the client goes.
[[nodiscard]] std::function<void(const http::Sink&)> event_stream(
    std::shared_ptr<EventBus> bus, std::shared_ptr<EventBus::Subscriber> subscriber,
    std::chrono::milliseconds heartbeat);

}  // namespace qctl::sandbox::marathon
