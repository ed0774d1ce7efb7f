// Small master endpoints: /metrics/snapshot, /master/maintenance/status and /schedule,
// /version and the v1 GET_MASTER call.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/mesos/decode.h"
#include "core/mesos/decode_internal.h"

namespace qctl::mesos {

namespace {

using simdjson::ondemand::json_type;

model::Machine decode_machine(json::Value& v) {
  model::Machine m;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "hostname") {
      m.hostname = json::string(value);
    } else if (key == "ip") {
      m.ip = json::string(value);
    }
  });
  return m;
}

// draining_machines[]: {"id":{hostname, ip}, "statuses":[…]}.
model::Machine decode_draining_machine(json::Value& v) {
  model::Machine m;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "id") {
      m = decode_machine(value);
    }
  });
  return m;
}

/// {"nanoseconds": N} as seconds.
double decode_time(json::Value& v) {
  double seconds = 0;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "nanoseconds") {
      seconds = json::number(value) / 1e9;
    }
  });
  return seconds;
}

// {"machine_ids":[{hostname, ip}], "unavailability":{"start":…, "duration":…}}; a window
// without a duration is open-ended.
model::MaintenanceWindow decode_window(json::Value& v) {
  model::MaintenanceWindow w;
  w.open_ended = true;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "machine_ids") {
      detail::append_all(value, w.machines, decode_machine);
    } else if (key == "unavailability") {
      json::fields(value, [&](std::string_view k, json::Value& t) {
        if (k == "start") {
          w.start = decode_time(t);
        } else if (k == "duration") {
          w.duration = decode_time(t);
          w.open_ended = false;
        }
      });
    }
  });
  return w;
}

// MasterInfo.ip is an IPv4 address packed in network byte order, read as a uint32 on a
// little-endian host: 16777343 is 127.0.0.1.
std::string packed_ipv4(std::uint64_t ip) {
  std::string out;
  for (int i = 0; i < 4; ++i) {
    if (i > 0) {
      out += '.';
    }
    out += std::to_string((ip >> (8 * i)) & 0xffU);
  }
  return out;
}

struct Address {
  std::string hostname;
  std::string ip;
  int port = 0;
};

Address decode_address(json::Value& v) {
  Address a;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "hostname") {
      a.hostname = json::string(value);
    } else if (key == "ip") {
      a.ip = json::string(value);
    } else if (key == "port") {
      a.port = static_cast<int>(json::integer(value));
    }
  });
  return a;
}

// `address` (since 0.24) supersedes the deprecated ip/port/hostname fields.
model::MasterInfo decode_master_info(json::Value& v) {
  model::MasterInfo m;
  Address address;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "id") {
      m.id = json::string(value);
    } else if (key == "ip") {
      m.ip = value.type() == json_type::number
                 ? packed_ipv4(static_cast<std::uint64_t>(json::integer(value)))
                 : json::string(value);
    } else if (key == "port") {
      m.port = static_cast<int>(json::integer(value));
    } else if (key == "pid") {
      m.pid = json::string(value);
    } else if (key == "hostname") {
      m.hostname = json::string(value);
    } else if (key == "version") {
      m.version = json::string(value);
    } else if (key == "address") {
      address = decode_address(value);
    }
  });
  m.hostname = address.hostname.empty() ? m.hostname : address.hostname;
  m.ip = address.ip.empty() ? m.ip : address.ip;
  m.port = address.port == 0 ? m.port : address.port;
  return m;
}

}  // namespace

model::Metrics decode_metrics(std::string& body) {
  model::Metrics out;
  json::parse(body, [&](json::Value& root) {
    detail::require_object(root, "/metrics/snapshot");
    json::fields(root, [&](std::string_view key, json::Value& value) {
      if (value.type() == json_type::number) {
        out.emplace(std::string(key), json::number(value));
      }
    });
  });
  return out;
}

model::MaintenanceStatus decode_maintenance_status(std::string& body) {
  model::MaintenanceStatus out;
  json::parse(body, [&](json::Value& root) {
    detail::require_object(root, "/master/maintenance/status");
    json::fields(root, [&](std::string_view key, json::Value& value) {
      if (key == "draining_machines") {
        detail::append_all(value, out.draining, decode_draining_machine);
      } else if (key == "down_machines") {
        detail::append_all(value, out.down, decode_machine);
      }
    });
  });
  return out;
}

std::vector<model::MaintenanceWindow> decode_maintenance_schedule(std::string& body) {
  return detail::decode_list<model::MaintenanceWindow>(body, "/master/maintenance/schedule",
                                                       "windows", decode_window);
}

model::VersionInfo decode_version(std::string& body) {
  model::VersionInfo out;
  json::parse(body, [&](json::Value& root) {
    detail::require_object(root, "/version");
    json::fields(root, [&](std::string_view key, json::Value& value) {
      if (key == "version") {
        out.version = json::string(value);
      } else if (key == "build_date") {
        out.build_date = json::string(value);
      } else if (key == "build_time") {
        out.build_time = json::number(value);
      } else if (key == "build_user") {
        out.build_user = json::string(value);
      } else if (key == "git_sha") {
        out.git_sha = json::string(value);
      } else if (key == "git_tag") {
        out.git_tag = json::string(value);
      }
    });
  });
  return out;
}

model::MasterInfo decode_get_master(std::string& body) {
  model::MasterInfo out;
  double start_time = 0;
  std::optional<double> elected_time;
  json::parse(body, [&](json::Value& root) {
    detail::require_object(root, "GET_MASTER response");
    json::fields(root, [&](std::string_view key, json::Value& get_master) {
      if (key != "get_master") {
        return;
      }
      json::fields(get_master, [&](std::string_view field, json::Value& value) {
        if (field == "master_info") {
          out = decode_master_info(value);
        } else if (field == "start_time") {
          start_time = json::number(value);
        } else if (field == "elected_time" && !json::is_null(value)) {
          elected_time = json::number(value);
        }
      });
    });
  });
  out.start_time = start_time;
  out.elected_time = elected_time;
  return out;
}

}  // namespace qctl::mesos
