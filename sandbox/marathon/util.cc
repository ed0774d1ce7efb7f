// Small helpers shared by the emulated Marathon: time and id formats, common responses.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "sandbox/marathon/state.h"

namespace qctl::sandbox::marathon {

std::size_t App::target() const { return def.at("instances").get<std::size_t>(); }

bool App::has_health_checks() const {
  return def.contains("healthChecks") && !def.at("healthChecks").empty();
}

std::size_t App::active() const {
  std::size_t n = 0;
  for (const auto& [id, inst] : instances) {
    n += inst.decommissioned ? 0 : 1;
  }
  return n;
}

App* MarathonState::app_of_task(const std::string& task_id) {
  auto t = task_apps.find(task_id);
  if (t == task_apps.end()) {
    return nullptr;
  }
  for (auto* map : {&apps, &stopping}) {
    if (auto it = map->find(t->second); it != map->end() && it->second.instances.count(task_id) > 0) {
      return &it->second;
    }
  }
  return nullptr;
}

std::vector<const App*> MarathonState::apps_in_group(const std::string& group_id) const {
  const std::string prefix = group_id == "/" ? "/" : group_id + "/";
  std::vector<const App*> out;
  for (const auto& [id, app] : apps) {
    if (id.compare(0, prefix.size(), prefix) == 0) {
      out.push_back(&app);
    }
  }
  return out;
}

std::string iso_time(double epoch_seconds) {
  auto ms_total = static_cast<long long>(std::floor(epoch_seconds * 1000.0 + 0.5));
  std::time_t secs = static_cast<std::time_t>(ms_total / 1000);
  int ms = static_cast<int>(ms_total % 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
  return buf;
}

std::string safe_path(const std::string& app_id) {
  std::string out = app_id.empty() || app_id[0] != '/' ? app_id : app_id.substr(1);
  for (char& c : out) {
    if (c == '/') {
      c = '_';
    }
  }
  return out;
}

std::string host_name(const std::string& app_id) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= app_id.size()) {
    std::size_t slash = app_id.find('/', start);
    std::string part = app_id.substr(start, slash == std::string::npos ? std::string::npos
                                                                        : slash - start);
    if (!part.empty()) {
      parts.push_back(part);
    }
    if (slash == std::string::npos) {
      break;
    }
    start = slash + 1;
  }
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    out += (out.empty() ? "" : ".") + *it;
  }
  return out;
}

nlohmann::json num(double v) {
  if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 9e15) {
    return static_cast<std::int64_t>(v);
  }
  return v;
}

std::string java_double(double v) {
  if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 1e7) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
  }
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

std::string absolute_id(const std::string& id) {
  std::string out = id.empty() || id[0] != '/' ? "/" + id : id;
  while (out.size() > 1 && out.back() == '/') {
    out.pop_back();
  }
  return out;
}

http::Response deployment_result(int status, const std::string& version,
                                 const std::string& deployment_id) {
  nlohmann::json body = {{"version", version}, {"deploymentId", deployment_id}};
  return http::Response::json(status, body.dump())
      .with_header("Marathon-Deployment-Id", deployment_id);
}

http::Response message(int status, const std::string& text) {
  return http::Response::json(status, nlohmann::json{{"message", text}}.dump());
}

http::Response jetty_error(int status, const std::string& reason, const std::string& path) {
  std::string code = std::to_string(status);
  http::Response r;
  r.status = status;
  r.content_type = "text/html;charset=iso-8859-1";
  r.body = "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\"/>\n"
           "<title>Error " + code + " " + reason + "</title>\n</head>\n<body><h2>HTTP ERROR " +
           code + "</h2>\n<p>Problem accessing " + path + ". Reason:\n<pre>    " + reason +
           "</pre></p><hr><a href=\"http://eclipse.org/jetty\">Powered by Jetty:// "
           "9.4.39.v20210325</a><hr/>\n\n</body>\n</html>\n";
  return r;
}

bool flag(const http::Request& request, const std::string& name, bool fallback) {
  if (!request.has_param(name)) {
    return fallback;
  }
  std::string v = request.param(name);
  return v == "true" || v == "1" || v == "TRUE" || v == "True";
}

}  // namespace qctl::sandbox::marathon
