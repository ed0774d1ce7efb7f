// The emulated Chronos: framework registration, routes, the tick and startup jobs.
#include "sandbox/chronos/chronos.h"

#include <stdexcept>

#include "sandbox/chronos/api.h"
#include "sandbox/chronos/api_errors.h"
#include "sandbox/chronos/state.h"
#include "sandbox/chronos/validation.h"

namespace qctl::sandbox::chronos {

namespace {

// Chronos' CorsFilter sits in front of every servlet.
http::Handler cors(http::Handler h) {
  return [h = std::move(h)](http::Request& req) {
    http::Response r = h(req);
    r.headers.emplace_back("Access-Control-Allow-Origin", "*");
    return r;
  };
}

}  // namespace

Chronos::Chronos(World& world, ChronosOptions options)
    : state_(std::make_unique<ChronosState>(world, std::move(options))) {
  const ChronosOptions& o = state_->options_;
  model::Framework info;
  info.name = "chronos";
  info.hostname = o.hostname;
  info.webui_url = "http://" + o.hostname + ":" + std::to_string(o.port);
  info.user = state_->defaults_.user;
  info.roles = {o.role};
  info.failover_timeout = 604800;  // --failover_timeout default: one week
  state_->framework_id_ = world.register_framework(std::move(info), this).info.id;
}

Chronos::~Chronos() = default;

void Chronos::mount(http::Router& router) {
  ChronosState& s = *state_;
  const std::string p = api::prefix(s);
  const bool v3 = !s.options_.v2();
  auto bind = [&s](http::Response (*fn)(ChronosState&, http::Request&)) {
    return cors([&s, fn](http::Request& req) { return fn(s, req); });
  };
  router.add("GET", p + "/jobs", bind(api::list_jobs));
  router.add("GET", p + "/jobs/search", bind(api::search_jobs));
  if (v3) {
    router.add("GET", p + "/jobs/summary", bind(api::job_summary));  // added in 3.0
  }
  router.add("POST", p + "/iso8601", bind(api::post_iso8601));
  router.add("POST", p + "/dependency", bind(api::post_dependency));
  if (!v3) {
    router.add("PUT", p + "/iso8601", bind(api::post_iso8601));  // 3.x kept POST only
    router.add("PUT", p + "/dependency", bind(api::post_dependency));
  }
  for (const char* method : {"GET", "PUT", "POST", "DELETE"}) {
    router.add_prefix(method, p + "/job/", bind(api::job_route));
  }
  router.add_prefix("DELETE", p + "/task/kill/", bind(api::kill_route));
  if (!v3) {  // removed in 3.0 (#734, #761)
    router.add_prefix("PUT", p + "/task/", bind(api::task_update));
    router.add("DELETE", p + "/task/all", bind(api::purge_tasks));
  }
  router.add("GET", p + "/graph/csv", bind(api::graph_csv));
  router.add("GET", p + "/graph/dot", bind(api::graph_dot));
  router.add_prefix("GET", p + "/stats/", bind(api::stats_route));
  router.add("GET", p + "/leader", bind(api::leader));
  router.add("GET", "/metrics", bind(api::metrics));
  router.add("GET", "/ping", cors([](http::Request&) {
               http::Response r = http::Response::text(200, "pong\n");
               r.content_type = "text/plain";
               return r.with_header("Cache-Control", "must-revalidate,no-cache,no-store");
             }));
  const int v = s.options_.api_version;
  router.set_not_found(cors([v](http::Request& req) { return jetty_page(v, 404, "Not Found", req.path); }));
  router.set_method_not_allowed(
      cors([v](http::Request& req) { return jetty_page(v, 405, "Method Not Allowed", req.path); }));
}

void Chronos::tick() { state_->tick(); }

void Chronos::load_jobs(const nlohmann::json& jobs) {
  ChronosState& s = *state_;
  for (const nlohmann::json& body : jobs) {
    Job job;
    try {
      job = parse_job(body, s.defaults_, s.world_.now());
    } catch (const JobFormatError& e) {
      throw std::invalid_argument(e.what());
    }
    if (s.lookup(job.name) == nullptr) {
      if (auto e = new_job_error(job, s.world_.now(), s.options_.api_version)) {
        throw std::invalid_argument((e->require ? "requirement failed: " : "") + e->message);
      }
    }
    s.put(std::move(job));
  }
}

void Chronos::on_status(const SimTask& task) { state_->on_status(task); }

}  // namespace qctl::sandbox::chronos
