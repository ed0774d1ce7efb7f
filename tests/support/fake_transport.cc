#include "tests/support/fake_transport.h"

#include <fstream>
#include <sstream>

#include "tests/support/paths.h"

namespace qctl::testing {

FakeTransport::~FakeTransport() {
  if (allow_unused_) {
    return;
  }
  for (const auto& stub : stubs_) {
    if (!stub.used) {
      ADD_FAILURE() << "unused stub: " << http::method_name(stub.method) << ' ' << stub.url;
    }
  }
}

FakeTransport& FakeTransport::on(http::Method method, const std::string& url, int status,
                                 std::string body, http::Headers headers, bool repeat) {
  http::Result result;
  result.response = http::Response{status, std::move(headers), std::move(body)};
  std::lock_guard<std::mutex> guard(mutex_);
  stubs_.push_back({method, url, std::move(result), repeat, false});
  return *this;
}

FakeTransport& FakeTransport::fail(http::Method method, const std::string& url,
                                   http::FailureKind kind, std::string message, bool repeat) {
  http::Result result;
  result.failure = kind;
  result.failure_message = std::move(message);
  std::lock_guard<std::mutex> guard(mutex_);
  stubs_.push_back({method, url, std::move(result), repeat, false});
  return *this;
}

FakeTransport& FakeTransport::get_fixture(const std::string& url, const std::string& fixture,
                                          int status) {
  return on(http::Method::kGet, url, status, read_fixture(fixture),
            {{"Content-Type", "application/json"}});
}

namespace {

// Like the real transport: a 2xx body goes to the request's sink, here in small pieces so
// decoders meet every chunk boundary.
http::Result deliver(const http::Request& request, http::Result result) {
  if (request.sink && result.ok() && result.response->status / 100 == 2) {
    const std::string body = std::move(result.response->body);
    result.response->body.clear();
    for (std::size_t at = 0; at < body.size(); at += 7) {
      request.sink(std::string_view(body).substr(at, 7));
    }
  }
  return result;
}

}  // namespace

http::Result FakeTransport::perform(const http::Request& request) {
  std::lock_guard<std::mutex> guard(mutex_);
  requests_.push_back(request);
  Stub* repeating = nullptr;
  for (auto& stub : stubs_) {
    if (stub.method != request.method || stub.url != request.url) {
      continue;
    }
    if (!stub.used) {
      stub.used = true;
      return deliver(request, stub.result);
    }
    if (stub.repeat) {
      repeating = &stub;
    }
  }
  if (repeating != nullptr) {
    return deliver(request, repeating->result);
  }
  ADD_FAILURE() << "unexpected request: " << http::method_name(request.method) << ' '
                << request.url;
  http::Result result;
  result.failure = http::FailureKind::kOther;
  result.failure_message = "unexpected request in test";
  return result;
}

std::vector<http::Request> FakeTransport::requests() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return requests_;
}

std::string read_fixture(const std::string& relative) {
  const std::string path = std::string(kFixturesDir) + "/" + relative;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "missing fixture " << path;
    return {};
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace qctl::testing
