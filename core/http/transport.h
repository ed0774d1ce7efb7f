// Generic HTTP transport seam: one request in, one response or transport failure out.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qctl::http {

enum class Method { kGet, kPost, kPut, kPatch, kDelete };

/// "GET", "POST", … as sent on the wire.
const char* method_name(Method m);

using Headers = std::vector<std::pair<std::string, std::string>>;

/// Receives a 2xx response body piece by piece as it arrives (for payloads too large to
/// hold twice). It may throw; the transport stops the transfer and rethrows to the caller.
using BodySink = std::function<void(std::string_view)>;

struct Request {
  Method method = Method::kGet;
  std::string url;
  Headers headers;
  std::string body;
  std::chrono::milliseconds timeout{30000};
  std::chrono::milliseconds connect_timeout{5000};
  BodySink sink;  // when set, a 2xx body goes here instead of Response::body
  /// When set, polled during the transfer (at least once a second and after each body
  /// piece); returning true stops it: no response, FailureKind::kOther. For long streams.
  std::function<bool()> abort;
};

/// A GET of `url` with default timeouts (the Client fills in its own).
[[nodiscard]] inline Request get_request(std::string url) {
  Request r;
  r.url = std::move(url);
  return r;
}

struct Response {
  int status = 0;
  Headers headers;
  std::string body;
  /// First header with this name, compared case-insensitively.
  [[nodiscard]] std::optional<std::string> header(std::string_view name) const;
};

/// Why a request produced no HTTP response at all.
enum class FailureKind {
  kNone,
  kConnect,
  kTimeout,
  kTls,
  kOther,
  kNotSent,  // perform_all's `stop` said so before the request started
};

struct Result {
  std::optional<Response> response;
  FailureKind failure = FailureKind::kNone;
  std::string failure_message;
  [[nodiscard]] bool ok() const { return response.has_value(); }
};

/// Sends requests. Implementations never throw for network trouble: they report it in Result;
/// an exception thrown by a request's sink is rethrown after the transfer is stopped.
/// Thread-safe: perform may be called from several threads at once.
/// The Result of a request perform_all never started (its `stop` said so).
[[nodiscard]] Result not_sent();

class Transport {
 public:
  virtual ~Transport() = default;
  virtual Result perform(const Request& request) = 0;
  /// Sends all requests with at most `parallel` in flight; results keep the input order.
  /// Once `stop` (may be empty) returns true no further request starts and those in flight
  /// finish; a request never started comes back as not_sent().
  virtual std::vector<Result> perform_all(const std::vector<Request>& requests,
                                          std::size_t parallel, const std::function<bool()>& stop);
};

}  // namespace qctl::http
