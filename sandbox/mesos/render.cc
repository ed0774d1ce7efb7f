// Resources, attributes, domains and task objects as src/common/http.cpp writes them.
#include "sandbox/mesos/render.h"

#include <algorithm>
#include <charconv>

namespace qctl::sandbox::mesos {

namespace {

void append_uint(std::string& out, std::uint64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

// What follows a Resource's value: its role, the reservation stack ENDPOINT format keeps (a
// static reservation here), and the allocation role of used resources.
void write_role_fields(JsonWriter& w, const std::string& role, const std::string* allocation_role) {
  w.field("role", role);
  if (role != "*") {
    w.key("reservations");
    w.begin_array();
    w.begin_object();
    w.field("type", "STATIC");
    w.field("role", role);
    w.end_object();
    w.end_array();
  }
  if (allocation_role != nullptr) {
    w.key("allocation_info");
    w.begin_object();
    w.field("role", *allocation_role);
    w.end_object();
  }
}

void write_scalar_full(JsonWriter& w, const char* name, double value, const std::string& role,
                       const std::string* allocation_role = nullptr) {
  w.begin_object();
  w.field("name", name);
  w.field("type", "SCALAR");
  w.key("scalar");
  w.begin_object();
  w.field("value", value);
  w.end_object();
  write_role_fields(w, role, allocation_role);
  w.end_object();
}

// A RANGES Resource named "ports".
void write_ports_full(JsonWriter& w, const std::vector<model::Range>& ports,
                      const std::string& role, const std::string* allocation_role = nullptr) {
  w.begin_object();
  w.field("name", "ports");
  w.field("type", "RANGES");
  w.key("ranges");
  w.begin_object();
  w.key("range");
  w.begin_array();
  for (const model::Range& range : ports) {
    w.begin_object();
    w.field_int("begin", static_cast<std::int64_t>(range.begin));
    w.field_int("end", static_cast<std::int64_t>(range.end));
    w.end_object();
  }
  w.end_array();
  w.end_object();
  write_role_fields(w, role, allocation_role);
  w.end_object();
}

}  // namespace

void write_ranges(JsonWriter& w, const std::vector<model::Range>& ranges) {
  thread_local std::string text;  // scratch reused across calls: no allocation per task
  text.assign(1, '[');
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    if (i > 0) {
      text += ", ";
    }
    append_uint(text, ranges[i].begin);
    text += '-';
    append_uint(text, ranges[i].end);
  }
  text += ']';
  w.plain_string(text);
}

void write_port_values(JsonWriter& w, const std::vector<std::uint64_t>& ports) {
  thread_local std::vector<std::uint64_t> sorted;
  sorted.assign(ports.begin(), ports.end());
  std::sort(sorted.begin(), sorted.end());
  thread_local std::string text;
  text.assign(1, '[');
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i;
    while (j + 1 < sorted.size() && sorted[j + 1] <= sorted[j] + 1) {
      ++j;
    }
    if (i > 0) {
      text += ", ";
    }
    append_uint(text, sorted[i]);
    text += '-';
    append_uint(text, sorted[j]);
    i = j + 1;
  }
  text += ']';
  w.plain_string(text);
}

namespace {

void write_scalars(JsonWriter& w, const model::Resources& r) {
  w.field("disk", r.disk);
  w.field("mem", r.mem);
  w.field("gpus", r.gpus);
  w.field("cpus", r.cpus);
  for (const auto& [name, value] : r.scalars) {
    w.field(name, value);
  }
}

void write_others(JsonWriter& w, const model::Resources& r) {
  for (const auto& [name, text] : r.others) {
    w.field(name, text);
  }
}

}  // namespace

void write_resources(JsonWriter& w, const model::Resources& r) {
  w.begin_object();
  write_scalars(w, r);
  if (!r.ports.empty()) {
    w.key("ports");
    write_ranges(w, r.ports);
  }
  write_others(w, r);
  w.end_object();
}

void write_task_resources(JsonWriter& w, const SimTask& task) {
  w.begin_object();
  write_scalars(w, task.spec.resources);
  if (!task.ports.empty()) {
    w.key("ports");
    write_port_values(w, task.ports);
  }
  write_others(w, task.spec.resources);
  w.end_object();
}

