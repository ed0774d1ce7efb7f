// A Transport decorator that gives every request of one `qctl health` run a shared deadline,
// so no check can outlast the global --timeout.
#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <vector>

#include "core/http/transport.h"

namespace qctl::health {

/// Forwards to `inner` with each request's timeouts cut to the time left before
/// `deadline`; afterwards requests fail at once with FailureKind::kTimeout.
class DeadlineTransport final : public http::Transport {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  DeadlineTransport(http::Transport& inner, TimePoint deadline)
      : inner_(inner), deadline_(deadline) {}

  http::Result perform(const http::Request& request) override;
  std::vector<http::Result> perform_all(const std::vector<http::Request>& requests,
                                        std::size_t parallel) override;

  [[nodiscard]] TimePoint deadline() const { return deadline_; }
  /// Time left before the deadline (zero once it has passed).
  [[nodiscard]] std::chrono::milliseconds left() const;
  /// True once a request was cut short or refused because the deadline passed.
  [[nodiscard]] bool expired() const { return expired_.load(); }

 private:
  [[nodiscard]] std::optional<http::Request> within(const http::Request& request) const;
  http::Result note(http::Result result);

  http::Transport& inner_;
  TimePoint deadline_;
  std::atomic<bool> expired_{false};
};

}  // namespace qctl::health
