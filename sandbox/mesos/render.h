// JSON shapes shared by the Mesos master and agent endpoints: resources objects,
// attributes, fault domains, Resource protobufs and task objects (reference §2).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model/mesos.h"
#include "sandbox/mesos/json_writer.h"
#include "sandbox/world/world.h"

namespace qctl::sandbox::mesos {

/// The command executor's allowance the agent adds to each command/Docker task
/// (src/slave/constants.hpp DEFAULT_EXECUTOR_CPUS / DEFAULT_EXECUTOR_MEM).
inline constexpr double kExecutorCpus = 0.1;
inline constexpr double kExecutorMem = 32;

/// "Resources object": disk, mem, gpus, cpus always (doubles), other scalars by name,
/// ports as "[a-b, c-d]" only when there are some.
void write_resources(JsonWriter& w, const model::Resources& r);
/// Ranges as Mesos prints them, written straight into the writer as a string value.
void write_ranges(JsonWriter& w, const std::vector<model::Range>& ranges);
/// Ports held as single values ("[31005-31006, 31100-31100]"), coalesced.
void write_port_values(JsonWriter& w, const std::vector<std::uint64_t>& ports);
/// A task's resources object (its scalars and host ports) without building a copy.
void write_task_resources(JsonWriter& w, const SimTask& task);
/// Flat attributes object: SCALAR as a number, everything else as its text.
void write_attributes(JsonWriter& w, const std::vector<model::Attribute>& attributes);
/// `"domain":{...}` when the agent has a region or zone; nothing otherwise.
void write_domain_field(JsonWriter& w, const std::string& region, const std::string& zone);
/// Resource protobuf JSON (ENDPOINT format) for each non-zero scalar and the ports.
void write_resources_full(JsonWriter& w, const model::Resources& r, const std::string& role);
/// Used resources of one reservation role as /master/slaves' used_resources_full has them:
/// ENDPOINT format with `allocation_info.role` (src/common/resources_utils.cpp), the
/// scalars and then `ports` as one RANGES resource.
void write_used_full(JsonWriter& w, const model::Resources& r, const std::string& role);

/// Sorted, merged ranges from single values (the ports a task holds).
[[nodiscard]] std::vector<model::Range> coalesce(std::vector<std::uint64_t> values);
/// What a task holds: its scalars and its host ports.
[[nodiscard]] model::Resources task_resources(const SimTask& task);
/// Agent total minus every reservation (scalars and ports).
[[nodiscard]] model::Resources unreserved_of(const model::Agent& agent);

/// The task object of §2.4 (master /tasks, /state, /frameworks and the agent's /state).
/// `user` is the framework's user (Task.user).
void write_task(JsonWriter& w, const SimTask& task, const std::string& user);

}  // namespace qctl::sandbox::mesos
