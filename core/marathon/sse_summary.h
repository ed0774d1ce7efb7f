// One display line's worth of a Marathon event: time, type, app, task, state, host, message.
#pragma once

#include <string>
#include <vector>

#include "core/marathon/sse.h"

namespace qctl::marathon {

struct EventSummary {
  std::string time;   // the event's "timestamp" (ISO 8601, as Marathon sends it)
  std::string type;   // eventType (the SSE event name when the JSON lacks it)
  std::string app;    // the app (or pod / group) concerned; "" when none
  std::string task;   // task or instance id
  std::string state;  // TASK_RUNNING, an instance condition, healthy/unhealthy, …
  std::string host;
  std::string message;
  std::vector<std::string> apps;  // every app the event concerns (deployments touch several)
};

/// An event's data parsed once: its summary and, when asked for, its NDJSON line.
struct DecodedEvent {
  /// The interesting fields of each event type (Marathon's Events.scala shapes); unknown
  /// types keep time and type. Data that is not JSON gives the raw text as message.
  EventSummary summary;
  /// The event's JSON on one line, for NDJSON (-o json): Marathon's data as sent, with
  /// eventType added when the JSON lacked it. Empty unless `with_json_line`.
  std::string json_line;
};

[[nodiscard]] DecodedEvent decode_event(const SseEvent& event, bool with_json_line);

/// True when the event concerns `app_id` ("/web") or an app under it ("/web/…" for a group).
[[nodiscard]] bool concerns_app(const EventSummary& summary, const std::string& app_id);

}  // namespace qctl::marathon
