// `qctl events` against recorded Marathon SSE frames: lines, NDJSON, filters, errors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "tests/support/cli.h"
#include "tests/support/fake_transport.h"

namespace qctl::testing {
namespace {

using http::Method;

// Frames as Marathon 1.x writes them (Events.scala shapes, Jetty's CRLF framing).
const std::string kFrames =
    "event: event_stream_attached\r\n"
    "data: {\"remoteAddress\":\"10.0.0.9\",\"eventType\":\"event_stream_attached\","
    "\"timestamp\":\"2024-05-31T18:00:00.000Z\"}\r\n\r\n"
    "event: deployment_info\r\n"
    "data: {\"plan\":{\"id\":\"dep-1\",\"steps\":[{\"actions\":[{\"action\":\"ScaleApplication\","
    "\"app\":\"/web\"}]}],\"version\":\"2024-05-31T18:00:01.000Z\"},\"currentStep\":{\"actions\":"
    "[{\"action\":\"ScaleApplication\",\"app\":\"/web\"}]},\"eventType\":\"deployment_info\","
    "\"timestamp\":\"2024-05-31T18:00:01.000Z\"}\r\n\r\n"
    "\r\n"
    "event: status_update_event\r\n"
    "data: {\"slaveId\":\"a1-S0\",\"taskId\":\"db.instance-9._app.1\",\"taskStatus\":\"TASK_RUNNING\","
    "\"message\":\"\",\"appId\":\"/db\",\"host\":\"10.0.1.2\",\"ipAddresses\":[],\"ports\":[],"
    "\"version\":\"v\",\"eventType\":\"status_update_event\","
    "\"timestamp\":\"2024-05-31T18:00:02.000Z\"}\r\n\r\n"
    "event: status_update_event\r\n"
    "data: {\"slaveId\":\"a1-S0\",\"taskId\":\"web.instance-1._app.1\",\"taskStatus\":\"TASK_FAILED\","
    "\"message\":\"Command exited with status 1\",\"appId\":\"/web\",\"host\":\"10.0.1.1\","
    "\"ipAddresses\":[],\"ports\":[31000],\"version\":\"v\",\"eventType\":\"status_update_event\","
    "\"timestamp\":\"2024-05-31T18:00:03.000Z\"}\r\n\r\n";

CliOutcome run_events(FakeTransport& t, std::vector<std::string> args) {
  FakeClock clock;
  args.insert(args.begin(), "events");
  return run_cli_in_process(args,
                            {{"QCTL_MARATHON", kMarathon}, {"QCTL_CONFIG", "/nonexistent/qctl"}},
                            &clock, &t);
}

TEST(EventsCmdTest, OneLinePerEventFilteredByApp) {
  FakeTransport t;
  t.on(Method::kGet, std::string(kMarathon) + "/v2/events", 200, kFrames);
  const auto r = run_events(t, {"--app", "web", "--count", "2"});
  ASSERT_EQ(r.code, 0) << r.err;
  // Columns padded to 24, 28, 20, 60, 16 and 16.
  auto row = [](std::vector<std::string> cells) {
    const std::size_t widths[] = {24, 28, 20, 60, 16, 16};
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      line += cells[i];
      if (i + 1 < cells.size()) {
        line += std::string(widths[i] > cells[i].size() ? widths[i] - cells[i].size() : 0, ' ') + " ";
      }
    }
    return line + "\n";
  };
  EXPECT_EQ(r.out, row({"TIME", "TYPE", "APP", "TASK", "STATE", "HOST", "MESSAGE"}) +
                       row({"2024-05-31T18:00:01.000Z", "deployment_info", "/web", "dep-1", "-", "-",
                            "ScaleApplication /web"}) +
                       row({"2024-05-31T18:00:03.000Z", "status_update_event", "/web",
                            "web.instance-1._app.1", "TASK_FAILED", "10.0.1.1",
                            "Command exited with status 1"}));
  EXPECT_EQ(r.err, "");
}

TEST(EventsCmdTest, JsonIsNdjsonWithServerSideTypeFilters) {
  FakeTransport t;
  t.on(Method::kGet,
       std::string(kMarathon) +
           "/v2/events?event_type=status_update_event&event_type=deployment_info",
       200, kFrames);
  const auto r = run_events(t, {"--type", "status_update_event", "--type", "deployment_info",
                                "-o", "json", "--count", "3"});
  ASSERT_EQ(r.code, 0) << r.err;
  std::istringstream lines(r.out);
  std::vector<nlohmann::json> docs;
  for (std::string line; std::getline(lines, line);) {
    docs.push_back(nlohmann::json::parse(line));
  }
  ASSERT_EQ(docs.size(), 3U);
  EXPECT_EQ(docs[0]["eventType"], "event_stream_attached");
  EXPECT_EQ(docs[2]["taskStatus"], "TASK_RUNNING");
  bool accept = false;
  const auto requests = t.requests();
  for (const auto& [name, value] : requests.at(0).headers) {
    accept = accept || (name == "Accept" && value == "text/event-stream");
  }
  EXPECT_TRUE(accept);
}

TEST(EventsCmdTest, ReconnectsAfterTheStreamClosesAndSaysSo) {
  FakeTransport t;
  const std::string url = std::string(kMarathon) + "/v2/events";
  t.on(Method::kGet, url, 200, kFrames.substr(0, kFrames.find("event: deployment_info")));
  t.on(Method::kGet, url, 502, "<html><body><h2>HTTP ERROR 502</h2></body></html>");
  t.on(Method::kGet, url, 200, kFrames);
  const auto r = run_events(t, {"--no-headers", "--count", "3"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err,
            "qctl: event stream from http://marathon:8080/v2/events lost (closed by the server); "
            "reconnecting in 0.5s\n"
            "qctl: event stream from http://marathon:8080/v2/events lost (HTTP 502); "
            "reconnecting in 1s\n"
            "qctl: event stream reconnected to http://marathon:8080/v2/events\n");
}

TEST(EventsCmdTest, RefusedAcceptHeaderIsAnApiError) {
  FakeTransport t;
  t.on(Method::kGet, std::string(kMarathon) + "/v2/events", 405, "<html>405</html>");
  const auto r = run_events(t, {});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("405 the server refused Accept: text/event-stream"), std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");  // no header for a stream that never attached
}

TEST(EventsCmdTest, BadInputIsAUsageError) {
  FakeTransport t;
  auto r = run_events(t, {"--app", "Bad_App"});
  EXPECT_EQ(r.code, 2);
  r = run_events(t, {"-o", "yaml"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("use -o json"), std::string::npos) << r.err;
  r = run_events(t, {"--count", "-1"});
  EXPECT_EQ(r.code, 2);
}

}  // namespace
}  // namespace qctl::testing
