// /v2/apps: list, create, show, update (partial PUT/PATCH, bulk), delete, restart, versions.
#include <algorithm>
#include <cctype>

#include "sandbox/marathon/app_def.h"
#include "sandbox/marathon/apps_common.h"
#include "sandbox/marathon/parts.h"

namespace qctl::sandbox::marathon {

namespace {

using nlohmann::json;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool matches_filters(const App& app, const http::Request& req) {
  if (req.has_param("id") &&
      lower(app.id()).find(lower(req.param("id"))) == std::string::npos) {
    return false;
  }
  if (req.has_param("cmd")) {
    std::string cmd = app.def["cmd"].is_string() ? app.def["cmd"].get<std::string>() : "";
    if (lower(cmd).find(lower(req.param("cmd"))) == std::string::npos) {
      return false;
    }
  }
  return !req.has_param("label") || label_selector_matches(req.param("label"), app.def["labels"]);
}

http::Response list(MarathonState& st, http::Request& req) {
  Embeds e = parse_embeds(req.params_all("embed"));
  e.counts = e.deployments = true;  // AppsResource.index always adds these
  json apps = json::array();
  for (const auto& [id, app] : st.apps) {
    if (matches_filters(app, req)) {
      apps.push_back(app_json(st, app, e));
    }
  }
  return http::Response::json(200, json{{"apps", apps}}.dump());
}

http::Response create(MarathonState& st, http::Request& req) {
  http::Response error;
  auto body = parse_body(req.body, error);
  if (!body) {
    return error;
  }
  if (auto te = type_errors(*body, true); !te.empty()) {
    return invalid(te, true);
  }
  json def = normalize(*body, st.options, st.next_service_port);
  if (auto v = validate(def); !v.empty()) {
    return invalid(v, false);
  }
  std::string id = def["id"].get<std::string>();
  if (st.apps.count(id) > 0) {
    return message(409, "An app with id [" + id + "] already exists.");
  }
  // AppsResource.create: an app still being deleted is locked by that deployment (409 unless
  // ?force=true, which cancels it).
  if (auto locked = check_lock(st, {id}, flag(req, "force", false)); locked) {
    return *locked;
  }
  stamp_version(st, def, nullptr);
  Deployment& d = deploy(st, {{id, def}});
  std::string deployment_id = d.id;
  publish_api_post(st, req, def);
  Embeds e;
  e.counts = true;
  json out = app_json(st, st.apps.at(id), e);
  out["deployments"] = json::array({json{{"id", deployment_id}}});
  return http::Response::json(201, out.dump())
      .with_header("Location", id)
      .with_header("Marathon-Deployment-Id", deployment_id);
}

http::Response show(MarathonState& st, http::Request& req, const std::string& id) {
  Embeds e = parse_embeds(req.params_all("embed"));
  // AppsResource.show: the deprecated compatibility embeds are always on.
  e.counts = e.tasks = e.last_failure = e.deployments = true;
  if (GroupApps group = group_apps(st, id); group.wildcard) {
    if (group.missing) {
      return *group.missing;
    }
    json apps = json::array();
    for (const App* app : group.apps) {
      apps.push_back(app_json(st, *app, e));
    }
    return http::Response::json(200, json{{"*", apps}}.dump());
  }
  auto it = st.apps.find(id);
  if (it == st.apps.end()) {
    return not_found_app(id);
  }
  return http::Response::json(200, json{{"app", app_json(st, it->second, e)}}.dump());
}

http::Response update_many(MarathonState& st, http::Request& req) {
  http::Response error;
  auto body = parse_body(req.body, error);
  if (!body) {
    return error;
  }
  if (!body->is_array()) {
    return invalid({{"", "error.expected.jsarray"}}, true);
  }
  std::vector<json> updates(body->begin(), body->end());
  // replaceMultiple may create apps; patchMultiple may not (allowCreation = false).
  const bool patch = req.method == "PATCH";
  return apply_updates(st, req, updates,
                       UpdateMode{.partial = patch || flag(req, "partialUpdate", true),
                                  .create = !patch,
                                  .bulk = true});
}

http::Response remove(MarathonState& st, http::Request& req, const std::string& id) {
  if (st.apps.count(id) == 0) {
    return not_found_app(id);
  }
  // AppsResource.delete: force defaults to true here.
  if (auto r = check_lock(st, {id}, flag(req, "force", true)); r) {
    return *r;
  }
  Deployment& d = deploy(st, {{id, nullptr}});
  return deployment_result(200, d.version, d.id);
}

http::Response restart(MarathonState& st, http::Request& req, const std::string& id) {
  auto it = st.apps.find(id);
  if (it == st.apps.end()) {
    return not_found_app(id);
  }
  if (auto r = check_lock(st, {id}, flag(req, "force", false)); r) {
    return *r;
  }
  json def = it->second.def;
  stamp_version(st, def, &it->second.def);
  def["versionInfo"]["lastConfigChangeAt"] = def["version"];
  Deployment& d = deploy(st, {{id, def}}, {}, {id});
  // AppsResource.restart: the plan and the restarted app share one version (newVersion), so
  // the answer's version is the one the new tasks carry.
  d.version = def["version"].get<std::string>();
  return deployment_result(200, d.version, d.id);
}

http::Response versions(MarathonState& st, const std::string& id, const std::string& version) {
  auto it = st.apps.find(id);
  if (it == st.apps.end()) {
    return not_found_app(id);
  }
  std::vector<json> all = it->second.history;
  all.push_back(it->second.def);
  if (version.empty()) {
    json list = json::array();
    for (auto v = all.rbegin(); v != all.rend(); ++v) {
      list.push_back((*v)["version"]);
    }
    return http::Response::json(200, json{{"versions", list}}.dump());
  }
  for (const json& def : all) {
    if (def["version"] == version) {
      return http::Response::json(200, def.dump());
    }
  }
  return message(404, "App '" + id + "' does not exist in version " + version);
}

// Splits "team/web/tasks/<task>" etc. into the app id and what follows it.
http::Response dispatch_app(MarathonState& st, http::Request& req) {
  AppPath p = parse_app_path(req.rest);
  if (p.sub == "tasks") {
    return app_tasks(st, req, p.id, p.arg);
  }
  if (p.sub == "restart" && req.method == "POST") {
    return restart(st, req, p.id);
  }
  if (p.sub == "versions" && req.method == "GET") {
    return versions(st, p.id, p.arg);
  }
  if (!p.sub.empty()) {
    return message(405, "HTTP 405 Method Not Allowed");
  }
  if (req.method == "GET") {
    return show(st, req, p.id);
  }
  if (req.method == "DELETE") {
    return remove(st, req, p.id);
  }
  if (req.method == "PUT" || req.method == "PATCH") {
    http::Response error;
    auto body = parse_body(req.body, error);
    if (!body) {
      return error;
    }
    if (!body->is_object()) {
      return invalid({{"", "error.expected.jsobject"}}, true);
    }
    (*body)["id"] = p.id;  // the path's id wins over the body's
    bool partial = req.method == "PATCH" || flag(req, "partialUpdate", true);
    return apply_updates(st, req, {*body},
                         UpdateMode{.partial = partial, .create = req.method == "PUT", .bulk = false});
  }
  return message(405, "HTTP 405 Method Not Allowed");
}

}  // namespace

void mount_apps(MarathonState& st, http::Router& router) {
  route(st, router, "GET", "/v2/apps", [&st](http::Request& r) { return list(st, r); });
  route(st, router, "POST", "/v2/apps", [&st](http::Request& r) { return create(st, r); });
  route(st, router, "PUT", "/v2/apps", [&st](http::Request& r) { return update_many(st, r); });
  route(st, router, "PATCH", "/v2/apps", [&st](http::Request& r) { return update_many(st, r); });
  for (const char* method : {"GET", "PUT", "PATCH", "DELETE", "POST"}) {
    route(st, router, method, "/v2/apps/",
          [&st](http::Request& r) { return dispatch_app(st, r); }, true);
  }
}

}  // namespace qctl::sandbox::marathon
