// What `qctl status` reports, part by part, and its stable JSON schema.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/model/mesos.h"
#include "core/status/summary.h"

namespace qctl::status {

/// A part that could not be read: the exit code it would give and the one-line error.
struct PartError {
  int code = 1;
  std::string message;
  std::string hint;
};

template <class T>
struct Part {
  bool configured = false;
  std::optional<T> value;
  std::optional<PartError> error;
};

struct MasterProbe {
  std::string url;
  bool reachable = false;
  bool leader = false;
  std::string version;
  std::string error;
};

struct MesosView {
  std::string leader;  // origin of the leading master
  std::string cluster;
  std::optional<model::MasterInfo> leader_info;  // from v1 GET_MASTER when available
  std::vector<MasterProbe> masters;
  AgentCounts agents;
  std::vector<ResourceLine> resources;
  std::int64_t frameworks_active = 0;
  std::int64_t frameworks_inactive = 0;
  std::map<std::string, std::int64_t> tasks;
  std::vector<std::string> warnings;  // secondary reads that failed
};

struct MarathonView {
  std::string url;     // the URL that answered
  std::string leader;  // X-Marathon-Leader or /v2/info leader
  std::string version;
  MarathonSummary summary;
};

struct ChronosView {
  std::string url;
  std::string leader;
  ChronosSummary summary;
};

struct ClusterView {
  std::string context;
  Part<MesosView> mesos;
  Part<MarathonView> marathon;
  Part<ChronosView> chronos;

  /// The worst (highest) exit code among the failed parts; 0 when all answered.
  [[nodiscard]] int exit_code() const;
};

/// The documented `qctl status -o json` schema (README "JSON output").
[[nodiscard]] nlohmann::json to_json(const ClusterView& view);

}  // namespace qctl::status
