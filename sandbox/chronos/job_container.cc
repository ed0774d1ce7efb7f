// A job's "container" as Chronos' JobDeserializer reads it (Containers.scala): 3.x and 2.5.
#include <algorithm>
#include <regex>

#include "sandbox/chronos/job.h"
#include "sandbox/chronos/job_read.h"

namespace qctl::sandbox::chronos::jackson {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

ordered_json parse_volume(const json& v) {
  if (!v.is_object()) {
    throw JobFormatError("scala.MatchError: " + v.dump());
  }
  ordered_json out = ordered_json::object();
  if (const json* h = field(v, "hostPath")) {
    out["hostPath"] = as_text(*h);
  }
  out["containerPath"] = as_text(required(v, "containerPath"));
  if (const json* m = field(v, "mode")) {
    std::string mode = as_text(*m);
    std::transform(mode.begin(), mode.end(), mode.begin(), ::toupper);
    out["mode"] = enum_value(mode, {"RW", "RO"});
  }
  if (const json* e = field(v, "external")) {
    ordered_json ext = ordered_json::object();
    ext["name"] = as_text(required(*e, "name"));
    ext["provider"] = as_text(required(*e, "provider"));
    ext["options"] = key_values(*e, "options");
    out["external"] = ext;
  }
  return out;
}

ordered_json parse_network_info(const json& n) {
  if (!n.is_object()) {
    throw JobFormatError("scala.MatchError: " + n.dump());
  }
  ordered_json out = ordered_json::object();
  out["name"] = as_text(required(n, "name"));
  if (const json* p = field(n, "protocol"); p != nullptr && !p->is_null()) {
    out["protocol"] = enum_value(as_text(*p), {"IPv4", "IPv6"});
  }
  out["labels"] = key_values(n, "labels");
  ordered_json mappings = ordered_json::array();
  if (const json* pm = field(n, "portMappings"); pm != nullptr && pm->is_array()) {
    for (const json& m : *pm) {
      // JobSerializer writes the ports as strings.
      ordered_json o = {{"hostPort", std::to_string(as_long(required(m, "hostPort")))},
                        {"containerPort", std::to_string(as_long(required(m, "containerPort")))}};
      if (const json* proto = field(m, "protocol"); proto != nullptr && !proto->is_null()) {
        o["protocol"] = as_text(*proto);
      }
      mappings.push_back(o);
    }
  }
  out["portMappings"] = mappings;
  return out;
}

// volumes, forcePullImage and parameters, the same in both versions (2.5 has no external
// volumes).
void add_volumes_and_parameters(const json& c, ordered_json& out, bool external) {
  out["volumes"] = ordered_json::array();
  if (const json* vols = field(c, "volumes"); vols != nullptr && vols->is_array()) {
    for (const json& v : *vols) {
      ordered_json vol = parse_volume(v);
      if (!external) {
        vol.erase("external");
      }
      out["volumes"].push_back(vol);
    }
  }
  // Try(asText.toBoolean).getOrElse(false): only "true"/"false" in any case count.
  std::string pull = text_or(c, "forcePullImage", "false");
  std::transform(pull.begin(), pull.end(), pull.begin(), ::tolower);
  out["forcePullImage"] = pull == "true";
  out["parameters"] = key_values(c, "parameters");
}

// Chronos 2.5 (Containers.scala): Docker only, BRIDGE or HOST, no networks, no external
// volumes; an image is required once the key is there.
std::optional<ordered_json> parse_container_v2(const json& node) {
  const json* c = field(node, "container");
  if (c == nullptr) {
    return std::nullopt;
  }
  if (!c->is_object()) {
    throw JobFormatError("java.lang.NullPointerException: container " + c->dump());
  }
  ordered_json out = ordered_json::object();
  out["type"] = "docker";
  out["image"] = as_text(required(*c, "image"));
  const json* network = field(*c, "network");
  out["network"] = network && !network->is_null() ? enum_value(as_text(*network), {"BRIDGE", "HOST"})
                                                  : "HOST";
  add_volumes_and_parameters(*c, out, false);
  return out;
}

// Built only when the container has an "image", as Chronos does.
std::optional<ordered_json> parse_container_v3(const json& node) {
  const json* c = field(node, "container");
  if (c == nullptr || !c->is_object() || !c->contains("image")) {
    return std::nullopt;
  }
  ordered_json out = ordered_json::object();
  std::string type = field(*c, "type") && !(*c)["type"].is_null() ? as_text((*c)["type"]) : "DOCKER";
  std::transform(type.begin(), type.end(), type.begin(), ::toupper);
  out["type"] = enum_value(type, {"DOCKER", "MESOS"});
  out["image"] = as_text((*c)["image"]);
  const json* network = field(*c, "network");
  out["network"] = network && !network->is_null() ? enum_value(as_text(*network), {"BRIDGE", "HOST", "USER"})
                                                  : "HOST";
  if (const json* nn = field(*c, "networkName"); nn != nullptr && !nn->is_null()) {
    out["networkName"] = as_text(*nn);
  }
  out["networkInfos"] = ordered_json::array();
  if (const json* infos = field(*c, "networkInfos"); infos != nullptr && infos->is_array()) {
    for (const json& n : *infos) {
      out["networkInfos"].push_back(parse_network_info(n));
    }
  }
  add_volumes_and_parameters(*c, out, true);
  return out;
}

}  // namespace

std::optional<ordered_json> parse_container(const json& node, bool v2) {
  return v2 ? parse_container_v2(node) : parse_container_v3(node);
}

}  // namespace qctl::sandbox::chronos::jackson
