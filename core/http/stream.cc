#include "core/http/stream.h"

#include <cstdint>

#include "core/error.h"
#include "core/http/url.h"
#include "core/util/strings.h"

namespace qctl::http {

namespace {

using Steady = std::chrono::steady_clock;

bool is_redirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// One GET without following redirects: everything stream() needs to know about it.
struct Attempt {
  const ChunkHandler* on_chunk = nullptr;
  const StreamOptions* options = nullptr;
  Steady::time_point last_byte = Steady::now();
  StreamEnd stop_reason = StreamEnd::kClosed;  // set once something asked to stop
  bool stopping = false;
  std::uint64_t bytes = 0;

  bool should_abort() {
    if (stopping) {
      return true;
    }
    if (options->cancelled && options->cancelled()) {
      stop(StreamEnd::kCancelled);
    } else if (options->idle_timeout.count() > 0 &&
               Steady::now() - last_byte > options->idle_timeout) {
      stop(StreamEnd::kIdle);
    }
    return stopping;
  }
  void stop(StreamEnd why) {
    stopping = true;
    stop_reason = why;
  }
  void deliver(std::string_view piece) {
    last_byte = Steady::now();
    if (stopping || piece.empty()) {
      return;  // bytes curl had already read when a stop was asked for
    }
    bytes += piece.size();
    if (!(*on_chunk)(piece)) {
      stop(StreamEnd::kStopped);
    }
  }
};

}  // namespace

StreamOutcome stream(Client& client, const std::string& url, const ChunkHandler& on_chunk,
                     const StreamOptions& options) {
  StreamOutcome outcome;
  outcome.url = url;
  for (int hop = 0;; ++hop) {
    Attempt attempt;
    attempt.on_chunk = &on_chunk;
    attempt.options = &options;
    Request request = get_request(outcome.url);
    request.headers = options.headers;
    request.timeout = std::chrono::milliseconds(0);  // no overall limit: idle_timeout instead
    request.sink = [&attempt](std::string_view piece) { attempt.deliver(piece); };
    request.abort = [&attempt] { return attempt.should_abort(); };
    Response response;
    try {
      // A response status is never retried here: the caller decides what a 5xx means.
      response = client.send(std::move(request), [](const Response&) { return false; });
    } catch (const NetworkError& e) {
      if (attempt.stopping) {
        outcome.end = attempt.stop_reason;
        return outcome;
      }
      if (attempt.bytes == 0) {
        throw;
      }
      outcome.end = StreamEnd::kBroken;
      outcome.error = e.what();
      return outcome;
    }
    outcome.status = response.status;
    if (is_redirect(response.status) && hop < options.max_redirects) {
      auto location = response.header("Location");
      auto next = location ? resolve_location(outcome.url, *location) : std::nullopt;
      if (next) {
        outcome.url = *next;
        continue;
      }
    }
    if (response.status / 100 != 2) {
      outcome.body = std::move(response.body);
    }
    outcome.end = attempt.stopping ? attempt.stop_reason : StreamEnd::kClosed;
    return outcome;
  }
}

std::string describe_end(const StreamOutcome& outcome, const StreamOptions& options) {
  switch (outcome.end) {
    case StreamEnd::kClosed:
      return "closed by the server";
    case StreamEnd::kStopped:
      return "stopped";
    case StreamEnd::kCancelled:
      return "cancelled";
    case StreamEnd::kIdle: {
      const double secs = std::chrono::duration<double>(options.idle_timeout).count();
      return "nothing received for " + util::format_number(secs, 1) + "s";
    }
    case StreamEnd::kBroken:
      return "connection broken: " + outcome.error;
  }
  return "ended";
}

}  // namespace qctl::http
