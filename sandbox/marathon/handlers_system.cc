// /v2/info, /v2/leader, /ping, /metrics, /v2/queue, /v2/deployments and /v2/events.
#include <algorithm>
#include <chrono>
#include <set>

#include "sandbox/marathon/events.h"
#include "sandbox/marathon/parts.h"

namespace qctl::sandbox::marathon {

namespace {

using nlohmann::json;

std::string leader(const MarathonState& st) {
  return st.options.hostname + ":" + std::to_string(st.options.port);
}

json marathon_config(const MarathonState& st) {
  std::string ui = st.options.mesos_master_url.empty() ? "" : st.options.mesos_master_url + "/";
  return json{{"access_control_allow_origin", nullptr}, {"checkpoint", true},
              {"decline_offer_duration", 120000}, {"default_network_name", nullptr},
              {"env_vars_prefix", nullptr}, {"executor", "//cmd"},
              {"failover_timeout", 604800}, {"features", json::array()},
              {"framework_name", "marathon"}, {"ha", true},
              {"hostname", st.options.hostname}, {"launch_token", 100},
              {"launch_token_refresh_interval", 30000},
              {"leader_proxy_connection_timeout_ms", 5000},
              {"leader_proxy_read_timeout_ms", 10000}, {"local_port_max", 20000},
              {"local_port_min", 10000}, {"master", st.options.mesos_master_url},
              {"max_instances_per_offer", 5}, {"mesos_bridge_name", "mesos-bridge"},
              {"mesos_heartbeat_failure_threshold", 5}, {"mesos_heartbeat_interval", 15000},
              {"mesos_leader_ui_url", ui}, {"mesos_role", st.options.role},
              {"mesos_user", "root"}, {"min_revive_offers_interval", 5000},
              {"offer_matching_timeout", 3000}, {"on_elected_prepare_timeout", 180000},
              {"reconciliation_initial_delay", 15000}, {"reconciliation_interval", 600000},
              {"scale_apps_initial_delay", 15000}, {"scale_apps_interval", 300000},
              {"store_cache", true}, {"task_launch_confirm_timeout", 300000},
              {"task_launch_timeout", 300000}, {"task_lost_expunge_initial_delay", 300000},
              {"task_lost_expunge_interval", 30000}, {"task_reservation_timeout", 20000},
              {"webui_url", nullptr}};
}

http::Response info(MarathonState& st) {
  json body = {{"name", "marathon"},
               {"version", st.options.version},
               {"buildref", "unknown"},
               {"elected", true},
               {"leader", leader(st)},
               {"frameworkId", st.framework_id},
               {"marathon_config", marathon_config(st)},
               {"zookeeper_config",
                {{"zk", "zk://localhost:2181/marathon"}, {"zk_compression", true},
                 {"zk_compression_threshold", 65536}, {"zk_connection_timeout", 10000},
                 {"zk_max_node_size", 1024000}, {"zk_max_versions", 50},
                 {"zk_session_timeout", 10000}, {"zk_timeout", 10000}}},
               {"http_config", {{"http_port", st.options.port}, {"https_port", 8443}}}};
  return http::Response::json(200, body.dump());
}

// SystemResource.ping: text when */* or text/* is accepted, a JSON string when JSON is, else 204.
http::Response ping(const http::Request& req) {
  std::string accept = req.header("Accept");
  if (accept.empty() || accept.find("*/*") != std::string::npos ||
      accept.find("text/") != std::string::npos) {
    return http::Response::text(200, "pong");
  }
  if (accept.find("application/json") != std::string::npos) {
    return http::Response::json(200, "\"pong\"");
  }
  return http::Response::empty(204);
}

http::Response metrics(MarathonState& st) {
  std::size_t running = 0;
  std::size_t staged = 0;
  for (const auto& [id, app] : st.apps) {
    for (const auto& [task_id, inst] : app.instances) {
      running += inst.state == "TASK_RUNNING" ? 1 : 0;
      staged += inst.state == "TASK_STAGING" ? 1 : 0;
    }
  }
  auto gauge = [](double v) { return json{{"value", v}}; };
  json body = {
      {"version", "4.0.0"},
      {"counters",
       {{"marathon.tasks.launched.counter", {{"count", st.tasks_launched}}},
        {"marathon.http.requests.counter", {{"count", st.http_requests}}}}},
      {"gauges",
       {{"marathon.apps.active.gauge", gauge(static_cast<double>(st.apps.size()))},
        {"marathon.deployments.active.gauge", gauge(static_cast<double>(st.deployments.size()))},
        {"marathon.instances.running.gauge", gauge(static_cast<double>(running))},
        {"marathon.instances.staged.gauge", gauge(static_cast<double>(staged))},
        {"marathon.uptime.gauge", gauge(st.now())}}},
      {"histograms", json::object()},
      {"meters", json::object()},
      {"timers", json::object()}};
  return http::Response::json(200, body.dump());
}

http::Response reset_delay(MarathonState& st, const http::Request& req) {
  const std::string suffix = "/delay";
  std::string rest = req.rest;
  if (rest.size() <= suffix.size() || rest.compare(rest.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return message(404, "URI not found");
  }
  std::string id = absolute_id(rest.substr(0, rest.size() - suffix.size()));
  auto it = st.apps.find(id);
  if (it == st.apps.end() || it->second.pending == 0) {
    return message(404, "Application " + id + " not found in tasks queue.");
  }
  it->second.backoff_delay = 0;
  it->second.backoff_until = 0;
  return http::Response::empty(204);  // the code answers 204 although the RAML says 200
}

http::Response cancel_deployment(MarathonState& st, const http::Request& req) {
  std::string id = req.rest;
  bool known = std::any_of(st.deployments.begin(), st.deployments.end(),
                           [&](const Deployment& d) { return d.id == id; });
  if (!known) {
    return message(404, "DeploymentPlan " + id + " does not exist");
  }
  if (flag(req, "force", false)) {
    cancel(st, id, false);
    return http::Response::empty(202);
  }
  Deployment* rollback = cancel(st, id, true);
  return deployment_result(200, rollback->version, rollback->id);
}

// Jetty's EventSourceServlet: only an Accept value equal to text/event-stream opens a
// stream; anything else falls through to HttpServlet.doGet (405 HTML page).
http::Response events(MarathonState& st, const http::Request& req) {
  if (req.header("Accept") != "text/event-stream") {
    return jetty_error(405, "HTTP method GET is not supported by this URL", req.path);
  }
  auto types = req.params_all("event_type");
  auto sub = st.events->subscribe(std::set<std::string>(types.begin(), types.end()));
  std::string ip = req.header("X-Forwarded-For");
  publish(st, "event_stream_attached", json{{"remoteAddress", ip.empty() ? "127.0.0.1" : ip}});
  http::Response r;
  r.status = 200;
  r.content_type = "text/event-stream;charset=utf-8";
  r.with_header("Connection", "close");
  auto heartbeat = std::chrono::milliseconds(
      static_cast<long long>(st.options.event_heartbeat_seconds * 1000.0));
  r.stream = event_stream(st.events, sub, heartbeat);
  return r;
}

}  // namespace

void mount_system(MarathonState& st, http::Router& router) {
  route(st, router, "GET", "/v2/info", [&st](http::Request&) { return info(st); });
  route(st, router, "GET", "/v2/leader", [&st](http::Request&) {
    return http::Response::json(200, json{{"leader", leader(st)}}.dump());
  });
  route(st, router, "DELETE", "/v2/leader", [&st](http::Request&) {
    abdicate(st);
    return message(200, "Leadership abdicated");
  });
  route(st, router, "GET", "/ping", [](http::Request& r) { return ping(r); });
  route(st, router, "GET", "/metrics", [&st](http::Request&) { return metrics(st); });
  route(st, router, "GET", "/v2/queue", [&st](http::Request& r) {
    bool offers = false;
    for (const std::string& e : r.params_all("embed")) {
      offers = offers || e == "lastUnusedOffers";
    }
    return http::Response::json(200, queue_json(st, offers).dump());
  });
  route(st, router, "DELETE", "/v2/queue/", [&st](http::Request& r) { return reset_delay(st, r); }, true);
  route(st, router, "GET", "/v2/deployments", [&st](http::Request&) {
    json list = json::array();
    for (const Deployment& d : st.deployments) {
      list.push_back(deployment_json(d));
    }
    return http::Response::json(200, list.dump());
  });
  route(st, router, "DELETE", "/v2/deployments/",
        [&st](http::Request& r) { return cancel_deployment(st, r); }, true);
  route(st, router, "GET", "/v2/events", [&st](http::Request& r) { return events(st, r); });
}

}  // namespace qctl::sandbox::marathon
