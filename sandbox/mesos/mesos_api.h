// Mesos master and agent HTTP endpoints served from the sandbox's World.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "sandbox/http/router.h"
#include "sandbox/world/world.h"

namespace qctl::sandbox::mesos {

struct MasterNode {
  std::string id;  // MasterInfo.id (UUID)
  std::string hostname;
  std::string ip;
  int port = 5050;
  double start_time = 0;
  [[nodiscard]] std::string pid() const { return "master@" + ip + ":" + std::to_string(port); }
};

/// Which master leads, shared by every master's handlers (read and written with the
/// World lock held). The admin API fails over by changing `leader`.
struct Leadership {
  std::vector<MasterNode> masters;
  std::optional<std::size_t> leader;  // nullopt = no leader elected (503s)
  double elected_time = 0;
  /// Until then the leader lists its agents under `recovered_slaves` (known from the
  /// registry, not yet re-registered after a failover); 0 = never.
  double recovering_until = 0;
  /// World::ended_counts() when this leader was elected: its task counters start there.
  std::map<std::string, std::uint64_t> ended_at_election;

  /// Makes master `index` the leader from `now` on.
  void elect(std::size_t index, double now, std::map<std::string, std::uint64_t> ended_counts) {
    leader = index;
    elected_time = now;
    ended_at_election = std::move(ended_counts);
  }
};

struct MesosOptions {
  std::string version = "1.11.0";
  std::string git_sha = "f8a9f6c8d0e7b6a5c4d3e2f1a0b9c8d7e6f5a4b3";
  std::string git_tag = "1.11.0";
  std::string build_date = "2020-11-19 15:35:26";
  double build_time = 1605800126;
  std::string build_user = "sandbox";
  /// Started with HTTP credentials: the flags say --authenticate_http_readonly (and, on the
  /// master, --authenticate_http_readwrite) true.
  bool authenticate_http = false;
  /// Agent /state `master_hostname` (omitted when empty, as when no master is known).
  std::string master_hostname;
};

/// Serves masters[index]: /master/* (and the delegate aliases /state, …), /version,
/// /metrics/snapshot, /health, /redirect, with the real leader redirect rules. Sets the
/// router's 404 and auth policy (Mesos realms).
void mount_master(http::Router& router, World& world, Leadership& leadership, std::size_t index,
                  const MesosOptions& options);

/// Serves one agent: /state (= /slave(1)/state), /containers, /files/browse, /files/read,
/// /files/download, /monitor/statistics, /version, /metrics/snapshot, /health.
void mount_agent(http::Router& router, World& world, const std::string& agent_id,
                 const MesosOptions& options);

}  // namespace qctl::sandbox::mesos
