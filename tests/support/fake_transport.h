// httpmock-style fake transport: register method+URL -> response; unexpected requests and
// unused stubs fail the test; every request is recorded for assertions.
#pragma once

#include <gtest/gtest.h>

#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "core/http/transport.h"

namespace qctl::testing {

class FakeTransport final : public http::Transport {
 public:
  FakeTransport() = default;
  ~FakeTransport() override;  // fails the test for stubs never used (unless allow_unused)

  /// Responds to `method url` (exact URL, query included) with `status` and `body`. Stubs
  /// for the same request are used in registration order; the last one repeats when
  /// `repeat` is set.
  FakeTransport& on(http::Method method, const std::string& url, int status, std::string body,
                    http::Headers headers = {}, bool repeat = false);
  /// The request fails without a response (connection refused, timeout, …).
  FakeTransport& fail(http::Method method, const std::string& url, http::FailureKind kind,
                      std::string message = "Connection refused", bool repeat = false);
  /// Answers a GET with the contents of tests/fixtures/<fixture>.
  FakeTransport& get_fixture(const std::string& url, const std::string& fixture,
                             int status = 200);

  http::Result perform(const http::Request& request) override;

  [[nodiscard]] std::vector<http::Request> requests() const;
  void allow_unused() { allow_unused_ = true; }

 private:
  struct Stub {
    http::Method method;
    std::string url;
    http::Result result;
    bool repeat = false;
    bool used = false;
  };
  mutable std::mutex mutex_;
  std::deque<Stub> stubs_;
  std::vector<http::Request> requests_;
  bool allow_unused_ = false;
};

/// Reads tests/fixtures/<relative> into a string (fails the test when missing).
std::string read_fixture(const std::string& relative);

}  // namespace qctl::testing
