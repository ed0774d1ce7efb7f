// A Transport decorator that gives a whole chain of requests one shared deadline: `qctl
// health`'s --timeout, shell completion's 1 s budget.
#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/http/transport.h"

namespace qctl::http {

/// Forwards to `inner` with each request's timeouts cut to the time left before
/// `deadline` (a zero timeout, "no limit", becomes that time); afterwards requests fail at
/// once with FailureKind::kTimeout and `why` as the message. So a chain of requests (leader
/// discovery, redirects, several masters) cannot outlast it.
class DeadlineTransport final : public Transport {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  DeadlineTransport(Transport& inner, TimePoint deadline,
                    std::string why = "the deadline for these requests passed")
      : inner_(inner), deadline_(deadline), why_(std::move(why)) {}

  Result perform(const Request& request) override;
  std::vector<Result> perform_all(const std::vector<Request>& requests, std::size_t parallel,
                                  const std::function<bool()>& stop) override;

  /// Time left before the deadline (zero once it has passed).
  [[nodiscard]] std::chrono::milliseconds left() const;
  /// True once a request was cut short or refused because the deadline passed.
  [[nodiscard]] bool expired() const { return expired_.load(); }

 private:
  [[nodiscard]] std::optional<Request> within(const Request& request) const;
  Result note(Result result);
  [[nodiscard]] Result out_of_time() const;

  Transport& inner_;
  TimePoint deadline_;
  std::string why_;
  std::atomic<bool> expired_{false};
};

}  // namespace qctl::http
