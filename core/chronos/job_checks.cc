// Schedule, time zone and batch-wide checks of job_validate.h.
#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>

#include "core/chronos/ancestry.h"
#include "core/chronos/job_validate.h"
#include "core/util/iso_datetime.h"
#include "core/util/strings.h"

namespace qctl::chronos {

namespace {

/// What Joda's DateTime.parse reads (calendar, week and ordinal dates, a time alone,
/// fractions, offsets), and (3.x, Iso8601JobResource) not before 1970-01-01T00:00:01Z.
std::string start_problem(const std::string& start, bool v2) {
  const auto parsed = util::parse_iso_datetime(start);
  if (!parsed) {
    return "start \"" + start +
           "\" is not an ISO 8601 date-time (e.g. 2024-05-01T02:00:00Z, or empty to start now)";
  }
  if (!v2 && parsed->utc_ms() < 1000) {
    return "start \"" + start + "\" is before 1970, which Chronos refuses";
  }
  return "";
}

std::string period_problem(const std::string& period) {
  static const std::regex form(
      R"(^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(?:[.,]\d+)?S)?)?$)");
  if (!std::regex_match(period, form)) {
    return "period \"" + period + "\" is not an ISO 8601 period (e.g. PT30M, PT1H, P1D, P1W)";
  }
  if (period.find_first_of("123456789") == std::string::npos) {
    return "period \"" + period + "\" is zero: give the time between runs (e.g. P1D)";
  }
  return "";
}

}  // namespace

std::string schedule_problem(std::string_view schedule, bool v2) {
  // Chronos' Iso8601Expressions: (R[0-9]*)/(.*)/(P.*), matched as a whole.
  static const std::regex form(R"(^(R[0-9]*)/(.*)/(P.*)$)");
  const std::string text(schedule);
  std::smatch m;
  if (!std::regex_match(text, m, form)) {
    return "\"" + text +
           "\" is not R[n]/<start>/<period> (e.g. R/2024-05-01T02:00:00Z/P1D; an empty start "
           "runs at once: R1//PT1H)";
  }
  if (m[2].length() > 0) {
    if (auto why = start_problem(m[2].str(), v2); !why.empty()) {
      return why;
    }
  }
  return period_problem(m[3].str());
}

std::string time_zone_problem(const std::string& zone, const ValidateOptions& opts) {
  namespace fs = std::filesystem;
  static const std::regex offset(R"(^[+-]\d{2}(:?\d{2})?$)");
  static const std::regex id(R"(^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$)");
  std::error_code ec;
  if (zone.empty() || std::regex_match(zone, offset) || !fs::is_directory(opts.zoneinfo_dir, ec)) {
    return "";  // without a zoneinfo database there is nothing to check against
  }
  if (std::regex_match(zone, id) && fs::is_regular_file(fs::path(opts.zoneinfo_dir) / zone, ec)) {
    return "";
  }
  return "unknown time zone \"" + zone + "\" (not in " + opts.zoneinfo_dir +
         "; e.g. UTC, Europe/Berlin, Asia/Shanghai)";
}

namespace {

/// Waves as far as they resolve; -1 for jobs in (or behind) a cycle.
std::vector<int> partial_waves(const std::vector<JobDocument>& docs) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const auto& name = docs[i].value.value("name", nlohmann::json());
    if (name.is_string()) {
      index.emplace(name.get<std::string>(), i);
    }
  }
  std::vector<int> wave(docs.size(), -1);
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (wave[i] >= 0) {
        continue;
      }
      int w = 0;
      const auto parents = docs[i].value.value("parents", nlohmann::json::array());
      for (const auto& p : parents) {
        const auto it = p.is_string() ? index.find(p.get<std::string>()) : index.end();
        if (it != index.end()) {
          w = wave[it->second] < 0 ? -1 : std::max(w, wave[it->second] + 1);
        }
        if (w < 0) {
          break;
        }
      }
      if (w >= 0) {
        wave[i] = w;
        changed = true;
      }
    }
  }
  return wave;
}

}  // namespace

std::vector<int> dependency_waves(const std::vector<JobDocument>& docs) {
  auto wave = partial_waves(docs);
  return std::find(wave.begin(), wave.end(), -1) == wave.end() ? wave : std::vector<int>{};
}

namespace {

std::vector<std::string> parent_names(const JobDocument& doc) {
  std::vector<std::string> out;
  const auto parents = doc.value.value("parents", nlohmann::json::array());
  for (const auto& p : parents.is_array() ? parents : nlohmann::json::array()) {
    if (p.is_string()) {
      out.push_back(p.get<std::string>());
    }
  }
  return out;
}

/// The first document whose parents lead back to itself, through the batch's jobs and the
/// server's (a job in the batch replaces the server's copy): "where.parents: a dependency
/// cycle: a -> b -> a …"; "" when there is none.
std::string first_cycle(const std::vector<JobDocument>& docs,
                        const std::map<std::string, std::vector<std::string>>& server_parents) {
  auto graph = server_parents;
  for (const auto& doc : docs) {
    if (const auto& name = doc.value.value("name", nlohmann::json()); name.is_string()) {
      graph[name.get<std::string>()] = parent_names(doc);
    }
  }
  for (const auto& doc : docs) {
    const auto& name = doc.value.value("name", nlohmann::json());
    if (!name.is_string()) {
      continue;
    }
    const std::string self = name.get<std::string>();
    const auto cycle = cycle_through(self, graph[self], [&graph](const std::string& job) {
      const auto it = graph.find(job);
      return it == graph.end() ? std::vector<std::string>{} : it->second;
    });
    if (cycle) {
      return doc.where + ".parents: a dependency cycle (" + util::join(*cycle, " -> ") + " -> " +
             self + ", each the parent of the next): Chronos refuses it (HTTP 500) and none of "
             "these jobs could ever run";
    }
  }
  return "";
}

}  // namespace

JobProblems check_jobs(const std::vector<JobDocument>& docs,
                       const std::set<std::string>& server_names, const ValidateOptions& opts,
                       const std::map<std::string, std::vector<std::string>>& server_parents) {
  JobProblems out;
  std::map<std::string, std::string> batch;  // name -> where first defined
  for (const auto& doc : docs) {
    check_job_document(doc, opts, out);
    const auto& name = doc.value.value("name", nlohmann::json());
    if (name.is_string() && !batch.emplace(name.get<std::string>(), doc.where).second) {
      out.errors.push_back(doc.where + ".name: \"" + name.get<std::string>() +
                           "\" is also defined at " + batch[name.get<std::string>()]);
    }
  }
  for (const auto& doc : docs) {
    const auto parents = doc.value.value("parents", nlohmann::json::array());
    for (std::size_t i = 0; parents.is_array() && i < parents.size(); ++i) {
      if (parents[i].is_string() && batch.count(parents[i].get<std::string>()) == 0 &&
          server_names.count(parents[i].get<std::string>()) == 0) {
        out.errors.push_back(doc.where + ".parents[" + std::to_string(i) + "]: no job \"" +
                             parents[i].get<std::string>() + "\" on the server or in this batch");
      }
    }
  }
  if (auto cycle = first_cycle(docs, server_parents); !cycle.empty()) {
    out.errors.push_back(std::move(cycle));
  }
  return out;
}

}  // namespace qctl::chronos
