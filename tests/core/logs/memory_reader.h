// An in-memory FileReader for the log engine's tests: files per agent and path, the agent's
// 64 KiB read cap, byte accounting, agents that stop answering.
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/logs/files.h"

namespace qctl::logs::testing {

class MemoryReader final : public FileReader {
 public:
  std::map<std::string, std::string> files;  // "agent|path" -> content
  std::set<std::string> dead_agents;         // reads throw NetworkError
  std::int64_t bytes_returned = 0;
  int reads = 0;

  static std::string key(const FileRef& f) { return f.agent_address + "|" + f.path; }
  std::string& at(const std::string& agent, const std::string& path) {
    return files[agent + "|" + path];
  }

  model::FileChunk read(const FileRef& file, std::int64_t offset, std::int64_t length) override {
    ++reads;
    const std::string& content = lookup(file);
    model::FileChunk c;
    c.offset = offset;
    const auto size = static_cast<std::int64_t>(content.size());
    if (offset < size) {
      const auto n = std::min({length < 0 ? size : length, size - offset, kReadChunk});
      c.data = content.substr(static_cast<std::size_t>(offset), static_cast<std::size_t>(n));
    }
    bytes_returned += static_cast<std::int64_t>(c.data.size());
    return c;
  }
  std::int64_t size(const FileRef& file) override {
    ++reads;
    return static_cast<std::int64_t>(lookup(file).size());
  }
  std::vector<FileEntry> browse(const FileRef& dir) override {
    std::vector<FileEntry> out;
    const std::string prefix = key(dir) + "/";
    // A directory exists when some file lies under it (the agent answers 404 otherwise).
    if (std::none_of(files.begin(), files.end(),
                     [&](const auto& f) { return f.first.rfind(prefix, 0) == 0; })) {
      throw NotFoundError(dir.path, "no such directory");
    }
    for (const auto& [k, v] : files) {
      if (k.rfind(prefix, 0) == 0 && k.find('/', prefix.size()) == std::string::npos) {
        out.push_back({dir.path + "/" + k.substr(prefix.size()), static_cast<std::int64_t>(v.size()),
                       mtimes.count(k) > 0 ? mtimes[k] : 1000.0, false});
      }
    }
    return out;
  }
  std::map<std::string, double> mtimes;  // "agent|path" -> mtime

 private:
  const std::string& lookup(const FileRef& file) {
    if (dead_agents.count(file.agent_address) > 0) {
      throw NetworkError("GET http://" + file.agent_address + "/files/read", "connection refused");
    }
    auto it = files.find(key(file));
    if (it == files.end()) {
      throw NotFoundError(file.path, "no such file");
    }
    return it->second;
  }
};

}  // namespace qctl::logs::testing
