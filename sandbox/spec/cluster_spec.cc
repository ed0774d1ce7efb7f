// Cluster shapes from flags and cluster files.
#include "sandbox/spec/cluster_spec.h"

#include <charconv>
#include <stdexcept>

#include "core/util/strings.h"

namespace qctl::sandbox::spec {

namespace {

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw std::invalid_argument(where + ": " + what);
}

std::optional<double> number(std::string_view s) {
  double d = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (ec != std::errc() || end != s.data() + s.size()) {
    return std::nullopt;
  }
  return d;
}

model::Attribute attribute(const std::string& name, const std::string& value) {
  model::Attribute a;
  a.name = name;
  if (auto d = number(value)) {
    a.is_scalar = true;
    a.scalar = *d;
  } else {
    a.text = value;
  }
  return a;
}

double positive(const nlohmann::json& v, const std::string& where) {
  if (!v.is_number() || v.get<double>() < 0) {
    fail(where, "must be a number >= 0");
  }
  return v.get<double>();
}

model::Resources resources_from(const nlohmann::json& j, const std::string& where,
                                model::Resources base) {
  if (!j.is_object()) {
    fail(where, "must be a map of resources (cpus, mem, disk, gpus, ports)");
  }
  for (const auto& [key, value] : j.items()) {
    std::string at = where + "." + key;
    if (key == "cpus") {
      base.cpus = positive(value, at);
    } else if (key == "mem") {
      base.mem = positive(value, at);
    } else if (key == "disk") {
      base.disk = positive(value, at);
    } else if (key == "gpus") {
      base.gpus = positive(value, at);
    } else if (key == "ports") {
      auto ranges = value.is_string() ? model::parse_ranges(value.get<std::string>()) : std::nullopt;
      if (!ranges) {
        fail(at, "must be ranges such as \"[31000-32000]\"");
      }
      base.ports = *ranges;
    } else {
      fail(at, "unknown resource (cpus, mem, disk, gpus, ports)");
    }
  }
  return base;
}

std::string text(const nlohmann::json& v, const std::string& where) {
  if (!v.is_string()) {
    fail(where, "must be a string");
  }
  return v.get<std::string>();
}

AgentSpec agent_from(const nlohmann::json& j, const std::string& where) {
  AgentSpec a;
  a.resources = default_agent_resources();
  for (const auto& [key, value] : j.items()) {
    std::string at = where + "." + key;
    if (key == "hostname") {
      a.hostname = text(value, at);
    } else if (key == "ip") {
      a.ip = text(value, at);
    } else if (key == "version") {
      a.version = text(value, at);
    } else if (key == "region") {
      a.region = text(value, at);
    } else if (key == "zone") {
      a.zone = text(value, at);
    } else if (key == "resources") {
      a.resources = resources_from(value, at, a.resources);
    } else if (key == "attributes") {
      if (!value.is_object()) {
        fail(at, "must be a map such as {dc: bj1, rack: r1}");
      }
      for (const auto& [name, v] : value.items()) {
        a.attributes.push_back(attribute(name, v.is_string() ? v.get<std::string>() : v.dump()));
      }
    } else if (key == "reserved") {
      if (!value.is_object()) {
        fail(at, "must map roles to resources");
      }
      for (const auto& [role, r] : value.items()) {
        a.reserved[role] = resources_from(r, at + "." + role, model::Resources{});
      }
    } else if (key != "count") {
      fail(at, "unknown key (count, hostname, ip, version, region, zone, resources, "
               "attributes, reserved)");
    }
  }
  return a;
}

}  // namespace

model::Resources default_agent_resources() {
  model::Resources r;
  r.cpus = 8;
  r.mem = 16384;
  r.disk = 65536;
  r.ports = {{31000, 32000}};
  return r;
}

std::vector<model::Attribute> parse_attributes(const std::string& text) {
  std::vector<model::Attribute> out;
  char sep = text.find(';') != std::string::npos ? ';' : ',';
  for (const std::string& item : util::split(text, sep, true)) {
    auto eq = item.find_first_of(sep == ';' ? ":" : "=:");
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size()) {
      throw std::invalid_argument("attribute '" + item + "' is not NAME=VALUE");
    }
    out.push_back(attribute(item.substr(0, eq), item.substr(eq + 1)));
  }
  return out;
}

model::Resources parse_resources(const std::string& text) {
  nlohmann::json j = nlohmann::json::object();
  for (const std::string& item : util::split(text, ',', true)) {
    auto eq = item.find('=');
    if (eq == std::string::npos) {
      throw std::invalid_argument("resource '" + item + "' is not NAME=VALUE");
    }
    std::string key = item.substr(0, eq);
    std::string value = item.substr(eq + 1);
    if (key == "ports") {
      j[key] = value;
    } else if (auto d = number(value)) {
      j[key] = *d;
    } else {
      throw std::invalid_argument("resource '" + item + "' needs a number");
    }
  }
  return resources_from(j, "resources", default_agent_resources());
}

std::vector<AgentSpec> uniform_agents(std::size_t count, const std::vector<std::string>& attributes,
                                      const model::Resources& resources) {
  std::vector<AgentSpec> out(count);
  for (std::size_t i = 0; i < count; ++i) {
    out[i].resources = resources;
    if (!attributes.empty()) {
      out[i].attributes = parse_attributes(attributes[i % attributes.size()]);
    }
  }
  return out;
}

ClusterSpec parse_cluster(const nlohmann::json& doc) {
  if (!doc.is_object()) {
    fail("cluster file", "must be a map with masters, agents, apps, jobs");
  }
  ClusterSpec spec;
  for (const auto& [key, value] : doc.items()) {
    if (key == "masters") {
      if (!value.is_number_integer() || value.get<int>() < 1 || value.get<int>() > 9) {
        fail("masters", "must be a whole number from 1 to 9");
      }
      spec.masters = value.get<std::size_t>();
    } else if (key == "mesos_version") {
      spec.mesos_version = text(value, key);
    } else if (key == "chronos_api") {
      if (value != 2 && value != 3) {
        fail(key, "must be 2 or 3");
      }
      spec.chronos_api = value.get<int>();
    } else if (key == "agents") {
      if (!value.is_array()) {
        fail(key, "must be a list of agents");
      }
      for (std::size_t i = 0; i < value.size(); ++i) {
        std::string where = "agents[" + std::to_string(i) + "]";
        if (!value[i].is_object()) {
          fail(where, "must be a map");
        }
        auto count = value[i].value("count", nlohmann::json(1));
        if (!count.is_number_integer() || count.get<int>() < 1) {
          fail(where + ".count", "must be a whole number >= 1");
        }
        AgentSpec agent = agent_from(value[i], where);
        if (count.get<int>() > 1 && (!agent.hostname.empty() || !agent.ip.empty())) {
          fail(where, "hostname and ip cannot be shared by count > 1 agents");
        }
        spec.agents.insert(spec.agents.end(), count.get<std::size_t>(), agent);
      }
    } else if (key == "apps" || key == "jobs") {
      if (!value.is_array()) {
        fail(key, "must be a list");
      }
      (key == "apps" ? spec.apps : spec.jobs) = value;
    } else {
      fail(key, "unknown key (masters, mesos_version, chronos_api, agents, apps, jobs)");
    }
  }
  return spec;
}

}  // namespace qctl::sandbox::spec
