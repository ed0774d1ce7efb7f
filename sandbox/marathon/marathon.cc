// The emulated Marathon's entry points: framework registration, routing, tick, fail-over.
#include "sandbox/marathon/marathon.h"

#include <stdexcept>

#include "sandbox/marathon/app_def.h"
#include "sandbox/marathon/apps_common.h"
#include "sandbox/marathon/events.h"
#include "sandbox/marathon/parts.h"

namespace qctl::sandbox::marathon {

using nlohmann::json;

void publish(MarathonState& st, const std::string& type, json payload) {
  payload["eventType"] = type;
  payload["timestamp"] = iso_time(st.now());
  st.events->publish(type, payload);
}

void route(MarathonState& st, http::Router& router, const std::string& method,
           const std::string& path, http::Handler handler, bool prefix) {
  http::Handler wrapped = [&st, h = std::move(handler)](http::Request& req) {
    auto lock = st.world.lock();
    ++st.http_requests;
    if (st.now() < st.down_until) {
      // LeaderProxyFilter with no known leader: sendError(502), Jetty's HTML page.
      return jetty_error(502, "Could not determine the current leader", req.path);
    }
    http::Response r;
    try {
      r = h(req);
    } catch (const json::exception& e) {
      // A body of the right JSON kinds at the top but wrong ones inside (e.g. a string
      // minimumHealthCapacity): Marathon's mapping-failure answer.
      r = http::Response::json(
          400, json{{"message", "Please specify data in JSON format"}, {"details", e.what()}}.dump());
    }
    r.with_header("X-Marathon-Leader", st.options.scheme + "://" + st.options.hostname + ":" +
                                           std::to_string(st.options.port));
    r.with_header("X-Frame-Options", "DENY");
    r.with_header("X-XSS-Protection", "1; mode=block");
    return r;
  };
  if (prefix) {
    router.add_prefix(method, path, std::move(wrapped));
  } else {
    router.add(method, path, std::move(wrapped));
  }
}

void lose_leadership(MarathonState& st, double downtime_seconds) {
  st.down_until = st.now() + downtime_seconds;
  st.events->close_all();
}

void abdicate(MarathonState& st) { lose_leadership(st, st.options.abdication_downtime_seconds); }

Marathon::Marathon(World& world, MarathonOptions options)
    : state_(std::make_unique<MarathonState>(world, std::move(options))) {
  state_->events = std::make_shared<EventBus>();
  const MarathonOptions& o = state_->options;
  model::Framework info;
  info.name = "marathon";
  info.hostname = o.hostname;
  info.webui_url = o.scheme + "://" + o.hostname + ":" + std::to_string(o.port);
  info.user = "root";
  info.roles = {o.role};
  info.capabilities = {"PARTITION_AWARE", "TASK_KILLING_STATE", "GPU_RESOURCES", "MULTI_ROLE",
                       "REGION_AWARE"};
  info.failover_timeout = 604800;
  state_->framework_id = world.register_framework(std::move(info), this).info.id;
}

Marathon::~Marathon() { state_->events->shutdown(); }

void Marathon::mount(http::Router& router) {
  MarathonState& st = *state_;
  mount_apps(st, router);
  mount_tasks(st, router);
  mount_system(st, router);
  // Jersey's NotFoundException reaches MarathonExceptionMapper as a 500 (a real quirk);
  // paths outside the API are Jetty's 404 page.
  router.set_not_found([](http::Request& req) {
    if (req.path.compare(0, 4, "/v2/") == 0) {
      return message(500, "URI not found");
    }
    return jetty_error(404, "Not Found", req.path);
  });
  router.set_method_not_allowed(
      [](http::Request&) { return message(405, "HTTP 405 Method Not Allowed"); });
  // --http_credentials: Jetty's BASIC authenticator, realm "Mesosphere" (--http_realm).
  router.set_auth(http::Router::AuthPolicy{
      [](const http::Request&) { return std::string("Mesosphere"); },
      [](const http::Request& req, const std::string& realm) {
        return jetty_error(401, "Unauthorized", req.path)
            .with_header("WWW-Authenticate", "basic realm=\"" + realm + "\"");
      }});
}

void Marathon::tick() {
  MarathonState& st = *state_;
  if (st.now() < st.down_until) {
    return;  // no leader: nothing is scheduled
  }
  progress_deployments(st);
  launch_pending(st);
}

void Marathon::load_apps(const json& apps) {
  MarathonState& st = *state_;
  json list = apps.is_object() && apps.contains("apps") ? apps["apps"]
              : apps.is_array()                         ? apps
                                                        : json::array({apps});
  std::map<std::string, json> targets;
  for (const json& app : list) {
    std::vector<Violation> errors = type_errors(app, true);
    bool json_errors = !errors.empty();
    json def;
    if (errors.empty()) {
      def = normalize(app, st.options, st.next_service_port);
      errors = validate(def);
    }
    if (!errors.empty()) {
      throw std::invalid_argument(invalid(errors, json_errors).body);
    }
    std::string id = def["id"].get<std::string>();
    if (st.apps.count(id) > 0 || targets.count(id) > 0) {
      throw std::invalid_argument(json{{"message", "An app with id [" + id + "] already exists."}}.dump());
    }
    stamp_version(st, def, nullptr);
    targets[id] = def;
  }
  // One deployment per app, as POST /v2/apps makes them: an app that cannot be placed keeps
  // only its own deployment running, not a lock on every other app of the file.
  for (auto& [id, def] : targets) {
    deploy(st, {{id, std::move(def)}});
  }
}

void Marathon::fail_over(double downtime_seconds) { lose_leadership(*state_, downtime_seconds); }

void Marathon::shutdown() { state_->events->shutdown(); }

void Marathon::on_status(const SimTask& task) { handle_status(*state_, task); }

}  // namespace qctl::sandbox::marathon
