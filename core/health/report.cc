#include "core/health/report.h"

#include "core/util/strings.h"

namespace qctl::health {

namespace {

std::string perf_text(const std::vector<const Perf*>& perf) {
  std::vector<std::string> parts;
  parts.reserve(perf.size());
  for (const Perf* p : perf) {
    parts.push_back(format_perf(*p));
  }
  return util::join(parts, " ");
}

std::string status_line(const std::string& name, Status s, const std::string& summary) {
  return util::to_upper(name) + " " + status_name(s) + " - " + summary;
}

}  // namespace

Status Report::status() const {
  Status s = Status::kOk;
  for (const auto& c : checks) {
    s = worst(s, c.status);
  }
  return s;
}

std::string overall_summary(const Report& report) {
  std::vector<std::string> bad;
  std::vector<std::string> ok;
  // Most severe first, so the part a pager shows first is the one that matters.
  for (Status s : {Status::kCritical, Status::kUnknown, Status::kWarning}) {
    for (const auto& c : report.checks) {
      if (c.status == s) {
        bad.push_back(c.check + " " + status_name(s) + ": " + c.summary);
      }
    }
  }
  for (const auto& c : report.checks) {
    if (c.status == Status::kOk) {
      ok.push_back(c.check);
    }
  }
  if (bad.empty()) {
    return "all " + std::to_string(ok.size()) + " checks OK (" + util::join(ok, ", ") + ")";
  }
  std::string out = util::join(bad, "; ");
  if (!ok.empty()) {
    out += "; OK: " + util::join(ok, ", ");
  }
  return out;
}

std::string render_text(const Report& report) {
  std::vector<const Perf*> perf;
  for (const auto& c : report.checks) {
    for (const auto& p : c.perf) {
      perf.push_back(&p);
    }
  }
  const std::string tail = perf.empty() ? "" : " | " + perf_text(perf);
  std::string out;
  if (report.checks.size() == 1) {
    const auto& c = report.checks.front();
    out = status_line(c.check, c.status, c.summary) + tail + "\n";
    for (const auto& d : c.details) {
      out += d + "\n";
    }
    return out;
  }
  out = status_line("health", report.status(), overall_summary(report)) + tail + "\n";
  for (const auto& c : report.checks) {
    out += status_line(c.check, c.status, c.summary) + "\n";
    for (const auto& d : c.details) {
      out += "  " + d + "\n";
    }
  }
  return out;
}

nlohmann::json to_json(const Report& report) {
  nlohmann::json checks = nlohmann::json::array();
  for (const auto& c : report.checks) {
    nlohmann::json perf = nlohmann::json::array();
    for (const auto& p : c.perf) {
      perf.push_back({{"label", p.label},
                      {"value", p.value},
                      {"uom", p.uom},
                      {"warning", p.warning},
                      {"critical", p.critical},
                      {"min", p.min ? nlohmann::json(*p.min) : nlohmann::json()},
                      {"max", p.max ? nlohmann::json(*p.max) : nlohmann::json()}});
    }
    checks.push_back({{"check", c.check},
                      {"status", status_name(c.status)},
                      {"exit_code", static_cast<int>(c.status)},
                      {"summary", c.summary},
                      {"details", c.details},
                      {"perfdata", perf}});
  }
  const Status s = report.status();
  return {{"status", status_name(s)},
          {"exit_code", static_cast<int>(s)},
          {"summary",
           report.checks.size() == 1 ? report.checks.front().summary : overall_summary(report)},
          {"elapsed_seconds", report.elapsed_seconds},
          {"checks", checks}};
}

}  // namespace qctl::health
