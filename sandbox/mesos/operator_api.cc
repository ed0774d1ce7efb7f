// POST /api/v1 (Operator API v1), the read-only calls qctl makes: GET_HEALTH, GET_VERSION,
// GET_MASTER. Header rules as src/master/http.cpp `api()`.
#include <arpa/inet.h>

#include <nlohmann/json.hpp>

#include "core/util/strings.h"
#include "sandbox/mesos/libprocess.h"
#include "sandbox/mesos/master_misc.h"

namespace qctl::sandbox::mesos {

namespace {

// MasterInfo.ip is a uint32 in network byte order, printed as a plain number.
std::uint32_t packed_ip(const std::string& ip) {
  in_addr addr{};
  inet_pton(AF_INET, ip.c_str(), &addr);
  return addr.s_addr;
}

nlohmann::json master_info(const MasterContext& ctx) {
  const MasterNode& n = ctx.self;
  return {{"id", n.id},
          {"ip", packed_ip(n.ip)},
          {"port", n.port},
          {"pid", n.pid()},
          {"hostname", n.hostname},
          {"version", ctx.options.version},
          {"address", {{"hostname", n.hostname}, {"ip", n.ip}, {"port", n.port}}},
          {"capabilities", nlohmann::json::array({{{"type", "AGENT_UPDATE"}},
                                                  {{"type", "AGENT_DRAINING"}},
                                                  {{"type", "QUOTA_V2"}}})}};
}

// libprocess Request::acceptsMediaType(application/json): no Accept header accepts anything;
// otherwise a media range application/json, application/* or */* with a q above 0.
bool accepts_json(const std::string& accept) {
  if (accept.empty()) {
    return true;
  }
  for (const std::string& entry : util::split(accept, ',')) {
    const auto semi = entry.find(';');
    const std::string_view range = util::trim(std::string_view(entry).substr(0, semi));
    const std::string params = semi == std::string::npos ? "" : entry.substr(semi + 1);
    const auto q = params.find("q=0");
    const bool zero_q =
        q != std::string::npos && params.find_first_of("123456789", q) == std::string::npos;
    if (!zero_q && (range == "application/json" || range == "application/*" || range == "*/*")) {
      return true;
    }
  }
  return false;
}

}  // namespace

http::Response operator_call(const http::Request& request, const MasterContext& ctx) {
  if (request.method != "POST") {
    return method_not_allowed({"POST"}, request.method);
  }
  const std::string type = request.header("Content-Type");
  if (type.empty()) {
    return plain(400, "Expecting 'Content-Type' to be present");
  }
  // Compared whole, as the master does: "application/json; charset=utf-8" is refused too.
  // (The sandbox reads no protobuf; a real master would.)
  if (type != "application/json") {
    return plain(415, "Expecting 'Content-Type' of application/json or application/x-protobuf");
  }
  nlohmann::json call = nlohmann::json::parse(request.body, nullptr, false);
  if (call.is_discarded()) {
    return plain(400, "Failed to parse body into JSON: syntax error");
  }
  if (!call.is_object() || !call.contains("type") || !call["type"].is_string()) {
    return plain(400, "Failed to convert JSON into Call protobuf: Missing required fields: type");
  }
  if (!accepts_json(request.header("Accept"))) {
    return plain(406, "Expecting 'Accept' to allow 'application/x-protobuf' or 'application/json'");
  }
  const std::string call_type = call["type"].get<std::string>();
  if (call_type == "UNKNOWN") {
    return plain(501, "");
  }
  nlohmann::json out = {{"type", call_type}};
  if (call_type == "GET_HEALTH") {
    out["get_health"] = {{"healthy", true}};
  } else if (call_type == "GET_VERSION") {
    out["get_version"] = {{"version_info", nlohmann::json::parse(render_version(ctx.options))}};
  } else if (call_type == "GET_MASTER") {
    out["get_master"] = {{"master_info", master_info(ctx)},
                         {"start_time", ctx.self.start_time},
                         {"elected_time", ctx.leadership.elected_time}};
  } else {
    // The sandbox implements the v1 calls qctl reads; the rest are real Mesos only.
    return plain(501, "The qctl sandbox does not implement the v1 call " + call_type +
                          " (GET_HEALTH, GET_VERSION and GET_MASTER are served)");
  }
  http::Response r = http::Response::json(200, out.dump());
  return r;
}

}  // namespace qctl::sandbox::mesos
