#include "core/completion/budget_transport.h"

#include <algorithm>

namespace qctl::completion {

namespace {

http::Result out_of_time() {
  http::Result r;
  r.failure = http::FailureKind::kTimeout;
  r.failure_message = "completion time budget spent";
  return r;
}

}  // namespace

std::optional<http::Request> BudgetTransport::within_budget(const http::Request& request) const {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline_ - std::chrono::steady_clock::now());
  if (left.count() <= 0) {
    return std::nullopt;
  }
  auto r = request;
  r.timeout = std::min(r.timeout, left);
  r.connect_timeout = std::min(r.connect_timeout, left);
  return r;
}

http::Result BudgetTransport::perform(const http::Request& request) {
  const auto r = within_budget(request);
  return r ? inner_.perform(*r) : out_of_time();
}

std::vector<http::Result> BudgetTransport::perform_all(const std::vector<http::Request>& requests,
                                                       std::size_t parallel) {
  std::vector<http::Request> cut;
  for (const auto& request : requests) {
    auto r = within_budget(request);
    if (!r) {
      return std::vector<http::Result>(requests.size(), out_of_time());
    }
    cut.push_back(std::move(*r));
  }
  return inner_.perform_all(cut, parallel);
}

}  // namespace qctl::completion
