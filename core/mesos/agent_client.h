// Mesos agent client: /state, /containers and /files/read on one agent.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/http/client.h"
#include "core/model/mesos.h"

namespace qctl::mesos {

class AgentClient {
 public:
  /// `scheme` is the one the masters use ("http" or "https").
  AgentClient(http::Client& http, std::string scheme);

  /// GET http://<address>/state, `address` being "host:port" (Agent::address()).
  model::AgentState state(const std::string& address);
  /// GET http://<address>/containers.
  std::vector<model::AgentContainer> containers(const std::string& address);
  /// GET /files/read?path=…&offset=…&length=… (offset -1 probes the file size).
  model::FileChunk read_file(const std::string& address, const std::string& path,
                             std::int64_t offset, std::int64_t length = -1);

  /// The client and scheme agent requests go through (for callers with their own decoders).
  [[nodiscard]] http::Client& http() { return http_; }
  [[nodiscard]] const std::string& scheme() const { return scheme_; }

 private:
  http::Client& http_;
  std::string scheme_;
};

}  // namespace qctl::mesos
