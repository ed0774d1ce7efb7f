#include "core/marathon/events.h"

#include <algorithm>

#include "core/error.h"
#include "core/http/errors.h"
#include "core/http/stream.h"
#include "core/http/url.h"
#include "core/marathon/client.h"
#include "core/util/strings.h"

namespace qctl::marathon {

std::chrono::milliseconds Backoff::next() {
  auto delay = policy_.initial;
  for (int i = 0; i < failures_ && delay < policy_.max; ++i) {
    delay *= 2;
  }
  ++failures_;
  return std::min(delay, policy_.max);
}

std::string describe(const StreamNotice& notice) {
  switch (notice.kind) {
    case StreamNotice::Kind::kConnected:
      return "following events from " + notice.url;
    case StreamNotice::Kind::kReconnected:
      return "event stream reconnected to " + notice.url;
    case StreamNotice::Kind::kLost:
      break;
  }
  const double secs = std::chrono::duration<double>(notice.retry_in).count();
  return "event stream from " + notice.url + " lost (" + notice.reason + "); reconnecting in " +
         util::format_number(secs, secs < 10 ? 1 : 0) + "s";
}

std::string events_url(const std::string& base, const std::vector<std::string>& types) {
  std::string url = http::join_url(base, "/v2/events");
  char sep = '?';
  for (const std::string& t : types) {
    url += sep;
    url += "event_type=" + http::url_encode(t);
    sep = '&';
  }
  return url;
}

EventStream::EventStream(http::Client& http, std::vector<std::string> urls, Clock& clock,
                         EventStreamOptions options)
    : http_(http), urls_(std::move(urls)), clock_(clock), options_(std::move(options)) {}

// The result of one connection: whether to stop for good, or why it has to be retried.
struct EventStream::Attempt {
  bool done = false;       // the handler stopped, or cancelled
  bool connected = false;  // part of the body arrived
  bool refused = false;    // no answer at all: try the next URL
  std::string reason;      // why it ended, for the notice
};

EventStream::Attempt EventStream::attempt(
    const std::string& url, const SseHandler& on_event,
    const std::function<void(const StreamNotice&)>& on_notice) {
  Attempt a;
  SseParser parser;
  http::StreamOptions so;
  // Jetty's EventSourceServlet compares the whole value: nothing may be added to it.
  so.headers = {{"Accept", "text/event-stream"}};
  so.idle_timeout = options_.idle_timeout;
  so.cancelled = options_.cancelled;
  const auto on_chunk = [&](std::string_view piece) {
    if (!a.connected) {
      a.connected = true;
      on_notice({ever_connected_ ? StreamNotice::Kind::kReconnected
                                 : StreamNotice::Kind::kConnected,
                 url, "", std::chrono::milliseconds(0)});
      ever_connected_ = true;
    }
    return parser.feed(piece, on_event);
  };
  http::StreamOutcome out;
  try {
    out = http::stream(http_, url, on_chunk, so);
  } catch (const NetworkError& e) {
    a.refused = true;
    a.reason = e.what();
    return a;
  }
  if (out.end == http::StreamEnd::kStopped || out.end == http::StreamEnd::kCancelled) {
    a.done = true;
    return a;
  }
  const std::string subject = "GET " + out.url;
  if (out.status == 405) {
    throw ApiError(subject, "405 the server refused Accept: text/event-stream (not Marathon?)",
                   405);
  }
  if (out.status / 100 == 4) {
    http::throw_for_status(out.status, subject, error_message(out.body));
  }
  if (out.status != 0 && out.status / 100 != 2) {
    a.reason = "HTTP " + std::to_string(out.status);
  } else {
    a.reason = http::describe_end(out, so);
  }
  return a;
}

void EventStream::wait(std::chrono::milliseconds delay) {
  // In slices, so that cancelling during a long back-off is quick.
  const std::chrono::milliseconds slice{100};
  while (delay.count() > 0 && !cancelled()) {
    const auto step = std::min(delay, slice);
    clock_.sleep_for(step);
    delay -= step;
  }
}

void EventStream::run(const SseHandler& on_event,
                      const std::function<void(const StreamNotice&)>& on_notice) {
  if (urls_.empty()) {
    throw ConfigError("marathon", "no URL configured in this context");
  }
  Backoff backoff(options_.reconnect);
  std::size_t index = 0;
  std::size_t failures_before_connect = 0;
  const std::size_t startup_limit =
      static_cast<std::size_t>(std::max(options_.reconnect.startup_rounds, 1)) * urls_.size();
  while (!cancelled()) {
    const std::string url = events_url(urls_[index], options_.types);
    Attempt a = attempt(url, on_event, on_notice);
    if (a.done || cancelled()) {
      return;
    }
    if (a.connected) {
      backoff.reset();
    }
    if (!ever_connected_ && ++failures_before_connect >= startup_limit) {
      throw NetworkError("GET " + url, a.reason);
    }
    if (a.refused || !a.connected) {
      index = (index + 1) % urls_.size();
    }
    const auto delay = backoff.next();
    on_notice({StreamNotice::Kind::kLost, url, a.reason, delay});
    wait(delay);
  }
}

}  // namespace qctl::marathon