void write_attributes(JsonWriter& w, const std::vector<model::Attribute>& attributes) {
  w.begin_object();
  for (const model::Attribute& a : attributes) {
    if (a.is_scalar) {
      w.field(a.name, a.scalar);
    } else {
      w.field(a.name, a.text);
    }
  }
  w.end_object();
}

void write_domain_field(JsonWriter& w, const std::string& region, const std::string& zone) {
  if (region.empty() && zone.empty()) {
    return;
  }
  w.key("domain");
  w.begin_object();
  w.key("fault_domain");
  w.begin_object();
  w.key("region");
  w.begin_object();
  w.field("name", region);
  w.end_object();
  w.key("zone");
  w.begin_object();
  w.field("name", zone);
  w.end_object();
  w.end_object();
  w.end_object();
}

void write_resources_full(JsonWriter& w, const model::Resources& r, const std::string& role) {
  w.begin_array();
  const std::pair<const char*, double> scalars[] = {
      {"cpus", r.cpus}, {"mem", r.mem}, {"disk", r.disk}, {"gpus", r.gpus}};
  for (const auto& [name, value] : scalars) {
    if (value != 0) {
      write_scalar_full(w, name, value, role);
    }
  }
  for (const auto& [name, value] : r.scalars) {
    if (value != 0) {
      write_scalar_full(w, name.c_str(), value, role);
    }
  }
  if (!r.ports.empty()) {
    write_ports_full(w, r.ports, role);
  }
  w.end_array();
}

std::vector<model::Range> coalesce(std::vector<std::uint64_t> values) {
  std::sort(values.begin(), values.end());
  std::vector<model::Range> out;
  for (std::uint64_t v : values) {
    if (!out.empty() && out.back().end + 1 >= v) {
      out.back().end = std::max(out.back().end, v);
    } else {
      out.push_back({v, v});
    }
  }
  return out;
}

model::Resources task_resources(const SimTask& task) {
  model::Resources r = task.spec.resources;
  r.ports = coalesce(task.ports);
  return r;
}

model::Resources unreserved_of(const model::Agent& agent) {
  model::Resources out = agent.resources;
  std::vector<std::uint64_t> reserved_ports;
  for (const auto& [role, r] : agent.reserved) {
    out.cpus = model::round3(out.cpus - r.cpus);
    out.mem = model::round3(out.mem - r.mem);
    out.disk = model::round3(out.disk - r.disk);
    out.gpus = model::round3(out.gpus - r.gpus);
    for (const model::Range& range : r.ports) {
      for (std::uint64_t p = range.begin; p <= range.end; ++p) {
        reserved_ports.push_back(p);
      }
    }
  }
  if (reserved_ports.empty()) {
    return out;
  }
  std::sort(reserved_ports.begin(), reserved_ports.end());
  std::vector<std::uint64_t> free;
  for (const model::Range& range : agent.resources.ports) {
    for (std::uint64_t p = range.begin; p <= range.end; ++p) {
      if (!std::binary_search(reserved_ports.begin(), reserved_ports.end(), p)) {
        free.push_back(p);
      }
    }
  }
  out.ports = coalesce(std::move(free));
  return out;
}

void write_used_full(JsonWriter& w, const model::Resources& r, const std::string& role) {
  // Only a framework of the reservation's role can hold reserved resources, so that role is
  // also the allocation role; unreserved ones are allocated to the sandbox frameworks' "*".
  const std::pair<const char*, double> scalars[] = {
      {"cpus", r.cpus}, {"mem", r.mem}, {"disk", r.disk}, {"gpus", r.gpus}};
  for (const auto& [name, value] : scalars) {
    if (value != 0) {
      write_scalar_full(w, name, value, role, &role);
    }
  }
  for (const auto& [name, value] : r.scalars) {
    if (value != 0) {
      write_scalar_full(w, name.c_str(), value, role, &role);
    }
  }
  if (!r.ports.empty()) {
    write_ports_full(w, r.ports, role, &role);
  }
}

}  // namespace qctl::sandbox::mesos
