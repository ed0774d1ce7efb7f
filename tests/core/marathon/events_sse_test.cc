// The SSE parser on Marathon's wire format (CRLF, heartbeats) and on pieces split anywhere.
#include <gtest/gtest.h>

#include "core/marathon/sse.h"

namespace qctl::marathon {
namespace {

std::vector<SseEvent> parse_in_pieces(const std::string& wire, std::size_t piece) {
  SseParser parser;
  std::vector<SseEvent> out;
  for (std::size_t at = 0; at < wire.size(); at += piece) {
    parser.feed(std::string_view(wire).substr(at, piece), [&](const SseEvent& e) {
      out.push_back(e);
      return true;
    });
  }
  return out;
}

// Jetty's EventSourceServlet: "event: X\r\ndata: {...}\r\n\r\n", "\r\n" heartbeats.
const std::string kMarathonWire =
    "event: event_stream_attached\r\n"
    "data: {\"remoteAddress\":\"127.0.0.1\",\"eventType\":\"event_stream_attached\","
    "\"timestamp\":\"2024-05-01T10:00:00.000Z\"}\r\n\r\n"
    "\r\n"
    "event: status_update_event\r\n"
    "data: {\"taskStatus\":\"TASK_RUNNING\",\"appId\":\"/web\"}\r\n\r\n";

TEST(EventsSseTest, ParsesMarathonFramesWhateverThePieceSize) {
  for (std::size_t piece : {1U, 2U, 3U, 7U, 1000U}) {
    auto events = parse_in_pieces(kMarathonWire, piece);
    ASSERT_EQ(events.size(), 2U) << "piece " << piece;
    EXPECT_EQ(events[0].type, "event_stream_attached");
    EXPECT_EQ(events[1].type, "status_update_event");
    EXPECT_EQ(events[1].data, R"({"taskStatus":"TASK_RUNNING","appId":"/web"})");
  }
}

TEST(EventsSseTest, HandlesLfAndLoneCrLineEndsAndMultiLineData) {
  auto events = parse_in_pieces("data: a\ndata:b\r\rdata:  c\n\n: comment\n\n", 1);
  ASSERT_EQ(events.size(), 2U);
  EXPECT_EQ(events[0].type, "message");
  EXPECT_EQ(events[0].data, "a\nb");
  EXPECT_EQ(events[1].data, " c");  // only one space after the colon is dropped
}

TEST(EventsSseTest, EventWithoutDataIsNotDispatched) {
  SseParser parser;
  std::vector<SseEvent> out;
  parser.feed("event: lonely\r\n\r\nid: 7\r\nretry: 2500\r\ndata: x\r\n\r\n",
              [&](const SseEvent& e) {
                out.push_back(e);
                return true;
              });
  ASSERT_EQ(out.size(), 1U);
  EXPECT_EQ(out[0].type, "message");
}

TEST(EventsSseTest, HandlerReturningFalseStopsParsing) {
  SseParser parser;
  int seen = 0;
  const bool more = parser.feed("data: 1\n\ndata: 2\n\n", [&](const SseEvent&) {
    ++seen;
    return false;
  });
  EXPECT_FALSE(more);
  EXPECT_EQ(seen, 1);
}

}  // namespace
}  // namespace qctl::marathon
