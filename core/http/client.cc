#include "core/http/client.h"

#include <chrono>
#include <ostream>
#include <random>

#include "core/error.h"
#include "core/util/base64.h"
#include "core/util/strings.h"
#include "core/version.h"

namespace qctl::http {

bool retry_on_5xx(const Response& r) { return r.status >= 500; }

Client::Client(Transport& transport, Clock& clock, ClientOptions options)
    : transport_(transport), clock_(clock), options_(std::move(options)) {}

void Client::decorate(Request& request) const {
  // A zero timeout is a stream's "no overall limit" (see core/http/stream.h): kept.
  if (request.timeout.count() != 0) {
    request.timeout = options_.timeout;
  }
  request.connect_timeout = std::min(options_.connect_timeout, options_.timeout);
  request.headers.emplace_back("User-Agent", std::string("qctl/") + kVersion);
  const auto& auth = options_.auth;
  if (!auth.token.empty()) {
    request.headers.emplace_back("Authorization", "Bearer " + auth.token);
  } else if (!auth.user.empty()) {
    request.headers.emplace_back("Authorization",
                                 "Basic " + util::base64_encode(auth.user + ":" + auth.password));
  }
}

Response Client::send(Request request, const RetryOn& retry_on) {
  decorate(request);
  // Once part of a body went to a sink, a retry would feed it twice: stop retrying then.
  bool delivered = false;
  if (request.sink) {
    request.sink = [inner = std::move(request.sink), &delivered](std::string_view bytes) {
      delivered = true;
      inner(bytes);
    };
  }
  const bool idempotent = request.method == Method::kGet;
  const int tries = idempotent ? std::max(options_.retry.tries, 1) : 1;
  thread_local std::mt19937 rng{std::random_device{}()};
  Result result;
  for (int attempt = 1; attempt <= tries; ++attempt) {
    trace_request(request, attempt);
    const auto started = std::chrono::steady_clock::now();
    result = transport_.perform(request);
    const std::chrono::duration<double, std::milli> took =
        std::chrono::steady_clock::now() - started;
    trace_result(request, result, took.count());
    // A TLS failure (untrusted certificate, bad name) will not fix itself: fail at once.
    // Nor is a transfer its caller aborted (a stream being cancelled).
    const bool aborted = request.abort && request.abort();
    const bool again =
        !delivered && !aborted &&
        (result.ok() ? retry_on(*result.response) : result.failure != FailureKind::kTls);
    if (!again || attempt == tries) {
      break;
    }
    // Exponential back-off with full jitter, bounded by max_delay.
    const auto cap = std::min(options_.retry.max_delay.count(),
                              options_.retry.base_delay.count() << (attempt - 1));
    std::uniform_int_distribution<long> pick(cap / 2, std::max<long>(cap, 1));
    clock_.sleep_for(std::chrono::milliseconds(pick(rng)));
  }
  if (!result.ok()) {
    throw NetworkError(std::string(method_name(request.method)) + " " + request.url,
                       describe_failure(result));
  }
  return std::move(*result.response);
}

std::vector<Result> Client::send_all(std::vector<Request> requests, std::size_t parallel,
                                     const std::function<bool()>& stop) {
  for (auto& r : requests) {
    decorate(r);
  }
  const auto started = std::chrono::steady_clock::now();
  auto results = transport_.perform_all(requests, parallel, stop);
  const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - started;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (results[i].failure != FailureKind::kNotSent) {
      trace_request(requests[i], 1);
      trace_result(requests[i], results[i], took.count());
    }
  }
  return results;
}

void Client::trace_request(const Request& r, int attempt) const {
  if (options_.trace == nullptr) {
    return;
  }
  std::unique_lock<std::mutex> lock;
  if (options_.trace_mutex != nullptr) {
    lock = std::unique_lock<std::mutex>(*options_.trace_mutex);
  }
  auto& out = *options_.trace;
  out << "> " << method_name(r.method) << ' ' << r.url;
  if (attempt > 1) {
    out << " (try " << attempt << ')';
  }
  out << '\n';
  for (const auto& [name, value] : r.headers) {
    if (util::iequals(name, "Authorization")) {
      out << ">   " << name << ": " << util::split(value, ' ')[0] << " <redacted>\n";
    } else if (!util::iequals(name, "User-Agent")) {
      out << ">   " << name << ": " << value << '\n';
    }
  }
}

void Client::trace_result(const Request& r, const Result& result, double ms) const {
  if (options_.trace == nullptr) {
    return;
  }
  std::unique_lock<std::mutex> lock;
  if (options_.trace_mutex != nullptr) {
    lock = std::unique_lock<std::mutex>(*options_.trace_mutex);
  }
  auto& out = *options_.trace;
  out << "< " << method_name(r.method) << ' ' << r.url << ' ';
  if (!result.ok()) {
    out << "failed: " << describe_failure(result);
  } else {
    out << result.response->status << ", " << result.response->body.size() << " bytes";
  }
  out << " in " << util::format_number(ms, 1) << " ms\n";
  if (result.ok()) {
    for (const char* name : {"Location", "X-Marathon-Leader", "X-Marathon-Via",
                             "Marathon-Deployment-Id", "WWW-Authenticate"}) {
      if (auto v = result.response->header(name)) {
        out << "<   " << name << ": " << *v << '\n';
      }
    }
  }
}

std::string describe_failure(const Result& result) {
  const auto& msg = result.failure_message;
  switch (result.failure) {
    case FailureKind::kConnect:
      if (msg.find("refused") != std::string::npos) {
        return "connection refused";
      }
      if (msg.find("resolve") != std::string::npos) {
        return "could not resolve host";
      }
      return "connection failed: " + util::to_lower(msg);
    case FailureKind::kTimeout:
      return "timed out (" + util::to_lower(msg) + ")";
    case FailureKind::kTls:
      return "TLS failure: " + msg;
    case FailureKind::kNotSent:
    case FailureKind::kOther:
    case FailureKind::kNone:
      break;
  }
  return msg.empty() ? "request failed" : msg;
}

}  // namespace qctl::http
