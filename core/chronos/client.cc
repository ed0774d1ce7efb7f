#include "core/chronos/client.h"

#include <regex>

#include "core/chronos/decode.h"
#include "core/chronos/job_validate.h"
#include "core/error.h"
#include "core/http/errors.h"
#include "core/http/url.h"
#include "core/util/strings.h"

namespace qctl::chronos {

namespace {

constexpr const char* kHighQueueGauge =
    "org.apache.mesos.chronos.scheduler.jobs.TaskManager.highQueueSize";
constexpr const char* kQueueGauge = "org.apache.mesos.chronos.scheduler.jobs.TaskManager.queueSize";

/// The job name as a URL path segment, checked against Chronos' JobUtils.jobNamePattern:
/// ASCII letters, digits, '_', '.', '-' (2.x also whitespace and '#').
std::string job_segment(const std::string& name, bool v2) {
  if (!valid_job_name(name, v2)) {
    throw UsageError("invalid job name '" + name + "'", job_name_rule(v2));
  }
  return http::url_encode(name);
}

bool is_success(int status) { return status >= 200 && status < 300; }

/// "job 'x' not found" from Chronos' require(...) failures, which it answers with 400.
std::optional<std::string> missing_job(const std::string& message) {
  static const std::regex pattern(R"((?:Job|JobSchedule) '([^']*)' not found)");
  std::smatch m;
  if (std::regex_search(message, m, pattern)) {
    return "job '" + m[1].str() + "' not found";
  }
  return std::nullopt;
}

}  // namespace

Client::Client(http::Client& http, std::vector<std::string> urls, config::ChronosApi api)
    : endpoints_(http, std::move(urls), "chronos"), api_(api) {}

std::string Client::prefix() {
  if (api_ == config::ChronosApi::kV3) {
    return "/v1/scheduler";
  }
  if (api_ == config::ChronosApi::kV2) {
    return "/scheduler";
  }
  std::lock_guard<std::mutex> guard(mutex_);
  if (!prefix_.empty()) {
    return prefix_;
  }
  // 3.x serves everything under /v1/scheduler; 2.x under /scheduler (404 for the other).
  for (const char* candidate : {"/v1/scheduler", "/scheduler"}) {
    const std::string path = std::string(candidate) + "/leader";
    const auto r = endpoints_.send(http::Method::kGet, path);
    if (is_success(r.status)) {
      prefix_ = candidate;
      return prefix_;
    }
    if (r.status != 404) {
      http::throw_for_status(r.status, "GET " + http::join_url(endpoints_.current(), path),
                             error_message(r.body));
    }
  }
  throw ApiError("chronos " + endpoints_.current(),
                 "not a Chronos API: both /v1/scheduler/leader (3.x) and /scheduler/leader "
                 "(2.x) answered 404",
                 404);
}

http::Response Client::call(http::Method method, const std::string& path,
                            const std::string& body) {
  http::Headers headers;
  if (!body.empty()) {
    headers.emplace_back("Content-Type", "application/json");
  }
  auto response = endpoints_.send(method, path, body, headers);
  if (is_success(response.status)) {
    return response;
  }
  const std::string subject =
      std::string(http::method_name(method)) + " " + http::join_url(endpoints_.current(), path);
  const std::string message = error_message(response.body);
  if (response.status == 400 || response.status == 404) {
    if (auto missing = missing_job(message)) {
      throw NotFoundError(subject, *missing);
    }
  }
  http::throw_for_status(response.status, subject, message);
}

namespace {

/// Runs a decoder over a 2xx body; a body of the wrong shape is the server's fault: ApiError.
template <class F>
auto decode_or_throw(service::Endpoints& endpoints, const std::string& path,
                     http::Response& response, F&& decoder) -> decltype(decoder(response.body)) {
  try {
    return decoder(response.body);
  } catch (const json::DecodeError& e) {
    throw ApiError("GET " + http::join_url(endpoints.current(), path), e.what(), response.status);
  }
}

}  // namespace

std::vector<model::Job> Client::jobs() {
  const auto path = prefix() + "/jobs";
  auto r = call(http::Method::kGet, path);
  return decode_or_throw(endpoints_, path, r, decode_jobs);
}

model::Job Client::job(const std::string& name) {
  const auto path = prefix() + "/job/" + job_segment(name, is_v2());
  auto r = call(http::Method::kGet, path);
  return decode_or_throw(endpoints_, path, r, decode_job);
}

std::vector<model::JobSummary> Client::summary() {
  const auto base = prefix();
  if (base == "/scheduler") {
    return summarize(jobs(), graph());
  }
  const auto path = base + "/jobs/summary";
  auto r = call(http::Method::kGet, path);
  return decode_or_throw(endpoints_, path, r, decode_summary);
}

model::JobGraph Client::graph() {
  const auto path = prefix() + "/graph/csv";
  auto r = call(http::Method::kGet, path);
  return decode_or_throw(endpoints_, path, r,
                         [](const std::string& body) { return decode_graph_csv(body); });
}

model::JobStat Client::job_stat(const std::string& name) {
  const auto path = prefix() + "/job/stat/" + job_segment(name, is_v2());
  auto r = call(http::Method::kGet, path);
  return decode_or_throw(endpoints_, path, r, decode_job_stat);
}

std::string Client::leader() {
  const auto path = prefix() + "/leader";
  auto r = call(http::Method::kGet, path);
  return decode_or_throw(endpoints_, path, r, decode_leader);
}

QueueGauges Client::queue_gauges() {
  const std::string path = "/metrics";
  auto r = call(http::Method::kGet, path);
  const auto gauges = decode_or_throw(endpoints_, path, r, decode_metric_gauges);
  const auto high = gauges.find(kHighQueueGauge);
  const auto normal = gauges.find(kQueueGauge);
  if (high == gauges.end() && normal == gauges.end()) {
    throw ApiError("GET " + http::join_url(endpoints_.current(), path),
                   "no TaskManager queue gauges in the metrics (Chronos older than 3.0?)",
                   r.status);
  }
  QueueGauges out;
  out.high = high == gauges.end() ? 0 : high->second;
  out.normal = normal == gauges.end() ? 0 : normal->second;
  return out;
}

void Client::upsert(const std::string& job_json, bool dependent) {
  call(http::Method::kPost, prefix() + (dependent ? "/dependency" : "/iso8601"), job_json);
}

void Client::run(const std::string& name, const std::string& arguments) {
  std::string path = prefix() + "/job/" + job_segment(name, is_v2());
  if (!arguments.empty()) {
    path += "?arguments=" + http::url_encode(arguments);
  }
  call(http::Method::kPut, path);
}

void Client::remove(const std::string& name) {
  call(http::Method::kDelete, prefix() + "/job/" + job_segment(name, is_v2()));
}

void Client::kill_tasks(const std::string& name) {
  call(http::Method::kDelete, prefix() + "/task/kill/" + job_segment(name, is_v2()));
}

}  // namespace qctl::chronos
