// The written forms of a report: table, CSV, JSON, Graphite and Prometheus lines.
#include "core/stats/history/render.h"
#include "core/util/duration.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace qctl::stats::history {
namespace {

Report sample() {
  Report r;
  r.context = "prod";
  r.dimension = "dc";
  r.since = 1700000000 - 7 * 86400;
  r.until = 1700000000;
  r.snapshots = 3;
  r.first = 1699990000;
  r.last = 1699999960;
  GroupReport g;
  g.name = "dc \"a\".1";
  g.agents = 4;
  auto& cpus = g.resources[0];
  cpus.samples = 3;
  cpus.avg = 0.4;
  cpus.peak = 0.6;
  cpus.peak_at = 1699999960;
  cpus.last = 0.6;
  cpus.last_allocated = 6;
  cpus.last_total = 10;
  r.groups.push_back(g);
  r.activity.tasks_started = 6;
  r.activity.tasks_failed = 1;
  r.activity.tasks_finished = 3;
  r.activity.tasks_killed = 0;
  return r;
}

TEST(StatsHistoryRender, TimesAndWindows) {
  EXPECT_EQ(format_time(1700000000), "2023-11-14 22:13 UTC");
  EXPECT_EQ(util::format_utc(1700000000), "2023-11-14T22:13:20Z");
  EXPECT_EQ(format_window(604800), "7d");
  EXPECT_EQ(format_window(5400), "1h30m");
  EXPECT_EQ(format_window(0), "0s");
}

TEST(StatsHistoryRender, TableWithActivity) {
  std::ostringstream out;
  print_table(out, sample(), false, true);
  const auto text = out.str();
  EXPECT_NE(text.find("Context prod, by dc: 3 snapshots from 2023-11-14 19:26 UTC to "
                      "2023-11-14 22:12 UTC (window 7d)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("NAME       RESOURCE     AVG    PEAK   PEAK AT                  NOW\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("dc \"a\".1   cpus       40.0%   60.0%   2023-11-14 22:12 UTC   60.0%\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Mesos tasks: 6 started, 1 failed, 3 finished, 0 killed\n"),
            std::string::npos);
  EXPECT_EQ(text.find("mem"), std::string::npos);  // no samples, no row
}

TEST(StatsHistoryRender, CsvQuotesNames) {
  std::ostringstream out;
  print_csv(out, sample(), true);
  EXPECT_EQ(out.str(),
            "name,resource,avg_percent,peak_percent,peak_at,now_percent,allocated,total,samples\n"
            "\"dc \"\"a\"\".1\",cpus,40,60,2023-11-14T22:12:40Z,60,6,10,3\n");
}

TEST(StatsHistoryRender, JsonDocument) {
  const auto j = to_json(sample());
  EXPECT_EQ(j["context"], "prod");
  EXPECT_EQ(j["by"], "dc");
  EXPECT_EQ(j["groups"][0]["resources"]["cpus"]["avg_percent"], 40.0);
  EXPECT_EQ(j["groups"][0]["resources"]["cpus"]["peak_at"], "2023-11-14T22:12:40Z");
  EXPECT_FALSE(j["groups"][0]["resources"].contains("mem"));
  EXPECT_EQ(j["tasks"]["started"], 6.0);
  EXPECT_TRUE(j["chronos"]["runs_succeeded"].is_null());
}

TEST(StatsHistoryRender, GraphitePlaintextLines) {
  std::ostringstream out;
  print_graphite(out, sample(), "qctl.stats");
  const auto text = out.str();
  EXPECT_NE(text.find("qctl.stats.prod.dc.dc__a__1.cpus.avg_percent 40 1700000000\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("qctl.stats.prod.tasks.started 6 1700000000\n"), std::string::npos);
  EXPECT_EQ(text.find("chronos"), std::string::npos);
}

TEST(StatsHistoryRender, PrometheusTextFormat) {
  std::ostringstream out;
  print_prometheus(out, sample());
  const auto text = out.str();
  EXPECT_NE(text.find("# HELP qctl_stats_allocation_avg_ratio Mean allocated/total over the "
                      "report window.\n# TYPE qctl_stats_allocation_avg_ratio gauge\n"
                      "qctl_stats_allocation_avg_ratio{context=\"prod\",by=\"dc\",group=\"dc "
                      "\\\"a\\\".1\",resource=\"cpus\"} 0.4\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("qctl_stats_window_seconds{context=\"prod\"} 604800\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("qctl_stats_tasks_started{context=\"prod\"} 6\n"), std::string::npos);
}

}  // namespace
}  // namespace qctl::stats::history
