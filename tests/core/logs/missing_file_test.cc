// What `qctl logs` says for a file the sandbox does not have: the directory's files, or the
// nearest directory of the name that exists, or that the sandbox is gone.
#include <gtest/gtest.h>

#include <sstream>

#include "core/logs/session.h"
#include "tests/core/logs/memory_reader.h"

namespace qctl::logs {
namespace {

using testing::MemoryReader;

std::string hint_for(MemoryReader& reader, const std::string& name) {
  std::ostringstream out;
  LogWriter writer(out);
  const Source s{"t1/" + name, "", "t1", {"a1", "/sb/t1/" + name}, 0};
  try {
    (void)read_initial(reader, {s}, {}, writer, [](const std::string&) {});
  } catch (const NotFoundError& e) {
    EXPECT_EQ(out.str(), "");
    return e.hint();
  }
  ADD_FAILURE() << name << " was found";
  return "";
}

TEST(LogsMissingFile, NamesTheNearestDirectoryThatExists) {
  MemoryReader reader;
  reader.at("a1", "/sb/t1/stdout") = "x";
  reader.at("a1", "/sb/t1/a/x.log") = "y";
  EXPECT_EQ(hint_for(reader, "nope.log"), "files there: stdout");
  EXPECT_EQ(hint_for(reader, "a/nope.log"), "files there: x.log");
  EXPECT_EQ(hint_for(reader, "a/b/c.log"), "no directory a/b in a; files in a: x.log");
  EXPECT_EQ(hint_for(reader, "logs/access.log"),
            "no directory logs in the sandbox; files in the sandbox: stdout");
  MemoryReader gone;
  EXPECT_EQ(hint_for(gone, "logs/access.log"),
            "the sandbox itself is gone (garbage-collected by the agent?)");
}

}  // namespace
}  // namespace qctl::logs
