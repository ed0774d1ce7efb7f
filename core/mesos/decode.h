// Decoders for Mesos master and agent JSON (v0 endpoints, plus v1 GET_MASTER).
// Each takes the response body (padded in place) and throws json::DecodeError on bad shape.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/json/decode.h"
#include "core/model/mesos.h"

namespace qctl::mesos {

/// /master/slaves: {"slaves":[…], "recovered_slaves":[…]}.
struct AgentList {
  std::vector<model::Agent> agents;
  std::vector<model::RecoveredAgent> recovered;
};

/// /master/frameworks: {"frameworks":[…], "completed_frameworks":[…]}.
struct FrameworkList {
  std::vector<model::Framework> frameworks;
  std::vector<model::Framework> completed;
};

[[nodiscard]] model::StateSummary decode_state_summary(std::string& body);
[[nodiscard]] AgentList decode_slaves(std::string& body);
[[nodiscard]] FrameworkList decode_frameworks(std::string& body);
[[nodiscard]] std::vector<model::Task> decode_tasks(std::string& body);
[[nodiscard]] model::MasterState decode_master_state(std::string& body);
[[nodiscard]] model::Metrics decode_metrics(std::string& body);
[[nodiscard]] model::MaintenanceStatus decode_maintenance_status(std::string& body);
/// /master/maintenance/schedule: {"windows":[{"machine_ids":[…],"unavailability":{"start":
/// {"nanoseconds":N},"duration":{"nanoseconds":N}}}]} ({} when nothing is scheduled).
[[nodiscard]] std::vector<model::MaintenanceWindow> decode_maintenance_schedule(std::string& body);
[[nodiscard]] model::VersionInfo decode_version(std::string& body);
/// v1 {"type":"GET_MASTER","get_master":{"master_info":{…},"start_time":…,"elected_time":…}}.
[[nodiscard]] model::MasterInfo decode_get_master(std::string& body);
[[nodiscard]] model::AgentState decode_agent_state(std::string& body);
[[nodiscard]] std::vector<model::AgentContainer> decode_containers(std::string& body);
/// /files/read: `{"data":"…","offset":N}` as Mesos writes it (rapidjson without validation):
/// the file's bytes go into the JSON string unchanged except for `"`, `\` and control
/// characters, so binary data and UTF-8 sequences cut at a chunk edge arrive as raw bytes that
/// a strict JSON parser rejects. This decoder keeps every byte; `\uXXXX` escapes become UTF-8
/// (a lone surrogate becomes U+FFFD). Throws json::DecodeError for anything else.
[[nodiscard]] model::FileChunk decode_file_chunk(std::string_view body);

// Building blocks, shared by the decoders above.
[[nodiscard]] model::Resources decode_resources(json::Value& v);
[[nodiscard]] std::vector<model::Attribute> decode_attributes(json::Value& v);
[[nodiscard]] model::Agent decode_agent(json::Value& v);
/// Decodes into `a` (a fresh Agent): lets streams build agents in place, without a move.
void decode_agent_into(json::Value& v, model::Agent& a);
/// Records the `*_full` arrays of a /master/slaves agent (reservation types, used resources
/// per reservation and allocation role); returns false for other keys.
bool decode_agent_full(model::Agent& a, std::string_view key, json::Value& v);
[[nodiscard]] model::Task decode_task(json::Value& v);
void decode_task_into(json::Value& v, model::Task& t);
[[nodiscard]] model::Framework decode_framework(json::Value& v);

}  // namespace qctl::mesos
