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

/// Picks the interesting fields of each event type (Marathon's Events.scala shapes);
/// unknown types keep time and type. Data that is not JSON gives a summary with the raw
/// text as message.
[[nodiscard]] EventSummary summarize(const SseEvent& event);

/// True when the event concerns `app_id` ("/web") or an app under it ("/web/…" for a group).
[[nodiscard]] bool concerns_app(const EventSummary& summary, const std::string& app_id);

/// The event's JSON on one line, for NDJSON (-o json): Marathon's data as sent, with
/// eventType added when the JSON lacked it.
[[nodiscard]] std::string json_line(const SseEvent& event);

}  // namespace qctl::marathon
