// Decoders for Chronos 2.x/3.x JSON and text: jobs, summary, graph/csv, job stats, metrics.
// JSON decoders take the body (padded in place) and throw json::DecodeError on bad shape.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/json/decode.h"
#include "core/model/chronos.h"

namespace qctl::chronos {

/// GET {prefix}/jobs: a bare array of jobs.
[[nodiscard]] std::vector<model::Job> decode_jobs(std::string& body);
/// GET {prefix}/job/{name}: one job object.
[[nodiscard]] model::Job decode_job(std::string& body);
/// GET {prefix}/jobs/summary (3.x): {"jobs":[{name,status,state,schedule,parents,disabled}]}.
[[nodiscard]] std::vector<model::JobSummary> decode_summary(std::string& body);
/// GET {prefix}/graph/csv: `node,<name>,<lastState>,<state>` and `link,<parent>,<child>`
/// lines. Throws DecodeError naming the first line of any other shape.
[[nodiscard]] model::JobGraph decode_graph_csv(const std::string& text);
/// GET {prefix}/job/stat/{name}: {"histogram":{…},"taskStatHistory":[…]}.
[[nodiscard]] model::JobStat decode_job_stat(std::string& body);
/// GET {prefix}/leader: {"leader":"host:port"} -> "host:port".
[[nodiscard]] std::string decode_leader(std::string& body);
/// GET /metrics (Dropwizard MetricsServlet): every gauge with a numeric "value", by name.
[[nodiscard]] std::map<std::string, double> decode_metric_gauges(std::string& body);

/// One job object, as /jobs and /job/{name} write it (cpus/mem/disk may be strings).
[[nodiscard]] model::Job decode_job_value(json::Value& v);

/// Chronos' Exporter.getLastState: "fresh" with neither lastSuccess nor lastError,
/// otherwise "success" or "failure" for whichever is later.
[[nodiscard]] std::string last_state(const model::Job& job);

/// The /jobs/summary rows that Chronos 2.x cannot serve, derived from /jobs and graph/csv:
/// status from the graph's last state (else last_state), state from its current state (else
/// "idle"), schedule "" for dependent jobs. Keeps the order of `jobs`.
[[nodiscard]] std::vector<model::JobSummary> summarize(const std::vector<model::Job>& jobs,
                                                       const model::JobGraph& graph);

}  // namespace qctl::chronos
