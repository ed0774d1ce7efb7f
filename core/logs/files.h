// Reading task sandbox files on Mesos agents: /files/read (offset/length) and /files/browse.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/mesos/agent_client.h"
#include "core/model/mesos.h"

namespace qctl::logs {

/// A file on an agent: the agent's "host:port" and the absolute path the agent serves.
struct FileRef {
  std::string agent_address;
  std::string path;
};

/// One /files/browse entry.
using FileEntry = mesos::FileEntry;

/// The seam the log engine reads through (fakes in tests).
class FileReader {
 public:
  virtual ~FileReader() = default;
  /// Up to `length` bytes at `offset` (an agent returns at most 16 pages per call, and less
  /// at EOF; empty data at or past EOF). Throws NotFoundError (404), NetworkError (agent
  /// not answering), AuthError, ApiError.
  virtual model::FileChunk read(const FileRef& file, std::int64_t offset,
                                std::int64_t length) = 0;
  /// The file's size (offset=-1, Mesos' size probe). Throws like read().
  virtual std::int64_t size(const FileRef& file) = 0;
  /// The entries of a directory. Throws like read().
  virtual std::vector<FileEntry> browse(const FileRef& directory) = 0;
};

/// FileReader over the agents' HTTP endpoints (mesos::AgentClient).
class AgentFileReader final : public FileReader {
 public:
  explicit AgentFileReader(mesos::AgentClient& agents) : agents_(agents) {}

  /// GET /files/read?path=…&offset=N&length=M (offset always explicit: Mesos reads a
  /// missing offset as the -1 size probe).
  model::FileChunk read(const FileRef& file, std::int64_t offset, std::int64_t length) override;
  /// GET /files/read?path=…&offset=-1.
  std::int64_t size(const FileRef& file) override;
  /// GET /files/browse?path=….
  std::vector<FileEntry> browse(const FileRef& directory) override;

 private:
  mesos::AgentClient& agents_;
};

/// Bytes per /files/read: the agent's cap on 4 KiB-page machines (16 pages).
inline constexpr std::int64_t kReadChunk = 64 * 1024;

}  // namespace qctl::logs
