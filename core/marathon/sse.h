// Server-Sent Events parser (the WHATWG event-stream format Marathon's /v2/events speaks).
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace qctl::marathon {

/// One dispatched event: `event:` name (default "message"), `data:` lines joined by "\n".
struct SseEvent {
  std::string type = "message";
  std::string data;
};

/// Receives each complete event; returns false to stop parsing.
using SseHandler = std::function<bool(const SseEvent&)>;

/// Incremental parser: bytes may be split anywhere (inside a line, between CR and LF).
/// Lines end in CRLF, LF or CR; `:` lines are comments (heartbeats); a blank line dispatches
/// the event when it has data; one space after the colon is dropped; `id:` and `retry:`
/// are ignored (a lost stream is retried with qctl's own back-off, and Marathon replays
/// nothing).
class SseParser {
 public:
  /// Parses `bytes`, calling `on_event` per complete event. False when the handler stopped
  /// (the rest of `bytes` is then dropped).
  bool feed(std::string_view bytes, const SseHandler& on_event);

 private:
  bool line(std::string_view text, const SseHandler& on_event);

  std::string partial_;
  bool skip_lf_ = false;  // the previous piece ended in CR: a leading LF belongs to it
  SseEvent event_;
  bool has_data_ = false;
};

}  // namespace qctl::marathon
