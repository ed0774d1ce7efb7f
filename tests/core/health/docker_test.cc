// The docker check over a fake SSH connector: a hung daemon is CRITICAL on its agent only,
// an unreachable agent UNKNOWN, and no more sessions run at once than --docker-parallel.
#include "core/health/docker.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "core/error.h"

namespace qctl::health {
namespace {

struct Behaviour {
  ssh::Captured result;
  bool refuse = false;
};

class FakeSession final : public ssh::Session {
 public:
  FakeSession(Behaviour b, std::atomic<int>& in_flight, std::atomic<int>& peak)
      : b_(std::move(b)), in_flight_(in_flight), peak_(peak) {}
  [[nodiscard]] const std::string& user() const override { return user_; }
  ssh::ExitStatus exec(const ssh::ExecRequest&, const ssh::LocalFds&) override { return {}; }
  ssh::Captured run(const std::string& command, std::chrono::milliseconds) override {
    EXPECT_EQ(command, "docker info --format '{{.ServerVersion}}'");
    const int now = ++in_flight_;
    int seen = peak_.load();
    while (now > seen && !peak_.compare_exchange_weak(seen, now)) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    --in_flight_;
    return b_.result;
  }

 private:
  Behaviour b_;
  std::atomic<int>& in_flight_;
  std::atomic<int>& peak_;
  std::string user_ = "root";
};

class FakeConnector final : public ssh::Connector {
 public:
  FakeConnector(const std::map<std::string, Behaviour>& hosts, std::atomic<int>& in_flight,
                std::atomic<int>& peak)
      : hosts_(hosts), in_flight_(in_flight), peak_(peak) {}
  std::unique_ptr<ssh::Session> connect(const ssh::Endpoint& endpoint) override {
    const auto& b = hosts_.at(endpoint.host);
    if (b.refuse) {
      throw NetworkError("ssh " + endpoint.host + ":22", "connection refused");
    }
    return std::make_unique<FakeSession>(b, in_flight_, peak_);
  }

 private:
  const std::map<std::string, Behaviour>& hosts_;
  std::atomic<int>& in_flight_;
  std::atomic<int>& peak_;
};

ssh::Captured answered(int code, const std::string& out, const std::string& err = "") {
  ssh::Captured c;
  c.status.code = code;
  c.out = out;
  c.err = err;
  return c;
}

TEST(HealthDocker, HungDaemonIsCriticalOnThatAgentOnly) {
  std::map<std::string, Behaviour> hosts;
  for (int i = 1; i <= 20; ++i) {
    hosts["10.0.0." + std::to_string(i)] = {answered(0, "24.0.7\n"), false};
  }
  ssh::Captured hung;
  hung.timed_out = true;
  hosts["10.0.0.7"] = {hung, false};
  std::atomic<int> in_flight{0};
  std::atomic<int> peak{0};
  DockerProbe p;
  for (const auto& [host, b] : hosts) {
    p.hosts.push_back(host);
  }
  p.endpoint = [](const std::string& host) {
    ssh::Endpoint e;
    e.host = host;
    return e;
  };
  p.connector = [&] { return std::make_unique<FakeConnector>(hosts, in_flight, peak); };
  p.timeout = std::chrono::seconds(2);
  p.parallel = 3;
  p.time_left = [] { return std::chrono::milliseconds(60000); };
  const auto facts = gather_docker(p);
  EXPECT_LE(peak.load(), 3);
  const auto r = evaluate_docker(facts, Thresholds{});
  EXPECT_EQ(r.status, Status::kCritical);
  EXPECT_EQ(r.summary,
            "19/20 agents answer docker info; 10.0.0.7 docker info did not answer "
            "within 2s");
  EXPECT_EQ(format_perf(r.perf[0]), "docker_failing=1;;0;0;20");
  int critical_lines = 0;
  for (const auto& d : r.details) {
    critical_lines += d.find(": CRITICAL: ") != std::string::npos ? 1 : 0;
  }
  EXPECT_EQ(critical_lines, 1);
}

TEST(HealthDocker, DaemonDownCriticalSshRefusedUnknownAllFineOk) {
  std::map<std::string, Behaviour> hosts = {
      {"a", {answered(0, "24.0.7"), false}},
      {"b",
       {answered(1, "", "Cannot connect to the Docker daemon at unix:///var/run/docker.sock."),
        false}},
      {"c", {{}, true}}};
  std::atomic<int> in_flight{0};
  std::atomic<int> peak{0};
  DockerProbe p;
  p.hosts = {"a", "b", "c"};
  p.endpoint = [](const std::string& host) {
    ssh::Endpoint e;
    e.host = host;
    return e;
  };
  p.connector = [&] { return std::make_unique<FakeConnector>(hosts, in_flight, peak); };
  p.time_left = [] { return std::chrono::milliseconds(60000); };
  auto r = evaluate_docker(gather_docker(p), Thresholds{});
  EXPECT_EQ(r.status, Status::kCritical);
  EXPECT_EQ(r.details[1],
            "agent b: CRITICAL: docker info exited 1: Cannot connect to the Docker daemon at "
            "unix:///var/run/docker.sock.");
  EXPECT_EQ(r.details[2], "agent c: UNKNOWN: ssh: ssh c:22: connection refused");
  p.hosts = {"a", "c"};
  r = evaluate_docker(gather_docker(p), Thresholds{});
  EXPECT_EQ(r.status, Status::kUnknown) << "an agent SSH cannot reach says nothing about Docker";
  p.hosts = {"a"};
  r = evaluate_docker(gather_docker(p), Thresholds{});
  EXPECT_EQ(r.status, Status::kOk);
  EXPECT_EQ(r.summary, "1/1 agents answer docker info");
  p.time_left = [] { return std::chrono::milliseconds(0); };
  r = evaluate_docker(gather_docker(p), Thresholds{});
  EXPECT_EQ(r.status, Status::kUnknown);
}

}  // namespace
}  // namespace qctl::health
