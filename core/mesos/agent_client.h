// Mesos agent client: /state, /containers, /files/read and /files/browse on one agent.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/http/client.h"
#include "core/model/mesos.h"

namespace qctl::mesos {

/// One /files/browse entry.
struct FileEntry {
  std::string path;  // as the agent lists it (under the requested directory)
  std::int64_t size = 0;
  double mtime = 0;  // seconds since the epoch
  bool directory = false;
};

/// Every call throws NotFoundError (404), AuthError (401/403), ApiError (other status, bad
/// answer) and NetworkError (agent not answering).
class AgentClient {
 public:
  /// `scheme` is the one the masters use ("http" or "https").
  AgentClient(http::Client& http, std::string scheme);

  /// GET http://<address>/state, `address` being "host:port" (Agent::address()).
  model::AgentState state(const std::string& address);
  /// GET http://<address>/containers.
  std::vector<model::AgentContainer> containers(const std::string& address);
  /// GET /files/read?path=…&offset=…&length=… (offset -1 probes the file size), decoded
  /// byte-exactly (decode_file_chunk).
  model::FileChunk read_file(const std::string& address, const std::string& path,
                             std::int64_t offset, std::int64_t length = -1);
  /// GET /files/browse?path=…: the entries of a sandbox directory.
  std::vector<FileEntry> browse(const std::string& address, const std::string& path);

 private:
  http::Client& http_;
  std::string scheme_;
};

}  // namespace qctl::mesos
