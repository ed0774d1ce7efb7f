#include "core/mesos/master_client.h"

#include "core/error.h"
#include "core/http/errors.h"
#include "core/http/url.h"
#include "core/mesos/decode_stream.h"
#include "core/mesos/http_status.h"
#include "core/util/strings.h"

namespace qctl::mesos {

namespace {

constexpr int kMaxRedirects = 3;

bool no_leader(const http::Response& r) {
  return r.status == 503 && r.body.find("No leader") != std::string::npos;
}

// Retry 5xx except a master's definitive "No leader elected": ask the next master instead.
bool retry_on(const http::Response& r) { return r.status >= 500 && !no_leader(r); }

std::string describe(http::Method method, const std::string& url) {
  return std::string(http::method_name(method)) + " " + url;
}

}  // namespace

MasterClient::MasterClient(http::Client& http, std::vector<std::string> masters)
    : http_(http), masters_(std::move(masters)) {}

http::Response MasterClient::leader_request(http::Method method, const std::string& path,
                                            const std::string& body,
                                            const http::BodySink& sink) {
  if (masters_.empty()) {
    throw ConfigError("mesos", "no master URL configured in this context");
  }
  std::vector<std::string> candidates;
  {
    std::lock_guard<std::mutex> guard(mutex_);
    if (!leader_.empty()) {
      candidates.push_back(leader_);
    }
  }
  for (const auto& m : masters_) {
    if (candidates.empty() || m != candidates.front()) {
      candidates.push_back(m);
    }
  }
  std::vector<std::string> failures;
  bool saw_no_leader = false;
  for (const auto& base : candidates) {
    std::string url = http::join_url(base, path);
    for (int hop = 0;; ++hop) {
      http::Request request;
      request.method = method;
      request.url = url;
      request.body = body;
      request.sink = sink;
      if (method == http::Method::kPost) {
        request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
      }
      http::Response response;
      try {
        response = http_.send(request, retry_on);
      } catch (const NetworkError& e) {
        failures.push_back(url + ": " + e.what());
        break;
      }
      if (response.status == 307 || response.status == 302) {
        const auto location = response.header("Location");
        const auto next = location ? http::resolve_location(url, *location) : std::nullopt;
        if (!next) {
          throw ApiError(describe(method, url), "redirect without a usable Location header");
        }
        if (hop + 1 >= kMaxRedirects) {
          throw NetworkError(describe(method, http::join_url(base, path)),
                             "redirect loop: more than " + std::to_string(kMaxRedirects) +
                                 " redirects (last to " + *next + ")");
        }
        url = *next;
        continue;
      }
      if (no_leader(response)) {
        saw_no_leader = true;
        failures.push_back(url + ": no leader elected");
        break;
      }
      if (response.status >= 200 && response.status < 300) {
        const auto origin = http::parse_url(url);
        std::lock_guard<std::mutex> guard(mutex_);
        // Keep any path prefix of a configured base (a reverse proxy) when it answered.
        leader_ = hop == 0 ? base : origin->origin();
        return response;
      }
      throw_mesos_status(response, describe(method, url), http_.options().auth);
    }
  }
  // One master: name the URL as the subject; several: say which answered what.
  const std::string subject = candidates.size() == 1
                                  ? describe(method, http::join_url(candidates.front(), path))
                                  : "mesos: " + describe(method, path);
  const std::string detail =
      candidates.size() == 1 ? failures.front().substr(failures.front().find(": ") + 2)
                             : util::join(failures, "; ");
  if (saw_no_leader) {
    throw NoLeaderError(subject, "no leading Mesos master (" + detail + ")",
                        "an election may be in progress; try again shortly");
  }
  throw NetworkError(subject, candidates.size() == 1 ? detail : "no master answered: " + detail);
}

template <class T, class F>
T MasterClient::decoded(const std::string& path, F decode) {
  auto response = leader_request(http::Method::kGet, path);
  try {
    return decode(response.body);
  } catch (const json::DecodeError& e) {
    throw ApiError("GET " + http::join_url(leader(), path), e.what());
  }
}

template <class Stream>
auto MasterClient::streamed(const std::string& path, Stream& stream) {
  try {
    leader_request(http::Method::kGet, path, {},
                   [&stream](std::string_view bytes) { stream.feed(bytes); });
    return stream.finish();
  } catch (const json::DecodeError& e) {
    // The body failed while it arrived, before the answering master was recorded: name
    // the one asked, without another request to discover the leader.
    std::string base;
    {
      std::lock_guard<std::mutex> guard(mutex_);
      base = leader_.empty() ? masters_.front() : leader_;
    }
    throw ApiError("GET " + http::join_url(base, path), e.what());
  }
}

model::StateSummary MasterClient::state_summary() {
  return decoded<model::StateSummary>("/master/state-summary", decode_state_summary);
}

AgentList MasterClient::agents() {
  SlavesStream stream;
  return streamed("/master/slaves", stream);
}

FrameworkList MasterClient::frameworks() {
  return decoded<FrameworkList>("/master/frameworks", decode_frameworks);
}

std::vector<model::Task> MasterClient::tasks(const TaskQuery& q) {
  std::string path = "/master/tasks?limit=" + std::to_string(q.limit) +
                     "&offset=" + std::to_string(q.offset) +
                     "&order=" + (q.ascending ? "asc" : "desc");
  if (!q.framework_id.empty()) {
    path += "&framework_id=" + http::url_encode(q.framework_id);
  }
  if (!q.task_id.empty()) {
    path += "&task_id=" + http::url_encode(q.task_id);
  }
  TasksStream stream;
  return streamed(path, stream);
}

model::MasterState MasterClient::state() {
  MasterStateStream stream;
  return streamed("/master/state", stream);
}

model::MaintenanceStatus MasterClient::maintenance_status() {
  return decoded<model::MaintenanceStatus>("/master/maintenance/status",
                                           decode_maintenance_status);
}

std::vector<model::MaintenanceWindow> MasterClient::maintenance_schedule() {
  return decoded<std::vector<model::MaintenanceWindow>>("/master/maintenance/schedule",
                                                        decode_maintenance_schedule);
}

model::Metrics MasterClient::metrics() {
  // Metrics are answered by any master (never redirected); ask the leader for cluster gauges.
  const auto url = http::join_url(leader(), "/metrics/snapshot");
  auto response = http_.send(http::get_request(url));
  if (response.status != 200) {
    throw_mesos_status(response, "GET " + url, http_.options().auth);
  }
  try {
    return decode_metrics(response.body);
  } catch (const json::DecodeError& e) {
    throw ApiError("GET " + url, e.what());
  }
}

std::optional<model::MasterInfo> MasterClient::master_info() {
  http::Response response;
  try {
    response = leader_request(http::Method::kPost, "/api/v1", R"({"type":"GET_MASTER"})");
  } catch (const NotFoundError&) {
    return std::nullopt;  // Mesos before 1.1 has no operator API
  }
  try {
    return decode_get_master(response.body);
  } catch (const json::DecodeError& e) {
    throw ApiError("POST " + http::join_url(leader(), "/api/v1"), e.what());
  }
}

model::VersionInfo MasterClient::version(const std::string& master_url) {
  const auto url = http::join_url(master_url, "/version");
  auto response = http_.send(http::get_request(url));
  if (response.status != 200) {
    throw_mesos_status(response, "GET " + url, http_.options().auth);
  }
  try {
    return decode_version(response.body);
  } catch (const json::DecodeError& e) {
    throw ApiError("GET " + url, e.what());
  }
}

bool MasterClient::healthy(const std::string& master_url) {
  const auto url = http::join_url(master_url, "/master/health");
  try {
    return http_.send(http::get_request(url)).status == 200;
  } catch (const NetworkError&) {
    return false;
  }
}

std::string MasterClient::leader() {
  {
    std::lock_guard<std::mutex> guard(mutex_);
    if (!leader_.empty()) {
      return leader_;
    }
  }
  // Every master answers /master/redirect with a 307 to //leader:port (the leader too),
  // or 503 while no leader is elected.
  std::vector<std::string> failures;
  for (const auto& base : masters_) {
    const auto url = http::join_url(base, "/master/redirect");
    http::Response response;
    try {
      response = http_.send(http::get_request(url), retry_on);
    } catch (const NetworkError& e) {
      failures.push_back(url + ": " + e.what());
      continue;
    }
    const auto location = response.header("Location");
    const auto target = location ? http::resolve_location(url, *location) : std::nullopt;
    if (response.status == 307 && target) {
      std::lock_guard<std::mutex> guard(mutex_);
      leader_ = http::parse_url(*target)->origin();
      return leader_;
    }
    failures.push_back(url + ": " +
                       (no_leader(response) ? "no leader elected"
                                            : "HTTP " + std::to_string(response.status)));
  }
  throw NetworkError("mesos", "could not find the leading master: " + util::join(failures, "; "));
}

std::string MasterClient::get(const std::string& path) {
  return leader_request(http::Method::kGet, path).body;
}

}  // namespace qctl::mesos
