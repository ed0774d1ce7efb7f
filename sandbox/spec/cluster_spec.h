// The shape of a sandbox cluster: masters, agents (resources, attributes, reservations),
// initial Marathon apps and Chronos jobs — from flags or a cluster file.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model/mesos.h"
#include "core/model/resources.h"

namespace qctl::sandbox::spec {

struct AgentSpec {
  std::string hostname;  // "" = its IP address
  std::string ip;        // "" = the next free 127.0.1.N
  model::Resources resources;  // total, reservations included
  std::vector<model::Attribute> attributes;
  std::map<std::string, model::Resources> reserved;  // static reservations per role
  std::string version;  // "" = the cluster's Mesos version
  std::string region;
  std::string zone;
};

struct ClusterSpec {
  std::size_t masters = 1;
  std::vector<AgentSpec> agents;
  nlohmann::json apps = nlohmann::json::array();  // Marathon app definitions
  nlohmann::json jobs = nlohmann::json::array();  // Chronos jobs (iso8601 or dependent)
  int chronos_api = 3;
  std::string mesos_version = "1.11.0";
};

/// The default agent: 8 cpus, 16 GiB mem, 64 GiB disk, ports [31000-32000].
[[nodiscard]] model::Resources default_agent_resources();

/// Parses "dc=bj1,rack=r1" (also Mesos' "dc:bj1;rack:r1"): numbers become SCALAR attributes,
/// everything else TEXT. Throws std::invalid_argument naming the bad item.
[[nodiscard]] std::vector<model::Attribute> parse_attributes(const std::string& text);

/// Parses "cpus=4,mem=8192,disk=1024,gpus=1,ports=[31000-31999]". Throws std::invalid_argument.
[[nodiscard]] model::Resources parse_resources(const std::string& text);

/// Reads a cluster file (YAML or JSON; format in docs/sandbox.md). Every error names the
/// field path, e.g. "agents[2].resources.cpus: must be a number > 0". Throws
/// std::invalid_argument.
[[nodiscard]] ClusterSpec parse_cluster(const nlohmann::json& doc);

/// N identical agents whose attributes cycle through `attributes` (one set per agent).
[[nodiscard]] std::vector<AgentSpec> uniform_agents(std::size_t count,
                                                    const std::vector<std::string>& attributes,
                                                    const model::Resources& resources);

}  // namespace qctl::sandbox::spec
