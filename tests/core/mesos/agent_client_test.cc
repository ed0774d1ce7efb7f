#include "core/mesos/agent_client.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "tests/support/fake_transport.h"

namespace qctl::mesos {
namespace {

using http::Method;

TEST(AgentClientTest, ReadsStateContainersAndFilesFromTheAgentAddress) {
  qctl::testing::FakeTransport t;
  FakeClock clock;
  http::Client http(t, clock, {});
  t.get_fixture("https://10.0.1.11:5051/state", "mesos/agent-state.json");
  t.get_fixture("https://10.0.1.11:5051/containers", "mesos/agent-containers.json");
  t.get_fixture(
      "https://10.0.1.11:5051/files/read?path=%2Fframeworks%2Ff%2Fexecutors%2Fe%2Fruns%2Flatest%2Fstdout"
      "&offset=0&length=-1",
      "mesos/files-read.json");
  AgentClient client(http, "https");
  EXPECT_FALSE(client.state("10.0.1.11:5051").executors.empty());
  EXPECT_FALSE(client.containers("10.0.1.11:5051").empty());
  const auto chunk =
      client.read_file("10.0.1.11:5051", "/frameworks/f/executors/e/runs/latest/stdout", 0);
  EXPECT_FALSE(chunk.data.empty());
}

TEST(AgentClientTest, AForbiddenContainersEndpointIsAnAuthError) {
  qctl::testing::FakeTransport t;
  FakeClock clock;
  http::Client http(t, clock, {});
  t.on(Method::kGet, "http://a:5051/containers", 403, "Forbidden");
  AgentClient client(http, "http");
  EXPECT_THROW(client.containers("a:5051"), AuthError);
}

TEST(AgentClientTest, BrowseListsASandboxDirectoryAndA404IsNotFound) {
  qctl::testing::FakeTransport t;
  FakeClock clock;
  http::Client http(t, clock, {});
  t.on(Method::kGet, "http://a:5051/files/browse?path=%2Fsandbox", 200,
       R"([{"path":"/sandbox/stdout","size":12,"mtime":1717171200.5,"mode":"-rw-r--r--"},)"
       R"( {"path":"/sandbox/logs","size":4096,"mtime":1717171100,"mode":"drwxr-xr-x"}])");
  t.on(Method::kGet, "http://a:5051/files/browse?path=%2Fgone", 404, "");
  AgentClient client(http, "http");
  const auto entries = client.browse("a:5051", "/sandbox");
  ASSERT_EQ(entries.size(), 2U);
  EXPECT_EQ(entries[0].path, "/sandbox/stdout");
  EXPECT_EQ(entries[0].size, 12);
  EXPECT_DOUBLE_EQ(entries[0].mtime, 1717171200.5);
  EXPECT_FALSE(entries[0].directory);
  EXPECT_TRUE(entries[1].directory);
  EXPECT_THROW((void)client.browse("a:5051", "/gone"), NotFoundError);
}

}  // namespace
}  // namespace qctl::mesos
