// mount_master: the master's libprocess endpoints with the real leader rules
// (src/master/http.cpp `redirect`, src/master/master.cpp routes).
#include <charconv>
#include <memory>

#include "sandbox/mesos/libprocess.h"
#include "sandbox/mesos/master_misc.h"
#include "sandbox/mesos/master_state.h"
#include "sandbox/mesos/mesos_api.h"

namespace qctl::sandbox::mesos {

namespace {

constexpr const char* kReadOnly = "mesos-master-readonly";

struct Master {
  World& world;
  Leadership& leadership;
  std::size_t index;
  MesosOptions options;

  [[nodiscard]] MasterContext context() const {
    return MasterContext{world, leadership, leadership.masters[index], options};
  }
};

using Render = std::function<http::Response(http::Request&, const MasterContext&)>;

// Master::Http::redirect: 503 without a leader, else 307 to the leader with the path
// libprocess saw (after delegation) and the original query.
http::Response redirect(const Leadership& leadership, const std::string& path,
                        const std::string& query) {
  if (!leadership.leader) {
    return plain(503, "No leader elected");
  }
  const MasterNode& leader = leadership.masters[*leadership.leader];
  std::string base = "//" + leader.hostname + ":" + std::to_string(leader.port);
  if (path == "/master/redirect") {
    return http::Response::empty(307).with_header("Location", base);
  }
  if (path.rfind("/master/redirect/", 0) == 0) {
    return plain(404, "404 Not Found.");  // prevents redirect loops
  }
  std::string location = base + path;
  if (!query.empty()) {
    location += "?" + query;
  }
  return http::Response::empty(307).with_header("Location", location);
}

// `if (!master->elected()) return redirect(request);` then the handler, lock held.
Endpoint leader_only(const std::shared_ptr<Master>& m, Render render) {
  return [m, render = std::move(render)](http::Request& request, const std::string& path) {
    auto lock = m->world.lock();
    if (m->leadership.leader != m->index) {
      return redirect(m->leadership, path, request.query);
    }
    return render(request, m->context());
  };
}

// stout numify<int>; a value that does not parse keeps the default (ReadOnlyHandler::tasks).
std::size_t int_param(const http::Request& request, const char* name, std::size_t fallback) {
  auto it = request.params.find(name);
  if (it == request.params.end()) {
    return fallback;
  }
  int value = 0;
  const std::string& s = it->second;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) {
    return fallback;
  }
  return static_cast<std::size_t>(value);  // -1 wraps to SIZE_MAX, as in Mesos
}

std::optional<std::string> opt_param(const http::Request& request, const char* name) {
  auto it = request.params.find(name);
  return it == request.params.end() ? std::nullopt : std::optional<std::string>(it->second);
}

void add_state_endpoints(Processes& p, const std::shared_ptr<Master>& m) {
  p.add("master", "state", kReadOnly,
        leader_only(m, [](http::Request& r, const MasterContext& c) {
          return ok_json(r, render_state(c));
        }));
  p.add("master", "state-summary", kReadOnly,
        leader_only(m, [](http::Request& r, const MasterContext& c) {
          return ok_json(r, render_state_summary(c));
        }));
  p.add("master", "slaves", kReadOnly, leader_only(m, [](http::Request& r, const MasterContext& c) {
          return ok_json(r, render_slaves(c, opt_param(r, "slave_id")));
        }));
  p.add("master", "frameworks", kReadOnly,
        leader_only(m, [](http::Request& r, const MasterContext& c) {
          return ok_json(r, render_frameworks(c, opt_param(r, "framework_id")));
        }));
  p.add("master", "tasks", kReadOnly, leader_only(m, [](http::Request& r, const MasterContext& c) {
          TasksQuery q;
          q.limit = int_param(r, "limit", 100);
          q.offset = int_param(r, "offset", 0);
          q.ascending = r.param("order") == "asc";
          q.framework_id = opt_param(r, "framework_id");
          q.task_id = opt_param(r, "task_id");
          return ok_json(r, render_tasks(c, q));
        }));
  p.add("master", "roles", kReadOnly, leader_only(m, [](http::Request& r, const MasterContext& c) {
          return ok_json(r, render_roles(c));
        }));
  p.add("master", "api/v1", "mesos-master-readwrite",
        leader_only(m, [](http::Request& r, const MasterContext& c) { return operator_call(r, c); }));
  p.add("master", "maintenance/status", kReadOnly,
        leader_only(m, [](http::Request& r, const MasterContext& c) {
          if (r.method != "GET") {
            return method_not_allowed({"GET"}, r.method);
          }
          return ok_json(r, render_maintenance_status(c));
        }));
  // Registered with the read-write realm (master.cpp), for GET too.
  p.add("master", "maintenance/schedule", "mesos-master-readwrite",
        leader_only(m, [](http::Request& r, const MasterContext& c) {
          if (r.method == "POST") {
            auto refused = update_maintenance_schedule(c, r.body);
            return refused ? plain(400, *refused) : http::Response::empty(200);
          }
          if (r.method != "GET") {
            return method_not_allowed({"GET", "POST"}, r.method);
          }
          return ok_json(r, render_maintenance_schedule(c));
        }));
}

void add_local_endpoints(Processes& p, const std::shared_ptr<Master>& m) {
  // Answered by any master, leading or not, without authentication.
  p.add("master", "health", "", [](http::Request&, const std::string&) {
    return http::Response::empty(200);
  });
  p.add("master", "redirect", "", [m](http::Request& request, const std::string& path) {
    auto lock = m->world.lock();
    return redirect(m->leadership, path, request.query);
  });
  p.add("version", "", "", [m](http::Request& request, const std::string&) {
    return ok_json(request, render_version(m->options));
  });
  p.add("metrics", "snapshot", kReadOnly, [m](http::Request& request, const std::string&) {
    if (auto bad = check_metrics_timeout(request)) {
      return *bad;
    }
    auto lock = m->world.lock();
    return ok_json(request, render_master_metrics(m->context(), m->index));
  });
}

}  // namespace

void mount_master(http::Router& router, World& world, Leadership& leadership, std::size_t index,
                  const MesosOptions& options) {
  auto master = std::make_shared<Master>(Master{world, leadership, index, options});
  auto processes = std::make_shared<Processes>("master");
  add_state_endpoints(*processes, master);
  add_local_endpoints(*processes, master);
  Processes::install(processes, router);
}

}  // namespace qctl::sandbox::mesos
