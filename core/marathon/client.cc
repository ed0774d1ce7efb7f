#include "core/marathon/client.h"

#include <algorithm>
#include <string_view>

#include "core/error.h"
#include "core/http/errors.h"
#include "core/http/url.h"
#include "core/marathon/decode.h"
#include "core/service/error_text.h"
#include "core/util/strings.h"

namespace qctl::marathon {

namespace {

bool valid_segment(std::string_view segment) {
  return !segment.empty() && std::ranges::all_of(segment, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
  });
}

std::string app_path(const std::string& id) { return "/v2/apps" + normalize_app_id(id); }

std::string flag(std::string_view name, bool on) {
  return on ? std::string(name) + "=true" : std::string();
}

/// "?a&b" from the non-empty parts, "" when there are none.
std::string query(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (!p.empty()) {
      out += (out.empty() ? "?" : "&") + p;
    }
  }
  return out;
}

}  // namespace

std::string normalize_app_id(const std::string& id) {
  std::string_view rest = util::trim(id);
  while (!rest.empty() && rest.front() == '/') {
    rest.remove_prefix(1);
  }
  if (!rest.empty() && rest.back() == '/') {
    rest.remove_suffix(1);
  }
  if (rest.empty()) {
    throw UsageError("an app id is required, e.g. /group/app");
  }
  for (const auto& segment : util::split(rest, '/')) {
    if (!valid_segment(segment)) {
      throw UsageError("invalid app id '" + id + "'",
                       "app ids are '/'-separated segments of lowercase letters, digits, '-' "
                       "and '.'");
    }
  }
  return "/" + std::string(rest);
}

Client::Client(http::Client& http, std::vector<std::string> urls)
    : endpoints_(http, std::move(urls), "marathon") {}

http::Response Client::call(http::Method method, const std::string& path,
                            const std::string& body) {
  http::Headers headers;
  if (!body.empty()) {
    headers.emplace_back("Content-Type", "application/json");
  }
  auto response = endpoints_.send(method, path, body, headers);
  if (auto leader = response.header("X-Marathon-Leader")) {
    std::lock_guard<std::mutex> guard(mutex_);
    last_leader_ = *leader;
  }
  if (response.status < 200 || response.status >= 300) {
    const std::string subject =
        std::string(http::method_name(method)) + " " + http::join_url(endpoints_.current(), path);
    http::throw_for_status(response.status, subject, error_message(response.body));
  }
  return response;
}

namespace {

/// Runs a decoder over a 2xx body; a body of the wrong shape is the server's fault: ApiError.
template <class F>
auto decode_or_throw(service::Endpoints& endpoints, http::Method method, const std::string& path,
                     http::Response& response, F&& decoder) -> decltype(decoder(response.body)) {
  try {
    return decoder(response.body);
  } catch (const json::DecodeError& e) {
    throw ApiError(
        std::string(http::method_name(method)) + " " + http::join_url(endpoints.current(), path),
        e.what(), response.status);
  }
}

}  // namespace

std::vector<model::App> Client::apps(const AppQuery& q) {
  std::string path = "/v2/apps?embed=apps.counts&embed=apps.deployments";
  if (q.embed_tasks) {
    path += "&embed=apps.tasks";
  }
  if (q.embed_last_task_failure) {
    path += "&embed=apps.lastTaskFailure";
  }
  if (!q.id.empty()) {
    path += "&id=" + http::url_encode(q.id);
  }
  if (!q.label.empty()) {
    path += "&label=" + http::url_encode(q.label);
  }
  auto r = call(http::Method::kGet, path);
  return decode_or_throw(endpoints_, http::Method::kGet, path, r, decode_apps);
}

model::App Client::app(const std::string& id) {
  const auto path = app_path(id);
  auto r = call(http::Method::kGet, path);
  return decode_or_throw(endpoints_, http::Method::kGet, path, r, decode_app);
}

std::vector<model::MarathonTask> Client::app_tasks(const std::string& id) {
  const auto path = app_path(id) + "/tasks";
  auto r = call(http::Method::kGet, path);
  return decode_or_throw(endpoints_, http::Method::kGet, path, r, decode_tasks);
}

std::vector<model::MarathonTask> Client::tasks() {
  const std::string path = "/v2/tasks";
  auto r = call(http::Method::kGet, path);
  return decode_or_throw(endpoints_, http::Method::kGet, path, r, decode_tasks);
}

std::vector<model::Deployment> Client::deployments() {
  const std::string path = "/v2/deployments";
  auto r = call(http::Method::kGet, path);
  return decode_or_throw(endpoints_, http::Method::kGet, path, r, decode_deployments);
}

std::vector<model::QueueItem> Client::queue() {
  const std::string path = "/v2/queue";
  auto r = call(http::Method::kGet, path);
  return decode_or_throw(endpoints_, http::Method::kGet, path, r, decode_queue);
}

model::MarathonInfo Client::info() {
  const std::string path = "/v2/info";
  auto r = call(http::Method::kGet, path);
  return decode_or_throw(endpoints_, http::Method::kGet, path, r, decode_info);
}

std::string Client::leader() {
  const std::string path = "/v2/leader";
  auto r = call(http::Method::kGet, path);
  return decode_or_throw(endpoints_, http::Method::kGet, path, r, decode_leader);
}

bool Client::ping() {
  const auto r = endpoints_.send(http::Method::kGet, "/ping");
  return r.status >= 200 && r.status < 300;
}

model::DeploymentResult Client::update_app(const std::string& id, const std::string& json_body,
                                           bool force) {
  const auto path = app_path(id) + query({flag("force", force)});
  auto r = call(http::Method::kPut, path, json_body);
  return decode_or_throw(endpoints_, http::Method::kPut, path, r, decode_deployment_result);
}

model::DeploymentResult Client::restart_app(const std::string& id, bool force) {
  const auto path = app_path(id) + "/restart" + query({flag("force", force)});
  auto r = call(http::Method::kPost, path);
  return decode_or_throw(endpoints_, http::Method::kPost, path, r, decode_deployment_result);
}

KillResult Client::kill_task(const std::string& app_id, const std::string& task_id, bool scale,
                             bool wipe) {
  if (scale && wipe) {
    throw UsageError("a task kill cannot both scale the app down and wipe the task");
  }
  if (util::trim(task_id).empty()) {
    throw UsageError("a task id is required");
  }
  const auto path = app_path(app_id) + "/tasks/" + http::url_encode(task_id) +
                    query({flag("scale", scale), flag("wipe", wipe)});
  auto r = call(http::Method::kDelete, path);
  KillResult out;
  // scale=true answers a deployment; otherwise the killed task as {"task":…}.
  if (scale) {
    out.deployment =
        decode_or_throw(endpoints_, http::Method::kDelete, path, r, decode_deployment_result);
  } else {
    out.task = decode_or_throw(endpoints_, http::Method::kDelete, path, r, decode_task);
  }
  return out;
}

std::string Client::last_leader() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return last_leader_;
}

}  // namespace qctl::marathon
