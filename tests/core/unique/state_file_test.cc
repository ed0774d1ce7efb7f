// The unique sync state file: round trip, refusal of a broken file, and directory modes.
#include "core/unique/state_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "core/error.h"
#include "tests/support/run_qctl.h"

namespace qctl::unique {
namespace {

mode_t mode_of(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

TEST(UniqueStateFile, RoundTripAndRefusesABrokenFile) {
  testing::TempDir dir;
  const auto path = dir.file("state/unique-prod.json");
  EXPECT_EQ(read_agent_count(path), std::nullopt);
  write_agent_count(path, 42, 1700000000);
  EXPECT_EQ(read_agent_count(path), 42U);
  dir.write("broken.json", "{\"agents\": \"many\"}");
  EXPECT_THROW((void)read_agent_count(dir.file("broken.json")), ConfigError);
}

// A directory qctl creates is private; an existing one (say /tmp, for --state-file
// /tmp/x.json) keeps its mode.
TEST(UniqueStateFile, OnlyADirectoryItCreatesIsMadePrivate) {
  testing::TempDir dir;
  write_agent_count(dir.file("new/deeper/unique.json"), 1, 1700000000);
  EXPECT_EQ(mode_of(dir.file("new")), 0700U);  // every level it created
  EXPECT_EQ(mode_of(dir.file("new/deeper")), 0700U);
  std::filesystem::create_directory(dir.file("shared"));
  ::chmod(dir.file("shared").c_str(), 01777);
  write_agent_count(dir.file("shared/unique.json"), 1, 1700000000);
  EXPECT_EQ(mode_of(dir.file("shared")), 01777U);
  // A planted "<file>.tmp" symlink (the old temp name) is neither followed nor truncated.
  const auto victim = dir.write("victim", "keep me");
  std::filesystem::create_symlink(victim, dir.file("shared/unique.json.tmp"));
  write_agent_count(dir.file("shared/unique.json"), 7, 1700000000);
  EXPECT_EQ(testing::read_file(victim), "keep me");
  EXPECT_EQ(read_agent_count(dir.file("shared/unique.json")), 7U);
}

}  // namespace
}  // namespace qctl::unique
