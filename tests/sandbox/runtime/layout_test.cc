// Docker naming by agent version and Mesos' exit-status wording.
#include "sandbox/runtime/layout.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <csignal>

namespace qctl::sandbox::runtime {
namespace {

TEST(SandboxRuntimeLayout, AgentsFrom023To13NameContainersWithTheAgentId) {
  EXPECT_FALSE(uses_agent_docker_names("0.22.1"));
  EXPECT_TRUE(uses_agent_docker_names("0.23.0"));
  EXPECT_TRUE(uses_agent_docker_names("1.3.2"));
  EXPECT_FALSE(uses_agent_docker_names("1.4.0"));
  EXPECT_FALSE(uses_agent_docker_names("1.11.0"));
}

TEST(SandboxRuntimeLayout, WaitStatusesReadLikeMesos) {
  EXPECT_EQ(describe_wait_status(W_EXITCODE(0, 0)), "exited with status 0");
  EXPECT_EQ(describe_wait_status(W_EXITCODE(42, 0)), "exited with status 42");
  EXPECT_EQ(describe_wait_status(W_EXITCODE(0, SIGTERM)), "terminated with signal Terminated");
  EXPECT_EQ(describe_wait_status(W_EXITCODE(0, SIGSEGV) | WCOREFLAG),
            "terminated with signal Segmentation fault (core dumped)");
}

}  // namespace
}  // namespace qctl::sandbox::runtime
