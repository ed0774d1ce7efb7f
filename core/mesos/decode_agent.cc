// Agents: /master/slaves, /master/state-summary and the agent objects inside /master/state.
#include <string>

#include "core/mesos/decode.h"
#include "core/mesos/decode_internal.h"

namespace qctl::mesos {

namespace {

// domain: {"fault_domain":{"region":{"name":…},"zone":{"name":…}}}.
void decode_domain(json::Value& v, std::string& region, std::string& zone) {
  json::fields(v, [&](std::string_view key, json::Value& fault_domain) {
    if (key != "fault_domain") {
      return;
    }
    json::fields(fault_domain, [&](std::string_view level, json::Value& named) {
      std::string* target = level == "region" ? &region : level == "zone" ? &zone : nullptr;
      if (target == nullptr) {
        return;
      }
      json::fields(named, [&](std::string_view name_key, json::Value& name) {
        if (name_key == "name") {
          *target = json::string(name);
        }
      });
    });
  });
}

model::DrainState decode_drain_info(json::Value& v) {
  if (json::is_null(v)) {
    return model::DrainState::kNone;
  }
  // drain_info is only present while draining; DRAINED is the final state.
  model::DrainState state = model::DrainState::kDraining;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "state" && json::string(value) == "DRAINED") {
      state = model::DrainState::kDrained;
    }
  });
  return state;
}

std::map<std::string, model::Resources> decode_reserved(json::Value& v) {
  std::map<std::string, model::Resources> out;
  json::fields(v, [&](std::string_view role, json::Value& value) {
    out.emplace(std::string(role), decode_resources(value));
  });
  return out;
}

bool decode_agent_identity(model::Agent& a, std::string_view key, json::Value& v) {
  if (key == "id") {
    a.id = json::string(v);
  } else if (key == "hostname") {
    a.hostname = json::string(v);
  } else if (key == "port") {
    a.port = static_cast<int>(json::integer(v));
  } else if (key == "pid") {
    a.pid = json::string(v);
  } else if (key == "version") {
    a.version = json::string(v);
  } else if (key == "attributes") {
    a.attributes = decode_attributes(v);
  } else if (key == "domain") {
    decode_domain(v, a.region, a.zone);
  } else if (key == "capabilities") {
    a.capabilities = json::string_array(v);
  } else {
    return false;
  }
  return true;
}

bool decode_agent_resources(model::Agent& a, std::string_view key, json::Value& v) {
  if (key == "resources") {
    a.resources = decode_resources(v);
  } else if (key == "used_resources") {
    a.used = decode_resources(v);
  } else if (key == "offered_resources") {
    a.offered = decode_resources(v);
  } else if (key == "unreserved_resources") {
    a.unreserved = decode_resources(v);
  } else if (key == "reserved_resources") {
    a.reserved = decode_reserved(v);
  } else {
    return false;
  }
  return true;
}

bool decode_agent_status(model::Agent& a, std::string_view key, json::Value& v) {
  if (key == "active") {
    a.active = json::boolean(v);
  } else if (key == "deactivated") {
    a.deactivated = json::boolean(v);
  } else if (key == "drain_info") {
    a.drain = decode_drain_info(v);
  } else if (key == "registered_time") {
    a.registered_time = json::number(v);
  } else if (key == "reregistered_time") {
    a.reregistered_time = json::number(v);
  } else if (key == "framework_ids") {
    a.framework_ids = json::string_array(v);
  } else {
    return detail::decode_task_count(a.task_counts, key, v);
  }
  return true;
}

}  // namespace

namespace detail {

bool decode_task_count(std::map<std::string, std::int64_t>& counts, std::string_view key,
                       json::Value v) {
  if (!key.starts_with("TASK_")) {
    return false;
  }
  counts[std::string(key)] = json::integer(v);
  return true;
}

model::RecoveredAgent decode_recovered_agent(json::Value& v) {
  model::RecoveredAgent r;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "id") {
      r.id = json::string(value);
    } else if (key == "hostname") {
      r.hostname = json::string(value);
    } else if (key == "port") {
      r.port = static_cast<int>(json::integer(value));
    } else if (key == "attributes") {
      r.attributes = decode_attributes(value);
    }
  });
  return r;
}

}  // namespace detail

void decode_agent_into(json::Value& v, model::Agent& a) {
  json::fields(v, [&](std::string_view key, json::Value& value) {
    // Unknown fields are skipped by On-Demand.
    if (!decode_agent_identity(a, key, value) && !decode_agent_resources(a, key, value) &&
        !decode_agent_full(a, key, value)) {
      decode_agent_status(a, key, value);
    }
  });
}

model::Agent decode_agent(json::Value& v) {
  model::Agent a;
  decode_agent_into(v, a);
  return a;
}

AgentList decode_slaves(std::string& body) {
  AgentList out;
  bool agents = false;
  json::parse(body, [&](json::Value& root) {
    detail::require_object(root, "/master/slaves");
    json::fields(root, [&](std::string_view key, json::Value& value) {
      if (key == "slaves") {
        agents = true;
        detail::append_all(value, out.agents, decode_agent);
      } else if (key == "recovered_slaves") {
        detail::append_all(value, out.recovered, detail::decode_recovered_agent);
      }
    });
  });
  // A master always writes "slaves" (even []): without it this is not a master's answer, and
  // reading it as a cluster without agents would look healthy.
  if (!agents) {
    throw json::DecodeError("no \"slaves\" array: not a Mesos master's /master/slaves");
  }
  return out;
}

model::StateSummary decode_state_summary(std::string& body) {
  model::StateSummary out;
  int lists = 0;
  json::parse(body, [&](json::Value& root) {
    detail::require_object(root, "/master/state-summary");
    json::fields(root, [&](std::string_view key, json::Value& value) {
      lists += key == "slaves" || key == "frameworks" ? 1 : 0;
      if (key == "hostname") {
        out.hostname = json::string(value);
      } else if (key == "cluster") {
        out.cluster = json::string(value);
      } else if (key == "slaves") {
        detail::append_all(value, out.agents, decode_agent);
      } else if (key == "frameworks") {
        detail::append_all(value, out.frameworks, decode_framework);
      }
    });
  });
  if (lists < 2) {  // as for /master/slaves: a master always writes both arrays
    throw json::DecodeError(
        "no \"slaves\" and \"frameworks\" arrays: not a Mesos master's /master/state-summary");
  }
  return out;
}

}  // namespace qctl::mesos
