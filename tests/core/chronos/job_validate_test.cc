#include "core/chronos/job_validate.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/support/run_qctl.h"

namespace qctl::chronos {
namespace {

using nlohmann::json;

/// The problems of one job document named "jobs.json[3]", with a tiny zoneinfo database.
class JobFileValidate : public ::testing::Test {
 protected:
  JobFileValidate() {
    zones_.write("UTC", "TZif");
    std::filesystem::create_directories(zones_.path() + "/Europe");
    zones_.write("Europe/Berlin", "TZif");
    opts_.zoneinfo_dir = zones_.path();
  }

  JobProblems check(json job, const std::set<std::string>& server = {}) {
    return check_jobs({{"jobs.json[3]", std::move(job)}}, server, opts_);
  }
  std::string only_error(json job, const std::set<std::string>& server = {}) {
    const auto p = check(std::move(job), server);
    EXPECT_EQ(p.errors.size(), 1U) << ::testing::PrintToString(p.errors);
    return p.errors.empty() ? "" : p.errors.front();
  }

  qctl::testing::TempDir zones_;
  ValidateOptions opts_;
};

TEST_F(JobFileValidate, AWellFormedJobHasNoProblems) {
  const auto p = check({{"name", "transcode.news-1_a"},
                        {"command", "ffmpeg -i in.mp4 out.webm"},
                        {"schedule", "R/2024-05-01T02:00:00Z/P1D"},
                        {"scheduleTimeZone", "Europe/Berlin"},
                        {"cpus", "0.5"},
                        {"mem", 512},
                        {"constraints", {{"rack", "EQUALS", "r1"}, {"host", "LIKE", "a.*"}}},
                        {"fetch", {{{"uri", "http://x/y.tgz"}, {"extract", true}}}},
                        {"container", {{"type", "DOCKER"}, {"image", "ffmpeg:6"}}}});
  EXPECT_TRUE(p.errors.empty()) << ::testing::PrintToString(p.errors);
  EXPECT_TRUE(p.warnings.empty()) << ::testing::PrintToString(p.warnings);
}

TEST_F(JobFileValidate, NameWithASpaceIsRefusedWithItsPath) {
  const auto e = only_error({{"name", "my job"}, {"command", "true"}});
  EXPECT_EQ(e.rfind("jobs.json[3].name: \"my job\" is not a valid job name", 0), 0U) << e;
  EXPECT_EQ(only_error({{"command", "true"}}), "jobs.json[3].name: required");
}

// Chronos 2.x: names may hold whitespace and '#', and there is no 1970 limit; 3.x refuses a
// start before 1970-01-01T00:00:01Z.
TEST(JobValidateVersions, Chronos2NamesAndStarts) {
  EXPECT_TRUE(valid_job_name("nightly report #1", true));
  EXPECT_FALSE(valid_job_name("nightly report #1"));
  EXPECT_FALSE(valid_job_name("a/b", true));
  EXPECT_EQ(schedule_problem("R1/1960-01-01T00:00:00Z/P1D", true), "");
  EXPECT_NE(schedule_problem("R1/1970-01-01T00:00:00.500Z/P1D").find("before 1970"),
            std::string::npos);
  JobProblems problems;
  ValidateOptions v2;
  v2.chronos_v2 = true;
  check_job_document(JobDocument{"jobs.json[0]", nlohmann::json{{"name", "nightly report #1"},
                                                                 {"command", "true"}}},
                     v2, problems);
  EXPECT_TRUE(problems.errors.empty()) << problems.errors.front();
}

TEST_F(JobFileValidate, BadSchedulesSayWhichPartIsWrong) {
  const auto with = [](const std::string& s) { return json{{"name", "a"}, {"schedule", s}}; };
  EXPECT_NE(only_error(with("every day"))
                .find("jobs.json[3].schedule: \"every day\" is not "
                      "R[n]/<start>/<period>"),
            std::string::npos);
  EXPECT_NE(only_error(with("R/2024-13-01T00:00:00Z/PT1H")).find("not an ISO 8601 date-time"),
            std::string::npos);
  EXPECT_NE(only_error(with("R/2024-01-01T00:00:00Z/1H")).find("not R[n]"), std::string::npos);
  EXPECT_NE(only_error(with("R/2024-01-01T00:00:00Z/P1H")).find("not an ISO 8601 period"),
            std::string::npos);
  EXPECT_NE(only_error(with("R5//PT0S")).find("is zero"), std::string::npos);
  EXPECT_NE(only_error(with("R/1969-12-31T00:00:00Z/P1D")).find("before 1970"), std::string::npos);
  for (const char* ok : {"R//PT1H", "R1//PT30M", "R10/2012-10-01T05:52:00Z/PT2S",
                         "R/2024-06-01T02:00:00.000+08:00/P1D", "R/2024-06-01/P1W",
                         "R3/2024-06-01T02:00/P1DT12H", "R/2024-06-01T02:00:00Z/PT0.5S",
                         // What else Joda's DateTime.parse (Chronos) reads: week and ordinal
                         // dates, a bare year-month, fractions of the hour, a time alone.
                         "R/2024-W22-1T09:00Z/P1W", "R/2024-153T06:00Z/P1D", "R/2024-06/P1M",
                         "R/2024-06-01T10.5Z/P1D", "R/T10:00Z/P1D"}) {
    EXPECT_EQ(schedule_problem(ok), "") << ok;
  }
}

TEST_F(JobFileValidate, TimeZoneMustExist) {
  EXPECT_NE(only_error({{"name", "a"}, {"scheduleTimeZone", "Mars/Olympus"}})
                .find("jobs.json[3].scheduleTimeZone: unknown time zone \"Mars/Olympus\""),
            std::string::npos);
  EXPECT_EQ(time_zone_problem("UTC", opts_), "");
  EXPECT_EQ(time_zone_problem("+08:00", opts_), "");
  EXPECT_NE(time_zone_problem("../../etc/passwd", opts_), "");
}

TEST_F(JobFileValidate, ResourcesMustBePositive) {
  EXPECT_NE(only_error({{"name", "a"}, {"cpus", 0}}).find("jobs.json[3].cpus: must be greater"),
            std::string::npos);
  EXPECT_NE(only_error({{"name", "a"}, {"mem", -5}}).find(".mem: must be greater"),
            std::string::npos);
  EXPECT_NE(only_error({{"name", "a"}, {"disk", "lots"}}).find(".disk: expected a number"),
            std::string::npos);
}

TEST_F(JobFileValidate, UnsupportedConstraintOperatorsAreRefusedWithTheReason) {
  const auto e = only_error(
      {{"name", "a"}, {"constraints", {{"rack", "EQUALS", "r1"}, {"hostname", "UNIQUE", ""}}}});
  EXPECT_EQ(e.rfind("jobs.json[3].constraints[1]: operator UNIQUE is not supported", 0), 0U) << e;
  EXPECT_NE(e.find("silently drops"), std::string::npos) << e;
  EXPECT_EQ(only_error({{"name", "a"}, {"constraints", json::array({{"rack", "EQUALS"}})}}),
            "jobs.json[3].constraints[0]: expected [attribute, OPERATOR, value] (three strings)");
}

TEST_F(JobFileValidate, ConflictingFieldsAreRefused) {
  EXPECT_NE(only_error({{"name", "a"}, {"uris", {"http://x"}}, {"fetch", {{{"uri", "http://y"}}}}})
                .find(".uris: give either uris"),
            std::string::npos);
  EXPECT_NE(only_error({{"name", "a"}, {"schedule", "R//PT1H"}, {"parents", {"p"}}}, {"p"})
                .find(".parents: a job has either a schedule or parents"),
            std::string::npos);
}

TEST_F(JobFileValidate, UnknownFieldsAreWarningsWithTheirPath) {
  const auto p = check({{"name", "a"},
                        {"comand", "true"},
                        {"epsilon", "PT15M"},
                        {"fetch", {{{"uri", "http://y"}, {"extrakt", true}}}}});
  EXPECT_TRUE(p.errors.empty()) << ::testing::PrintToString(p.errors);
  ASSERT_EQ(p.warnings.size(), 3U) << ::testing::PrintToString(p.warnings);
  EXPECT_EQ(p.warnings[0], "jobs.json[3].comand: unknown field, Chronos ignores it");
  EXPECT_EQ(p.warnings[1], "jobs.json[3].epsilon: a Chronos 2.x field: 3.0 removed it and ignores it");
  EXPECT_EQ(p.warnings[2], "jobs.json[3].fetch[0].extrakt: unknown field, Chronos ignores it");
}

// On a 2.x server epsilon and async are its own fields (checked, not warned about), and
// 3.x's concurrent and maxCompletionTime are the ones it ignores.
TEST_F(JobFileValidate, VersionFieldsFollowTheServersVersion) {
  opts_.chronos_v2 = true;
  json job = {{"name", "a"}, {"command", "true"}, {"epsilon", "PT30M"}, {"async", true},
              {"concurrent", true}};
  auto p = check(job);
  EXPECT_TRUE(p.errors.empty()) << ::testing::PrintToString(p.errors);
  ASSERT_EQ(p.warnings.size(), 1U) << ::testing::PrintToString(p.warnings);
  EXPECT_EQ(p.warnings[0], "jobs.json[3].concurrent: a Chronos 3.x field: this 2.x server ignores it");
  job["epsilon"] = "30 minutes";
  EXPECT_EQ(only_error(job),
            "jobs.json[3].epsilon: \"30 minutes\" is not an ISO 8601 period such as PT60S");
  job["epsilon"] = "PT1M";
  job["async"] = "yes";
  EXPECT_NE(only_error(job).find("jobs.json[3].async"), std::string::npos);
}

TEST_F(JobFileValidate, DotNamesAreRefusedBecauseNoUrlCanNameThem) {
  for (const char* name : {".", ".."}) {
    EXPECT_EQ(only_error({{"name", name}, {"command", "true"}}),
              std::string("jobs.json[3].name: \"") + name +
                  "\" cannot be used: no URL can name the job afterwards");
  }
  EXPECT_TRUE(check({{"name", "a..b"}, {"command", "true"}}).errors.empty());
}

TEST_F(JobFileValidate, WrongTypesNameTheField) {
  EXPECT_EQ(only_error({{"name", "a"}, {"retries", "three"}}),
            "jobs.json[3].retries: expected a whole number, got string");
  EXPECT_EQ(only_error({{"name", 42}}),
            "jobs.json[3].name: expected a string, got number "
            "(quote it in YAML)");
}

TEST_F(JobFileValidate, ParentsMustExistOnTheServerOrInTheBatch) {
  EXPECT_EQ(only_error({{"name", "child"}, {"parents", {"ghost"}}}),
            "jobs.json[3].parents[0]: no job \"ghost\" on the server or in this batch");
  EXPECT_TRUE(check({{"name", "child"}, {"parents", {"etl"}}}, {"etl"}).errors.empty());
  const auto p = check_jobs({{"a.json", {{"name", "child"}, {"parents", {"parent"}}}},
                             {"b.json", {{"name", "parent"}, {"command", "true"}}}},
                            {}, opts_);
  EXPECT_TRUE(p.errors.empty()) << ::testing::PrintToString(p.errors);
}

TEST_F(JobFileValidate, DuplicatesAndCyclesInABatchAreRefused) {
  auto p = check_jobs({{"a.json", {{"name", "x"}}}, {"b.json", {{"name", "x"}}}}, {}, opts_);
  ASSERT_EQ(p.errors.size(), 1U);
  EXPECT_EQ(p.errors[0], "b.json.name: \"x\" is also defined at a.json");
  p = check_jobs({{"a.json", {{"name", "x"}, {"parents", {"y"}}}},
                  {"b.json", {{"name", "y"}, {"parents", {"x"}}}}},
                 {}, opts_);
  ASSERT_EQ(p.errors.size(), 1U);
  EXPECT_EQ(p.errors[0],
            "a.json.parents: a dependency cycle (x -> y -> x, each the parent of the next): "
            "Chronos refuses it (HTTP 500) and none of these jobs could ever run");
}

// Through the server's jobs: top <- mid <- leaf there; making leaf mid's parent closes it.
TEST_F(JobFileValidate, CyclesThroughTheServersJobsAreRefused) {
  const std::map<std::string, std::vector<std::string>> server = {
      {"top", {}}, {"mid", {"top"}}, {"leaf", {"mid"}}};
  auto p = check_jobs({{"m.json", {{"name", "mid"}, {"command", "true"}, {"parents", {"leaf"}}}}},
                      {"top", "mid", "leaf"}, opts_, server);
  ASSERT_EQ(p.errors.size(), 1U) << ::testing::PrintToString(p.errors);
  EXPECT_NE(p.errors[0].find("m.json.parents: a dependency cycle (mid -> leaf -> mid"),
            std::string::npos)
      << p.errors[0];
  // A batch that also re-parents leaf breaks the cycle: fine.
  p = check_jobs({{"m.json", {{"name", "mid"}, {"command", "true"}, {"parents", {"leaf"}}}},
                  {"l.json", {{"name", "leaf"}, {"command", "true"}, {"parents", {"top"}}}}},
                 {"top", "mid", "leaf"}, opts_, server);
  EXPECT_TRUE(p.errors.empty()) << ::testing::PrintToString(p.errors);
  // Its own parent.
  p = check_jobs({{"s.json", {{"name", "self"}, {"command", "true"}, {"parents", {"self"}}}}},
                 {"self"}, opts_, {{"self", {}}});
  ASSERT_EQ(p.errors.size(), 1U);
  EXPECT_NE(p.errors[0].find("(self -> self"), std::string::npos) << p.errors[0];
}

TEST_F(JobFileValidate, WavesSendParentsBeforeChildren) {
  const std::vector<JobDocument> docs = {{"0", {{"name", "c"}, {"parents", {"b"}}}},
                                         {"1", {{"name", "b"}, {"parents", {"a", "etl"}}}},
                                         {"2", {{"name", "a"}}},
                                         {"3", {{"name", "d"}, {"parents", {"etl"}}}}};
  EXPECT_EQ(dependency_waves(docs), (std::vector<int>{2, 1, 0, 0}));
}

}  // namespace
}  // namespace qctl::chronos
