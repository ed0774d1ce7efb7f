#include "core/marathon/sse_summary.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/util/strings.h"

namespace qctl::marathon {

namespace {

using nlohmann::json;

std::string text(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    return "";
  }
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// Apps of a deployment step: {"actions":[{"action":"ScaleApplication","app":"/web"}]}
// ("pod" instead of "app" for pods).
void step_apps(const json& step, std::vector<std::string>& apps, std::vector<std::string>& what) {
  auto actions = step.find("actions");
  if (actions == step.end() || !actions->is_array()) {
    return;
  }
  for (const json& a : *actions) {
    if (!a.is_object()) {
      continue;
    }
    std::string id = text(a, "app");
    if (id.empty()) {
      id = text(a, "pod");
    }
    if (!id.empty() && std::find(apps.begin(), apps.end(), id) == apps.end()) {
      apps.push_back(id);
    }
    what.push_back(text(a, "action") + " " + id);
  }
}

void deployment(const json& d, EventSummary& s) {
  const json plan = d.value("plan", json::object());
  s.task = text(d, "id").empty() ? text(plan, "id") : text(d, "id");  // the deployment id
  std::vector<std::string> what;
  if (d.contains("currentStep")) {
    step_apps(d["currentStep"], s.apps, what);
    s.message = util::join(what, ", ");
  } else if (plan.contains("steps") && plan["steps"].is_array()) {
    for (const json& step : plan["steps"]) {
      step_apps(step, s.apps, what);
    }
  }
  if (s.type == "deployment_failed") {
    s.state = "failed";
    s.message = text(d, "reason");
  } else if (s.type == "deployment_success") {
    s.state = "success";
  } else if (s.type == "deployment_step_failure") {
    s.state = "step failed";
  }
}

void fill(const json& d, EventSummary& s) {
  const std::string& t = s.type;
  s.app = text(d, "appId");
  s.host = text(d, "host");
  if (t == "status_update_event") {
    s.task = text(d, "taskId");
    s.state = text(d, "taskStatus");
    s.message = text(d, "message");
  } else if (t == "instance_changed_event") {
    s.app = text(d, "runSpecId");
    s.task = text(d, "instanceId");
    s.state = text(d, "condition");
  } else if (t == "health_status_changed_event" || t == "instance_health_changed_event") {
    s.app = s.app.empty() ? text(d, "runSpecId") : s.app;
    s.task = text(d, "instanceId").empty() ? text(d, "taskId") : text(d, "instanceId");
    const std::string alive = text(d, "alive").empty() ? text(d, "healthy") : text(d, "alive");
    s.state = alive == "true" ? "healthy" : alive == "false" ? "unhealthy" : "unknown";
  } else if (t == "failed_health_check_event" || t == "unhealthy_instance_kill_event" ||
             t == "unhealthy_task_kill_event") {
    s.task = text(d, "instanceId").empty() ? text(d, "taskId") : text(d, "instanceId");
    s.message = text(d, "reason");
  } else if (t == "api_post_event") {
    s.app = d.contains("appDefinition") ? text(d["appDefinition"], "id") : "";
    s.message = text(d, "uri");
    s.host = text(d, "clientIp");
  } else if (t == "event_stream_attached" || t == "event_stream_detached") {
    s.host = text(d, "remoteAddress");
  } else if (t == "group_change_success" || t == "group_change_failed") {
    s.app = text(d, "groupId");
    s.message = text(d, "reason");
  } else if (t.rfind("deployment_", 0) == 0) {
    deployment(d, s);
  } else if (t == "framework_message_event") {
    s.task = text(d, "executorId");
    s.message = text(d, "message");
  } else if (t == "scheduler_registered_event" || t == "scheduler_reregistered_event") {
    s.host = text(d, "master");
    s.message = text(d, "frameworkId");
  } else if (t == "scheduler_disconnected_event") {
    s.message = text(d, "message");
  } else if (t == "pod_created_event" || t == "pod_updated_event" || t == "pod_deleted_event") {
    s.app = text(d, "id").empty() ? text(d, "podId") : text(d, "id");
  }
  if (!s.app.empty() && std::find(s.apps.begin(), s.apps.end(), s.app) == s.apps.end()) {
    s.apps.insert(s.apps.begin(), s.app);
  }
  if (s.app.empty() && !s.apps.empty()) {
    s.app = util::join(s.apps, ",");
  }
}

EventSummary summarize(const SseEvent& event, const json& d) {
  EventSummary s;
  s.type = event.type;
  if (d.is_discarded() || !d.is_object()) {
    s.message = event.data;
    return s;
  }
  if (!text(d, "eventType").empty()) {
    s.type = text(d, "eventType");
  }
  s.time = text(d, "timestamp");
  fill(d, s);
  return s;
}

std::string json_line(const SseEvent& event, json d) {
  if (d.is_discarded()) {
    return json{{"eventType", event.type}, {"data", event.data}}.dump(
        -1, ' ', false, json::error_handler_t::replace);
  }
  if (d.is_object() && !d.contains("eventType")) {
    d["eventType"] = event.type;
  } else if (event.data.find_first_of("\r\n") == std::string::npos) {
    return event.data;  // already one line: Marathon's own bytes, numbers untouched
  }
  return d.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

DecodedEvent decode_event(const SseEvent& event, bool with_json_line) {
  json d = json::parse(event.data, nullptr, false);
  DecodedEvent out;
  out.summary = summarize(event, d);
  if (with_json_line) {
    out.json_line = json_line(event, std::move(d));
  }
  return out;
}

bool concerns_app(const EventSummary& summary, const std::string& app_id) {
  for (const std::string& a : summary.apps) {
    if (a == app_id || (a.size() > app_id.size() && a.compare(0, app_id.size(), app_id) == 0 &&
                        (app_id == "/" || a[app_id.size()] == '/'))) {
      return true;
    }
  }
  return false;
}

}  // namespace qctl::marathon
