// qctl_bench unique-serve: a synthetic Mesos master (10,000 agents) and Marathon (2,000
// hostname:UNIQUE apps) on loopback for `qctl unique sync`, counting the writes it gets.
// PUT /v2/apps/{id} applies {"instances":N}, so a second pass finds everything in sync.
#include "bench/unique_serve.h"

#include <httplib.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bench/cluster_gen.h"

namespace qctl::bench {

namespace {

struct BenchApp {
  std::string id;
  std::string constraints;  // JSON array elements after hostname UNIQUE
  long instances = 0;
};

/// Four constraint shapes, as a daemon fleet has them; agents are dc bj1/sh2 (even/odd) and
/// racks 0..39 (i % 40). Every tenth app is one short of its eligible agents.
std::vector<BenchApp> make_apps(std::size_t count, std::size_t agents) {
  std::vector<BenchApp> apps;
  for (std::size_t i = 0; i < count; ++i) {
    BenchApp a;
    a.id = "/daemons/d" + std::to_string(i);
    long eligible = static_cast<long>(agents);
    switch (i % 4) {
      case 0:
        break;
      case 1:
        a.constraints = R"(,["dc","LIKE","bj1"])";
        eligible = static_cast<long>((agents + 1) / 2);
        break;
      case 2: {
        const std::size_t rack = i % 40;
        a.constraints = R"(,["rack","IS",")" + std::to_string(rack) + R"("])";
        eligible = static_cast<long>(agents / 40 + (rack < agents % 40 ? 1 : 0));
        break;
      }
      default:
        a.constraints = R"(,["dc","UNLIKE","sh2"],["ssd","LIKE","true"])";
        eligible = static_cast<long>((agents + 1) / 2);
        break;
    }
    a.instances = i % 10 == 0 ? eligible - 1 : eligible;
    apps.push_back(std::move(a));
  }
  return apps;
}

std::string apps_json(const std::vector<BenchApp>& apps) {
  std::string o = R"({"apps":[)";
  for (std::size_t i = 0; i < apps.size(); ++i) {
    const auto& a = apps[i];
    o += i == 0 ? "" : ",";
    o += R"({"id":")" + a.id + R"(","cmd":"/opt/agent --serve","cpus":0.1,"mem":64,"disk":0,)" +
         R"("instances":)" + std::to_string(a.instances) +
         R"(,"constraints":[["hostname","UNIQUE"])" + a.constraints +
         R"(],"acceptedResourceRoles":["*"],"labels":{"role":"daemon"},)" +
         R"("upgradeStrategy":{"minimumHealthCapacity":0.5,"maximumOverCapacity":0},)" +
         R"("portDefinitions":[],"version":"2026-11-01T00:00:00.000Z","tasksStaged":0,)" +
         R"("tasksRunning":)" + std::to_string(a.instances) +
         R"(,"tasksHealthy":0,"tasksUnhealthy":0,"deployments":[]})";
  }
  return o + "]}";
}

}  // namespace

int unique_serve(int argc, char** argv) {
  ClusterShape shape;
  std::size_t app_count = 2000;
  int port = 0;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--agents") == 0) {
      shape.agents = std::stoul(argv[i + 1]);
    } else if (std::strcmp(argv[i], "--apps") == 0) {
      app_count = std::stoul(argv[i + 1]);
    } else if (std::strcmp(argv[i], "--port") == 0) {
      port = std::stoi(argv[i + 1]);
    }
  }
  const std::string slaves = master_slaves(shape);
  std::mutex mutex;
  std::vector<BenchApp> apps = make_apps(app_count, shape.agents);
  // ~1 MB of JSON for 2,000 apps: built again only when a PUT has changed an app since.
  std::string apps_body;
  bool apps_changed = true;
  std::atomic<long> writes{0};
  httplib::Server server;
  server.set_tcp_nodelay(true);  // else a delayed ACK costs 40 ms per PUT on loopback
  server.Get("/master/slaves", [&slaves](const httplib::Request&, httplib::Response& res) {
    res.set_content(slaves, "application/json");
  });
  server.Get("/master/maintenance/schedule", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("{}", "application/json");
  });
  server.Get("/v2/apps", [&](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> guard(mutex);
    if (apps_changed) {
      apps_body = apps_json(apps);
      apps_changed = false;
    }
    res.set_content(apps_body, "application/json");
  });
  server.Get("/v2/tasks", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"tasks":[]})", "application/json");
  });
  server.Put(R"(/v2/apps/(.+))", [&](const httplib::Request& req, httplib::Response& res) {
    ++writes;
    const auto body = nlohmann::json::parse(req.body, nullptr, false);
    const std::string id = "/" + req.matches[1].str();
    std::lock_guard<std::mutex> guard(mutex);
    for (auto& a : apps) {
      if (a.id == id && body.is_object() && body.contains("instances")) {
        a.instances = body["instances"].get<long>();
        apps_changed = true;
      }
    }
    res.set_content(R"({"version":"2026-11-21T00:00:00.000Z","deploymentId":"d-)" +
                        std::to_string(writes.load()) + R"("})",
                    "application/json");
  });
  server.Get("/bench/writes", [&writes](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::to_string(writes.exchange(0)) + "\n", "text/plain");
  });
  const int bound = port == 0 ? server.bind_to_any_port("127.0.0.1")
                              : (server.bind_to_port("127.0.0.1", port) ? port : -1);
  if (bound < 0) {
    std::fprintf(stderr, "qctl_bench: cannot bind 127.0.0.1:%d\n", port);
    return 1;
  }
  std::printf("http://127.0.0.1:%d %zu agents %zu apps\n", bound, shape.agents, app_count);
  std::fflush(stdout);
  server.listen_after_bind();
  return 0;
}

}  // namespace qctl::bench
