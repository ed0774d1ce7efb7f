// Mesos master client: finds and remembers the leader, follows 307s, decodes responses.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/http/client.h"
#include "core/mesos/decode.h"
#include "core/model/mesos.h"

namespace qctl::mesos {

struct TaskQuery {
  std::string framework_id;
  std::string task_id;
  long limit = -1;  // -1: all (Mesos reads it as unlimited)
  long offset = 0;
  bool ascending = true;
};

/// Every master answered 503 "No leader elected" (an election may be in progress).
class NoLeaderError : public NetworkError {
 public:
  using NetworkError::NetworkError;
};

/// Talks to a set of masters of which any may be a non-leader. Leader-only endpoints go to
/// the remembered leader, else to each master in turn: a 307 with a scheme-less Location is
/// followed with the original scheme (at most 3 hops), a 503 "No leader elected" or a
/// connection failure moves on to the next master; NoLeaderError when every master said
/// "No leader elected". Thread-safe.
class MasterClient {
 public:
  MasterClient(http::Client& http, std::vector<std::string> masters);

  [[nodiscard]] const std::vector<std::string>& masters() const { return masters_; }

  /// GET /master/state-summary on the leader.
  model::StateSummary state_summary();
  /// GET /master/slaves on the leader.
  AgentList agents();
  /// GET /master/frameworks on the leader.
  FrameworkList frameworks();
  /// GET /master/tasks on the leader (limit=-1 by default: every task), decoded as it
  /// arrives so memory holds the tasks, not the payload too.
  std::vector<model::Task> tasks(const TaskQuery& query = {});
  /// GET /master/state on the leader, decoded as it arrives (large: prefer the smaller
  /// endpoints).
  model::MasterState state();
  /// GET /master/maintenance/status on the leader.
  model::MaintenanceStatus maintenance_status();
  /// GET /master/maintenance/schedule on the leader (NotFoundError from a master without it).
  std::vector<model::MaintenanceWindow> maintenance_schedule();
  /// GET /metrics/snapshot on the leader (metrics are per master, never redirected).
  model::Metrics metrics();
  /// POST /api/v1 {"type":"GET_MASTER"} on the leader; nullopt when the master does not
  /// speak the v1 API (Mesos < 1.1 answers 404).
  std::optional<model::MasterInfo> master_info();
  /// GET /version on one master URL (not redirected).
  model::VersionInfo version(const std::string& master_url);
  /// GET /master/health on one master URL: true for 200.
  bool healthy(const std::string& master_url);

  /// Base URL ("http://host:port") of the leader, discovering it when not yet known.
  std::string leader();

  /// GET `path` on the leader and return the raw response body (for endpoints without a
  /// decoder). Throws like the typed calls.
  std::string get(const std::string& path);

 private:
  http::Response leader_request(http::Method method, const std::string& path,
                                const std::string& body = {}, const http::BodySink& sink = {});
  template <class T, class F>
  T decoded(const std::string& path, F decode);
  /// GET `path` on the leader feeding the body to `stream` as it arrives (large payloads).
  template <class Stream>
  auto streamed(const std::string& path, Stream& stream);

  http::Client& http_;
  std::vector<std::string> masters_;
  std::mutex mutex_;
  std::string leader_;  // origin of the leader, "" until known
};

}  // namespace qctl::mesos
