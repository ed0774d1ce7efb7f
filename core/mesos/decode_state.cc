// GET /master/state (§1.1 of the Mesos reference). Streams the document once in field
// order: a 300 MB state of 10,000 agents is decoded without a DOM or temporary copies.
#include <string>

#include "core/mesos/decode.h"
#include "core/mesos/decode_internal.h"

namespace qctl::mesos {

namespace {

model::LeaderInfo decode_leader_info(json::Value& v) {
  model::LeaderInfo out;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "id") {
      out.id = json::string(value);
    } else if (key == "pid") {
      out.pid = json::string(value);
    } else if (key == "hostname") {
      out.hostname = json::string(value);
    } else if (key == "port") {
      out.port = static_cast<int>(json::integer(value));
    }
  });
  return out;
}

bool decode_state_text(model::MasterState& s, std::string_view key, json::Value& v) {
  std::string* target = nullptr;
  if (key == "version") {
    target = &s.version;
  } else if (key == "git_sha") {
    target = &s.git_sha;
  } else if (key == "id") {
    target = &s.id;
  } else if (key == "pid") {
    target = &s.pid;
  } else if (key == "hostname") {
    target = &s.hostname;
  } else if (key == "cluster") {
    target = &s.cluster;
  } else if (key == "leader") {
    target = &s.leader;
  } else {
    return false;
  }
  *target = json::string(v);
  return true;
}

bool decode_state_numbers(model::MasterState& s, std::string_view key, json::Value& v) {
  if (key == "start_time") {
    s.start_time = json::number(v);
  } else if (key == "elected_time") {
    if (!json::is_null(v)) {
      s.elected_time = json::number(v);
    }
  } else if (key == "activated_slaves") {
    s.activated_slaves = json::number(v);
  } else if (key == "deactivated_slaves") {
    s.deactivated_slaves = json::number(v);
  } else if (key == "unreachable_slaves") {
    s.unreachable_slaves = json::number(v);
  } else {
    return false;
  }
  return true;
}

void decode_state_lists(model::MasterState& s, std::string_view key, json::Value& v) {
  if (key == "leader_info") {
    if (!json::is_null(v)) {
      s.leader_info = decode_leader_info(v);
    }
  } else if (key == "slaves") {
    detail::append_all(v, s.agents, decode_agent);
  } else if (key == "recovered_slaves") {
    detail::append_all(v, s.recovered_agents, detail::decode_recovered_agent);
  } else if (key == "frameworks") {
    detail::append_all(v, s.frameworks, decode_framework);
  } else if (key == "completed_frameworks") {
    detail::append_all(v, s.completed_frameworks, decode_framework);
  }
  // flags, orphan_tasks and unregistered_frameworks are skipped unread.
}

}  // namespace

model::MasterState decode_master_state(std::string& body) {
  model::MasterState out;
  json::parse(body, [&](json::Value& root) {
    detail::require_object(root, "/master/state");
    json::fields(root, [&](std::string_view key, json::Value& value) {
      if (!decode_state_text(out, key, value) && !decode_state_numbers(out, key, value)) {
        decode_state_lists(out, key, value);
      }
    });
  });
  return out;
}

}  // namespace qctl::mesos
