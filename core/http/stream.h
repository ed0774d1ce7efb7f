// Long-lived HTTP GETs (event streams, followed downloads): body pieces to a callback as they
// arrive, cancellable, with the Client's auth, User-Agent, -v trace and redirects followed.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "core/http/client.h"
#include "core/http/transport.h"

namespace qctl::http {

struct StreamOptions {
  Headers headers;  // extra request headers, e.g. {"Accept", "text/event-stream"}
  /// No byte (headers or body) for this long: the stream is taken for dead (StreamEnd::kIdle).
  std::chrono::milliseconds idle_timeout{30000};
  /// Polled at least once a second while waiting; true ends the stream (StreamEnd::kCancelled).
  /// May read state written by another thread (an atomic flag).
  std::function<bool()> cancelled;
  int max_redirects = 5;  // 301/302/303/307/308 hops followed, each resolved like a browser
};

/// Why stream() returned.
enum class StreamEnd {
  kClosed,     // the server ended the body (or answered with a non-2xx status)
  kStopped,    // the chunk handler returned false
  kCancelled,  // options.cancelled() turned true
  kIdle,       // nothing arrived within idle_timeout
  kBroken,     // the connection failed after part of the body had arrived
};

struct StreamOutcome {
  StreamEnd end = StreamEnd::kClosed;
  std::string url;    // the URL that answered, after redirects
  int status = 0;     // its HTTP status (0 when cancelled or idle before an answer)
  std::string body;   // its body when the status is not 2xx (the server's error text)
  std::string error;  // kBroken: what went wrong, e.g. "connection failed: …"
};

/// Receives body pieces in order, split anywhere; returns false to stop the stream.
using ChunkHandler = std::function<bool(std::string_view)>;

/// GET `url` through `client` without an overall timeout and hands a 2xx body to `on_chunk`
/// as it arrives, until the server closes it, the handler or `cancelled` stops it, or it goes
/// idle. Redirects are followed (Marathon answers /v2/events on a non-leader with 302); a
/// non-2xx answer returns at once with its status and body (nothing delivered). Throws
/// NetworkError naming the URL when no answer came at all (connection refused, DNS, TLS).
/// Exceptions from `on_chunk` stop the transfer and propagate.
StreamOutcome stream(Client& client, const std::string& url, const ChunkHandler& on_chunk,
                     const StreamOptions& options = {});

/// "closed by the server", "stopped", "cancelled", "idle for 30s", "connection broken: …".
[[nodiscard]] std::string describe_end(const StreamOutcome& outcome,
                                       const StreamOptions& options);

}  // namespace qctl::http
