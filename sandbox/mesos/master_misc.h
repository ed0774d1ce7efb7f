// Small Mesos endpoints: /version, /metrics/snapshot and /master/maintenance/status.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "sandbox/http/message.h"
#include "sandbox/mesos/json_writer.h"
#include "sandbox/mesos/master_state.h"

namespace qctl::sandbox::mesos {

/// GET /version (JSON::Object, so keys come out sorted).
[[nodiscard]] std::string render_version(const MesosOptions& options);
/// A flat metrics object, every value a double, keys sorted (libprocess metrics).
[[nodiscard]] std::string render_metrics(const std::map<std::string, double>& metrics);
/// 400 for a `timeout` that stout's Duration::parse rejects; nullopt when fine.
[[nodiscard]] std::optional<http::Response> check_metrics_timeout(const http::Request& request);
/// The master's gauges; a non-leader reports elected 0 and empty-cluster values.
[[nodiscard]] std::string render_master_metrics(const MasterContext& ctx, std::size_t index);
/// JSON::protobuf(MachineID): keys sorted, unset fields left out.
void write_machine_id(JsonWriter& w, const MachineId& machine);
/// JSON::protobuf(maintenance::ClusterStatus): `{}` when nothing is in maintenance.
[[nodiscard]] std::string render_maintenance_status(const MasterContext& ctx);
/// GET /master/maintenance/schedule: JSON::protobuf(maintenance::Schedule) of the World's
/// schedule (POSTed, or windows the admin API gave agents); `{}` when nothing is scheduled.
[[nodiscard]] std::string render_maintenance_schedule(const MasterContext& ctx);
/// POST /master/maintenance/schedule (maintenance.cc): parses and validates the schedule as
/// Master::Http::maintenanceSchedule does and replaces the World's; the 400 message when the
/// master refuses it, nullopt when taken.
[[nodiscard]] std::optional<std::string> update_maintenance_schedule(const MasterContext& ctx,
                                                                     const std::string& body);
/// POST /api/v1: GET_HEALTH, GET_VERSION and GET_MASTER with the real header checks (400
/// without Content-Type, 415 for another type, 405 for other methods); other calls 501.
[[nodiscard]] http::Response operator_call(const http::Request& request, const MasterContext& ctx);
/// system/* gauges of this host (load averages, cpus, memory).
void add_system_metrics(std::map<std::string, double>& metrics);

}  // namespace qctl::sandbox::mesos
