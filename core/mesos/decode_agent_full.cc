// The `*_full` arrays of /master/slaves: Resource protobufs in ENDPOINT format (§2.1), which
// alone tell static from dynamic reservations and which role each used resource belongs to.
#include <string>

#include "core/mesos/decode.h"

namespace qctl::mesos {

namespace {

// One Resource: {"name","type","scalar":{"value"},"ranges":{"range":[…]},"role",
// "reservations":[{"type","role"}…],"reservation"?,"allocation_info":{"role"},"revocable"?}.
struct FullResource {
  std::string name;
  double value = 0;
  std::vector<model::Range> ranges;
  std::string role = "*";  // reservation role: the last (most refined) reservation
  bool dynamic = false;
  std::string allocation_role;
  bool revocable = false;
};

std::vector<model::Range> decode_range_list(json::Value& v) {
  std::vector<model::Range> out;
  json::fields(v, [&](std::string_view key, json::Value& list) {
    if (key != "range") {
      return;
    }
    json::elements(list, [&](json::Value& r) {
      model::Range range;
      json::fields(r, [&](std::string_view k, json::Value& n) {
        (k == "begin" ? range.begin : range.end) = static_cast<std::uint64_t>(json::integer(n));
      });
      out.push_back(range);
    });
  });
  return out;
}

void decode_reservations(json::Value& v, FullResource& r) {
  json::elements(v, [&](json::Value& res) {
    json::fields(res, [&](std::string_view key, json::Value& value) {
      if (key == "type") {
        r.dynamic = json::string(value) == "DYNAMIC";
      } else if (key == "role") {
        r.role = json::string(value);
      }
    });
  });
}

FullResource decode_full_resource(json::Value& v) {
  FullResource r;
  bool stacked = false;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "name") {
      r.name = json::string(value);
    } else if (key == "scalar") {
      json::fields(value, [&](std::string_view k, json::Value& n) {
        if (k == "value") {
          r.value = json::number(n);
        }
      });
    } else if (key == "ranges") {
      r.ranges = decode_range_list(value);
    } else if (key == "role" && !stacked) {
      r.role = json::string(value);
    } else if (key == "reservations") {
      stacked = true;
      decode_reservations(value, r);
    } else if (key == "reservation") {
      // The pre-1.4 format: a `reservation` object marks a dynamic reservation.
      r.dynamic = true;
    } else if (key == "allocation_info") {
      json::fields(value, [&](std::string_view k, json::Value& role) {
        if (k == "role") {
          r.allocation_role = json::string(role);
        }
      });
    } else if (key == "revocable") {
      r.revocable = true;
    }
  });
  if (r.role.empty()) {
    r.role = "*";
  }
  return r;
}

void add(model::Resources& into, const FullResource& r) {
  if (!r.ranges.empty()) {
    if (r.name == "ports") {
      into.ports.insert(into.ports.end(), r.ranges.begin(), r.ranges.end());
    }
    return;
  }
  const std::string name = r.revocable ? r.name + "_revocable" : r.name;
  if (name == "cpus") {
    into.cpus += r.value;
  } else if (name == "mem") {
    into.mem += r.value;
  } else if (name == "disk") {
    into.disk += r.value;
  } else if (name == "gpus") {
    into.gpus += r.value;
  } else {
    into.scalars[name] += r.value;
  }
}

template <class F>
void each_full(json::Value& v, F&& fn) {
  json::elements(v, [&](json::Value& e) { fn(decode_full_resource(e)); });
}

}  // namespace

bool decode_agent_full(model::Agent& a, std::string_view key, json::Value& v) {
  if (key == "reserved_resources_full") {
    json::fields(v, [&](std::string_view, json::Value& list) {
      each_full(list, [&](const FullResource& r) {
        if (r.dynamic) {
          add(a.reserved_dynamic[r.role], r);
        }
      });
    });
  } else if (key == "used_resources_full") {
    a.has_full = true;
    each_full(v, [&](const FullResource& r) {
      add(a.used_by_role[r.role], r);
      add(a.allocated_by_role[r.allocation_role.empty() ? r.role : r.allocation_role], r);
    });
  } else if (key == "unreserved_resources_full" || key == "offered_resources_full") {
    // Nothing beyond the plain objects; skipped without decoding.
  } else {
    return false;
  }
  return true;
}

}  // namespace qctl::mesos
