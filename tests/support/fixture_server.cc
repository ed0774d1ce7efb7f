#include "tests/support/fixture_server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tests/support/fake_transport.h"

namespace qctl::testing {

FixtureServer::FixtureServer() : server_(std::make_unique<httplib::Server>()) {
  auto handler = [this](const httplib::Request& req, httplib::Response& res) {
    CannedResponse canned;
    bool found = false;
    {
      std::lock_guard<std::mutex> guard(mutex_);
      std::string line = req.method + " " + req.path;
      std::string query;
      for (const auto& [k, v] : req.params) {
        query.append(query.empty() ? "?" : "&").append(k).append("=").append(v);
      }
      requests_.push_back(line + query);
      authorizations_.push_back(req.get_header_value("Authorization"));
      const auto it = routes_.find(req.method + " " + req.path);
      if (it != routes_.end()) {
        canned = it->second;
        found = true;
      }
    }
    if (!found) {
      res.status = 404;
      res.set_content("no fixture for " + req.method + " " + req.path, "text/plain");
      return;
    }
    if (canned.delay.count() > 0) {
      std::unique_lock<std::mutex> lock(mutex_);
      stop_cv_.wait_for(lock, canned.delay, [this] { return stopping_; });
    }
    res.status = canned.status;
    for (const auto& [name, value] : canned.headers) {
      res.set_header(name, value);
    }
    res.set_content(canned.body, canned.content_type);
  };
  server_->Get(".*", handler);
  server_->Post(".*", handler);
  server_->Put(".*", handler);
  server_->Patch(".*", handler);
  server_->Delete(".*", handler);
  port_ = server_->bind_to_any_port("127.0.0.1");
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  while (!server_->is_running()) {
    std::this_thread::yield();
  }
}

FixtureServer::~FixtureServer() {
  {
    std::lock_guard<std::mutex> guard(mutex_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  server_->stop();
  thread_.join();
}

std::string FixtureServer::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

void FixtureServer::set(const std::string& method, const std::string& path,
                        CannedResponse response) {
  std::lock_guard<std::mutex> guard(mutex_);
  routes_[method + " " + path] = std::move(response);
}

void FixtureServer::fixture(const std::string& path, const std::string& fixture) {
  CannedResponse r;
  r.body = read_fixture(fixture);
  set("GET", path, std::move(r));
}

std::vector<std::string> FixtureServer::requests() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return requests_;
}

std::vector<std::string> FixtureServer::authorizations() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return authorizations_;
}

int closed_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return 1;  // port 1 on loopback: nothing listens there either
  }
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

}  // namespace qctl::testing
