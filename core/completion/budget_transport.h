// A Transport decorator that gives all requests together one deadline (completion's 1 s).
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "core/http/transport.h"

namespace qctl::completion {

/// Forwards to `inner` with each request's timeout and connect timeout cut to the time left
/// before `deadline`; once it has passed, requests fail at once with FailureKind::kTimeout.
/// So a chain of requests (leader discovery, redirects, several masters) cannot outlast it.
class BudgetTransport final : public http::Transport {
 public:
  BudgetTransport(http::Transport& inner, std::chrono::steady_clock::time_point deadline)
      : inner_(inner), deadline_(deadline) {}

  http::Result perform(const http::Request& request) override;
  std::vector<http::Result> perform_all(const std::vector<http::Request>& requests,
                                        std::size_t parallel) override;

 private:
  /// `request` with its timeouts cut to the budget; nullopt when none is left.
  [[nodiscard]] std::optional<http::Request> within_budget(const http::Request& request) const;

  http::Transport& inner_;
  std::chrono::steady_clock::time_point deadline_;
};

}  // namespace qctl::completion
