#include "core/http/deadline_transport.h"

#include <algorithm>

namespace qctl::http {

Result DeadlineTransport::out_of_time() const {
  Result r;
  r.failure = FailureKind::kTimeout;
  r.failure_message = why_;
  return r;
}

std::chrono::milliseconds DeadlineTransport::left() const {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline_ - std::chrono::steady_clock::now());
  return std::max(left, std::chrono::milliseconds(0));
}

std::optional<Request> DeadlineTransport::within(const Request& request) const {
  const auto remaining = left();
  if (remaining.count() <= 0) {
    return std::nullopt;
  }
  // A zero timeout is "no limit" (streams): the deadline is the limit then.
  const auto cut = [remaining](std::chrono::milliseconds t) {
    return t.count() == 0 ? remaining : std::min(t, remaining);
  };
  auto r = request;
  r.timeout = cut(r.timeout);
  r.connect_timeout = cut(r.connect_timeout);
  return r;
}

Result DeadlineTransport::note(Result result) {
  if (!result.ok() && result.failure == FailureKind::kTimeout && left().count() <= 0) {
    expired_ = true;
  }
  return result;
}

Result DeadlineTransport::perform(const Request& request) {
  const auto r = within(request);
  if (!r) {
    expired_ = true;
    return out_of_time();
  }
  return note(inner_.perform(*r));
}

std::vector<Result> DeadlineTransport::perform_all(const std::vector<Request>& requests,
                                                   std::size_t parallel,
                                                   const std::function<bool()>& stop) {
  std::vector<Request> cut;
  for (const auto& request : requests) {
    auto r = within(request);
    if (!r) {
      expired_ = true;
      return std::vector<Result>(requests.size(), out_of_time());
    }
    cut.push_back(std::move(*r));
  }
  auto results = inner_.perform_all(cut, parallel, stop);
  for (auto& r : results) {
    r = note(std::move(r));
  }
  return results;
}

}  // namespace qctl::http
