// mount_agent: one agent's libprocess endpoints (slave(1), files, metrics, version).
#include <memory>

#include "sandbox/mesos/agent_state.h"
#include "sandbox/mesos/files.h"
#include "sandbox/mesos/libprocess.h"
#include "sandbox/mesos/master_misc.h"
#include "sandbox/mesos/mesos_api.h"

namespace qctl::sandbox::mesos {

namespace {

constexpr const char* kAgentReadOnly = "mesos-agent-readonly";

struct Agent {
  World& world;
  std::string id;
  MesosOptions options;
};

using AgentRender = std::function<http::Response(http::Request&, const AgentContext&)>;

// Runs `render` with the lock held; an agent the World no longer knows answers 404.
Endpoint with_agent(const std::shared_ptr<Agent>& a, AgentRender render) {
  return [a, render = std::move(render)](http::Request& request, const std::string&) {
    auto lock = a->world.lock();
    const SimAgent* agent = a->world.agent(a->id);
    if (agent == nullptr) {
      return plain(404, "404 Not Found.");
    }
    return render(request, AgentContext{a->world, *agent, a->options});
  };
}

void add_slave_endpoints(Processes& p, const std::shared_ptr<Agent>& a) {
  p.add("slave(1)", "state", kAgentReadOnly,
        with_agent(a, [](http::Request& r, const AgentContext& c) {
          return ok_json(r, render_agent_state(c));
        }));
  p.add("slave(1)", "containers", kAgentReadOnly,
        with_agent(a, [](http::Request& r, const AgentContext& c) {
          return ok_json(r, render_containers(c, r.param("container_id")));
        }));
  p.add("slave(1)", "monitor/statistics", kAgentReadOnly,
        with_agent(a, [](http::Request& r, const AgentContext& c) {
          return ok_json(r, render_statistics(c));
        }));
  p.add("slave(1)", "health", "", [](http::Request&, const std::string&) {
    return http::Response::empty(200);
  });
}

void add_files_endpoints(Processes& p, const std::shared_ptr<Agent>& a) {
  using FilesFn = http::Response (*)(const http::Request&,
                                     const std::map<std::string, std::string>&);
  for (auto [name, fn] : {std::pair<const char*, FilesFn>{"browse", files_browse},
                          std::pair<const char*, FilesFn>{"read", files_read},
                          std::pair<const char*, FilesFn>{"download", files_download}}) {
    p.add("files", name, kAgentReadOnly, [a, fn](http::Request& r, const std::string&) {
      std::map<std::string, std::string> attached;
      {
        // Only the path table needs the lock; the disk is read after it is released.
        auto lock = a->world.lock();
        if (const SimAgent* agent = a->world.agent(a->id); agent != nullptr) {
          attached = attached_paths(a->world, *agent);
        }
      }
      return fn(r, attached);
    });
  }
}

}  // namespace

void mount_agent(http::Router& router, World& world, const std::string& agent_id,
                 const MesosOptions& options) {
  auto agent = std::make_shared<Agent>(Agent{world, agent_id, options});
  auto processes = std::make_shared<Processes>("slave(1)");
  add_slave_endpoints(*processes, agent);
  add_files_endpoints(*processes, agent);
  processes->add("version", "", "", [agent](http::Request& request, const std::string&) {
    return ok_json(request, render_version(agent->options));
  });
  processes->add("metrics", "snapshot", kAgentReadOnly,
                 with_agent(agent, [](http::Request& r, const AgentContext& c) {
                   if (auto bad = check_metrics_timeout(r)) {
                     return *bad;
                   }
                   return ok_json(r, render_agent_metrics(c));
                 }));
  Processes::install(processes, router);
}

}  // namespace qctl::sandbox::mesos
