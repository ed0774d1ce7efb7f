// Chronos' reading endpoints: jobs, search, summary, one job, stats, graph, leader, /metrics.
#include <algorithm>

#include "sandbox/chronos/api.h"
#include "sandbox/chronos/api_errors.h"
#include "sandbox/chronos/iso_time.h"

namespace qctl::sandbox::chronos::api {

namespace {

using http::Response;
using nlohmann::ordered_json;

// Exporter.getLastState.
std::string last_state(const Job& job) {
  if (job.last_success.empty() && job.last_error.empty()) {
    return "fresh";
  }
  if (job.last_success.empty()) {
    return "failure";
  }
  if (job.last_error.empty()) {
    return "success";
  }
  auto success = parse_datetime(job.last_success);
  auto error = parse_datetime(job.last_error);
  return success && error && success->ms > error->ms ? "success" : "failure";
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), ::tolower);
  return s;
}

bool has(const std::string& text, const std::string& needle) {
  return lower(text).find(lower(needle)) != std::string::npos;
}

// Jersey turns an @QueryParam Integer that does not parse into a 404.
std::optional<std::int64_t> int_param(const http::Request& req, const char* name, std::int64_t fallback,
                                      bool& bad) {
  if (!req.has_param(name)) {
    return fallback;
  }
  const std::string v = req.param(name);
  std::size_t used = 0;
  try {
    const long long n = std::stoll(v, &used);
    if (used == v.size() && n >= INT32_MIN && n <= INT32_MAX) {
      return n;
    }
  } catch (const std::exception&) {
  }
  bad = true;
  return std::nullopt;
}

Response json_body(const ordered_json& j) { return Response::json(200, j.dump()); }

}  // namespace

std::string prefix(const ChronosState& s) {
  return !s.options_.v2() ? "/v1/scheduler" : "/scheduler";
}

Response list_jobs(ChronosState& s, http::Request& /*req*/) {
  auto lock = s.world_.lock();
  ordered_json out = ordered_json::array();
  for (const std::string& name : s.graph()) {
    Job job = *s.stored(name);
    // Only here, for compatibility, fetch and uris mirror each other.
    if (job.fetch.empty()) {
      for (const std::string& uri : job.uris) {
        job.fetch.push_back(FetchUri{uri, false, false, true, ""});
      }
    } else {
      job.uris.clear();
      for (const FetchUri& f : job.fetch) {
        job.uris.push_back(f.uri);
      }
    }
    out.push_back(job_to_json(job));
  }
  return json_body(out);
}

Response search_jobs(ChronosState& s, http::Request& req) {
  auto lock = s.world_.lock();
  bool bad = false;
  const auto limit = int_param(req, "limit", 10, bad);
  const auto offset = int_param(req, "offset", 0, bad);
  if (bad) {
    return jetty_page(s.options_.api_version, 404, "Not Found", req.path);
  }
  const std::string name = req.param("name"), command = req.param("command"), any = req.param("any");
  std::vector<const Job*> hits;
  for (const std::string& n : s.graph()) {
    const Job* job = s.stored(n);
    bool valid = (name.empty() || has(job->name, name)) && (command.empty() || has(job->command, command));
    // `any` only rescues a job the other filters rejected.
    if (!valid && !any.empty() && (has(job->name, any) || has(job->command, any))) {
      valid = true;
    }
    if (valid) {
      hits.push_back(job);
    }
  }
  ordered_json out = ordered_json::array();
  const std::int64_t from = std::max<std::int64_t>(*offset, 0);
  const std::int64_t until = std::min<std::int64_t>(*offset + *limit, static_cast<std::int64_t>(hits.size()));
  for (std::int64_t i = from; i < until; ++i) {
    out.push_back(job_to_json(*hits[static_cast<std::size_t>(i)]));
  }
  return json_body(out);
}

