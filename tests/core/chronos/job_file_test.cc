#include "core/chronos/job_file.h"

#include <gtest/gtest.h>

#include <string>

#include "core/error.h"
#include "tests/support/run_qctl.h"

namespace qctl::chronos {
namespace {

std::string usage_error(const std::string& text, const std::string& source) {
  try {
    (void)parse_job_documents(text, source);
  } catch (const UsageError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected a UsageError for " << text;
  return "";
}

TEST(JobFileParse, OneObjectIsNamedAfterItsFile) {
  const auto docs = parse_job_documents(R"({"name": "a", "command": "true"})", "job.json");
  ASSERT_EQ(docs.size(), 1U);
  EXPECT_EQ(docs[0].where, "job.json");
  EXPECT_EQ(docs[0].value["name"], "a");
}

TEST(JobFileParse, ArrayElementsAreIndexed) {
  const auto docs = parse_job_documents(R"([{"name": "a"}, {"name": "b"}])", "jobs.json");
  ASSERT_EQ(docs.size(), 2U);
  EXPECT_EQ(docs[1].where, "jobs.json[1]");
}

TEST(JobFileParse, NdjsonOnStdinIsOneJobPerLine) {
  const auto docs = parse_job_documents("{\"name\": \"a\"}\n\n{\"name\": \"b\"}\n", "-");
  ASSERT_EQ(docs.size(), 2U);
  EXPECT_EQ(docs[0].where, "stdin[0]");
  EXPECT_EQ(docs[1].where, "stdin[1]");
  EXPECT_EQ(docs[1].value["name"], "b");
}

TEST(JobFileParse, InvalidJsonNamesLineAndColumn) {
  const auto what = usage_error("{\n  \"name\": \"a\",\n  \"cpus\": ,\n}\n", "bad.json");
  EXPECT_EQ(what.rfind("bad.json:3:11: ", 0), 0U) << what;
  EXPECT_NE(what.find("syntax error"), std::string::npos) << what;
}

TEST(JobFileParse, ANumberBeyondADoubleIsAUsageErrorNamingTheFile) {
  EXPECT_EQ(usage_error(R"({"name":"r4","mem":1e309})", "f8.json"),
            "f8.json: number overflow parsing '1e309' (larger than any number Chronos reads)");
  EXPECT_EQ(usage_error("{\"name\":\"a\"}\n{\"name\":\"b\",\"mem\":1e400}\n", "-").rfind("stdin: ", 0),
            0U);
}

TEST(JobFileParse, InvalidNdjsonLineNamesItsLine) {
  const auto what = usage_error("{\"name\": \"a\"}\n{\"name\": \"b\",}\n", "-");
  EXPECT_EQ(what.rfind("stdin:2:", 0), 0U) << what;
}

TEST(JobFileParse, YamlKeepsQuotedScalarsStrings) {
  const auto docs = parse_job_documents(
      "name: \"0123\"\ncommand: echo hi\ncpus: 0.5\nretries: 3\nshell: false\n"
      "arguments: [\"1\", 2]\n",
      "job.yaml");
  ASSERT_EQ(docs.size(), 1U);
  const auto& j = docs[0].value;
  EXPECT_EQ(j["name"], "0123");
  EXPECT_EQ(j["cpus"], 0.5);
  EXPECT_EQ(j["retries"], 3);
  EXPECT_EQ(j["shell"], false);
  EXPECT_EQ(j["arguments"][0], "1");
  EXPECT_EQ(j["arguments"][1], 2);
}

TEST(JobFileParse, YamlListsAndDocumentsAreIndexed) {
  const auto docs = parse_job_documents("name: a\n---\n- name: b\n- name: c\n", "jobs.yml");
  ASSERT_EQ(docs.size(), 3U);
  EXPECT_EQ(docs[0].where, "jobs.yml[0]");
  EXPECT_EQ(docs[2].where, "jobs.yml[2]");
}

TEST(JobFileParse, InvalidYamlNamesLineAndColumn) {
  const auto what = usage_error("name: a\ncommand: [echo\n  cpus: 1\n", "job.yaml");
  EXPECT_EQ(what.rfind("job.yaml:", 0), 0U) << what;
  EXPECT_NE(what.find(":3:"), std::string::npos) << what;
}

TEST(JobFileParse, StdinWithoutBracesIsYaml) {
  const auto docs = parse_job_documents("name: a\ncommand: 'true'\n", "-");
  ASSERT_EQ(docs.size(), 1U);
  EXPECT_EQ(docs[0].value["command"], "true");
}

TEST(JobFileParse, NonObjectsAreRefused) {
  EXPECT_EQ(usage_error(R"([{"name": "a"}, 3])", "jobs.json"),
            "jobs.json[1]: expected a job object, got number");
  EXPECT_NE(usage_error("  \n", "-").find("empty"), std::string::npos);
}

TEST(JobFileParse, DirectoryReadsJobFilesInNameOrder) {
  qctl::testing::TempDir dir;
  dir.write("b.yaml", "name: b\n");
  dir.write("a.json", R"({"name": "a"})");
  dir.write("c.yml", "- name: c1\n- name: c2\n");
  dir.write("README.md", "not a job");
  dir.write(".#a.json", "an editor's lock file");  // hidden files are never jobs
  dir.write(".b.yaml~", "a backup");
  const auto docs = read_job_documents(dir.path());
  ASSERT_EQ(docs.size(), 4U);
  EXPECT_EQ(docs[0].value["name"], "a");
  EXPECT_EQ(docs[1].value["name"], "b");
  EXPECT_EQ(docs[1].where, dir.path() + "/b.yaml");
  EXPECT_EQ(docs[3].where, dir.path() + "/c.yml[1]");
}

TEST(JobFileParse, MissingPathsAndEmptyDirectoriesAreUsageErrors) {
  qctl::testing::TempDir dir;
  EXPECT_THROW((void)read_job_documents(dir.path()), UsageError);
  EXPECT_THROW((void)read_job_documents(dir.path() + "/nope.json"), UsageError);
}

}  // namespace
}  // namespace qctl::chronos
