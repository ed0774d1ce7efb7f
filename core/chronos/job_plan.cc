#include "core/chronos/job_plan.h"

#include <algorithm>
#include <unordered_map>

#include "core/chronos/decode.h"
#include "core/chronos/job_validate.h"
#include "core/error.h"
#include "core/model/chronos_json.h"
#include "core/output/format.h"
#include "core/util/iso_datetime.h"
#include "core/util/strings.h"

namespace qctl::chronos {

namespace {

using nlohmann::json;

/// Counters and timestamps Chronos keeps; not part of what a user defines.
const std::vector<std::string> kStatistics = {"successCount", "errorCount", "lastSuccess",
                                              "lastError", "errorsSinceLastSuccess"};

/// What Chronos stores for a field a job body leaves out (resources: also 0), with its flags
/// at their stock values: --mesos_task_cpu/mem/disk, --user, --task_epsilon (2.x).
const nlohmann::json& stock_defaults() {
  static const json kDefaults = {{"cpus", 0.1},         {"mem", 128.0},     {"disk", 256.0},
                                 {"runAsUser", "root"}, {"taskInfoData", ""}, {"epsilon", "PT60S"},
                                 {"async", false}};
  return kDefaults;
}

/// The flag behind a stock default, for the diff line.
std::string default_note(const std::string& key) {
  if (key == "cpus" || key == "mem" || key == "disk") {
    return "the server's --mesos_task_" + std::string(key == "cpus" ? "cpu" : key) + " default";
  }
  if (key == "runAsUser") {
    return "the server's --user default";
  }
  return "Chronos' default";
}

bool is_statistic(const std::string& key) {
  return std::find(kStatistics.begin(), kStatistics.end(), key) != kStatistics.end();
}

/// `after` restricted to what the server would echo back: for objects, `before`'s extra keys
/// (defaults Chronos adds, e.g. container volumes) are not differences.
bool same(const json& before, const json& after) {
  if (before.is_object() && after.is_object()) {
    for (const auto& [key, value] : after.items()) {
      if (!before.contains(key) || !same(before[key], value)) {
        return false;
      }
    }
    return true;
  }
  return before == after;
}

/// Chronos writes the start back in Joda's form ("…T00:00:00.000Z" for "…T00:00:00Z").
bool same_schedule(const json& before, const json& after) {
  if (!before.is_string() || !after.is_string()) {
    return before == after;
  }
  const auto a = util::split(before.get<std::string>(), '/');
  const auto b = util::split(after.get<std::string>(), '/');
  if (a.size() != 3 || b.size() != 3 || a[0] != b[0] || a[2] != b[2]) {
    return before == after;
  }
  if (a[1] == b[1]) {
    return true;
  }
  // As instants, read as Chronos reads them (it echoes "…T02:00:00.000Z" for "…T02:00Z").
  const auto start_a = util::parse_iso_datetime(a[1]);
  const auto start_b = util::parse_iso_datetime(b[1]);
  return start_a && start_b && start_a->utc_ms() == start_b->utc_ms();
}

model::Job decode_document(const JobDocument& doc) {
  std::string text = doc.value.dump();
  try {
    return decode_job(text);
  } catch (const std::exception& e) {
    throw UsageError(doc.where + ": " + e.what());
  }
}

void copy_statistics(const model::Job& from, model::Job& to) {
  to.success_count = from.success_count;
  to.error_count = from.error_count;
  to.last_success = from.last_success;
  to.last_error = from.last_error;
  to.errors_since_last_success = from.errors_since_last_success;
}

/// A job body as the server stores it: a field left out (resources: also 0) holds Chronos'
/// stock default. Applied to both sides of a diff, so an update shows what it resets.
json as_stored(json body, bool v2) {
  for (const auto& [key, value] : stock_defaults().items()) {
    if ((key == "epsilon" || key == "async") && !v2) {
      continue;  // 2.x fields
    }
    const bool resource = key == "cpus" || key == "mem" || key == "disk";
    if (!body.contains(key) || body[key].is_null() || (resource && body[key] == 0)) {
      body[key] = value;
    }
  }
  return body;
}

}  // namespace

const char* action_word(SubmitAction action) {
  switch (action) {
    case SubmitAction::kCreate:
      return "created";
    case SubmitAction::kUpdate:
      return "updated";
    case SubmitAction::kUnchanged:
      return "unchanged";
  }
  return "";
}

json job_definition(const model::Job& job, bool v2) {
  json body = model::job_to_chronos_json(job, v2);
  for (const auto& key : kStatistics) {
    body.erase(key);
  }
  return body;
}

std::vector<std::string> job_diff(const json& before, const json& after) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : after.items()) {
    keys.push_back(key);
  }
  // A field the update leaves out is gone from the server afterwards (Chronos replaces the
  // whole job): a container, the other kind's schedule or parents, …
  for (const auto& [key, value] : before.items()) {
    if (!after.contains(key)) {
      keys.push_back(key);
    }
  }
  std::sort(keys.begin(), keys.end());
  std::vector<std::string> out;
  for (const auto& key : keys) {
    if (is_statistic(key)) {
      continue;
    }
    const bool had = before.contains(key);
    const bool has = after.contains(key);
    if (had && has &&
        (key == "schedule" ? same_schedule(before[key], after[key])
                           : same(before[key], after[key]))) {
      continue;
    }
    if (!has && (before[key].is_null() || before[key] == json::array() ||
                 (key == "scheduleTimeZone" && before[key] == ""))) {
      continue;  // nothing to lose
    }
    if (had) {
      out.push_back("-  " + output::json_text(key, -1) + ": " + output::json_text(before[key], -1));
    }
    if (has) {
      std::string line =
          "+  " + output::json_text(key, -1) + ": " + output::json_text(after[key], -1);
      if (const auto it = stock_defaults().find(key);
          it != stock_defaults().end() && *it == after[key]) {
        line += "  (" + default_note(key) + ")";
      }
      out.push_back(std::move(line));
    }
  }
  return out;
}

std::vector<PlannedJob> plan_jobs(const std::vector<JobDocument>& docs,
                                  const std::vector<model::Job>& server, const PlanOptions& opts) {
  std::unordered_map<std::string, const model::Job*> existing;
  for (const auto& job : server) {
    existing.emplace(job.name, &job);
  }
  const auto waves = dependency_waves(docs);
  std::vector<PlannedJob> out;
  out.reserve(docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    model::Job job = decode_document(docs[i]);
    if (opts.high_priority) {
      job.high_priority = *opts.high_priority;
    }
    PlannedJob p;
    p.where = docs[i].where;
    p.name = job.name;
    p.dependent = job.is_dependent();
    p.wave = waves.empty() ? 0 : waves[i];
    const auto it = existing.find(job.name);
    if (it != existing.end()) {
      copy_statistics(*it->second, job);
    }
    p.body = model::job_to_chronos_json(job, opts.v2);
    p.success_base = job.success_count;
    p.error_base = job.error_count;
    if (it != existing.end()) {
      p.diff = job_diff(as_stored(model::job_to_chronos_json(*it->second, opts.v2), opts.v2),
                        as_stored(p.body, opts.v2));
      p.action = p.diff.empty() ? SubmitAction::kUnchanged : SubmitAction::kUpdate;
    }
    p.job = std::move(job);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace qctl::chronos