Response job_summary(ChronosState& s, http::Request& /*req*/) {
  auto lock = s.world_.lock();
  ordered_json jobs = ordered_json::array();
  for (const std::string& name : s.graph()) {
    const Job* job = s.stored(name);
    jobs.push_back({{"name", name},
                    {"status", last_state(*job)},
                    {"state", s.stats_.state(name)},
                    {"schedule", job->dependent ? "" : job->schedule},
                    {"parents", job->dependent ? job->parents : std::vector<std::string>{}},
                    {"disabled", job->disabled}});
  }
  return json_body(ordered_json{{"jobs", jobs}});
}

Response get_job(ChronosState& s, const std::string& name) {
  const Job* job = s.lookup(name);
  if (job == nullptr) {
    return require_failed(s.options_.api_version, "Job '" + name + "' not found",
                          "JobManagementResource.trigger");
  }
  return json_body(job_to_json(*job));
}

Response job_stat(ChronosState& s, const std::string& name) {
  if (s.lookup(name) == nullptr) {
    return require_failed(s.options_.api_version, "Job '" + name + "' not found",
                          "JobManagementResource.getStat");
  }
  return json_body(s.stats_.stat_json(name, s.options_.task_history ? kJobHistoryLimit : 0));
}

Response graph_csv(ChronosState& s, http::Request& /*req*/) {
  auto lock = s.world_.lock();
  std::string out;
  const auto& names = s.graph();
  for (const std::string& name : names) {
    out += "node," + name + "," + last_state(*s.stored(name)) + "," + s.stats_.state(name) + "\n";
  }
  for (const std::string& name : names) {
    const Job* job = s.stored(name);
    for (const std::string& parent : job->dependent ? job->parents : std::vector<std::string>{}) {
      out += "link," + parent + "," + name + "\n";
    }
  }
  return Response::text(200, out);
}

Response graph_dot(ChronosState& s, http::Request& /*req*/) {
  auto lock = s.world_.lock();
  // jgrapht's DOTExporter: integer vertex ids in vertex order, job names as labels.
  const auto& names = s.graph();
  auto id = [&](const std::string& n) {
    return std::to_string(std::find(names.begin(), names.end(), n) - names.begin() + 1);
  };
  std::string out = "digraph G {\n";
  for (const std::string& name : names) {
    out += "  " + id(name) + " [ label=\"" + name + "\" ];\n";
  }
  for (const std::string& name : names) {
    const Job* job = s.stored(name);
    for (const std::string& parent : job->dependent ? job->parents : std::vector<std::string>{}) {
      out += "  " + id(parent) + " -> " + id(name) + ";\n";
    }
  }
  return Response::text(200, out + "}\n");
}

Response stats_route(ChronosState& s, http::Request& req) {
  auto lock = s.world_.lock();
  if (req.rest.empty() || req.rest.find('/') != std::string::npos) {
    return jetty_page(s.options_.api_version, 404, "Not Found", req.path);
  }
  return json_body(s.stats_.percentile_json(s.graph(), req.rest));
}

Response leader(ChronosState& s, http::Request& /*req*/) {
  return json_body(ordered_json{{"leader", s.options_.hostname + ":" + std::to_string(s.options_.port)}});
}

Response metrics(ChronosState& s, http::Request& /*req*/) {
  auto lock = s.world_.lock();
  // Dropwizard's MetricsServlet: registry maps sorted by name.
  ordered_json histograms = ordered_json::object(), counters = ordered_json::object();
  s.stats_.add_metrics(histograms, counters);
  const nlohmann::json sorted_histograms = histograms, sorted_counters = counters;
  const std::string gauge = "org.apache.mesos.chronos.scheduler.jobs.TaskManager.";
  nlohmann::json gauges = {{gauge + "highQueueSize", {{"value", s.queues_.high_size()}}},
                           {gauge + "queueSize", {{"value", s.queues_.normal_size()}}}};
  ordered_json out = {{"version", "3.0.0"}, {"gauges", gauges}, {"counters", sorted_counters},
                      {"histograms", sorted_histograms}, {"meters", ordered_json::object()},
                      {"timers", ordered_json::object()}};
  return json_body(out);
}

}  // namespace qctl::sandbox::chronos::api
