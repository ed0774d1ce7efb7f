// The --simulate failure rule for Chronos jobs.
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
  EXPECT_FALSE(plainly_fails("true"));
  EXPECT_FALSE(plainly_fails("echo exit 3"));
}

TEST(SandboxChronosPlainlyFails, TheStepThatEndsAList) {
  EXPECT_TRUE(plainly_fails("echo importing; exit 3"));
  EXPECT_TRUE(plainly_fails("echo a\nexit 2\necho never"));
  EXPECT_TRUE(plainly_fails("echo a && false"));
  EXPECT_TRUE(plainly_fails("false && echo never"));
  EXPECT_TRUE(plainly_fails("echo a; false"));
  EXPECT_FALSE(plainly_fails("false; echo recovered"));  // the last step's status counts
  EXPECT_FALSE(plainly_fails("echo a; exit 0; exit 3"));  // the first exit ends it
  EXPECT_FALSE(plainly_fails("echo report; sleep 2"));
  EXPECT_FALSE(plainly_fails("exit 3 || true"));
  EXPECT_FALSE(plainly_fails("sleep 1 & exit 3"));
}

}  // namespace
}  // namespace qctl::sandbox::chronos
