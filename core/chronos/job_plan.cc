#include "core/chronos/job_plan.h"

#include <algorithm>
#include <unordered_map>

#include "core/chronos/decode.h"
#include "core/chronos/job_validate.h"
#include "core/error.h"
#include "core/model/chronos_json.h"
#include "core/util/iso_datetime.h"
#include "core/util/strings.h"

namespace qctl::chronos {

namespace {

using nlohmann::json;

/// Counters and timestamps Chronos keeps; not part of what a user defines.
const std::vector<std::string> kStatistics = {"successCount", "errorCount", "lastSuccess",
                                              "lastError", "errorsSinceLastSuccess"};

/// Values the server replaces when they are absent or zero (the --mesos_task_* defaults).
const std::vector<std::string> kServerDefaults = {"cpus", "mem", "disk"};

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

/// Resources the document leaves out (or at 0) take the server's defaults: not a change.
std::vector<std::string> defaulted(const JobDocument& doc) {
  std::vector<std::string> out;
  for (const auto& key : kServerDefaults) {
    if (!doc.value.contains(key) || doc.value[key].is_null()) {
      out.push_back(key);
    }
  }
  return out;
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

std::vector<std::string> job_diff(const json& before, const json& after,
                                  const std::vector<std::string>& skip) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : after.items()) {
    keys.push_back(key);
  }
  // A change of kind drops the other kind's field.
  for (const char* key : {"parents", "schedule"}) {
    if (before.contains(key) && !after.contains(key)) {
      keys.emplace_back(key);
    }
  }
  std::sort(keys.begin(), keys.end());
  std::vector<std::string> out;
  for (const auto& key : keys) {
    if (is_statistic(key) || std::find(skip.begin(), skip.end(), key) != skip.end()) {
      continue;
    }
    const bool had = before.contains(key);
    const bool has = after.contains(key);
    if (had && has &&
        (key == "schedule" ? same_schedule(before[key], after[key])
                           : same(before[key], after[key]))) {
      continue;
    }
    if (had) {
      out.push_back("-  \"" + key + "\": " + before[key].dump());
    }
    if (has) {
      out.push_back("+  \"" + key + "\": " + after[key].dump());
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
    p.body = model::job_to_chronos_json(job);
    // A field the model does not hold; Chronos 3.x still reads it.
    if (const auto t = docs[i].value.find("taskInfoData");
        t != docs[i].value.end() && t->is_string() && !t->get<std::string>().empty()) {
      p.body["taskInfoData"] = *t;
    }
    p.success_base = job.success_count;
    p.error_base = job.error_count;
    if (it != existing.end()) {
      p.diff = job_diff(model::job_to_chronos_json(*it->second), p.body, defaulted(docs[i]));
      p.action = p.diff.empty() ? SubmitAction::kUnchanged : SubmitAction::kUpdate;
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace qctl::chronos
