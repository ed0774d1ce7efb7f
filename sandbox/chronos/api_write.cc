// Chronos' writing endpoints: iso8601 and dependency upserts, run now, delete, mark success,
// task progress, kill.
#include <algorithm>

#include "core/chronos/ancestry.h"
#include "sandbox/chronos/api.h"
#include "sandbox/chronos/api_errors.h"
#include "sandbox/chronos/schedule.h"
#include "sandbox/chronos/validation.h"

namespace qctl::sandbox::chronos::api {

namespace {

using http::Response;

// Jersey reads the entity before the resource runs: malformed JSON, a deserializer failure,
// or a job of the other kind ends as Jetty's 500 page.
std::optional<Job> read_job(ChronosState& s, http::Request& req, bool dependent, Response& error) {
  const nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
  try {
    if (!body.is_discarded()) {
      Job job = parse_job(body, s.defaults_, s.world_.now());
      if (job.dependent == dependent) {
        return job;
      }
    }
  } catch (const JobFormatError&) {
  }
  error = jetty_page(s.options_.api_version, 500, "Server Error", req.path);
  return std::nullopt;
}

// 3.x says "JobSchedule '<n>' not found" where 2.x said "Job '<n>' not found".
std::string job_word(const ChronosState& s) { return s.options_.v2() ? "Job" : "JobSchedule"; }

bool has_parents(ChronosState& s, const Job& job) {
  return std::all_of(job.parents.begin(), job.parents.end(),
                     [&](const std::string& p) { return s.lookup(p) != nullptr; });
}

// Whether `name` is an ancestor of one of `parents`: making them its parents closes a cycle.
bool closes_cycle(ChronosState& s, const std::string& name, const std::vector<std::string>& parents) {
  return qctl::chronos::cycle_through(name, parents, [&s](const std::string& p) {
           const Job* parent = s.lookup(p);
           return parent != nullptr && parent->dependent ? parent->parents
                                                         : std::vector<std::string>{};
         }).has_value();
}

// A job not yet in the graph: Chronos' checks, then it is stored.
Response create_job(ChronosState& s, Job job, const std::string& frame, const std::string& uri) {
  const int v = s.options_.api_version;
  if (auto e = new_job_error(job, s.world_.now(), v)) {
    if (e->server) {
      return server_error(v, "java.lang.Exception: " + e->message, frame, uri);
    }
    return e->require ? require_failed(v, e->message, frame) : bad_request_message(v, e->message, uri);
  }
  if (v < 3 && job.dependent && !has_parents(s, job)) {
    // 2.5 registers the job in the graph at once, and JobGraph.parentJobs rejects it.
    return require_failed(v, "Job " + job.name + " does not have all parents defined!", frame);
  }
  // 3.x accepts a dependent job with unknown parents; the main loop then keeps it out of the
  // graph until they exist ("Coudn't find all parents ... dropping it").
  s.put(std::move(job));
  return Response::empty(204);
}

Response run_now(ChronosState& s, http::Request& req, const std::string& name) {
  const Job* job = s.lookup(name);
  if (job == nullptr) {
    return require_failed(s.options_.api_version, "Job '" + name + "' not found",
                          "JobManagementResource.trigger");
  }
  std::string args = req.param("arguments");
  if (args.find_first_not_of(" \t\r\n") == std::string::npos) {
    args = joined_arguments(job->arguments);
  }
  // Already queued (dedup by name), disabled (dropped when polled) or running and not
  // concurrent (dropped at offer time): nothing runs, and the answer is 204 all the same.
  s.enqueue(make_task_id(name, s.now_ms(), 0, args), job->high_priority);
  return Response::empty(204);
}

Response delete_job(ChronosState& s, const std::string& name) {
  if (s.lookup(name) == nullptr) {
    return require_failed(s.options_.api_version, job_word(s) + " '" + name + "' not found",
                          "JobManagementResource.delete");
  }
  s.remove_job(name);
  return Response::empty(204);
}

Response progress(ChronosState& s, http::Request& req, const std::string& name,
                  const std::string& task_id) {
  const int v = s.options_.api_version;
  const std::string frame = "JobManagementResource.updateTaskProgress";
  const Job* job = s.lookup(name);
  if (job == nullptr) {
    return require_failed(v, job_word(s) + " '" + name + "' not found", frame);
  }
  if (!parse_task_id(task_id)) {
    return require_failed(v, "Invalid task id format " + task_id, frame);
  }
  if (!job->data_processing_job_type) {
    return require_failed(v, job_word(s) + " '" + name + "' is not enabled to track data", frame);
  }
  const nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
  if (body.is_object() && body.contains("numAdditionalElementsProcessed") &&
      body["numAdditionalElementsProcessed"].is_number() &&
      body["numAdditionalElementsProcessed"].get<double>() < 0) {
    return require_failed(v, "numAdditionalElementsProcessed (" + body["numAdditionalElementsProcessed"].dump() +
                                 ") is not positive", frame);
  }
  return Response::empty(204);  // the counts live in Cassandra, which the sandbox has not
}

std::vector<std::string> segments(const std::string& rest) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = rest.find('/', start);
    out.push_back(rest.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) {
      return out;
    }
    start = slash + 1;
  }
}

}  // namespace

