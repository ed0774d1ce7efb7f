// The machine forms of a report: JSON, CSV, Graphite plaintext, Prometheus text format.
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>

#include "core/stats/history/render.h"
#include "core/util/duration.h"

namespace qctl::stats::history {

namespace {

double percent2(double fraction) { return std::round(fraction * 10000) / 100; }

// Counts and integral figures as JSON integers ("6", not "6.0").
nlohmann::json value(double v) {
  if (std::isfinite(v) && std::fabs(v) < 1e15 && v == std::floor(v)) {
    return static_cast<std::int64_t>(v);
  }
  return v;
}

nlohmann::json optional(const std::optional<double>& v) { return v ? value(*v) : nlohmann::json(); }

nlohmann::json resource_json(const ResourceStats& s) {
  return {{"avg_percent", value(percent2(s.avg))},
          {"peak_percent", value(percent2(s.peak))},
          {"peak_at", util::format_utc(s.peak_at)},
          {"now_percent", value(percent2(s.last))},
          {"allocated", value(model::round3(s.last_allocated))},
          {"total", value(model::round3(s.last_total))},
          {"samples", s.samples}};
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) {
    return s;
  }
  std::string out = "\"";
  for (char c : s) {
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return out + "\"";
}

// A Graphite path segment: dots would split it, spaces end the path.
std::string graphite_segment(const std::string& s) {
  std::string out;
  for (char c : s) {
    const bool keep = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
    out += keep ? c : '_';
  }
  return out.empty() ? "_" : out;
}

std::string prom_label(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string number(double v) {
  return value(v).dump();  // shortest round-trip text, no locale
}

}  // namespace

nlohmann::json to_json(const Report& r) {
  auto groups = nlohmann::json::array();
  for (const auto& g : r.groups) {
    nlohmann::json resources = nlohmann::json::object();
    nlohmann::json series = nlohmann::json::object();
    for (std::size_t i = 0; i < kResourceCount; ++i) {
      if (g.resources[i].samples == 0) {
        continue;
      }
      resources[kResources[i]] = resource_json(g.resources[i]);
      auto points = nlohmann::json::array();
      for (double v : g.resources[i].chart) {
        points.push_back(std::isnan(v) ? nlohmann::json() : value(percent2(v)));
      }
      series[kResources[i]] = points;
    }
    groups.push_back({{"name", g.name},
                      {"agents", g.agents},
                      {"resources", resources},
                      {"series_percent", series}});
  }
  const auto& a = r.activity;
  nlohmann::json doc = {
      {"context", r.context},
      {"by", r.dimension},
      {"since", util::format_utc(r.since)},
      {"until", util::format_utc(r.until)},
      {"snapshots", r.snapshots},
      {"first", r.snapshots > 0 ? nlohmann::json(util::format_utc(r.first)) : nlohmann::json()},
      {"last", r.snapshots > 0 ? nlohmann::json(util::format_utc(r.last)) : nlohmann::json()},
      {"bucket_seconds", r.bucket_seconds},
      {"groups", groups},
      {"tasks",
       {{"started", optional(a.tasks_started)},
        {"failed", optional(a.tasks_failed)},
        {"finished", optional(a.tasks_finished)},
        {"killed", optional(a.tasks_killed)},
        {"mesos_restarts", a.mesos_restarts},
        {"by_state", r.task_states}}},
      {"chronos",
       {{"runs_succeeded", optional(a.chronos_succeeded)},
        {"runs_failed", optional(a.chronos_failed)}}},
      {"marathon",
       {{"queue_peak", optional(a.marathon_queue_peak)},
        {"queue_peak_at", a.marathon_queue_peak
                              ? nlohmann::json(util::format_utc(a.marathon_queue_peak_at))
                              : nlohmann::json()},
        {"delayed_peak", optional(a.marathon_delayed_peak)}}}};
  return doc;
}

void print_csv(std::ostream& out, const Report& r, bool headers) {
  if (headers) {
    out << "name,resource,avg_percent,peak_percent,peak_at,now_percent,allocated,total,samples\n";
  }
  for (const auto& g : r.groups) {
    for (std::size_t i = 0; i < kResourceCount; ++i) {
      const auto& s = g.resources[i];
      if (s.samples == 0) {
        continue;
      }
      out << csv_field(g.name) << ',' << kResources[i] << ',' << number(percent2(s.avg)) << ','
          << number(percent2(s.peak)) << ',' << util::format_utc(s.peak_at) << ','
          << number(percent2(s.last)) << ',' << number(model::round3(s.last_allocated)) << ','
          << number(model::round3(s.last_total)) << ',' << s.samples << '\n';
    }
  }
}

void print_graphite(std::ostream& out, const Report& r, const std::string& prefix) {
  std::string ts = " ";  // built in steps: GCC 12 misreads `" " + std::string&&` at -O2
  ts += std::to_string(static_cast<std::int64_t>(r.until));
  ts += '\n';
  const std::string base = prefix + "." + graphite_segment(r.context) + ".";
  for (const auto& g : r.groups) {
    const std::string path =
        base + graphite_segment(r.dimension) + "." + graphite_segment(g.name) + ".";
    for (std::size_t i = 0; i < kResourceCount; ++i) {
      const auto& s = g.resources[i];
      if (s.samples == 0) {
        continue;
      }
      const std::string p = path + kResources[i] + ".";
      out << p << "avg_percent " << number(percent2(s.avg)) << ts;
      out << p << "peak_percent " << number(percent2(s.peak)) << ts;
      out << p << "now_percent " << number(percent2(s.last)) << ts;
    }
  }
  const auto& a = r.activity;
  auto line = [&](const char* name, const std::optional<double>& v) {
    if (v) {
      out << base << name << ' ' << number(*v) << ts;
    }
  };
  line("tasks.started", a.tasks_started);
  line("tasks.failed", a.tasks_failed);
  line("tasks.finished", a.tasks_finished);
  line("tasks.killed", a.tasks_killed);
  line("chronos.runs_succeeded", a.chronos_succeeded);
  line("chronos.runs_failed", a.chronos_failed);
  line("marathon.queue_peak", a.marathon_queue_peak);
}

void print_prometheus(std::ostream& out, const Report& r) {
  std::string ctx = "context=\"";
  ctx += prom_label(r.context);
  ctx += '"';
  auto family = [&out](const std::string& name, const char* help) {
    out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << " gauge\n";
  };
  struct Metric {
    const char* name;
    const char* help;
    double (*value)(const ResourceStats&);
  };
  static const Metric kMetrics[] = {
      {"qctl_stats_allocation_avg_ratio", "Mean allocated/total over the report window.",
       [](const ResourceStats& s) { return s.avg; }},
      {"qctl_stats_allocation_peak_ratio", "Highest allocated/total in the report window.",
       [](const ResourceStats& s) { return s.peak; }},
      {"qctl_stats_allocation_peak_timestamp_seconds", "When the peak was first recorded.",
       [](const ResourceStats& s) { return s.peak_at; }},
      {"qctl_stats_allocation_ratio", "allocated/total in the latest snapshot.",
       [](const ResourceStats& s) { return s.last; }}};
  for (const auto& m : kMetrics) {
    family(m.name, m.help);
    for (const auto& g : r.groups) {
      for (std::size_t i = 0; i < kResourceCount; ++i) {
        if (g.resources[i].samples == 0) {
          continue;
        }
        out << m.name << '{' << ctx << ",by=\"" << prom_label(r.dimension) << "\",group=\""
            << prom_label(g.name) << "\",resource=\"" << kResources[i] << "\"} "
            << number(m.value(g.resources[i])) << "\n";
      }
    }
  }
  family("qctl_stats_window_seconds", "Length of the report window.");
  out << "qctl_stats_window_seconds{" << ctx << "} " << number(r.until - r.since) << "\n";
  family("qctl_stats_snapshots", "Snapshots in the report window.");
  out << "qctl_stats_snapshots{" << ctx << "} " << r.snapshots << "\n";
  const auto& a = r.activity;
  auto single = [&](const char* name, const char* help, const std::optional<double>& v) {
    if (v) {
      family(name, help);
      out << name << '{' << ctx << "} " << number(*v) << "\n";
    }
  };
  single("qctl_stats_tasks_started", "Mesos tasks started in the window.", a.tasks_started);
  single("qctl_stats_tasks_failed",
         "Mesos tasks failed, errored, lost, dropped or gone in the window.", a.tasks_failed);
  single("qctl_stats_chronos_runs_succeeded", "Chronos runs that succeeded in the window.",
         a.chronos_succeeded);
  single("qctl_stats_chronos_runs_failed", "Chronos runs that failed in the window.",
         a.chronos_failed);
  single("qctl_stats_marathon_queue_peak", "Most Marathon task launches waiting at once.",
         a.marathon_queue_peak);
}

}  // namespace qctl::stats::history
