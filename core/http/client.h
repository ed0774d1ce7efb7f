// Generic API client plumbing: auth and User-Agent headers, bounded retries, -v tracing.
#pragma once

#include <chrono>
#include <functional>
#include <iosfwd>
#include <mutex>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/http/transport.h"

namespace qctl::http {

/// Resolved credentials: basic auth (user + password) or a bearer token; secrets in memory only.
struct Auth {
  std::string user;
  std::string password;
  std::string token;
  [[nodiscard]] bool empty() const { return user.empty() && token.empty(); }
};

struct RetryPolicy {
  int tries = 3;                                // total attempts for idempotent requests
  std::chrono::milliseconds base_delay{200};    // first back-off, doubled each time
  std::chrono::milliseconds max_delay{3000};
};

struct ClientOptions {
  Auth auth;
  RetryPolicy retry;
  std::chrono::milliseconds timeout{30000};
  std::chrono::milliseconds connect_timeout{5000};
  std::ostream* trace = nullptr;  // -v: one line per request and response, secrets redacted
  std::mutex* trace_mutex = nullptr;
};

/// Decides whether an HTTP response to an idempotent request is worth another try.
using RetryOn = std::function<bool(const Response&)>;

/// True for 5xx: the default retry rule for GETs.
bool retry_on_5xx(const Response& r);

/// Sends requests through a Transport with the context's auth. GETs are retried on
/// connection errors, timeouts and (by default) 5xx with exponential back-off and jitter;
/// other methods are sent once.
class Client {
 public:
  Client(Transport& transport, Clock& clock, ClientOptions options);

  /// Returns any HTTP response (callers map statuses); throws NetworkError naming `url`
  /// when no response arrived after the allowed tries.
  Response send(Request request, const RetryOn& retry_on = retry_on_5xx);

  /// Adds auth, User-Agent and timeouts to a request without sending it (for batches).
  void decorate(Request& request) const;

  /// A batch: decorates every request and sends them through the transport's perform_all
  /// (at most `parallel` in flight, `stop` asked before each starts, no retries: batches are
  /// writes), tracing each with -v as send does (the time is the batch's).
  std::vector<Result> send_all(std::vector<Request> requests, std::size_t parallel,
                               const std::function<bool()>& stop);

  [[nodiscard]] Transport& transport() { return transport_; }
  [[nodiscard]] const ClientOptions& options() const { return options_; }

 private:
  void trace_request(const Request& r, int attempt) const;
  void trace_result(const Request& r, const Result& result, double ms) const;

  Transport& transport_;
  Clock& clock_;
  ClientOptions options_;
};

/// The one-line description of a transport failure, e.g. "connection refused".
std::string describe_failure(const Result& result);

}  // namespace qctl::http
