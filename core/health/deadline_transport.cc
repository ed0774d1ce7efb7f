#include "core/health/deadline_transport.h"

#include <algorithm>

namespace qctl::health {

namespace {

http::Result out_of_time() {
  http::Result r;
  r.failure = http::FailureKind::kTimeout;
  r.failure_message = "the --timeout of qctl health was reached";
  return r;
}

}  // namespace

std::chrono::milliseconds DeadlineTransport::left() const {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline_ - std::chrono::steady_clock::now());
  return std::max(left, std::chrono::milliseconds(0));
}

std::optional<http::Request> DeadlineTransport::within(const http::Request& request) const {
  const auto remaining = left();
  if (remaining.count() <= 0) {
    return std::nullopt;
  }
  auto r = request;
  r.timeout = std::min(r.timeout, remaining);
  r.connect_timeout = std::min(r.connect_timeout, remaining);
  return r;
}

http::Result DeadlineTransport::note(http::Result result) {
  if (!result.ok() && result.failure == http::FailureKind::kTimeout && left().count() <= 0) {
    expired_ = true;
  }
  return result;
}

http::Result DeadlineTransport::perform(const http::Request& request) {
  const auto r = within(request);
  if (!r) {
    expired_ = true;
    return out_of_time();
  }
  return note(inner_.perform(*r));
}

std::vector<http::Result> DeadlineTransport::perform_all(const std::vector<http::Request>& requests,
                                                         std::size_t parallel) {
  std::vector<http::Request> cut;
  for (const auto& request : requests) {
    auto r = within(request);
    if (!r) {
      expired_ = true;
      return std::vector<http::Result>(requests.size(), out_of_time());
    }
    cut.push_back(std::move(*r));
  }
  auto results = inner_.perform_all(cut, parallel);
  for (auto& r : results) {
    r = note(std::move(r));
  }
  return results;
}

}  // namespace qctl::health
