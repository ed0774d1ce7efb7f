// The --simulate failure rule for Chronos jobs: a command list read as sh runs it.
#include <gtest/gtest.h>

#include "sandbox/chronos/task_builder.h"

namespace qctl::sandbox::chronos {
namespace {

TEST(SandboxChronosPlainlyFails, PlainForms) {
  EXPECT_TRUE(plainly_fails("false"));
  EXPECT_TRUE(plainly_fails(" /bin/false "));
  EXPECT_TRUE(plainly_fails("exit 3"));
  EXPECT_TRUE(plainly_fails("exit 10"));
  EXPECT_FALSE(plainly_fails("exit 0"));
  EXPECT_FALSE(plainly_fails("exit"));
  EXPECT_FALSE(plainly_fails("true"));
  EXPECT_FALSE(plainly_fails("echo exit 3"));
  EXPECT_FALSE(plainly_fails(""));
}

TEST(SandboxChronosPlainlyFails, ListsAsShRunsThem) {
  EXPECT_TRUE(plainly_fails("echo importing; exit 3"));
  EXPECT_TRUE(plainly_fails("echo a\nexit 2\necho never"));
  EXPECT_TRUE(plainly_fails("echo importing\nfalse\n"));  // a YAML `|` block
  EXPECT_TRUE(plainly_fails("echo a; false;"));
  EXPECT_TRUE(plainly_fails("echo a && false"));
  EXPECT_TRUE(plainly_fails("false && echo never"));
  EXPECT_TRUE(plainly_fails("false; exit"));  // bare exit: the last status
  EXPECT_FALSE(plainly_fails("false && echo skipped; echo done"));
  EXPECT_FALSE(plainly_fails("false; echo recovered"));
  EXPECT_FALSE(plainly_fails("echo a; exit 0; exit 3"));  // the first exit ends it
  EXPECT_FALSE(plainly_fails("echo report; sleep 2"));
  EXPECT_TRUE(plainly_fails("exit 3 || true"));  // exit ends the shell: || never runs
  EXPECT_FALSE(plainly_fails("false || true"));
  EXPECT_TRUE(plainly_fails("true || exit 1; false"));
  EXPECT_TRUE(plainly_fails("sleep 1 & exit 3"));  // '&' backgrounds sleep; exit 3 ends it
  EXPECT_TRUE(plainly_fails("echo x | false"));    // a pipeline's last command
}

TEST(SandboxChronosPlainlyFails, RedirectionsAndQuotesAreNotSeparators) {
  EXPECT_TRUE(plainly_fails("echo importing >&2; exit 3"));
  EXPECT_TRUE(plainly_fails("./import.sh 2>&1; exit 3"));
  EXPECT_TRUE(plainly_fails("./import.sh &>/dev/null; exit 3"));
  EXPECT_FALSE(plainly_fails("echo 'a; exit 3'"));
  EXPECT_FALSE(plainly_fails("echo \"x && false\""));
}

}  // namespace
}  // namespace qctl::sandbox::chronos
