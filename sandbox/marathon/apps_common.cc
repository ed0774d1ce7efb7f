// Helpers shared by the /v2/apps handlers: path parsing, label selectors, versions, locks,
// and the PUT/PATCH update flow.
#include "sandbox/marathon/apps_common.h"

#include <regex>

#include "core/util/duration.h"

#include "sandbox/marathon/app_def.h"
#include "sandbox/marathon/parts.h"

namespace qctl::sandbox::marathon {

namespace {

using nlohmann::json;

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(' ');
  std::size_t e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Splits on commas outside parentheses.
std::vector<std::string> split_terms(const std::string& selector) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  for (char c : selector) {
    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    if (c == ',' && depth == 0) {
      out.push_back(trim(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  out.push_back(trim(cur));
  return out;
}

bool term_matches(const std::string& term, const json& labels) {
  static const std::regex kSet(R"(^(\S+)\s+(in|notin)\s+\((.*)\)$)");
  std::smatch m;
  if (std::regex_match(term, m, kSet)) {
    std::string key = m[1];
    std::vector<std::string> values = split_terms(m[3]);
    bool has = labels.contains(key) &&
               std::find(values.begin(), values.end(), labels[key].get<std::string>()) != values.end();
    return m[2] == "in" ? has : !has;
  }
  for (const char* op : {"==", "!="}) {
    if (std::size_t pos = term.find(op); pos != std::string::npos) {
      std::string key = trim(term.substr(0, pos));
      std::string value = trim(term.substr(pos + 2));
      bool eq = labels.contains(key) && labels[key] == value;
      return std::string(op) == "==" ? eq : !eq;
    }
  }
  return labels.contains(term);
}

}  // namespace

AppPath parse_app_path(const std::string& rest) {
  AppPath p;
  std::string path = "/" + rest;
  for (const char* sub : {"tasks", "versions"}) {
    std::string mid = std::string("/") + sub + "/";
    std::string end = std::string("/") + sub;
    if (std::size_t pos = path.rfind(mid); pos != std::string::npos && pos > 0) {
      return AppPath{absolute_id(path.substr(0, pos)), sub, path.substr(pos + mid.size())};
    }
    if (path.size() > end.size() && path.compare(path.size() - end.size(), end.size(), end) == 0) {
      return AppPath{absolute_id(path.substr(0, path.size() - end.size())), sub, ""};
    }
  }
  const std::string restart = "/restart";
  if (path.size() > restart.size() &&
      path.compare(path.size() - restart.size(), restart.size(), restart) == 0) {
    return AppPath{absolute_id(path.substr(0, path.size() - restart.size())), "restart", ""};
  }
  p.id = absolute_id(path);
  return p;
}

bool label_selector_matches(const std::string& selector, const json& labels) {
  for (const std::string& term : split_terms(selector)) {
    if (!term.empty() && !term_matches(term, labels)) {
      return false;
    }
  }
  return true;
}

http::Response not_found_app(const std::string& id) {
  return message(404, "App '" + id + "' does not exist");
}

GroupApps group_apps(const MarathonState& st, const std::string& app_id) {
  GroupApps out;
  if (app_id.empty() || app_id.back() != '*' ||
      (app_id.size() > 1 && app_id[app_id.size() - 2] != '/')) {
    return out;
  }
  out.wildcard = true;
  const std::string group = absolute_id(app_id.substr(0, app_id.size() - 1));
  if (st.groups.count(group) == 0) {
    out.missing = message(404, "Group '" + group + "' does not exist");
  } else {
    out.apps = st.apps_in_group(group);
  }
  return out;
}

bool same_definition(const json& before, const json& after) {
  if (!before.is_object() || !after.is_object()) {
    return before == after;
  }
  auto stamped = [](std::string_view key) { return key == "version" || key == "versionInfo"; };
  auto fields = [&](const json& def) {
    return def.size() - def.count("version") - def.count("versionInfo");
  };
  if (fields(before) != fields(after)) {
    return false;
  }
  for (auto it = before.begin(); it != before.end(); ++it) {
    if (stamped(it.key())) {
      continue;
    }
    const auto other = after.find(it.key());
    if (other == after.end() || *other != *it) {
      return false;
    }
  }
  return true;
}

void stamp_version(const MarathonState& st, json& def, const json* before) {
  std::string now = iso_time(st.now());
  bool config_changed = before == nullptr || config_of(*before) != config_of(def);
  std::string config_at = config_changed ? now : (*before)["versionInfo"]["lastConfigChangeAt"].get<std::string>();
  def["version"] = now;
  def["versionInfo"] = {{"lastScalingAt", now}, {"lastConfigChangeAt", config_at}};
}

void publish_api_post(MarathonState& st, const http::Request& req, const json& def) {
  std::string ip = req.header("X-Forwarded-For");
  publish(st, "api_post_event",
          json{{"clientIp", ip.empty() ? "127.0.0.1" : ip}, {"uri", req.path},
               {"appDefinition", def}});
}

std::optional<http::Response> check_lock(MarathonState& st, const std::vector<std::string>& ids,
                                         bool force) {
  std::vector<const Deployment*> locks = locking(st, ids);
  if (locks.empty()) {
    return std::nullopt;
  }
  if (!force) {
    return locked(locks);
  }
  std::vector<std::string> cancelled;
  for (const Deployment* d : locks) {
    cancelled.push_back(d->id);
  }
  for (const std::string& id : cancelled) {
    cancel(st, id, false);
  }
  return std::nullopt;
}

namespace {

// The instant of a version (Timestamp(v) parses it: "…:00Z" and "…:00.000Z" are one).
std::optional<double> version_time(const json& version) {
  return version.is_string() ? util::parse_iso8601(version.get<std::string>()) : std::nullopt;
}

// AppHelpers.rollback: the app's stored definition of that version, or nullopt.
std::optional<json> stored_version(const App& app, const json& version) {
  const auto wanted = version_time(version);
  if (!wanted) {
    return std::nullopt;
  }
  if (version_time(app.def["version"]) == wanted) {
    return app.def;
  }
  for (const json& def : app.history) {
    if (version_time(def["version"]) == wanted) {
      return def;
    }
  }
  return std::nullopt;
}

}  // namespace

http::Response apply_updates(MarathonState& st, const http::Request& req,
                             const std::vector<json>& updates, UpdateMode mode) {
  std::map<std::string, json> targets;
  std::vector<std::string> ids;
  bool created = false;
  for (json update : updates) {
    if (mode.bulk && mode.partial && !update.contains("id")) {
      // canonicalAppUpdatesFromJson: require(...) is an IllegalArgumentException, a 422.
      return message(422, "requirement failed: App Update must have app id set");
    }
    if (auto te = type_errors(update, true); !te.empty()) {
      return invalid(te, true);
    }
    std::string id = absolute_id(update["id"].get<std::string>());
    update["id"] = id;
    auto it = st.apps.find(id);
    if (it == st.apps.end() && !mode.create) {
      return not_found_app(id);
    }
    created = created || it == st.apps.end();
    json def;
    if (it != st.apps.end() && mode.partial && update.contains("version") &&
        !update["version"].is_null()) {
      // AppHelpers.updateOrRollback: a version means "back to that definition"; the rest of
      // the update is ignored. Versions of a deleted app are gone, so only existing apps; a
      // full replacement (partialUpdate=false) drops the version.
      auto stored = stored_version(it->second, update["version"]);
      if (!stored) {
        return not_found_app(id);
      }
      def = std::move(*stored);
    } else {
      json merged =
          it != st.apps.end() && mode.partial ? merge_update(it->second.def, update) : update;
      def = normalize(merged, st.options, st.next_service_port);
      if (auto v = validate(def); !v.empty()) {
        return invalid(v, false);
      }
    }
    if (it != st.apps.end() && same_definition(it->second.def, def)) {
      // GroupVersioningUtil keeps an unchanged app's version, and DeploymentPlan leaves it out
      // of the affected apps: no deployment step, no lock conflict (no 409) for a no-op write.
      def["version"] = it->second.def["version"];
      def["versionInfo"] = it->second.def["versionInfo"];
    } else {
      stamp_version(st, def, it == st.apps.end() ? nullptr : &it->second.def);
      ids.push_back(id);
    }
    targets[id] = def;
  }
  if (auto r = check_lock(st, ids, flag(req, "force", false)); r) {
    return *r;
  }
  Deployment& d = deploy(st, targets);
  if (mode.bulk) {
    // AppsResource.updateMultiple: deploymentResult(plan), a 200 even for new apps.
    return deployment_result(200, d.version, d.id);
  }
  for (const auto& [id, def] : targets) {
    publish_api_post(st, req, def);
  }
  http::Response r = deployment_result(created ? 201 : 200, d.version, d.id);
  if (created) {
    r.with_header("Location", targets.begin()->first);
  }
  return r;
}

}  // namespace qctl::sandbox::marathon
