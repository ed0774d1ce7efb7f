// The human forms of a report: times, the table with activity lines, the sparkline chart.
#include "core/stats/history/render.h"

#include <cmath>
#include <ctime>
#include <ostream>
#include <sstream>

#include "core/output/table.h"
#include "core/output/units.h"
#include "core/util/duration.h"

namespace qctl::stats::history {

namespace {

std::string percent(double fraction) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(1);
  s << fraction * 100 << '%';
  return s.str();
}

std::string amount(std::size_t resource, double v) {
  const std::string name = kResources[resource];
  if (name == "mem" || name == "disk") {
    return output::format_mb(v);
  }
  std::ostringstream s;
  s << model::round3(v);
  return s.str();
}

std::string count(double v) { return std::to_string(static_cast<std::int64_t>(std::llround(v))); }

void print_activity(std::ostream& out, const Report& r) {
  const auto& a = r.activity;
  if (a.tasks_started) {
    out << "Mesos tasks: " << count(*a.tasks_started) << " started, " << count(*a.tasks_failed)
        << " failed, " << count(*a.tasks_finished) << " finished, " << count(*a.tasks_killed)
        << " killed";
    if (a.mesos_restarts > 0) {
      out << " (counters restarted " << a.mesos_restarts << "x: master failover)";
    }
    out << "\n";
  }
  if (a.chronos_succeeded) {
    out << "Chronos runs: " << count(*a.chronos_succeeded) << " succeeded, "
        << count(*a.chronos_failed) << " failed\n";
  }
  if (a.marathon_queue_peak) {
    out << "Marathon launch queue: peak " << count(*a.marathon_queue_peak);
    if (*a.marathon_queue_peak > 0) {
      out << " at " << format_time(a.marathon_queue_peak_at);
    }
    if (a.marathon_delayed_peak.value_or(0) > 0) {
      out << ", at most " << count(*a.marathon_delayed_peak) << " apps in launch back-off";
    }
    out << "\n";
  }
  if (!r.task_states.empty()) {
    out << "Tasks now:";
    const char* sep = " ";
    for (const auto& [state, n] : r.task_states) {
      out << sep << n << ' ' << state;
      sep = ", ";
    }
    out << "\n";
  }
}

const char* kBlocks[] = {"\u2581", "\u2582", "\u2583", "\u2584",
                         "\u2585", "\u2586", "\u2587", "\u2588"};

std::string sparkline(const std::vector<double>& series, bool color) {
  std::string line;
  for (double v : series) {
    if (std::isnan(v)) {
      line += ' ';
      continue;
    }
    const auto level = std::min<std::size_t>(7, static_cast<std::size_t>(std::max(0.0, v) * 8));
    if (color) {
      line += v >= 0.8 ? "\033[31m" : v >= 0.5 ? "\033[33m" : "\033[32m";
    }
    line += kBlocks[level];
    if (color) {
      line += "\033[0m";
    }
  }
  return line;
}

// A chart column's time span, to the minute once it is long enough for seconds to be noise.
std::string column_text(double seconds) {
  if (seconds < 600) {
    return format_window(seconds);
  }
  std::string text = "~";
  text += format_window(std::round(seconds / 60) * 60);
  return text;
}

}  // namespace

std::string format_time(double t) { return util::format_utc(t, "%Y-%m-%d %H:%M UTC"); }

std::string format_window(double seconds) {
  auto left = static_cast<std::int64_t>(std::llround(seconds));
  std::string out;
  static const std::pair<const char*, std::int64_t> kUnits[] = {
      {"d", 86400}, {"h", 3600}, {"m", 60}, {"s", 1}};
  for (const auto& [unit, size] : kUnits) {
    if (left >= size) {
      out += std::to_string(left / size) + unit;
      left %= size;
    }
  }
  return out.empty() ? "0s" : out;
}

void print_table(std::ostream& out, const Report& r, bool wide, bool headers) {
  if (headers) {
    out << "Context " << r.context << ", by " << r.dimension << ": " << r.snapshots << " snapshots";
    if (r.snapshots > 0) {
      out << " from " << format_time(r.first) << " to " << format_time(r.last);
    }
    out << " (window " << format_window(r.until - r.since) << ")\n\n";
  }
  output::Table t({{"NAME"},
                   {"RESOURCE"},
                   {"AVG", false, true},
                   {"PEAK", false, true},
                   {"PEAK AT"},
                   {"NOW", false, true},
                   {"ALLOCATED", true, true},
                   {"TOTAL", true, true},
                   {"AGENTS", true, true}});
  for (const auto& g : r.groups) {
    for (std::size_t i = 0; i < kResourceCount; ++i) {
      const auto& s = g.resources[i];
      if (s.samples == 0) {
        continue;
      }
      t.add({g.name, kResources[i], percent(s.avg), percent(s.peak), format_time(s.peak_at),
             percent(s.last), amount(i, s.last_allocated), amount(i, s.last_total),
             std::to_string(g.agents)});
    }
  }
  t.print(out, wide, headers);
  std::ostringstream activity;
  print_activity(activity, r);
  if (!activity.str().empty()) {
    out << "\n" << activity.str();
  }
}

void print_chart(std::ostream& out, const Report& r, bool color) {
  std::size_t name_width = 4;
  for (const auto& g : r.groups) {
    name_width = std::max(name_width, output::display_width(g.name));
  }
  for (const std::size_t i : {std::size_t{0}, std::size_t{1}}) {  // cpus, mem
    out << "\n"
        << kResources[i] << " allocation, " << format_time(r.first) << " to " << format_time(r.last)
        << " (one column = " << column_text(r.bucket_seconds) << "):\n";
    for (const auto& g : r.groups) {
      const auto& s = g.resources[i];
      if (s.samples == 0) {
        continue;
      }
      out << g.name << std::string(name_width + 2 - output::display_width(g.name), ' ')
          << sparkline(s.chart, color) << "  avg " << percent(s.avg) << "  peak " << percent(s.peak)
          << "\n";
    }
  }
}

}  // namespace qctl::stats::history
