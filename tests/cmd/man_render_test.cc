// Every committed man page renders without a single warning from groff and mandoc, the two
// formatters man(1) uses on Linux and the BSDs.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/paths.h"

namespace qctl::cmd {
namespace {

namespace fs = std::filesystem;

const fs::path kManDir = fs::path(testing::kSourceDir) / "man";

struct Run {
  int status = -1;
  std::string output;  // stdout and stderr together
};

// Runs a shell command line and captures what it prints.
Run run_shell(const std::string& command) {
  Run r;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) {
    return r;
  }
  std::array<char, 4096> buf{};
  for (std::size_t n; (n = fread(buf.data(), 1, buf.size(), pipe)) > 0;) {
    r.output.append(buf.data(), n);
  }
  const int status = ::pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

bool have(const std::string& tool) {
  return run_shell("command -v " + tool + " >/dev/null").status == 0;
}

std::vector<fs::path> pages() {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(kManDir)) {
    if (entry.path().extension() == ".1") {
      found.push_back(entry.path());
    }
  }
  return found;
}

TEST(ManRender, ThereArePagesToRender) { EXPECT_GE(pages().size(), 4U) << kManDir; }

TEST(ManRender, GroffPrintsNoWarnings) {
  if (!have("groff")) {
    GTEST_SKIP() << "groff is not installed (scripts/setup.sh installs it)";
  }
  for (const auto& page : pages()) {
    for (const std::string device : {"-Tutf8", "-Tps"}) {
      const auto r = run_shell("groff -ww -z -man " + device + " '" + page.string() + "'");
      EXPECT_EQ(r.status, 0) << page << " " << device;
      EXPECT_EQ(r.output, "") << page << " " << device;
    }
  }
}

TEST(ManRender, MandocLintIsClean) {
  if (!have("mandoc")) {
    GTEST_SKIP() << "mandoc is not installed (scripts/setup.sh installs it)";
  }
  for (const auto& page : pages()) {
    const auto r = run_shell("mandoc -T lint -W all '" + page.string() + "'");
    EXPECT_EQ(r.status, 0) << page;
    EXPECT_EQ(r.output, "") << page;
  }
}

TEST(ManRender, ManShowsTheSynopsisAndTheFlagsAsTyped) {
  if (!have("groff")) {
    GTEST_SKIP() << "groff is not installed";
  }
  // What a user sees in `man qctl-status`: plain ASCII hyphens and quotes, copy-pasteable.
  const auto r =
      run_shell("groff -man -Tutf8 -P-cbou '" + (kManDir / "qctl-status.1").string() + "'");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("qctl status agents [OPTIONS] [NAME]"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("-l, --selector TEXT"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("qctl status -o json | jq .mesos.resources.cpus"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("QCTL_CONTEXT"), std::string::npos);
}

}  // namespace
}  // namespace qctl::cmd