Response post_iso8601(ChronosState& s, http::Request& req) {
  const std::string type = req.header("Content-Type");
  if (!type.empty() && type.find("application/json") == std::string::npos) {
    return jetty_page(s.options_.api_version, 415, "Unsupported Media Type", req.path);
  }
  auto lock = s.world_.lock();
  Response error;
  auto job = read_job(s, req, false, error);
  if (!job) {
    return error;
  }
  if (s.lookup(job->name) == nullptr) {
    return create_job(s, std::move(*job), "Iso8601JobResource.post", req.path);
  }
  // An existing job is replaced (a dependent one loses its parents); only the schedule is
  // checked.
  if (!parse_schedule(job->schedule, job->schedule_time_zone, s.world_.now())) {
    return bad_request_message(s.options_.api_version,
                               "Cannot parse schedule '" + job->schedule + "' (wtf bro)", req.path);
  }
  s.put(std::move(*job));
  return Response::empty(204);
}

Response post_dependency(ChronosState& s, http::Request& req) {
  auto lock = s.world_.lock();
  const int v = s.options_.api_version;
  const std::string frame = "DependentJobResource.handleRequest";
  Response error;
  auto job = read_job(s, req, true, error);
  if (!job) {
    return error;
  }
  const Job* old = s.lookup(job->name);
  if (old == nullptr) {
    return create_job(s, std::move(*job), frame, req.path);
  }
  if (job->parents.empty()) {
    return require_failed(v, "Error, parent does not exist", frame);
  }
  if (!has_parents(s, *job) || (old->dependent && !has_parents(s, *old))) {
    return require_failed(v, job_word(s) + " " + job->name + " does not have all parents defined!",
                          frame);
  }
  if (closes_cycle(s, job->name, job->parents)) {
    // JobGraph.addDependency -> jgrapht's DirectedAcyclicGraph.addDagEdge throws the checked
    // CycleFoundException, which the resource's `case ex: Exception` answers 500 (2.x: a bare
    // 500). Chronos has by then removed the job's old edges from its in-memory graph; the
    // sandbox keeps the job as it was.
    return server_error(v, "org.jgrapht.experimental.dag.DirectedAcyclicGraph$CycleFoundException",
                        frame, req.path);
  }
  s.put(std::move(*job));
  return Response::empty(204);
}

Response job_route(ChronosState& s, http::Request& req) {
  auto lock = s.world_.lock();
  const auto seg = segments(req.rest);
  const int v = s.options_.api_version;
  auto not_found = [&] { return jetty_page(v, 404, "Not Found", req.path); };
  auto not_allowed = [&] { return jetty_page(v, 405, "Method Not Allowed", req.path); };
  if (std::any_of(seg.begin(), seg.end(), [](const std::string& x) { return x.empty(); })) {
    return not_found();
  }
  if (seg.size() == 1) {  // job/{name}
    if (req.method == "PUT") {
      return run_now(s, req, seg[0]);
    }
    if (req.method == "DELETE") {
      return delete_job(s, seg[0]);
    }
    if (req.method == "GET" && v >= 3) {  // 2.x has no GET job/{name}
      return get_job(s, seg[0]);
    }
    return not_allowed();
  }
  if (seg.size() == 2 && seg[0] == "stat") {
    return req.method == "GET" ? job_stat(s, seg[1]) : not_allowed();
  }
  if (seg.size() == 2 && seg[0] == "success") {
    if (req.method != "PUT") {
      return not_allowed();
    }
    const bool ok = s.mark_success(seg[1]);
    return Response::json(200, "marked job " + seg[1] + " as successful: " + (ok ? "true" : "false"));
  }
  if (seg.size() == 4 && seg[1] == "task" && seg[3] == "progress") {
    return req.method == "POST" ? progress(s, req, seg[0], seg[2]) : not_allowed();
  }
  return not_found();
}

Response kill_route(ChronosState& s, http::Request& req) {
  auto lock = s.world_.lock();
  if (req.rest.empty() || req.rest.find('/') != std::string::npos) {
    return jetty_page(s.options_.api_version, 404, "Not Found", req.path);
  }
  if (s.lookup(req.rest) == nullptr) {
    const std::string frame = "TaskManagementResource.killTasksForJob";
    if (s.options_.v2()) {
      // 2.5's require sits inside a catch of Exception that throws WebApplicationException(500).
      return server_error(2, "", frame, req.path);
    }
    return require_failed(3, "JobSchedule '" + req.rest + "' not found", frame);
  }
  s.kill_tasks(req.rest);  // running tasks only; a queued task stays queued
  return Response::empty(204);
}

}  // namespace qctl::sandbox::chronos::api
