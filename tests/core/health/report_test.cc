// The plugin text: first line "CHECK STATUS - summary | perfdata", details after it.
#include "core/health/report.h"

#include <gtest/gtest.h>

namespace qctl::health {
namespace {

CheckResult result(const std::string& check, Status s, const std::string& summary) {
  CheckResult r;
  r.check = check;
  r.status = s;
  r.summary = summary;
  r.perf.push_back({check + "_x", 1, "", "0", "", 0.0, {}});
  r.details.push_back(check + " detail");
  return r;
}

TEST(HealthReport, OneCheckIsOnePluginOutput) {
  Report report;
  report.checks = {result("mesos", Status::kOk, "leader http://m1:5050")};
  EXPECT_EQ(render_text(report),
            "MESOS OK - leader http://m1:5050 | mesos_x=1;0;;0\nmesos detail\n");
  EXPECT_EQ(report.status(), Status::kOk);
}

TEST(HealthReport, SeveralChecksWorstFirstAndAllPerfdataOnTheFirstLine) {
  Report report;
  report.checks = {result("mesos", Status::kOk, "fine"),
                   result("agents", Status::kWarning, "1 unreachable"),
                   result("marathon", Status::kCritical, "no Marathon leader")};
  EXPECT_EQ(render_text(report),
            "HEALTH CRITICAL - marathon CRITICAL: no Marathon leader; agents WARNING: 1 "
            "unreachable; OK: mesos | mesos_x=1;0;;0 agents_x=1;0;;0 marathon_x=1;0;;0\n"
            "MESOS OK - fine\n  mesos detail\n"
            "AGENTS WARNING - 1 unreachable\n  agents detail\n"
            "MARATHON CRITICAL - no Marathon leader\n  marathon detail\n");
  const auto j = to_json(report);
  EXPECT_EQ(j["status"], "CRITICAL");
  EXPECT_EQ(j["exit_code"], 2);
  EXPECT_EQ(j["checks"][1]["perfdata"][0]["warning"], "0");
  EXPECT_TRUE(j["checks"][1]["perfdata"][0]["max"].is_null());
}

}  // namespace
}  // namespace qctl::health
