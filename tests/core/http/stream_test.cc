// http::stream against a scripted loopback server: pieces arrive before the body ends,
// cancellation and idle streams end within a second, redirects and error bodies.
#include "core/http/stream.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "core/error.h"
#include "core/http/curl_transport.h"
#include "tests/support/fake_transport.h"

namespace qctl::http {
namespace {

// Accepts connections one after another; each gets the next script: raw bytes to send,
// with "" meaning "stay silent until the client goes away".
class ScriptedServer {
 public:
  explicit ScriptedServer(std::vector<std::vector<std::string>> scripts)
      : scripts_(std::move(scripts)) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd_, 4);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~ScriptedServer() {
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    thread_.join();
  }
  ScriptedServer(const ScriptedServer&) = delete;
  ScriptedServer& operator=(const ScriptedServer&) = delete;

  [[nodiscard]] std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  [[nodiscard]] std::vector<std::string> heads() {
    std::lock_guard guard(mu_);
    return heads_;
  }

 private:
  void serve() {
    for (const auto& script : scripts_) {
      const int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) {
        return;
      }
      std::string head;
      char buf[1024];
      while (head.find("\r\n\r\n") == std::string::npos) {
        const auto n = ::read(c, buf, sizeof buf);
        if (n <= 0) {
          break;
        }
        head.append(buf, static_cast<std::size_t>(n));
      }
      {
        std::lock_guard guard(mu_);
        heads_.push_back(head);
      }
      for (const std::string& step : script) {
        if (step.empty()) {
          while (::read(c, buf, sizeof buf) > 0) {
          }
          break;
        }
        ::send(c, step.data(), step.size(), MSG_NOSIGNAL);
      }
      ::close(c);
    }
  }

  std::vector<std::vector<std::string>> scripts_;
  int fd_ = -1;
  int port_ = 0;
  std::thread thread_;
  std::mutex mu_;
  std::vector<std::string> heads_;
};

const std::string kSseHead =
    "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream;charset=utf-8\r\n"
    "Connection: close\r\n\r\n";

struct Fixture {
  CurlTransport transport;
  FakeClock clock;
  Client client{transport, clock, ClientOptions{}};
};

TEST(StreamTest, DeliversPiecesBeforeTheBodyEndsAndStopsWhenTheHandlerSaysSo) {
  // The server never ends the body: the first piece must arrive while it is still open.
  ScriptedServer server({{kSseHead, "data: one\r\n\r\n", ""}});
  Fixture f;
  std::string got;
  StreamOptions options;
  options.headers = {{"Accept", "text/event-stream"}};
  const auto out = stream(f.client, server.url("/v2/events"), [&](std::string_view piece) {
    got.append(piece);
    return got.find("\r\n\r\n") == std::string::npos;
  }, options);
  EXPECT_EQ(out.end, StreamEnd::kStopped);
  EXPECT_EQ(out.status, 0);
  EXPECT_EQ(got, "data: one\r\n\r\n");
  EXPECT_NE(server.heads().at(0).find("\r\nAccept: text/event-stream\r\n"), std::string::npos);
}

TEST(StreamTest, CancelEndsASilentStream) {
  ScriptedServer server({{kSseHead, ""}});
  Fixture f;
  std::atomic<bool> cancel{false};
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    cancel = true;
  });
  StreamOptions options;
  options.cancelled = [&] { return cancel.load(); };
  const auto out = stream(f.client, server.url("/"), [](std::string_view) { return true; },
                          options);
  canceller.join();
  EXPECT_EQ(out.end, StreamEnd::kCancelled);
}

TEST(StreamTest, IdleStreamEndsAfterTheIdleTimeout) {
  ScriptedServer server({{kSseHead, "\r\n", ""}});
  Fixture f;
  StreamOptions options;
  options.idle_timeout = std::chrono::milliseconds(300);
  std::uint64_t seen = 0;
  const auto out = stream(f.client, server.url("/"), [&](std::string_view p) {
    seen += p.size();
    return true;
  }, options);
  EXPECT_EQ(out.end, StreamEnd::kIdle);
  EXPECT_EQ(seen, 2U);
  EXPECT_EQ(describe_end(out, options), "nothing received for 0.3s");
}

TEST(StreamTest, ServerClosingTheBodyIsClosed) {
  ScriptedServer server({{kSseHead, "data: x\r\n\r\n"}});
  Fixture f;
  std::string got;
  const auto out = stream(f.client, server.url("/"), [&](std::string_view p) {
    got.append(p);
    return true;
  });
  EXPECT_EQ(out.end, StreamEnd::kClosed);
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(got, "data: x\r\n\r\n");
}

TEST(StreamTest, FollowsARedirectToTheLeaderAndReturnsErrorBodies) {
  testing::FakeTransport fake;
  fake.on(Method::kGet, "http://m2:8080/v2/events", 302, "",
          {{"Location", "http://m1:8080/v2/events"}});
  fake.on(Method::kGet, "http://m1:8080/v2/events", 502, "no leader");
  FakeClock clock;
  Client client(fake, clock, ClientOptions{});
  const auto out = stream(client, "http://m2:8080/v2/events", [](std::string_view) {
    ADD_FAILURE() << "an error body is not delivered";
    return true;
  });
  EXPECT_EQ(out.url, "http://m1:8080/v2/events");
  EXPECT_EQ(out.status, 502);
  EXPECT_EQ(out.body, "no leader");
  const auto requests = fake.requests();
  EXPECT_EQ(requests.at(1).timeout.count(), 0);  // no overall limit on a stream
}

TEST(StreamTest, NoAnswerAtAllThrowsNetworkError) {
  testing::FakeTransport fake;
  fake.fail(Method::kGet, "http://m1:8080/v2/events", FailureKind::kConnect, "Connection refused",
            true);
  FakeClock clock;
  Client client(fake, clock, ClientOptions{});
  EXPECT_THROW(stream(client, "http://m1:8080/v2/events", [](std::string_view) { return true; }),
               NetworkError);
}

}  // namespace
}  // namespace qctl::http
